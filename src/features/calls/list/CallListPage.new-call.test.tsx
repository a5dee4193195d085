import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import { useCreateCall } from '../calls-queries';
import CallListPage from './CallListPage';
import FilteredCallGrid from '../embed/FilteredCallGrid';

const AT = '2026-11-01T10:00:00.000Z';
const NOTE = 'A call you just logged may take a few seconds to appear in search results.';

let hs: HubSpotFake;

beforeEach(async () => {
  // The app's writes reach search 4 s later (HubSpot's "few seconds"); the seeded calls are searchable at once.
  hs = installHubSpot({ searchLagMs: 4_000 });
  await hs.create('calls', { hs_call_title: 'lagword alpha', hs_timestamp: AT });
  await hs.create('calls', { hs_call_title: 'lagword beta', hs_timestamp: AT });
});
afterEach(() => uninstallHubSpot(hs));

/** Logs a call through the app's create mutation, on the query client the list then uses (as "Log a call" does). */
async function logCall(title: string) {
  const logger: { create?: ReturnType<typeof useCreateCall>['mutateAsync'] } = {};
  function LogACall() {
    logger.create = useCreateCall().mutateAsync;
    return null;
  }
  const { queryClient, unmount } = renderWithProviders(<LogACall />);
  const create = logger.create;
  if (!create) throw new Error('The create mutation did not render.');
  const call = await act(() => create({ properties: { hs_call_title: title, hs_timestamp: new Date().toISOString() } }));
  unmount();
  return { id: call.id, queryClient };
}

const rows = () => document.querySelectorAll('[role="row"][data-id]');
const rowOf = (id: string) => document.querySelector(`[role="row"][data-id="${id}"]`);
const listSearches = () =>
  hs.requests.filter((r) => r.path.endsWith('/calls/search') && (r.body as { properties?: string[] }).properties?.includes('hs_call_title')).length;

describe('a call the user has just logged, while HubSpot’s search has not indexed it yet', { timeout: 60_000 }, () => {
  it('appears in the list without any user action, with a note meanwhile; the status line, the rows and the summary agree', async () => {
    const { id, queryClient } = await logCall('lagword gamma');
    renderWithProviders(<CallListPage />, { route: '/calls?q=lagword', queryClient });

    // Search does not have it yet: the list says so plainly.
    expect(await screen.findByText('2 calls match.')).toBeInTheDocument();
    expect(screen.getByText(NOTE)).toBeInTheDocument();
    expect(rowOf(id)).toBeNull();

    // Once search has it, it is on the page, and the note is gone.
    await waitFor(() => expect(rowOf(id)).not.toBeNull(), { timeout: 15_000 });
    expect(screen.getByText('3 calls match.')).toBeInTheDocument();
    expect(rows()).toHaveLength(3);
    expect(rowOf(id)).toHaveTextContent('lagword gamma');
    expect(screen.queryByText(NOTE)).toBeNull();
    expect(await screen.findByText('3 calls in this view', undefined, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('stops searching again once the window has passed, when the new call is not in the view', async () => {
    const { queryClient } = await logCall('some other call');
    renderWithProviders(<CallListPage />, { route: '/calls?q=lagword', queryClient });

    expect(await screen.findByText('2 calls match.')).toBeInTheDocument();
    expect(screen.getByText(NOTE)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(NOTE)).toBeNull(), { timeout: 20_000 });
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const searched = listSearches();
    expect(searched).toBeGreaterThan(1);

    // No more searches of the page: wait longer than the list's catch-up interval, and count again.
    await act(() => new Promise((resolve) => setTimeout(resolve, 2_500)));
    expect(listSearches()).toBe(searched);
    expect(screen.getByText('2 calls match.')).toBeInTheDocument();
    expect(rows()).toHaveLength(2);
  });

  it('leaves a rule view (a queue’s grid) alone: it searches once, and says nothing of the new call', async () => {
    const { queryClient } = await logCall('lagword gamma');
    const rule = [[{ propertyName: 'hs_call_title', operator: 'CONTAINS_TOKEN' as const, value: 'lagword' }]];
    renderWithProviders(<FilteredCallGrid groups={rule} />, { route: '/attention/queue', queryClient });

    await waitFor(() => expect(rows()).toHaveLength(2));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    // Longer than the list's catch-up interval: a list would have searched again by now.
    await act(() => new Promise((resolve) => setTimeout(resolve, 2_500)));
    expect(listSearches()).toBe(1);
    expect(screen.queryByText(NOTE)).toBeNull();
  });
});
