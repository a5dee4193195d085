/** Queue 5's "Reassign owner" over the HubSpot fake: the preview a user reads, and the owners HubSpot has afterwards. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { renderWithProviders } from '../../test/render';
import QueuePage from './QueuePage';

/** The account's active owners (the mock's account configuration). */
const MAYA = '61234501';
const SOFIA = String(61_234_501 + 2 * 137);

let hs: HubSpotFake;
const ids = {} as Record<'leftA' | 'leftB' | 'none' | 'maya', string>;
let dana = '';
beforeEach(async () => {
  hs = installHubSpot();
  dana = hs.addOwner('Dana', 'Reyes', { archived: true });
  const call = (title: string, hour: number, owner?: string) =>
    hs.create('calls', { hs_call_title: title, hs_timestamp: `2026-07-01T${String(hour).padStart(2, '0')}:00:00.000Z`, ...(owner ? { hubspot_owner_id: owner } : {}) });
  ids.leftA = await call('Left A', 9, MAYA);
  ids.leftB = await call('Left B', 10, MAYA);
  hs.setRaw('calls', ids.leftA, 'hubspot_owner_id', dana);
  hs.setRaw('calls', ids.leftB, 'hubspot_owner_id', dana);
  ids.none = await call('Nobody’s', 11);
  ids.maya = await call('Maya’s', 12, MAYA);
});
afterEach(() => uninstallHubSpot(hs));

/** The newest journal entry and its records, as our server's /api/journal answers. */
async function newestJournalEntry() {
  const list = (await (await hs.fetch('/api/journal')).json()) as { results: { id: string; kind: string; summary: string; status: string }[] };
  const entry = list.results[0];
  const records = (await (await hs.fetch(`/api/journal/${entry?.id ?? ''}/records`)).json()) as { results: { callId: string; before: Record<string, string | null> }[] };
  return { entry, records: records.results };
}

const ownerOf = async (id: string) => (await hs.read('calls', id, ['hubspot_owner_id'])).hubspot_owner_id ?? null;
const section = () => screen.findByRole('region', { name: 'Reassign owner' });

async function pickOwner(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(within(await section()).getByRole('combobox', { name: 'New owner' }));
  const list = await screen.findByRole('listbox');
  expect(within(list).queryByText('Dana Reyes')).not.toBeInTheDocument();
  await user.click(within(list).getByRole('option', { name }));
}

describe('Reassign owner (queue 5)', () => {
  it('previews every matching call by the owner it comes from, applies, and HubSpot has the new owner', async () => {
    const user = userEvent.setup();
    renderWithProviders(<QueuePage />, { route: '/attention/no-owner', params: { queue: 'no-owner' } });
    expect(await screen.findByText('3 calls match.', undefined, { timeout: 8000 })).toBeInTheDocument();
    const fix = await section();
    expect(within(fix).getByRole('radio', { name: 'Every call in this view (the queue with its filters and search)' })).toBeChecked();
    expect(within(fix).getByRole('radio', { name: 'The selected calls (0)' })).toBeDisabled();

    await user.click(within(fix).getByRole('button', { name: 'Preview' }));
    expect(within(fix).getByText('Choose the owner these calls go to.')).toBeInTheDocument();

    await pickOwner(user, 'Sofia García');
    await user.click(within(fix).getByRole('button', { name: 'Preview' }));
    expect(await within(fix).findByText('Reassign 3 calls: 2 from Dana Reyes (deactivated), 1 with no owner → Sofia García')).toBeInTheDocument();

    await user.click(within(fix).getByRole('button', { name: 'Reassign 3 calls' }));
    expect(await within(fix).findByText('Applied to 3 calls.')).toBeInTheDocument();
    expect([await ownerOf(ids.leftA), await ownerOf(ids.leftB), await ownerOf(ids.none), await ownerOf(ids.maya)]).toEqual([SOFIA, SOFIA, SOFIA, MAYA]);

    // The journal holds each call's true owner before the change.
    const { entry, records } = await newestJournalEntry();
    expect(entry).toMatchObject({ kind: 'owner', summary: 'Reassign 3 calls: 2 from Dana Reyes (deactivated), 1 with no owner → Sofia García', status: 'applied' });
    expect(Object.fromEntries(records.map((r) => [r.callId, r.before.hubspot_owner_id]))).toEqual({ [ids.leftA]: dana, [ids.leftB]: dana, [ids.none]: null });
  });

  it('"every call in this view" is the queue narrowed by the view’s search and filters', async () => {
    const user = userEvent.setup();
    renderWithProviders(<QueuePage />, { route: '/attention/no-owner?q=Left', params: { queue: 'no-owner' } });
    expect(await screen.findByText('2 calls match.', undefined, { timeout: 8000 })).toBeInTheDocument();
    const fix = await section();
    await pickOwner(user, 'Sofia García');
    await user.click(within(fix).getByRole('button', { name: 'Preview' }));
    expect(await within(fix).findByText('Reassign 2 calls: 2 from Dana Reyes (deactivated) → Sofia García')).toBeInTheDocument();
    await user.click(within(fix).getByRole('button', { name: 'Reassign 2 calls' }));
    expect(await within(fix).findByText('Applied to 2 calls.')).toBeInTheDocument();
    expect([await ownerOf(ids.leftA), await ownerOf(ids.leftB), await ownerOf(ids.none)]).toEqual([SOFIA, SOFIA, null]);
  });

  it('reassigns only the calls selected in the grid', async () => {
    const user = userEvent.setup();
    renderWithProviders(<QueuePage />, { route: '/attention/no-owner', params: { queue: 'no-owner' } });
    await screen.findByText('3 calls match.', undefined, { timeout: 8000 });
    const row = await waitFor(() => {
      const r = document.querySelector<HTMLElement>(`[role="row"][data-id="${ids.leftB}"]`);
      if (!r) throw new Error('no row yet');
      return r;
    });
    await user.click(within(row).getByRole('checkbox'));
    const fix = await section();
    expect(within(fix).getByRole('radio', { name: 'The selected calls (1)' })).toBeChecked();
    await pickOwner(user, 'Maya Patel');
    await user.click(within(fix).getByRole('button', { name: 'Preview' }));
    expect(await within(fix).findByText('Reassign 1 call: 1 from Dana Reyes (deactivated) → Maya Patel')).toBeInTheDocument();
    // The batch waits in HubSpot: the run shows its progress and a way to stop, the form cannot change meanwhile.
    const held = hs.hold('POST', hs.paths.objectBatch('calls', 'update'));
    await user.click(within(fix).getByRole('button', { name: 'Reassign 1 call' }));
    await held.reached;
    expect(within(fix).getByText('Applying… 0 of 1 call processed.')).toBeInTheDocument();
    expect(within(fix).getByRole('progressbar', { name: 'Progress of the change' })).toBeInTheDocument();
    expect(within(fix).getByRole('button', { name: 'Stop after this batch' })).toBeInTheDocument();
    expect(within(fix).getByRole('combobox', { name: 'New owner' })).toHaveAttribute('aria-disabled', 'true');
    held.release();
    expect(await within(fix).findByText('Applied to 1 call.')).toBeInTheDocument();
    expect([await ownerOf(ids.leftA), await ownerOf(ids.leftB), await ownerOf(ids.none)]).toEqual([dana, MAYA, null]);
  });
});
