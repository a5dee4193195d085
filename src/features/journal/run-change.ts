/**
 * A bulk change to calls, journaled: the journal entry (each call's before and after) is written to our server
 * before anything is sent to HubSpot, the change is applied in HubSpot's batches (src/api/batch-runner.ts), and
 * each call's result is reported back to the entry. If the journal cannot be written, nothing is applied.
 */
import { chunk, runBulk, type BulkReport, type RunOptions } from '../../api/batch-runner';
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
  const [first = [], ...rest] = chunk(change.changes, RECORDS_PER_REQUEST);
  const entry = await createEntry({ kind: change.kind, summary: change.summary, records: first });
  for (const part of rest) await appendRecords(entry.id, part);

  const byId = new Map(change.changes.map((c) => [c.callId, c]));
  const report = await runBulk([...byId.keys()], writeWork(byId, 'forward', onSaved), opts);

  const succeeded = new Set(report.succeeded);
  const failed = new Map(report.failed.map((f) => [f.id, f.reason]));
  const results = [...byId.keys()].map((callId) => {
    if (succeeded.has(callId)) return { callId, result: 'applied' as const };
    return { callId, result: 'failed' as const, error: failed.get(callId) ?? NOT_SENT };
  });
  const parts = chunk(results, RECORDS_PER_REQUEST);
  let last = entry;
  for (const [i, part] of parts.entries()) last = await reportResults(entry.id, { results: part, finished: i === parts.length - 1 });
  if (parts.length === 0) last = await reportResults(entry.id, { results: [], finished: true });
  return { entry: last, report };
}
