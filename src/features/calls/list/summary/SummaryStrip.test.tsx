import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../../test/hubspot';
import { renderWithProviders } from '../../../../test/render';
import CallListPage from '../CallListPage';

const OUTCOME = {
  connected: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
  busy: '9d9162e7-6cf3-4944-bf63-4dff82258764',
  noAnswer: '73a0d17f-1163-4015-bdd5-ec830791da20',
};
const AT = '2026-11-01T10:00:00.000Z';
const SEARCH = '/crm/objects/2026-09/calls/search';

let hs: HubSpotFake;
/** Status of every answer the app got. */
let statuses: number[];
let owners: { id: string; firstName?: string; lastName?: string }[];

beforeEach(async () => {
  // HubSpot's limits enforced: 5 searches per second.
  hs = installHubSpot({ rateLimit: true });
  statuses = [];
  vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit) => {
    const res = await hs.fetch(input, init);
    statuses.push(res.status);
    return res;
  });
  owners = (await hs.api<{ results: typeof owners }>('GET', '/crm/v3/owners')).body.results;
});
afterEach(() => uninstallHubSpot(hs));

/** HubSpot's search total for calls matching `filters`, straight from the mock. */
async function total(filters: object[]): Promise<number> {
  const res = await hs.api<{ total: number }>('POST', SEARCH, { filterGroups: filters.length ? [{ filters }] : [], limit: 1 });
  return res.body.total;
}

const strip = () => screen.getByRole('region', { name: 'Summary of this view' });
/** Figures arrive one paced search after another on a busy machine. */
const SLOW = { timeout: 30_000 };
const figure = (name: RegExp) => within(strip()).findByRole('button', { name }, SLOW);
/** Searches that count by owner. */
const ownerSearches = () => hs.requests.filter(
    (r) => r.path.endsWith('/search') && JSON.stringify((r.body as { filterGroups?: unknown }).filterGroups).includes('hubspot_owner_id'),
  );

async function seedCalls() {
  const [ann, bob] = owners;
  const call = (p: Record<string, string>) => hs.create('calls', { hs_timestamp: AT, hs_call_direction: 'OUTBOUND', ...p });
  await call({ hs_call_title: 'a', hs_call_disposition: OUTCOME.connected, hs_call_duration: '60000', hubspot_owner_id: ann!.id });
  await call({ hs_call_title: 'b', hs_call_disposition: OUTCOME.connected, hs_call_duration: '120000', hubspot_owner_id: ann!.id });
  await call({ hs_call_title: 'c', hs_call_disposition: OUTCOME.connected, hubspot_owner_id: bob!.id });
  await call({ hs_call_title: 'd', hs_call_disposition: OUTCOME.busy, hs_call_duration: '0', hubspot_owner_id: bob!.id });
  await call({ hs_call_title: 'e', hs_call_disposition: OUTCOME.noAnswer, hs_call_duration: '3000' });
  await call({ hs_call_title: 'f', hs_call_duration: '1000' });
  // Outside the view (inbound).
  await call({ hs_call_title: 'g', hs_call_direction: 'INBOUND', hs_call_disposition: OUTCOME.connected, hs_call_duration: '999000' });
}

const outbound = { propertyName: 'hs_call_direction', operator: 'EQ', value: 'OUTBOUND' };
const outcomeIs = (guid: string) => ({ propertyName: 'hs_call_disposition', operator: 'EQ', value: guid });
const ownerIs = (id: string) => ({ propertyName: 'hubspot_owner_id', operator: 'EQ', value: id });

describe('the summary strip', { timeout: 120_000 }, () => {
  it('shows the view’s counts, connect rate and talk time as HubSpot’s search answers them, without a 429', async () => {
    await seedCalls();
    const expected = {
      all: await total([outbound]),
      connected: await total([outbound, outcomeIs(OUTCOME.connected)]),
      busy: await total([outbound, outcomeIs(OUTCOME.busy)]),
      noAnswer: await total([outbound, outcomeIs(OUTCOME.noAnswer)]),
    };
    expect(expected).toEqual({ all: 6, connected: 3, busy: 1, noAnswer: 1 });

    renderWithProviders(<CallListPage />, { route: '/calls?direction=OUTBOUND' });
    expect(await within(strip()).findByText(/calls in this view/)).toHaveTextContent(`${expected.all} calls in this view`);
    expect(await figure(/^Connected \d/)).toHaveTextContent(`Connected ${expected.connected}`);
    expect(await figure(/^Busy \d/)).toHaveTextContent(`Busy ${expected.busy}`);
    expect(await figure(/^No answer \d/)).toHaveTextContent(`No answer ${expected.noAnswer}`);
    expect(await within(strip()).findByRole('button', { name: 'Connect rate 50%' }, SLOW)).toBeInTheDocument();
    expect(within(strip()).getByText('3 “Connected” of 6 calls')).toBeInTheDocument();
    // The one call with no outcome.
    expect(await within(strip()).findByText('No outcome or one the account does not list: 1 call', {}, SLOW)).toBeInTheDocument();
    // 60 + 120 + 0 + 3 + 1 seconds over the 5 calls with a duration (the inbound call is not in the view).
    expect(await within(strip()).findByText(/per call with a duration/, {}, SLOW)).toHaveTextContent(
      'Talk time 0:03:04, average 0:00:37 per call with a duration (5 calls), over all 6 calls',
    );
    await waitFor(() => expect(statuses.length).toBeGreaterThan(0));
    expect(statuses).not.toContain(429);
  });

  it('starts counting once the list’s rows and names are in, so the rows come first', async () => {
    await seedCalls();
    const call = await hs.create('calls', { hs_call_title: 'named', hs_timestamp: AT, hs_call_direction: 'OUTBOUND' });
    await hs.associate(call, 'contacts', await hs.create('contacts', { firstname: 'Ada', lastname: 'Lovelace' }));
    // The list's page waits for its contacts' names: hold them back.
    const held = hs.hold('POST', '/crm/objects/2026-09/contacts/batch/read');
    renderWithProviders(<CallListPage />, { route: '/calls' });
    await held.reached;
    // Only the list's own search so far: the strip has not asked HubSpot anything.
    expect(hs.requests.filter((r) => r.path.endsWith('/search'))).toHaveLength(1);
    expect(within(strip()).getByText('Counting calls…')).toBeInTheDocument();
    held.release();
    expect(await screen.findByText('named')).toBeInTheDocument();
    expect(await within(strip()).findByText('8 calls in this view', {}, SLOW)).toBeInTheDocument();
    expect(await figure(/^Connected \d/)).toHaveTextContent('Connected 4');
  });

  it('counts by owner only when asked, and each figure filters the list', async () => {
    await seedCalls();
    const [ann, bob] = owners;
    const annCount = await total([outbound, ownerIs(ann!.id)]);
    const bobCount = await total([outbound, ownerIs(bob!.id)]);
    const user = userEvent.setup();
    renderWithProviders(<CallListPage />, { route: '/calls?direction=OUTBOUND' });
    expect(await screen.findByText('6 calls match.')).toBeInTheDocument();
    expect(await within(strip()).findByText(/per call with a duration/, {}, SLOW)).toHaveTextContent(/over all 6 calls$/);
    // A search per owner: none until asked.
    expect(ownerSearches()).toHaveLength(0);

    const ask = await within(strip()).findByRole('button', { name: `Count by owner (${owners.length} searches)` });
    await user.click(ask);
    const byOwner = within(strip()).getByRole('region', { name: 'Calls by owner' });
    const annName = `${ann!.firstName} ${ann!.lastName}`;
    expect(await within(byOwner).findByRole('button', { name: `${annName} ${annCount}` }, SLOW)).toBeInTheDocument();
    expect(await within(byOwner).findByRole('button', { name: `${bob!.firstName} ${bob!.lastName} ${bobCount}` })).toBeInTheDocument();
    expect(await within(byOwner).findByText('No owner or a former owner: 2 calls', {}, SLOW)).toBeInTheDocument();
    expect(ownerSearches()).toHaveLength(owners.length);
    expect(statuses).not.toContain(429);

    await user.click(within(byOwner).getByRole('button', { name: `${annName} ${annCount}` }));
    expect(await screen.findByText(`${annCount} calls match.`)).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get('owner')).toBe(ann!.id);

    await user.click(await figure(/^Busy \d/));
    expect(await screen.findByText('No calls match')).toBeInTheDocument(); // Ann has no busy call
    expect(new URLSearchParams(window.location.search).getAll('outcome')).toEqual([OUTCOME.busy]);
    // The strip follows the view: Ann's busy calls.
    expect(await within(strip()).findByText('0 calls in this view', {}, SLOW)).toBeInTheDocument();
  });

  it('shows a failed figure in the strip with HubSpot’s message, and Retry loads it', async () => {
    await seedCalls();
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<CallListPage />, { route: '/calls' });
    expect(await within(strip()).findByText('7 calls in this view', {}, SLOW)).toBeInTheDocument();
    // Every figure counted (they are paced, so some are still queued after the first)...
    await waitFor(() => expect(queryClient.isFetching()).toBe(0), SLOW);
    // ...and counting again: the strip's first search is refused.
    hs.fail('POST', SEARCH, 400, { status: 'error', message: 'Search is unwell', correlationId: 'c0ffee00-0000-4000-8000-00000000abcd', category: 'VALIDATION_ERROR' });
    await user.click(within(strip()).getByRole('button', { name: 'Refresh figures' }));
    const alert = await within(strip()).findByRole('alert');
    expect(alert).toHaveTextContent(/^Could not count .*: Search is unwell/);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(strip()).queryByRole('alert')).toBeNull(), SLOW);
    expect(await within(strip()).findByText(/per call with a duration/, {}, SLOW)).toHaveTextContent(/over all 7 calls$/);
    expect(await within(strip()).findByText('7 calls in this view')).toBeInTheDocument();
    expect(await figure(/^Connected \d/)).toHaveTextContent('Connected 4');
  });
});
