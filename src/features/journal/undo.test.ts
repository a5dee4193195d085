/**
 * Undo of a journaled change against the HubSpot fake and our server's journal: HubSpot's data after the undo,
 * and what the journal entry says of each call.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { getEntry, listAllRecords } from './journal-api';
import { runJournaledChange } from './run-change';
import { DELETED_SINCE, undoChange } from './undo';
import { CANNOT_RESTORE } from './write-values';

const BUSY = '9d9162e7-6cf3-4944-bf63-4dff82258764';
const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const NO_ANSWER = '73a0d17f-1163-4015-bdd5-ec830791da20';

let hs: HubSpotFake | undefined;
afterEach(() => uninstallHubSpot(hs));

const call = (fake: HubSpotFake, title: string, outcome: string) =>
  fake.create('calls', { hs_call_title: title, hs_timestamp: '2026-11-02T10:00:00Z', hs_call_disposition: outcome });

describe('undoChange', () => {
  it('restores the calls nobody touched since, skips the ones changed or deleted since with what changed, and journals each', async () => {
    const fake = (hs = installHubSpot());
    const a = await call(fake, 'A', NO_ANSWER);
    const b = await call(fake, 'B', BUSY);
    const changed = await call(fake, 'C', NO_ANSWER);
    const deleted = await call(fake, 'D', NO_ANSWER);
    const { entry } = await runJournaledChange({
      kind: 'outcome',
      summary: 'Outcome → Connected on 4 calls',
      changes: [a, b, changed, deleted].map((id, i) => ({ callId: id, before: { hs_call_disposition: i === 1 ? BUSY : NO_ANSWER }, after: { hs_call_disposition: CONNECTED } })),
    });
    await fake.update('calls', changed, { hs_call_disposition: BUSY });
    expect((await fake.api('DELETE', fake.paths.object('calls', deleted))).status).toBe(204);

    const progress: number[] = [];
    const outcome = await undoChange(entry.id, { onProgress: (done) => progress.push(done) });

    expect(await fake.read('calls', a, ['hs_call_disposition'])).toMatchObject({ hs_call_disposition: NO_ANSWER });
    expect(await fake.read('calls', b, ['hs_call_disposition'])).toMatchObject({ hs_call_disposition: BUSY });
    expect(await fake.read('calls', changed, ['hs_call_disposition'])).toMatchObject({ hs_call_disposition: BUSY });
    expect(outcome.undone.sort()).toEqual([a, b].sort());
    expect(outcome.skipped).toEqual(
      expect.arrayContaining([
        { callId: changed, reason: 'Call outcome is now Busy, not Connected' },
        { callId: deleted, reason: DELETED_SINCE },
      ]),
    );
    expect(progress.at(-1)).toBe(2);

    const after = await getEntry(entry.id);
    expect(after).toMatchObject({ undoneBy: 'local user', counts: { undone: 2, undoSkipped: 2, undoFailed: 0 } });
    expect(after.undoneAt).not.toBeNull();
    const records = await listAllRecords(entry.id);
    expect(records.find((r) => r.callId === changed)).toMatchObject({ undoResult: 'skipped', undoError: 'Call outcome is now Busy, not Connected' });
    expect(records.find((r) => r.callId === a)).toMatchObject({ undoResult: 'undone', undoError: null });
  });

  it('puts association sets back, and names the records a call is on now when someone moved it since', async () => {
    const fake = (hs = installHubSpot());
    const [old, fresh, third] = [await fake.create('contacts', { firstname: 'Old' }), await fake.create('contacts', { firstname: 'New' }), await fake.create('contacts', { firstname: 'Third' })];
    const moved = await call(fake, 'Moved', CONNECTED);
    const movedAgain = await call(fake, 'Moved again', CONNECTED);
    for (const id of [moved, movedAgain]) await fake.associate(id, 'contacts', old);
    const { entry } = await runJournaledChange({
      kind: 'associations',
      summary: 'Moved 2 calls to New',
      changes: [moved, movedAgain].map((id) => ({ callId: id, before: { contacts: [old] }, after: { contacts: [fresh] } })),
    });
    await fake.associate(movedAgain, 'contacts', third);

    const outcome = await undoChange(entry.id);
    expect(await fake.associatedIds(moved, 'contacts')).toEqual([old]);
    expect((await fake.associatedIds(movedAgain, 'contacts')).sort()).toEqual([fresh, third].sort());
    expect(outcome.skipped).toEqual([{ callId: movedAgain, reason: expect.stringMatching(/^Contacts are now .*, not \d+$/) as unknown as string }]);
  });

  it('compares and restores a call’s whole association set when HubSpot answers it on several pages', async () => {
    const fake = (hs = installHubSpot({ associationPageSize: 2 }));
    const contacts: string[] = [];
    for (const name of ['One', 'Two', 'Three', 'Four']) contacts.push(await fake.create('contacts', { firstname: name }));
    const kept = contacts.slice(0, 3);
    const onMany = await call(fake, 'On many', CONNECTED);
    for (const id of kept) await fake.associate(onMany, 'contacts', id);
    const { entry } = await runJournaledChange({
      kind: 'associations',
      summary: 'Added Four',
      changes: [{ callId: onMany, before: { contacts: kept }, after: { contacts } }],
    });
    expect((await fake.associatedIds(onMany, 'contacts')).sort()).toEqual([...contacts].sort());

    const outcome = await undoChange(entry.id);
    expect(outcome).toMatchObject({ undone: [onMany], skipped: [] });
    expect((await fake.associatedIds(onMany, 'contacts')).sort()).toEqual([...kept].sort());
  });

  it('cannot bring back the calls a change deleted, and says where to restore them', async () => {
    const fake = (hs = installHubSpot());
    const gone = await call(fake, 'Gone', CONNECTED);
    const { entry } = await runJournaledChange({ kind: 'archive', summary: 'Deleted 1 call', changes: [{ callId: gone, before: { archived: 'false' }, after: { archived: 'true' } }] });
    const outcome = await undoChange(entry.id);
    expect(outcome.failed).toEqual([{ callId: gone, reason: CANNOT_RESTORE }]);
    expect((await getEntry(entry.id)).counts).toMatchObject({ undone: 0, undoFailed: 1 });
  });

  it('a cancelled undo leaves the rest to undo later', async () => {
    const fake = (hs = installHubSpot());
    const a = await call(fake, 'A', NO_ANSWER);
    const { entry } = await runJournaledChange({ kind: 'outcome', summary: 'x', changes: [{ callId: a, before: { hs_call_disposition: NO_ANSWER }, after: { hs_call_disposition: CONNECTED } }] });
    const ac = new AbortController();
    ac.abort();
    const outcome = await undoChange(entry.id, { signal: ac.signal });
    expect(await fake.read('calls', a, ['hs_call_disposition'])).toMatchObject({ hs_call_disposition: CONNECTED });
    expect(outcome).toMatchObject({ cancelled: true, undone: [] });
    expect((await getEntry(entry.id)).undoneAt).toBeNull();

    const again = await undoChange(entry.id);
    expect(again.undone).toEqual([a]);
    expect(await fake.read('calls', a, ['hs_call_disposition'])).toMatchObject({ hs_call_disposition: NO_ANSWER });
  });
});
