import { QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { HubSpotApiError } from '../api/errors';
import { NotificationsProvider, useNotify } from '../lib/notifications';
import { createQueryClient } from './query-client';

function Providers({ children }: { children: ReactNode }) {
  return (
    <NotificationsProvider>
      <Client>{children}</Client>
    </NotificationsProvider>
  );
}
function Client({ children }: { children: ReactNode }) {
  const notify = useNotify();
  const [qc] = useState(() => createQueryClient(notify));
  return <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
}

const refused = new HubSpotApiError({ status: 502, category: 'HTTP_502', message: 'HubSpot could not be reached.', correlationId: 'c-502' });

/** A call title from "HubSpot": the first answer succeeds, every later one fails until `healthy` is set. */
function fakeCall() {
  const state = { calls: 0, healthy: false };
  const queryFn = () => {
    state.calls += 1;
    return state.calls === 1 || state.healthy ? Promise.resolve(`Renewal call #${state.calls}`) : Promise.reject(refused);
  };
  return { state, queryFn };
}

function CallTitle({ queryFn, errorTitle }: { queryFn: () => Promise<string>; errorTitle?: string | false }) {
  const q = useQuery({ queryKey: ['calls', 'detail', '1'], queryFn, meta: errorTitle === undefined ? undefined : { errorTitle } });
  return (
    <>
      <h1>{q.data ?? 'Loading'}</h1>
      <button onClick={() => void q.refetch()} disabled={q.isFetching}>
        Refresh
      </button>
    </>
  );
}

/** Clicks Refresh and waits until the refresh has settled. */
async function refresh() {
  const button = screen.getByRole('button', { name: 'Refresh' });
  await act(async () => button.click());
  await waitFor(() => expect(button).toBeEnabled());
}

describe('query cache error notices', () => {
  it('a failed background refresh of data on screen keeps the data and says so once, with the correlation ID', async () => {
    const { queryFn } = fakeCall();
    render(<CallTitle queryFn={queryFn} errorTitle="Could not refresh the call" />, { wrapper: Providers });
    // Generous waits: the first render loads MUI, and this machine is shared.
    expect(await screen.findByRole('heading', { name: 'Renewal call #1' }, { timeout: 10_000 })).toBeInTheDocument();

    await refresh();
    await refresh();

    const alerts = await screen.findAllByRole('alert', {}, { timeout: 10_000 });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent('Could not refresh the call: HubSpot could not be reached. (correlation ID c-502)');
    expect(screen.getByRole('heading', { name: 'Renewal call #1' })).toBeInTheDocument();

    // Closed, it stays closed: the second failure of the same streak queued no second notice.
    await act(async () => screen.getByRole('button', { name: 'Close' }).click());
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('a query that opts out, or has no data yet, leaves the telling to the screen', async () => {
    const optOut = fakeCall();
    const view = render(<CallTitle queryFn={optOut.queryFn} errorTitle={false} />, { wrapper: Providers });
    await screen.findByRole('heading', { name: 'Renewal call #1' }, { timeout: 10_000 });
    await refresh();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    view.unmount();

    const never = () => Promise.reject(refused);
    render(<CallTitle queryFn={never} />, { wrapper: Providers });
    await refresh();
    expect(screen.getByRole('heading', { name: 'Loading' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a mutation that does not report in place is told by the cache; one that opts out is not', async () => {
    function Save() {
      const quiet = useMutation({ mutationFn: () => Promise.reject(refused), meta: { errorTitle: false } });
      const loud = useMutation({ mutationFn: () => Promise.reject(refused) });
      return (
        <>
          <button onClick={() => quiet.mutate()}>quiet</button>
          <button onClick={() => loud.mutate()}>loud</button>
        </>
      );
    }
    render(<Save />, { wrapper: Providers });
    await act(async () => screen.getByRole('button', { name: 'quiet' }).click());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await act(async () => screen.getByRole('button', { name: 'loud' }).click());
    expect(await screen.findByRole('alert')).toHaveTextContent('HubSpot did not save the change: HubSpot could not be reached. (correlation ID c-502)');
  });
});
