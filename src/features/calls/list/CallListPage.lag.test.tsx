import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import CallListPage from './CallListPage';

const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const AT = '2026-11-01T10:00:00.000Z';

let hs: HubSpotFake;
let ids: { alpha: string; beta: string };

beforeEach(async () => {
  // Search lags behind the app's writes for longer than the test runs: every search answers from before them.
  hs = installHubSpot({ searchLagMs: 600_000 });
  ids = {
    alpha: await hs.create('calls', { hs_call_title: 'lagword alpha', hs_timestamp: AT, hs_call_disposition: CONNECTED }),
    beta: await hs.create('calls', { hs_call_title: 'lagword beta', hs_timestamp: AT, hs_call_disposition: CONNECTED }),
  };
});
afterEach(() => uninstallHubSpot(hs));

/** The list's own searches (the summary strip's ask only for hs_object_id or hs_call_duration). */
const listSearches = () =>
  hs.requests.filter((r) => r.path.endsWith('/calls/search') && (r.body as { properties?: string[] }).properties?.includes('hs_call_title'));
const rowOf = (id: string) => document.querySelector<HTMLElement>(`[role="row"][data-id="${id}"]`);
const outcomeCell = (id: string) => rowOf(id)?.querySelector('[data-field="outcome"]')?.textContent ?? null;

describe('the call list over a search that lags behind writes', { timeout: 60_000 }, () => {
  it('keeps the user’s own writes over a search that lags: a changed outcome stays, a deleted call does not come back', async () => {
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<CallListPage />, { route: '/calls?q=lagword' });
    expect(await screen.findByText('2 calls match.')).toBeInTheDocument();
    await waitFor(() => expect(outcomeCell(ids.alpha)).toBe('Connected'), { timeout: 10_000 });

    await user.click(screen.getByRole('button', { name: 'Change outcome of lagword alpha' }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'Busy' }));
    expect(await screen.findByText('Outcome of “lagword alpha” set to Busy.')).toBeInTheDocument();
    // The list is read again from search, which still has the old outcome.
    await waitFor(() => expect(listSearches()).toHaveLength(2));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(outcomeCell(ids.alpha)).toBe('Busy');

    await user.click(within(rowOf(ids.beta)!).getByRole('checkbox'));
    expect(await screen.findByText('1 selected.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    // (Polled with a selector: queries over the whole grid are slow enough to starve the dialog's lazy load.)
    const dialog = await waitFor(
      () => {
        const open = document.querySelector<HTMLElement>('[role="dialog"]');
        if (!open) throw new Error('The dialog is not open yet.');
        return open;
      },
      { timeout: 10_000 },
    );
    expect(dialog).toHaveTextContent('Delete 1 call? They move');
    await user.click(within(dialog).getByRole('button', { name: 'Delete 1 call' }));
    expect(await within(dialog).findByText('1 call deleted.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(listSearches()).toHaveLength(3));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(rowOf(ids.beta)).toBeNull();
    expect(screen.getByText('1 call matches.')).toBeInTheDocument();
    expect(outcomeCell(ids.alpha)).toBe('Busy');
    // HubSpot has both writes: only search lags.
    expect((await hs.read('calls', ids.alpha, ['hs_call_disposition'])).hs_call_disposition).toBe('9d9162e7-6cf3-4944-bf63-4dff82258764');
  });

  it('keeps the user’s own write after a reload of the tab, while search still has the old value', async () => {
    const user = userEvent.setup();
    const first = renderWithProviders(<CallListPage />, { route: '/calls?q=lagword' });
    expect(await screen.findByText('2 calls match.')).toBeInTheDocument();
    await waitFor(() => expect(outcomeCell(ids.alpha)).toBe('Connected'), { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: 'Change outcome of lagword alpha' }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'Busy' }));
    expect(await screen.findByText('Outcome of “lagword alpha” set to Busy.')).toBeInTheDocument();
    await waitFor(() => expect(first.queryClient.isFetching()).toBe(0));

    // The reload: the page and its query client (with the mutation cache) are gone; the tab's storage stays.
    first.unmount();
    const searches = () => hs.hubspotRequests().filter((r) => r.startsWith(`POST ${hs.paths.objectSearch('calls')}`)).length;
    const before = searches();
    const reloaded = renderWithProviders(<CallListPage />, { route: '/calls?q=lagword' });
    expect(await screen.findByText('2 calls match.')).toBeInTheDocument();
    await waitFor(() => expect(searches()).toBeGreaterThan(before));
    await waitFor(() => expect(reloaded.queryClient.isFetching()).toBe(0));
    // (The row the user did not edit shows search's answer, so the labels are in.)
    await waitFor(() => expect(outcomeCell(ids.beta)).toBe('Connected'), { timeout: 10_000 });
    expect(outcomeCell(ids.alpha)).toBe('Busy');
  });
});
