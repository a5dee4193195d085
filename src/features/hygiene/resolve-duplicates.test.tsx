/** Resolving a group of the duplicates queue in the browser, over the real /api/hygiene and the HubSpot fake. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubspotError, installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { renderWithProviders } from '../../test/render';
import QueuePage from './QueuePage';

const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';

let hs: HubSpotFake;
const ids: Record<string, string> = {};
beforeEach(async () => {
  hs = installHubSpot();
  const ada = await hs.create('contacts', { firstname: 'Ada', lastname: 'Lovelace' });
  const grace = await hs.create('contacts', { firstname: 'Grace', lastname: 'Hopper' });
  const acme = await hs.create('companies', { name: 'Acme Corp' });
  const dialer = { hs_call_external_id: 'dlr-1', hs_call_direction: 'OUTBOUND', hs_call_status: 'COMPLETED', hs_call_from_number: '+16175550100', hs_call_to_number: '+16175550199' };
  // The original: notes, outcome, duration, on Ada and Acme. A copy: no notes nor outcome, 0 s, on Ada and Grace.
  ids.original = await hs.create('calls', { ...dialer, hs_call_title: 'Pricing with Ada', hs_timestamp: '2026-11-02T10:00:00.000Z', hs_call_body: '<p>Wants a quote</p>', hs_call_disposition: CONNECTED, hs_call_duration: '125000' });
  ids.copy = await hs.create('calls', { ...dialer, hs_call_title: 'Call with +16175550199', hs_timestamp: '2026-11-02T10:00:00.000Z', hs_call_duration: '0' });
  await hs.associate(ids.original, 'contacts', ada);
  await hs.associate(ids.original, 'companies', acme);
  await hs.associate(ids.copy, 'contacts', ada);
  await hs.associate(ids.copy, 'contacts', grace);
  ids.ada = ada;
  ids.grace = grace;
  ids.acme = acme;
});
afterEach(() => uninstallHubSpot(hs));

async function openQueueAfterScan() {
  const user = userEvent.setup();
  renderWithProviders(<QueuePage />, { route: '/attention/duplicates', params: { queue: 'duplicates' } });
  await user.click(await screen.findByRole('button', { name: 'Scan now' }));
  await waitFor(() => expect(hs.scanner).toBeDefined());
  await hs.scanner?.settled();
  await screen.findByRole('region', { name: 'Group 1: 2 calls' }, { timeout: 5000 });
  return user;
}

describe('Resolve duplicates', () => {
  it('proposes the call with the most data; another is chosen from the keyboard; the preview says what is copied, added and deleted', async () => {
    const user = await openQueueAfterScan();
    await user.click(screen.getByRole('button', { name: 'Resolve group 1…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Resolve group 1' });
    const proposed = await within(dialog).findByRole('radio', { name: /^Pricing with Ada · .* · 8 of 10 values · 2 records · call \d+ \(proposed: most data\)$/ });
    expect(proposed).toBeChecked();
    // Keeping the proposed call copies nothing (the copy has no value it lacks), adds Grace, deletes the copy.
    expect(within(dialog).getByText('None: the kept call already has every value the others have.')).toBeInTheDocument();
    expect(await within(dialog).findByText('Contact: Grace Hopper')).toBeInTheDocument();
    const deleted = within(dialog).getByRole('region', { name: 'Calls deleted (1)' });
    expect(within(deleted).getByText(`Call with +16175550199 · 2 Nov 2026, 10:00 · call ${ids.copy}`)).toBeInTheDocument();
    expect(within(deleted).getByText(/calls can be restored there for 90 days, and this console cannot restore them\./)).toBeInTheDocument();

    proposed.focus();
    await user.keyboard('{ArrowDown}');
    expect(within(dialog).getByRole('radio', { name: /^Call with \+16175550199 .* 5 of 10 values · 2 records/ })).toBeChecked();
    const copied = within(dialog).getByRole('table', { name: 'Values copied to the kept call' });
    const rows = within(copied)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['Notes', 'Wants a quote', `Pricing with Ada (call ${ids.original})`],
      ['Outcome', 'Connected', `Pricing with Ada (call ${ids.original})`],
      ['Duration', '0:02:05', `Pricing with Ada (call ${ids.original})`],
    ]);
    expect(await within(dialog).findByText('Company: Acme Corp')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Keep 1, delete 1' })).toBeEnabled();
  });

  it('applies the chosen keeper as one journal entry: values and records on the kept call, the other deleted; then the next scan drops the group', async () => {
    const user = await openQueueAfterScan();
    await user.click(screen.getByRole('button', { name: 'Resolve group 1…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Resolve group 1' });
    await user.click(await within(dialog).findByRole('radio', { name: /^Call with \+16175550199/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep 1, delete 1' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 5000 });
    expect(screen.getByText('Group 1: Resolved.')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Change report' })).toHaveTextContent('Applied to 2 calls.');

    // HubSpot's data: the copy has the original's values and the union of the records; the original is deleted.
    expect(await hs.read('calls', ids.copy!, ['hs_call_body', 'hs_call_disposition', 'hs_call_duration', 'hs_call_title'])).toMatchObject({
      hs_call_body: '<p>Wants a quote</p>',
      hs_call_disposition: CONNECTED,
      hs_call_duration: '125000',
      hs_call_title: 'Call with +16175550199',
    });
    expect((await hs.associatedIds(ids.copy!, 'contacts')).sort()).toEqual([ids.ada, ids.grace].sort());
    expect(await hs.associatedIds(ids.copy!, 'companies')).toEqual([ids.acme]);
    expect((await hs.api('GET', hs.paths.object('calls', ids.original!))).status).toBe(404);

    // The journal: the kept call's true before values and the deletion, in one entry.
    const entryId = decodeURIComponent(screen.getByRole('link', { name: 'Open in the journal to undo' }).getAttribute('href')?.replace('/journal/', '') ?? '');
    const answer = await hs.fetch(`/api/journal/${entryId}/records?limit=1000`);
    const records = ((await answer.json()) as { results: { callId: string; before: unknown; after: unknown; result: string }[] }).results;
    expect(records.map((r) => r.callId).sort()).toEqual([ids.copy, ids.original].sort());
    expect(records.find((r) => r.callId === ids.copy)).toMatchObject({
      before: { hs_call_body: null, hs_call_disposition: null, hs_call_duration: '0', companies: [] },
      after: { hs_call_body: '<p>Wants a quote</p>', hs_call_disposition: CONNECTED, hs_call_duration: '125000', companies: [ids.acme] },
      result: 'applied',
    });
    expect(records.find((r) => r.callId === ids.original)).toMatchObject({ before: { archived: 'false' }, after: { archived: 'true' }, result: 'applied' });

    await user.click(screen.getByRole('button', { name: 'Refresh the scan' }));
    // The refresh sees the deleted call: the group (one call left) leaves the queue.
    expect(await screen.findByText('No calls match this rule in the last scan.', undefined, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('changes nothing when the journal cannot be written, and keeps the choice', async () => {
    const user = await openQueueAfterScan();
    await user.click(screen.getByRole('button', { name: 'Resolve group 1…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Resolve group 1' });
    await user.click(await within(dialog).findByRole('radio', { name: /^Call with \+16175550199/ }));
    const realFetch = hs.fetch;
    // Our server refuses the journal entry.
    globalThis.fetch = (input: string | URL | Request, init?: RequestInit) =>
      String(input).startsWith('/api/journal') ? Promise.resolve(Response.json({ message: 'The journal is full.' }, { status: 503 })) : realFetch(input, init);
    await user.click(within(dialog).getByRole('button', { name: 'Keep 1, delete 1' }));
    expect(await within(dialog).findByText('Nothing was changed: the journal could not be written')).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: /^Call with \+16175550199/ })).toBeChecked();
    expect((await hs.api('GET', hs.paths.object('calls', ids.original!))).status).toBe(200);
    expect((await hs.read('calls', ids.copy!, ['hs_call_disposition'])).hs_call_disposition ?? null).toBeNull();
  });

  it('says what was lost where when HubSpot refuses the kept call but the other is deleted', async () => {
    const user = await openQueueAfterScan();
    await user.click(screen.getByRole('button', { name: 'Resolve group 1…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Resolve group 1' });
    await user.click(await within(dialog).findByRole('radio', { name: /^Call with \+16175550199/ }));
    // The batch, then the kept call alone, are refused; the other call alone is deleted.
    hs.fail('POST', hs.paths.objectBatch('calls', 'update'), 400, hubspotError('Property values were not valid'), { times: 2 });
    await user.click(within(dialog).getByRole('button', { name: 'Keep 1, delete 1' }));

    expect(await screen.findByText('Group 1: not fully resolved.', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Change report' })).toHaveTextContent('Applied to 1 call. Failed on 1 call.');
    expect(screen.getByRole('table', { name: 'Calls that failed' })).toHaveTextContent('Property values were not valid');
    expect(screen.getByText(new RegExp(`^The kept call \\(call ${ids.copy}\\) was not updated, but call ${ids.original} was deleted`))).toBeInTheDocument();
    expect((await hs.api('GET', hs.paths.object('calls', ids.original!))).status).toBe(404);
    expect(screen.getByRole('button', { name: 'Resolve group 1 again…' })).toBeInTheDocument();
  });

  it('resolves every group with its proposed keeper after a preview of the counts', async () => {
    const second = { hs_call_external_id: 'dlr-2', hs_call_direction: 'INBOUND', hs_call_status: 'COMPLETED' };
    const full = await hs.create('calls', { ...second, hs_call_title: 'Support for Grace', hs_timestamp: '2026-11-03T10:00:00.000Z', hs_call_body: 'Reset her password', hs_call_duration: '60000' });
    const thin = await hs.create('calls', { ...second, hs_call_title: 'Inbound call', hs_timestamp: '2026-11-03T10:00:00.000Z', hs_call_recording_url: 'https://rec.example/2.mp3' });
    await hs.associate(thin, 'contacts', ids.grace!);
    const user = userEvent.setup();
    renderWithProviders(<QueuePage />, { route: '/attention/duplicates', params: { queue: 'duplicates' } });
    await user.click(await screen.findByRole('button', { name: 'Scan now' }));
    await waitFor(() => expect(hs.scanner).toBeDefined());
    await hs.scanner?.settled();
    await screen.findByRole('region', { name: 'Group 2: 2 calls' }, { timeout: 5000 });

    await user.click(screen.getByRole('button', { name: 'Resolve all groups with the proposed keeper…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Resolve all groups with the proposed keeper' });
    expect(await within(dialog).findByText('2 calls will be deleted.')).toBeInTheDocument();
    expect(within(dialog).getByText(/^2 groups: in each, the call with the most data is kept .* \(1 value in all\) and their records \(2 records\)\.$/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Resolve 2 groups, delete 2 calls' }));

    expect(await screen.findByText('All groups resolved with the proposed keeper:', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Change report' })).toHaveTextContent('Applied to 4 calls.');
    for (const gone of [ids.copy!, thin]) expect((await hs.api('GET', hs.paths.object('calls', gone))).status).toBe(404);
    expect((await hs.associatedIds(ids.original!, 'contacts')).sort()).toEqual([ids.ada, ids.grace].sort());
    expect(await hs.associatedIds(full, 'contacts')).toEqual([ids.grace]);
    expect(await hs.read('calls', full, ['hs_call_body', 'hs_call_recording_url'])).toMatchObject({ hs_call_body: 'Reset her password', hs_call_recording_url: 'https://rec.example/2.mp3' });
  });
});
