import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_DEBOUNCE_MS, SearchBox } from './SearchBox';

describe('SearchBox', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the text once typing pauses, trimmed', () => {
    const onCommit = vi.fn();
    render(<SearchBox value="" onCommit={onCommit} />);
    const box = screen.getByRole('searchbox', { name: 'Search calls' });
    fireEvent.change(box, { target: { value: 'ren' } });
    fireEvent.change(box, { target: { value: 'renewal ' } });
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1));
    expect(onCommit).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit).toHaveBeenCalledWith('renewal');
  });

  it('says what it searches: HubSpot’s query matches words of titles and notes only', () => {
    render(<SearchBox value="" onCommit={vi.fn()} />);
    expect(screen.getByRole('searchbox', { name: 'Search calls' })).toHaveAttribute('placeholder', 'Words in titles and notes');
  });

  it('Enter sends at once', () => {
    const onCommit = vi.fn();
    render(<SearchBox value="" onCommit={onCommit} />);
    const box = screen.getByRole('searchbox', { name: 'Search calls' });
    fireEvent.change(box, { target: { value: 'acme' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledWith('acme');
  });

  it('shows what the URL says when it changes (back/forward, chip removed) without sending it back', () => {
    const onCommit = vi.fn();
    const { rerender } = render(<SearchBox value="old" onCommit={onCommit} />);
    rerender(<SearchBox value="" onCommit={onCommit} />);
    expect(screen.getByRole('searchbox', { name: 'Search calls' })).toHaveValue('');
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 2));
    expect(onCommit).not.toHaveBeenCalled();
  });
});
