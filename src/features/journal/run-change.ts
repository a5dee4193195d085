/**
 * A bulk change to calls, journaled: the journal entry (each call's before and after) is written to our server
 * before anything is sent to HubSpot, the change is applied in HubSpot's batches (src/api/batch-runner.ts), and
 * each call's result is reported back to the entry. If the journal cannot be written, nothing is applied. A
 * change of more than 1,000 calls is journaled 1,000 records a request: the later records are sent while the
 * batches of the earlier ones run, and no call is sent to HubSpot before the journal has it.
 */
import { chunk, runBulk, type BulkReport, type ChunkWork, type RunOptions } from '../../api/batch-runner';
import type { HubSpotObject } from '../../api/schemas';
import type { CallChange, ChangeKind } from './call-values';
import { appendRecords, createEntry, reportResults, RECORDS_PER_REQUEST, type JournalEntry } from './journal-api';
import { writeWork } from './write-values';

export interface JournaledChange {
  kind: ChangeKind;
  /** What the change does, as the journal shows it ("Outcome → Connected on 120 calls"). */
  summary: string;
  changes: readonly CallChange[];
}

export interface ChangeResult {
  entry: JournalEntry;
  report: BulkReport;
}

/** Cancelled calls are reported as not applied, with this reason. */
const NOT_SENT = 'Cancelled before it was sent to HubSpot.';

interface ChangeOptions extends Pick<RunOptions, 'onProgress' | 'signal'> {
  /** Receives the calls as HubSpot saved them (batch update's answers), e.g. for the list's overlay of recent writes. */
  onSaved?: (calls: HubSpotObject[]) => void;
}

export async function runJournaledChange(change: JournaledChange, { onSaved, ...opts }: ChangeOptions = {}): Promise<ChangeResult> {
  const byId = new Map(change.changes.map((c) => [c.callId, c]));
  // The journal keeps each call's values; how the change is ordered (deleteOnlyAfter) is not journaled.
  const records = [...byId.values()].map(({ callId, before, after }) => ({ callId, before, after }));
  const [first = [], ...rest] = chunk(records, RECORDS_PER_REQUEST);
  const entry = await createEntry({ kind: change.kind, summary: change.summary, records: first });

  // The other records are journaled (in order, a request at a time) while the first ones are applied: a batch is
  // sent to HubSpot only once the journal has every call of it. A call the journal could not take is not sent.
  let journaled = first.length;
  let appended: Promise<void> = Promise.resolve();
  const chunkJournaled = [
    appended,
    ...rest.map((part) => {
      appended = appended.then(async () => {
        await appendRecords(entry.id, part);
        journaled += part.length;
      });
      return appended;
    }),
  ];
  // Settled here (a failure is reported per call, by the batches that wait for it).
  appended.catch(() => {});
  const ids = [...byId.keys()];
  const chunkOf = new Map(ids.map((id, i) => [id, Math.floor(i / RECORDS_PER_REQUEST)]));
  const write = writeWork(byId, 'forward', onSaved);
  const work: ChunkWork = async (part, signal) => {
    await chunkJournaled[Math.max(...part.map((id) => chunkOf.get(id) ?? 0))];
    signal?.throwIfAborted();
    return write(part, signal);
  };
  const report = await runBulk(ids, work, opts);
  await appended.catch(() => {});

  const succeeded = new Set(report.succeeded);
  const failed = new Map(report.failed.map((f) => [f.id, f.reason]));
  // Results only for the calls the journal has (the first `journaled`, in order).
  const results = ids.slice(0, journaled).map((callId) => {
    if (succeeded.has(callId)) return { callId, result: 'applied' as const };
    return { callId, result: 'failed' as const, error: failed.get(callId) ?? NOT_SENT };
  });
  const parts = chunk(results, RECORDS_PER_REQUEST);
  let last = entry;
  for (const [i, part] of parts.entries()) last = await reportResults(entry.id, { results: part, finished: i === parts.length - 1 });
  if (parts.length === 0) last = await reportResults(entry.id, { results: [], finished: true });
  return { entry: last, report };
}
