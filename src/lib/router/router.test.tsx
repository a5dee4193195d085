import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Link, navigate, RouterView, useBlocker, useParams, useSearchParams, type RouteMatch } from './router';

function Page({ name }: { name: string }) {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  return (
    <div>
      <h1>{id ? `${name} ${id}` : name}</h1>
      <p>q={params.get('q') ?? ''}</p>
      <button onClick={() => setParams((prev) => ({ ...Object.fromEntries(prev), q: 'acme' }))}>Search acme</button>
      <Link to="/calls/7">Open 7</Link>
      <Link to="/calls">All calls</Link>
    </div>
  );
}

function Guarded() {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname);
  return (
    <div>
      <h1>Editing</h1>
      <Link to="/calls">Leave</Link>
      {blocker.state === 'blocked' && (
        <div role="dialog" aria-label="Leave?">
          <button onClick={blocker.proceed}>Leave anyway</button>
          <button onClick={blocker.reset}>Stay</button>
        </div>
      )}
    </div>
  );
}

function resolve(pathname: string): RouteMatch {
  if (pathname === '/calls') return { element: <Page name="List" /> };
  if (pathname === '/edit') return { element: <Guarded /> };
  const m = /^\/calls\/([^/]+)$/.exec(pathname);
  if (m) return { element: <Page name="Call" />, params: { id: decodeURIComponent(m[1] ?? '') } };
  return { element: <h1>Not found</h1> };
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('navigation', () => {
  it('links and search-param updates change the page and the URL; history goes back', async () => {
    window.history.replaceState(null, '', '/calls');
    render(<RouterView resolve={resolve} />);
    expect(screen.getByRole('heading', { name: 'List' })).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Search acme' }));
    expect(await screen.findByText('q=acme')).toBeVisible();
    expect(window.location.search).toBe('?q=acme');

    await userEvent.click(screen.getByRole('link', { name: 'Open 7' }));
    expect(await screen.findByRole('heading', { name: 'Call 7' })).toBeVisible();
    expect(window.location.pathname).toBe('/calls/7');
    expect(screen.getByRole('link', { name: 'All calls' })).toHaveAttribute('href', '/calls');

    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(await screen.findByRole('heading', { name: 'List' })).toBeVisible();
    expect(screen.getByText('q=acme')).toBeVisible();
  });

  it('a blocker holds in-app navigation until the user proceeds, and Stay keeps the page', async () => {
    window.history.replaceState(null, '', '/edit');
    render(<RouterView resolve={resolve} />);

    await userEvent.click(screen.getByRole('link', { name: 'Leave' }));
    await userEvent.click(screen.getByRole('button', { name: 'Stay' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Editing' })).toBeVisible();
    expect(window.location.pathname).toBe('/edit');

    act(() => navigate('/calls/9'));
    expect(screen.getByRole('dialog', { name: 'Leave?' })).toBeVisible();
    expect(window.location.pathname).toBe('/edit');
    await userEvent.click(screen.getByRole('button', { name: 'Leave anyway' }));
    expect(await screen.findByRole('heading', { name: 'Call 9' })).toBeVisible();
    expect(window.location.pathname).toBe('/calls/9');
  });

  it('browser back is held too: the URL returns to the form until the user proceeds', async () => {
    render(<RouterView resolve={resolve} />);
    act(() => navigate('/calls'));
    act(() => navigate('/edit'));
    expect(await screen.findByRole('heading', { name: 'Editing' })).toBeVisible();

    const popped = () => new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    await act(async () => {
      const undone = popped().then(popped);
      window.history.back();
      await undone;
    });
    expect(screen.getByRole('dialog', { name: 'Leave?' })).toBeVisible();
    expect(window.location.pathname).toBe('/edit');

    await act(async () => {
      const moved = popped();
      await userEvent.click(screen.getByRole('button', { name: 'Leave anyway' }));
      await moved;
    });
    expect(await screen.findByRole('heading', { name: 'List' })).toBeVisible();
    expect(window.location.pathname).toBe('/calls');
  });
});
