import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../server/mock/clock';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import DeletedCallsPage from './DeletedCallsPage';

const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const ARTICLE = 'https://knowledge.hubspot.com/records/restore-deleted-activity-in-a-record';

let hs: HubSpotFake;
beforeEach(() => {
  hs = installHubSpot();
});
afterEach(() => uninstallHubSpot(hs));

async function deleteCall(id: string) {
  expect((await hs.api('DELETE', `/crm/v3/objects/calls/${id}`)).status).toBe(204);
}

/** The calls of `/crm/v3/objects/calls?limit=100` (live ones) with the given title. */
async function liveCallsTitled(title: string): Promise<{ id: string; properties: Record<string, string | null> }[]> {
  const page = await hs.api<{ results: { id: string; properties: Record<string, string | null> }[] }>(
    'GET',
    '/crm/v3/objects/calls?limit=100&properties=hs_call_title,hs_timestamp,hs_call_disposition,hs_call_body,hs_call_recording_url',
  );
  return page.body.results.filter((c) => c.properties.hs_call_title === title);
}

describe('recently deleted calls', { timeout: 30_000 }, () => {
  it('lists a deleted call with its time and deletion time, newest deletion first, and not a live call', async () => {
    // HubSpot's clock, so the deletion times are known and apart.
    uninstallHubSpot(hs);
    const clock = fixedClock(Date.UTC(2026, 10, 20, 12, 0, 0));
    hs = installHubSpot({ clock });
    const older = await hs.create('calls', { hs_call_title: 'Older deletion', hs_timestamp: '2026-10-01T09:00:00.000Z' });
    const newer = await hs.create('calls', { hs_call_title: 'Newer deletion', hs_timestamp: '2026-10-02T09:00:00.000Z' });
    await hs.create('calls', { hs_call_title: 'Still here', hs_timestamp: '2026-10-03T09:00:00.000Z' });
    await deleteCall(older);
    clock.advance(3 * 86_400_000);
    await deleteCall(newer);

    renderWithProviders(<DeletedCallsPage />, { route: '/calls/deleted' });
    const table = await screen.findByRole('table', { name: 'Deleted calls' });
    const rows = within(table).getAllByRole('row').slice(1);
    // HubSpot lists them in creation order; the page puts the newest deletion first.
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['Newer deletion', 'Older deletion']);
    const cells = (row: HTMLElement | undefined) => within(row as HTMLElement).getAllByRole('cell');
    expect(cells(rows[0])[1]).toHaveTextContent('2 Oct 2026');
    expect(cells(rows[0])[2]).toHaveTextContent('23 Nov 2026');
    expect(cells(rows[1])[2]).toHaveTextContent('20 Nov 2026');
    expect(screen.queryByText('Still here')).toBeNull();
    expect(hs.hubspotRequests().some((r) => r.startsWith(`GET ${hs.paths.objects('calls')}?`) && r.includes('archived=true'))).toBe(true);
    // Only with real HubSpot is there a HubSpot page to point to.
    expect(screen.queryByRole('link', { name: /restore deleted activities/i })).toBeNull();
  });

  it('pages 50 at a time, the URL holding the page, across HubSpot’s own pages of 100', async () => {
    const user = userEvent.setup();
    const inputs = Array.from({ length: 101 }, (_, i) => ({ properties: { hs_call_title: `Paged ${i}`, hs_timestamp: '2026-10-07T08:00:00.000Z' }, associations: [] }));
    const created = await hs.api<{ results: { id: string }[] }>('POST', '/crm/v3/objects/calls/batch/create', { inputs: inputs.slice(0, 100) });
    const last = await hs.api<{ results: { id: string }[] }>('POST', '/crm/v3/objects/calls/batch/create', { inputs: inputs.slice(100) });
    const ids = [...created.body.results, ...last.body.results].map((c) => c.id);
    expect((await hs.api('POST', '/crm/v3/objects/calls/batch/archive', { inputs: ids.slice(0, 100).map((id) => ({ id })) })).status).toBe(204);
    await deleteCall(ids[100] ?? '');

    renderWithProviders(<DeletedCallsPage />, { route: '/calls/deleted' });
    const table = await screen.findByRole('table', { name: 'Deleted calls' });
    expect(screen.getByText('101 deleted calls, newest deletion first.')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Page 3 of 3')).toBeInTheDocument();
    expect(window.location.search).toBe('?page=3');
    expect(within(screen.getByRole('table', { name: 'Deleted calls' })).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });

  it('says so when nothing is deleted, and shows HubSpot’s error with a retry', async () => {
    hs.fail('GET', hs.paths.objects('calls'), 500, { status: 'error', message: 'Internal error', correlationId: 'abc-123', category: 'INTERNAL_ERROR' }, { times: 1 });
    renderWithProviders(<DeletedCallsPage />, { route: '/calls/deleted' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the deleted calls');
    expect(alert).toHaveTextContent('Internal error');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No deleted calls')).toBeInTheDocument();
  });

  it('links to HubSpot’s article on restoring deleted activities when connected to HubSpot', async () => {
    hs.connectToHubSpot();
    renderWithProviders(<DeletedCallsPage />, { route: '/calls/deleted' });
    const link = await screen.findByRole('link', { name: 'How to restore deleted activities in HubSpot (knowledge base)' });
    expect(link).toHaveAttribute('href', ARTICLE);
  });

  it('"Log again as a new call" creates a call with the same properties and associations, without the recording, and links to it', async () => {
    const user = userEvent.setup();
    const contact = await hs.create('contacts', { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com' });
    const company = await hs.create('companies', { name: 'Analytical Engines', domain: 'engines.example.com' });
    const props = {
      hs_call_title: 'Quarterly review',
      hs_timestamp: '2026-10-05T14:30:00.000Z',
      hs_call_disposition: CONNECTED,
      hs_call_body: '<p>Discussed the renewal.</p>',
      hs_call_recording_url: 'https://recordings.example.com/q.mp3',
    };
    const id = await hs.create('calls', props);
    await hs.associate(id, 'contacts', contact);
    await hs.associate(id, 'companies', company);
    await deleteCall(id);

    renderWithProviders(<DeletedCallsPage />, { route: '/calls/deleted' });
    await user.click(await screen.findByRole('button', { name: 'Log “Quarterly review” again as a new call' }));
    const dialog = screen.getByRole('dialog', { name: 'Log again as a new call' });
    expect(await within(dialog).findByText('The new call is associated with the same records: 1 contact, 1 company.')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('The recording is not copied');
    await user.click(within(dialog).getByRole('button', { name: 'Log the new call' }));
    const open = await within(dialog).findByRole('link', { name: 'Open the new call' });

    const [copy] = await liveCallsTitled('Quarterly review');
    expect(copy).toBeDefined();
    expect(copy?.id).not.toBe(id);
    expect(open).toHaveAttribute('href', `/calls/${copy?.id}`);
    expect(copy?.properties).toMatchObject({ hs_timestamp: props.hs_timestamp, hs_call_disposition: CONNECTED, hs_call_body: props.hs_call_body });
    expect(copy?.properties.hs_call_recording_url ?? '').toBe('');
    expect(await hs.associatedIds(copy?.id ?? '', 'contacts')).toEqual([contact]);
    expect(await hs.associatedIds(copy?.id ?? '', 'companies')).toEqual([company]);
  });

  it('says when HubSpot lists no associations for the deleted call, and logs the new call without any', async () => {
    const user = userEvent.setup();
    const id = await hs.create('calls', { hs_call_title: 'Lonely call', hs_timestamp: '2026-10-06T08:00:00.000Z' });
    await deleteCall(id);
    renderWithProviders(<DeletedCallsPage />, { route: '/calls/deleted' });
    await user.click(await screen.findByRole('button', { name: 'Log “Lonely call” again as a new call' }));
    const dialog = screen.getByRole('dialog', { name: 'Log again as a new call' });
    expect(await within(dialog).findByText(/HubSpot lists no associated records for this deleted call/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Log the new call' }));
    await within(dialog).findByRole('link', { name: 'Open the new call' });
    await waitFor(async () => expect(await liveCallsTitled('Lonely call')).toHaveLength(1));
  });
});
