import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RowLookups } from './call-row';
import { FilterChips } from './FilterChips';
import { parseListState, serializeListState, type ListState } from './list-state';
import type { ListStateUpdate } from './useListState';

const lookups: RowLookups = {
  dispositions: new Map([
    ['g-connected', 'Connected'],
    ['g-busy', 'Busy'],
  ]),
  statusLabels: new Map([['BUSY', 'Busy line']]),
  owners: new Map([['7', 'Grace Hopper']]),
};

/** The URL's view state as `update` changes it (the chips are not re-rendered in between, as in a quick double click). */
function urlOf(initial: ListState) {
  let current = initial;
  const update: ListStateUpdate = (change) => {
    current = change(current);
  };
  return { update, query: () => serializeListState(current).toString() };
}

describe('FilterChips', () => {
  it('names every filter, the sort and the search in words', () => {
    const state = parseListState(new URLSearchParams('q=acme&outcome=g-busy&outcome=g-unknown&status=BUSY&owner=7&recording=with&sort=-duration'));
    render(<FilterChips state={state} update={vi.fn()} lookups={lookups} onClearAll={vi.fn()} />);
    for (const name of [
      'Remove Search: “acme”',
      'Remove Outcome: Busy or Unknown outcome',
      'Remove Status: Busy line',
      'Remove Owner: Grace Hopper',
      'Remove Has a recording',
      'Remove Sorted by duration, descending',
    ]) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('removing a chip drops only that part of the view and returns to the first page', () => {
    const state = parseListState(new URLSearchParams('status=BUSY&owner=7&after=c1&after=c2'));
    const url = urlOf(state);
    render(<FilterChips state={state} update={url.update} lookups={lookups} onClearAll={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Status: Busy line' }));
    expect(url.query()).toBe('owner=7');
  });

  it('two quick removals, before the chips re-render, both take effect', () => {
    const state = parseListState(new URLSearchParams('status=BUSY&owner=7&from=2026-03-01'));
    const url = urlOf(state);
    render(<FilterChips state={state} update={url.update} lookups={lookups} onClearAll={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Status: Busy line' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove From: 2026-03-01' }));
    expect(url.query()).toBe('owner=7');
  });

  it('shows nothing for the plain list', () => {
    const { container } = render(<FilterChips state={parseListState(new URLSearchParams('size=50'))} update={vi.fn()} lookups={lookups} onClearAll={vi.fn()} />);
    expect(container).toBeEmptyDOMElement();
  });
});
