import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../test/hubspot';
import { renderWithProviders } from '../test/render';
import CallListPage from '../features/calls/list/CallListPage';
import { createQueryClient } from './query-client';
import { prefetchScreen } from './router';

let hs: HubSpotFake;

beforeEach(async () => {
  hs = installHubSpot();
  await hs.create('calls', { hs_call_title: 'earlyword one', hs_timestamp: '2026-11-01T10:00:00.000Z' });
  await hs.create('calls', { hs_call_title: 'another call', hs_timestamp: '2026-11-02T10:00:00.000Z' });
});
afterEach(() => uninstallHubSpot(hs));

/** The list's own searches (the summary strip's ask only for hs_object_id or hs_call_duration). */
const listSearches = () =>
  hs.requests.filter((r) => r.path.endsWith('/calls/search') && (r.body as { properties?: string[] }).properties?.includes('hs_call_title'));

describe('asking for the first screen before React renders (app/start.tsx)', { timeout: 60_000 }, () => {
  it('reads the list’s page for the address before anything renders, and the list then shows it without searching again', async () => {
    const queryClient = createQueryClient();
    prefetchScreen(queryClient, { pathname: '/calls', search: '?q=earlyword' });
    await waitFor(() => expect(listSearches()).toHaveLength(1));
    expect(listSearches()[0]?.body).toMatchObject({ query: 'earlyword' });

    renderWithProviders(<CallListPage />, { route: '/calls?q=earlyword', queryClient });
    expect(await screen.findByText('earlyword one')).toBeInTheDocument();
    expect(screen.getByText('1 call matches.')).toBeInTheDocument();
    expect(listSearches()).toHaveLength(1);
  });

  it('asks nothing of the list for another screen or for a saved view’s link (which opens another address)', async () => {
    for (const [pathname, search] of [
      ['/calls/7', ''],
      ['/calls', '?view=5'],
    ] as const) {
      prefetchScreen(createQueryClient(), { pathname, search });
    }
    // The API version is asked for (every screen needs it); give any search the same time to start.
    await waitFor(() => expect(hs.requests.some((r) => r.path === '/hubspot-connection')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listSearches()).toHaveLength(0);
  });
});
