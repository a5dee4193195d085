import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { getJson } from '../../../api/http';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import { BulkDialog } from './BulkDialog';

let hs: HubSpotFake;
beforeEach(() => {
  hs = installHubSpot();
});
afterEach(() => uninstallHubSpot(hs));

/** `n` calls created through HubSpot's batch create (100 per request); their ids. */
async function createCalls(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < n; start += 100) {
    const inputs = Array.from({ length: Math.min(100, n - start) }, (_, i) => ({
      properties: { hs_call_title: `bulk ${start + i}`, hs_timestamp: '2026-11-01T10:00:00.000Z' },
      associations: [],
    }));
    const answer = await hs.api<{ results: { id: string }[] }>('POST', '/crm/v3/objects/calls/batch/create', { inputs });
    expect(answer.status).toBe(201);
    ids.push(...answer.body.results.map((r) => r.id));
  }
  return ids;
}

const status = async (id: string) => (await hs.api('GET', `/crm/v3/objects/calls/${id}`)).status;

describe('bulk delete confirmation', { timeout: 30_000 }, () => {
  it('above 100 calls asks for the number: a wrong number keeps Delete disabled, the right one deletes every call', async () => {
    const user = userEvent.setup();
    const ids = await createCalls(101);
    const onRan = vi.fn();
    renderWithProviders(<BulkDialog request={{ action: 'delete', ids }} dispositions={[]} onClose={() => {}} onRan={onRan} />);
    const dialog = screen.getByRole('dialog', { name: 'Delete calls' });
    expect(dialog).toHaveTextContent('The recycling bin is in HubSpot: calls can be restored there for 90 days, and this console cannot restore them.');
    const del = within(dialog).getByRole('button', { name: 'Delete 101 calls' });
    expect(del).toBeDisabled();

    const typed = within(dialog).getByRole('textbox', { name: 'Type the number of calls to delete' });
    await user.type(typed, '100');
    expect(del).toBeDisabled();
    expect(await status(ids[0] ?? '')).toBe(200);

    await user.clear(typed);
    await user.type(typed, '101');
    expect(del).toBeEnabled();
    await user.click(del);
    expect(await within(dialog).findByText('101 calls deleted.')).toBeInTheDocument();
    expect(onRan).toHaveBeenCalledOnce();
    for (const id of [ids[0], ids[50], ids[100]]) expect(await status(id ?? '')).toBe(404);
  });

  it('up to 100 calls keeps the plain confirmation, with no number to type', async () => {
    const user = userEvent.setup();
    const ids = await createCalls(100);
    renderWithProviders(<BulkDialog request={{ action: 'delete', ids }} dispositions={[]} onClose={() => {}} onRan={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Delete calls' });
    expect(dialog).toHaveTextContent("Delete 100 calls? They move to HubSpot's recycling bin, where they can be restored for 90 days");
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Delete 100 calls' }));
    expect(await within(dialog).findByText('100 calls deleted.')).toBeInTheDocument();
    expect(await status(ids[99] ?? '')).toBe(404);
  });
});

describe('bulk outcome change', { timeout: 30_000 }, () => {
  const BUSY = '9d9162e7-6cf3-4944-bf63-4dff82258764';
  const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
  const NO_ANSWER = '73a0d17f-1163-4015-bdd5-ec830791da20';
  const dispositions = [
    { id: BUSY, label: 'Busy', archived: false },
    { id: CONNECTED, label: 'Connected', archived: false },
  ];

  it('is journaled with each call’s outcome before (read from HubSpot), and the report links the journal entry to undo it', async () => {
    const user = userEvent.setup();
    const a = await hs.create('calls', { hs_call_title: 'a', hs_timestamp: '2026-11-01T10:00:00.000Z', hs_call_disposition: NO_ANSWER });
    const b = await hs.create('calls', { hs_call_title: 'b', hs_timestamp: '2026-11-01T11:00:00.000Z', hs_call_disposition: BUSY });
    renderWithProviders(<BulkDialog request={{ action: 'outcome', ids: [a, b] }} dispositions={dispositions} onClose={() => {}} onRan={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Set outcome' });
    await user.click(within(dialog).getByRole('combobox', { name: 'New outcome' }));
    await user.click(screen.getByRole('option', { name: 'Connected' }));
    await user.click(within(dialog).getByRole('button', { name: 'Set outcome of 2 calls' }));
    expect(await within(dialog).findByText('2 calls set to Connected.')).toBeInTheDocument();
    expect(await hs.read('calls', a, ['hs_call_disposition'])).toMatchObject({ hs_call_disposition: CONNECTED });

    const link = within(dialog).getByRole('link', { name: 'Open in the journal to undo' });
    const entryId = link.getAttribute('href')?.replace('/journal/', '') ?? '';
    // What our server's journal holds of the change.
    const entry = await getJson(`/api/journal/${entryId}`, z.looseObject({ kind: z.string(), summary: z.string() }));
    expect(entry).toMatchObject({ kind: 'outcome', summary: 'Outcome → Connected on 2 calls' });
    const records = await getJson(`/api/journal/${entryId}/records`, z.object({ results: z.array(z.looseObject({ callId: z.string(), before: z.unknown(), after: z.unknown() })) }));
    expect(records.results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ callId: a, before: { hs_call_disposition: NO_ANSWER }, after: { hs_call_disposition: CONNECTED } }),
        expect.objectContaining({ callId: b, before: { hs_call_disposition: BUSY }, after: { hs_call_disposition: CONNECTED } }),
      ]),
    );
  });
});
