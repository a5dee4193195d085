import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { RouterView, type RouteMatch } from '../../../lib/router';
import { lastListUrl } from '../shared/list-return';
import { useListState } from './useListState';

function ListView() {
  const [state, , update] = useListState();
  return (
    <div>
      <p>search: {state.q}</p>
      <button type="button" onClick={() => update((s) => ({ ...s, q: 'renewal' }))}>
        Search renewal
      </button>
    </div>
  );
}

const resolve = (pathname: string): RouteMatch => (pathname === '/calls' || pathname.startsWith('/attention/') ? { element: <ListView /> } : { element: <p>elsewhere</p> });

afterEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('useListState', () => {
  it('remembers the list view so "Open in list" returns to it, also without the Navigation API', async () => {
    window.history.replaceState(null, '', '/calls?size=50&q=Delete%20me');
    render(<RouterView resolve={resolve} />);
    // Exactly as the address bar has it (a pasted or bookmarked link comes back unchanged).
    expect(lastListUrl()).toBe('/calls?size=50&q=Delete%20me');
    await userEvent.click(screen.getByRole('button', { name: 'Search renewal' }));
    expect(await screen.findByText('search: renewal')).toBeInTheDocument();
    expect(lastListUrl()).toMatch(/^\/calls\?.*q=renewal/);
    act(() => window.history.replaceState(null, '', '/calls/7'));
    expect(lastListUrl()).toMatch(/q=renewal/);
  });

  it('keeps the parameters of the screen that shows the list (a queue’s N days) when the view changes', async () => {
    window.history.replaceState(null, '', '/attention/missed-no-callback?days=14&sort=time');
    render(<RouterView resolve={resolve} />);
    await userEvent.click(screen.getByRole('button', { name: 'Search renewal' }));
    expect(await screen.findByText('search: renewal')).toBeInTheDocument();
    const params = new URLSearchParams(window.location.search);
    expect(params.get('days')).toBe('14');
    expect(params.get('q')).toBe('renewal');
    expect(params.get('sort')).toBe('time');
  });
});
