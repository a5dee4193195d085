import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RowLookups } from './call-row';
import { FilterChips } from './FilterChips';
import { parseListState, serializeListState } from './list-state';

const lookups: RowLookups = {
  dispositions: new Map([
    ['g-connected', 'Connected'],
    ['g-busy', 'Busy'],
  ]),
  statusLabels: new Map([['BUSY', 'Busy line']]),
  owners: new Map([['7', 'Grace Hopper']]),
};

describe('FilterChips', () => {
  it('names every filter, the sort and the search in words', () => {
    const state = parseListState(new URLSearchParams('q=acme&outcome=g-busy&outcome=g-unknown&status=BUSY&owner=7&recording=with&sort=-duration'));
    render(<FilterChips state={state} setState={vi.fn()} lookups={lookups} />);
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
    const setState = vi.fn();
    const state = parseListState(new URLSearchParams('status=BUSY&owner=7&after=c1&after=c2'));
    render(<FilterChips state={state} setState={setState} lookups={lookups} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Status: Busy line' }));
    expect(serializeListState(setState.mock.calls[0]![0]).toString()).toBe('owner=7');
    fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(serializeListState(setState.mock.calls[1]![0]).toString()).toBe('');
  });

  it('shows nothing for the plain list', () => {
    const { container } = render(<FilterChips state={parseListState(new URLSearchParams('size=50'))} setState={vi.fn()} lookups={lookups} />);
    expect(container).toBeEmptyDOMElement();
  });
});
