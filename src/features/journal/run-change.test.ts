/**
 * A journaled change against the HubSpot fake and our server's journal: HubSpot's data after it, and the
 * journal entry a user would see.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { getEntry, listAllRecords } from './journal-api';
import { runJournaledChange } from './run-change';

let hs: HubSpotFake | undefined;
afterEach(() => uninstallHubSpot(hs));

describe('runJournaledChange', () => {
  it('moves a call from one contact to another, sets its outcome, and journals each call with its result', async () => {
    const fake = (hs = installHubSpot());
    const placeholder = await fake.create('contacts', { firstname: 'Caller +1 555 0100' });
    const real = await fake.create('contacts', { firstname: 'Ada', lastname: 'Lovelace' });
    const call = await fake.create('calls', { hs_call_title: 'Missed', hs_timestamp: '2026-11-02T10:00:00Z' });
    const other = await fake.create('calls', { hs_call_title: 'Other', hs_timestamp: '2026-11-02T11:00:00Z', hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7' });
    await fake.associate(call, 'contacts', placeholder);

    const { entry, report } = await runJournaledChange({
      kind: 'associations',
      summary: 'Repaired by phone number',
      changes: [
        { callId: call, before: { contacts: [placeholder], hs_call_disposition: null }, after: { contacts: [real], hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7' } },
        { callId: '999999', before: { hs_call_title: 'Gone' }, after: { hs_call_title: 'Still gone' } },
        { callId: other, before: { hs_call_title: 'Other' }, after: { hs_call_title: 'Other, renamed' } },
      ],
    });

    expect(await fake.associatedIds(call, 'contacts')).toEqual([real]);
    expect(await fake.read('calls', call, ['hs_call_disposition'])).toMatchObject({ hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7' });
    expect(await fake.read('calls', other, ['hs_call_title'])).toMatchObject({ hs_call_title: 'Other, renamed' });
    expect(report.succeeded.sort()).toEqual([call, other].sort());
    expect(report.failed.map((f) => f.id)).toEqual(['999999']);

    expect(entry).toMatchObject({ kind: 'associations', summary: 'Repaired by phone number', status: 'partial', actor: 'local user' });
    expect((await getEntry(entry.id)).counts).toMatchObject({ records: 3, applied: 2, failed: 1 });
    const records = await listAllRecords(entry.id);
    expect(records.find((r) => r.callId === call)).toMatchObject({ before: { contacts: [placeholder] }, after: { contacts: [real] }, result: 'applied' });
    expect(records.find((r) => r.callId === '999999')?.error).toMatch(/not found|did not confirm/i);
  });

  it('deletes the calls whose after says archived', async () => {
    const fake = (hs = installHubSpot());
    const call = await fake.create('calls', { hs_call_title: 'Duplicate', hs_timestamp: '2026-11-02T10:00:00Z' });
    const { report } = await runJournaledChange({ kind: 'archive', summary: 'Deleted 1 call', changes: [{ callId: call, before: { archived: 'false' }, after: { archived: 'true' } }] });
    expect(report.succeeded).toEqual([call]);
    const answer = await fake.api('GET', fake.paths.object('calls', call));
    expect(answer.status).toBe(404);
  });

  it('journals a change of more than 1,000 calls a request at a time, and sends no call to HubSpot before the journal has it', async () => {
    const fake = (hs = installHubSpot());
    const ids: string[] = [];
    for (let start = 0; start < 1100; start += 100) {
      const inputs = Array.from({ length: 100 }, (_, i) => ({ properties: { hs_call_title: `c${start + i}`, hs_timestamp: '2026-11-02T10:00:00Z' }, associations: [] }));
      ids.push(...(await fake.api<{ results: { id: string }[] }>('POST', '/crm/v3/objects/calls/batch/create', { inputs })).body.results.map((r) => r.id));
    }
    const { entry, report } = await runJournaledChange({
      kind: 'properties',
      summary: 'Renamed 1,100 calls',
      changes: ids.map((id, i) => ({ callId: id, before: { hs_call_title: `c${i}` }, after: { hs_call_title: `r${i}` } })),
    });
    expect(report.succeeded).toHaveLength(1100);
    expect(entry.counts).toMatchObject({ records: 1100, applied: 1100, failed: 0, pending: 0 });
    expect(await fake.read('calls', ids[1099] ?? '', ['hs_call_title'])).toMatchObject({ hs_call_title: 'r1099' });

    // The batch with the 1,001st call went to HubSpot after the journal took the records from the 1,001st on.
    const seen = fake.requests.map((r) => ({ path: r.path, body: r.body as { inputs?: { id: string }[] } | undefined }));
    const appended = seen.findIndex((r) => r.path === `/api/journal/${entry.id}/records`);
    const lastBatch = seen.findIndex((r) => r.path.endsWith('/batch/update') && (r.body?.inputs ?? []).some((input) => input.id === ids[1000]));
    expect(appended).toBeGreaterThan(0);
    expect(lastBatch).toBeGreaterThan(appended);
  });

  it('applies nothing when the journal cannot be written', async () => {
    const fake = (hs = installHubSpot());
    const call = await fake.create('calls', { hs_call_title: 'Keep', hs_timestamp: '2026-11-02T10:00:00Z' });
    await expect(
      runJournaledChange({ kind: 'properties', summary: 'x'.repeat(501), changes: [{ callId: call, before: { hs_call_title: 'Keep' }, after: { hs_call_title: 'Changed' } }] }),
    ).rejects.toThrow(/at most 500/);
    expect(await fake.read('calls', call, ['hs_call_title'])).toMatchObject({ hs_call_title: 'Keep' });
  });
});
