/** "Needs attention" in the browser, over the real /api/hygiene (its report and scanner) and the HubSpot mock. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { renderWithProviders } from '../../test/render';
import AttentionPage from './AttentionPage';
import QueuePage from './QueuePage';

const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';

let hs: HubSpotFake;
const ids: Record<string, string> = {};
beforeEach(async () => {
  hs = installHubSpot();
  ids.noOutcome = await hs.create('calls', { hs_call_title: 'Nobody set an outcome', hs_timestamp: '2026-07-01T09:00:00.000Z', hs_call_status: 'COMPLETED', hs_call_duration: '60000' });
  ids.zero = await hs.create('calls', { hs_call_title: 'Zero seconds', hs_timestamp: '2026-07-01T10:00:00.000Z', hs_call_status: 'COMPLETED', hs_call_duration: '0', hs_call_disposition: CONNECTED });
  const contact = await hs.create('contacts', { firstname: 'Ada', lastname: 'Lovelace' });
  ids.onContact = await hs.create('calls', { hs_call_title: 'On a real contact', hs_timestamp: '2026-07-01T11:00:00.000Z', hs_call_status: 'COMPLETED', hs_call_duration: '1000', hs_call_disposition: CONNECTED });
  await hs.associate(ids.onContact, 'contacts', contact);
});
afterEach(() => uninstallHubSpot(hs));

const queue = (title: string) => screen.findByRole('region', { name: title });

describe('Needs attention', () => {
  it('counts the search queues now, says a scan is needed for the others, and what a scan does', async () => {
    renderWithProviders(<AttentionPage />, { route: '/attention' });
    const noOutcome = await queue('No outcome');
    await waitFor(() => expect(within(noOutcome).getByLabelText('Count: 1 call')).toBeInTheDocument());
    expect(within(noOutcome).getByText('Counted just now by HubSpot’s search')).toBeInTheDocument();
    expect(within(noOutcome).getByRole('link', { name: 'No outcome' })).toHaveAttribute('href', '/attention/no-outcome');
    expect(within(await queue('Completed with zero duration')).getByLabelText('Count: 1 call')).toBeInTheDocument();

    const orphans = await queue('No contact or company');
    expect(within(orphans).getByLabelText('Count: —')).toBeInTheDocument();
    expect(within(orphans).getByText('Needs a scan of every call')).toBeInTheDocument();
    expect(screen.getByText(/No scan yet\. .*about 2 seconds per 1,000 calls/)).toBeInTheDocument();
  });

  it('scans from the page: the scan queues get their counts from the scan, then Refresh is offered', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AttentionPage />, { route: '/attention' });
    await user.click(await screen.findByRole('button', { name: 'Scan now' }));
    await waitFor(() => expect(hs.scanner).toBeDefined());
    await hs.scanner?.settled();

    const orphans = await queue('No contact or company');
    // Two of the three calls are on no contact or company.
    await waitFor(() => expect(within(orphans).getByLabelText('Count: 2 calls')).toBeInTheDocument(), { timeout: 5000 });
    expect(within(orphans).getByText(/^From the scan of \d\d:\d\d, just now$/)).toBeInTheDocument();
    expect(within(await queue('Probable duplicates')).getByLabelText('Count: 0 groups')).toBeInTheDocument();
    expect(screen.getByText(/Last scan \(every call\) finished at .*: 3 of 3 calls read\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Full scan' })).toBeInTheDocument();
  });

  it('shows a failed scan with the message HubSpot gave', async () => {
    const user = userEvent.setup();
    hs.fail('GET', hs.paths.objects('calls'), 403, { status: 'error', message: 'This app lacks the crm.objects.calls.read scope.', category: 'MISSING_SCOPES', correlationId: 'c0ffee00-0000-4000-8000-000000000009' }, { times: 5 });
    renderWithProviders(<AttentionPage />, { route: '/attention' });
    await user.click(await screen.findByRole('button', { name: 'Scan now' }));
    await waitFor(() => expect(hs.scanner).toBeDefined());
    await hs.scanner?.settled();
    const alert = await screen.findByRole('alert', undefined, { timeout: 5000 });
    expect(alert).toHaveTextContent('The last scan failed');
    expect(alert).toHaveTextContent('crm.objects.calls.read scope');
  });

  it('takes N days for the missed-calls queue as a whole number from 1 to 365, into the address', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AttentionPage />, { route: '/attention?days=5' });
    const field = await screen.findByRole('spinbutton', { name: 'Days to call back (N)' });
    expect(field).toHaveValue(5);
    await user.clear(field);
    await user.type(field, '0');
    expect(screen.getByText('Enter a whole number from 1 to 365.')).toBeInTheDocument();
    expect(window.location.search).toBe('?days=5');
    await user.clear(field);
    await user.type(field, '14');
    expect(screen.getByText('A call back within 14 days counts.')).toBeInTheDocument();
    expect(window.location.search).toBe('?days=14');
    expect(within(await queue('Missed calls with no call back')).getByRole('link', { name: 'Missed calls with no call back' })).toHaveAttribute('href', '/attention/missed-no-callback?days=14');
  });
});

describe('A queue’s calls', () => {
  it('lists a search queue’s calls in the call list’s grid, each opening its call', async () => {
    renderWithProviders(<QueuePage />, { route: '/attention/no-outcome', params: { queue: 'no-outcome' } });
    expect(await screen.findByRole('heading', { name: 'No outcome', level: 1 })).toBeInTheDocument();
    const grid = await screen.findByRole('grid', { name: 'Calls' }, { timeout: 5000 });
    await waitFor(() => expect(within(grid).getAllByRole('row').filter((r) => r.dataset.id).map((r) => r.dataset.id)).toEqual([ids.noOutcome]));
    expect(screen.getByText('1 call matches.')).toBeInTheDocument();
  });

  it('asks for a scan before a scan queue has calls, then shows the calls of the scan in the list’s grid', async () => {
    renderWithProviders(<QueuePage />, { route: '/attention/no-association', params: { queue: 'no-association' } });
    expect(await screen.findByText('This queue comes from a scan of every call, and none has finished yet.')).toBeInTheDocument();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Scan now' }));
    await waitFor(() => expect(hs.scanner).toBeDefined());
    await hs.scanner?.settled();
    const grid = await screen.findByRole('grid', { name: 'Calls' }, { timeout: 5000 });
    await waitFor(() => {
      const rows = [...grid.querySelectorAll<HTMLElement>('[role="row"][data-id]')];
      expect(rows.map((r) => [r.dataset.id, r.querySelector('[data-field="title"]')?.textContent]).sort()).toEqual(
        [
          [ids.noOutcome, 'Nobody set an outcome'],
          [ids.zero, 'Zero seconds'],
        ].sort(),
      );
    });
    expect(screen.getByRole('searchbox')).toBeInTheDocument();
    expect(screen.getByText(/^From the scan of .*: 2 calls\.$/)).toBeInTheDocument();
  });

  it('says so for a queue that does not exist', async () => {
    renderWithProviders(<QueuePage />, { route: '/attention/nope', params: { queue: 'nope' } });
    expect(await screen.findByText('There is no such queue')).toBeInTheDocument();
  });
});
