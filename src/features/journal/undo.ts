/**
 * Undo of a journaled change: every call the change was applied to (and not yet undone) gets its `before` values
 * back, unless someone changed it since. Each call's current values are read from HubSpot for the keys the change
 * wrote; a call whose values differ from the change's `after` is skipped with a reason naming what changed, a call
 * HubSpot no longer has is skipped, and a call the change deleted cannot be restored (HubSpot has no API for it).
 * The rest are written back in HubSpot's batches, and each call's result is reported to the journal entry.
 *
 * Cancelled part way, the calls not yet written keep no undo result, so the rest can be undone later.
 */
import { chunk, runBulk, type RunOptions } from '../../api/batch-runner';
import type { HubSpotObject } from '../../api/schemas';
import { isAssociationKey, propertyKeys, sameValue, ARCHIVED, type CallChange } from './call-values';
import { readCurrentValues } from './current-values';
import { listAllRecords, reportUndo, RECORDS_PER_REQUEST, type JournalEntry, type JournalRecord } from './journal-api';
import { loadValueLabels, type ValueLabels } from './value-labels';
import { CANNOT_RESTORE, writeWork } from './write-values';

export const DELETED_SINCE = 'This call was deleted since the change: there is nothing to restore.';

interface UndoCall {
  callId: string;
  reason: string;
}

export interface UndoOutcome {
  entry: JournalEntry;
  undone: string[];
  /** Calls left as they are because someone changed them (or deleted them) since the change. */
  skipped: UndoCall[];
  /** Calls that could not be restored (a deleted call, or HubSpot refused the write). */
  failed: UndoCall[];
  /** Cancelled before every call was written back: the rest can still be undone. */
  cancelled: boolean;
}

/** The records an undo restores: applied, and not undone (or skipped) yet. */
export const undoable = (records: readonly JournalRecord[]): JournalRecord[] => records.filter((r) => r.result === 'applied' && r.undoResult === null);

/** The change deleted this call: HubSpot cannot bring it back. */
export const deletedByChange = (r: Pick<CallChange, 'before' | 'after'>): boolean => r.after[ARCHIVED] === 'true' && r.before[ARCHIVED] !== 'true';

/** "Call outcome is now Busy, not Connected" for each key whose current value is not the change's `after`; '' when none. */
function describeChanges(after: CallChange['after'], current: CallChange['after'], labels: ValueLabels): string {
  return Object.keys(after)
    .filter((key) => key !== ARCHIVED && !sameValue(current[key], after[key]))
    .map((key) => `${labels.key(key)} ${isAssociationKey(key) ? 'are' : 'is'} now ${labels.value(key, current[key])}, not ${labels.value(key, after[key])}`)
    .join('; ');
}

interface UndoOptions extends Pick<RunOptions, 'onProgress' | 'signal'> {
  /** Receives the calls as HubSpot saved them when their values were written back. */
  onSaved?: (calls: HubSpotObject[]) => void;
}

export async function undoChange(entryId: string, { onSaved, ...opts }: UndoOptions = {}): Promise<UndoOutcome> {
  const { signal } = opts;
  const records = undoable(await listAllRecords(entryId, signal));
  const failed: UndoCall[] = records.filter(deletedByChange).map((r) => ({ callId: r.callId, reason: CANNOT_RESTORE }));
  const restorable = records.filter((r) => !deletedByChange(r));

  const properties = [...new Set(restorable.flatMap((r) => propertyKeys(r.after)))];
  const associations = [...new Set(restorable.flatMap((r) => Object.keys(r.after).filter(isAssociationKey)))];
  const [current, labels] = await Promise.all([
    readCurrentValues(
      restorable.map((r) => r.callId),
      { properties, associations },
      signal,
    ),
    loadValueLabels(signal),
  ]);

  const skipped: UndoCall[] = [];
  const toRestore = new Map<string, CallChange>();
  for (const r of restorable) {
    const now = current.get(r.callId);
    const changed = now ? describeChanges(r.after, now, labels) : DELETED_SINCE;
    if (changed) skipped.push({ callId: r.callId, reason: changed });
    else toRestore.set(r.callId, r);
  }

  const report = await runBulk([...toRestore.keys()], writeWork(toRestore, 'back', onSaved), opts);
  failed.push(...report.failed.map((f) => ({ callId: f.id, reason: f.reason })));

  const results = [
    ...report.succeeded.map((callId) => ({ callId, result: 'undone' as const })),
    ...skipped.map((s) => ({ callId: s.callId, result: 'skipped' as const, reason: s.reason })),
    ...failed.map((f) => ({ callId: f.callId, result: 'failed' as const, reason: f.reason })),
  ];
  const parts = chunk(results, RECORDS_PER_REQUEST);
  if (parts.length === 0) parts.push([]);
  let entry: JournalEntry | undefined;
  for (const [i, part] of parts.entries()) entry = await reportUndo(entryId, { results: part, finished: !report.cancelled && i === parts.length - 1 });
  return { entry: entry as JournalEntry, undone: report.succeeded, skipped, failed, cancelled: report.cancelled };
}
