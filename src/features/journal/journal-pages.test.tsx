/** The journal's screens over our server's real /api/journal and the HubSpot fake: the list, an entry, its undo. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { renderWithProviders } from '../../test/render';
import { createEntry } from './journal-api';
import JournalEntryPage from './JournalEntryPage';
import JournalPage from './JournalPage';
import { runJournaledChange } from './run-change';

const BUSY = '9d9162e7-6cf3-4944-bf63-4dff82258764';
const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const NO_ANSWER = '73a0d17f-1163-4015-bdd5-ec830791da20';

let hs: HubSpotFake | undefined;
afterEach(() => uninstallHubSpot(hs));

describe('the journal list', () => {
  it('says so when there is no change yet', async () => {
    hs = installHubSpot();
    renderWithProviders(<JournalPage />, { route: '/journal' });
    expect(await screen.findByText('No bulk changes yet.')).toBeInTheDocument();
  });

  it('lists changes newest first with who, what, status and counts, and reads older ones on request', async () => {
    hs = installHubSpot();
    for (let i = 1; i <= 26; i++) await createEntry({ kind: 'properties', summary: `Change ${i}`, records: [] });
    const call = await hs.create('calls', { hs_call_title: 'A', hs_timestamp: '2026-11-02T10:00:00Z', hs_call_disposition: NO_ANSWER });
    const { entry } = await runJournaledChange({
      kind: 'outcome',
      summary: 'Outcome → Connected on 1 call',
      changes: [{ callId: call, before: { hs_call_disposition: NO_ANSWER }, after: { hs_call_disposition: CONNECTED } }],
    });

    const user = userEvent.setup();
    renderWithProviders(<JournalPage />, { route: '/journal' });
    const table = await screen.findByRole('table', { name: 'Bulk changes' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(25);
    expect(rows[0]).toHaveTextContent(/local user.*Outcome → Connected on 1 callOutcome.*Applied.*1 applied/);
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Outcome → Connected on 1 call' })).toHaveAttribute('href', `/journal/${entry.id}`);
    expect(screen.queryByText('Change 1')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('Change 1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Older' })).toBeNull();
  });
});

describe('a journal entry', () => {
  it('shows each call before → after, undoes after a confirmation, and lists the call changed since with its reason', async () => {
    const fake = (hs = installHubSpot());
    const ids = [await fake.create('calls', { hs_call_title: 'A', hs_timestamp: '2026-11-02T10:00:00Z', hs_call_disposition: NO_ANSWER })];
    ids.push(await fake.create('calls', { hs_call_title: 'B', hs_timestamp: '2026-11-02T11:00:00Z', hs_call_disposition: NO_ANSWER }));
    ids.push(await fake.create('calls', { hs_call_title: 'C', hs_timestamp: '2026-11-02T12:00:00Z', hs_call_disposition: BUSY }));
    const [a, b, c] = ids as [string, string, string];
    const { entry } = await runJournaledChange({
      kind: 'outcome',
      summary: 'Outcome → Connected on 3 calls',
      changes: ids.map((id, i) => ({ callId: id, before: { hs_call_disposition: i === 2 ? BUSY : NO_ANSWER }, after: { hs_call_disposition: CONNECTED } })),
    });
    await fake.update('calls', b, { hs_call_disposition: BUSY });

    const user = userEvent.setup();
    renderWithProviders(<JournalEntryPage />, { route: `/journal/${entry.id}`, params: { id: entry.id } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Outcome → Connected on 3 calls' })).toBeInTheDocument();
    expect(screen.getByText('local user')).toBeInTheDocument();
    const calls = await screen.findByRole('table', { name: 'Calls of this change' });
    const rowA = within(calls).getByRole('row', { name: new RegExp(a) });
    await waitFor(() => expect(rowA).toHaveTextContent('Call outcome: No answer → Connected'));
    expect(within(rowA).getByRole('link', { name: a })).toHaveAttribute('href', `/calls/${a}`);

    await user.click(screen.getByRole('button', { name: 'Undo this change' }));
    const dialog = screen.getByRole('dialog', { name: 'Undo this change?' });
    expect(dialog).toHaveTextContent('Restore the previous values of 3 calls. Calls someone changed since this change are skipped and listed.');
    await user.click(within(dialog).getByRole('button', { name: 'Restore 3 calls' }));

    expect(await screen.findByText(/Restored 2 calls\. Skipped 1 call changed or deleted since/)).toBeInTheDocument();
    const skipped = await screen.findByRole('region', { name: 'Calls the undo skipped' });
    expect(skipped).toHaveTextContent('1 call was not restored');
    expect(within(skipped).getByRole('row', { name: new RegExp(b) })).toHaveTextContent('Call outcome is now Busy, not Connected');
    expect(await fake.read('calls', a, ['hs_call_disposition'])).toMatchObject({ hs_call_disposition: NO_ANSWER });
    expect(await fake.read('calls', c, ['hs_call_disposition'])).toMatchObject({ hs_call_disposition: BUSY });
    expect(await fake.read('calls', b, ['hs_call_disposition'])).toMatchObject({ hs_call_disposition: BUSY });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo this change' })).toBeNull());
    expect(await screen.findByText(/by local user/)).toBeInTheDocument();
  });
});
