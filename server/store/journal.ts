/**
 * The bulk-change journal: who changed which calls in HubSpot, when, from what to what, and what came of it;
 * and the missed calls marked handled. SQL only: server/api/journal.ts validates input before it gets here.
 *
 * The browser writes HubSpot; it records an entry (with each call's previous and new values) before it
 * applies a change, reports each record's result after, and, to undo, reads the previous values here, writes
 * them back and reports each record's undo result. An entry's status is derived from its records.
 */
import type { AppDb } from './connection.ts';

/** Values of one call as the browser sends them: property values, or ids (e.g. `contacts: ["12"]`). */
type CallValues = Record<string, string | null | string[]>;

export interface JournalRecordInput {
  callId: string;
  before: CallValues;
  after: CallValues;
}

type RecordResult = 'pending' | 'applied' | 'failed';
export type UndoResult = 'undone' | 'skipped' | 'failed';

export interface JournalRecord extends JournalRecordInput {
  result: RecordResult;
  error: string | null;
  undoResult: UndoResult | null;
  undoError: string | null;
}

type EntryStatus = 'pending' | 'applied' | 'partial' | 'failed';

export interface JournalEntry {
  id: string;
  createdAt: string;
  actor: string;
  kind: string;
  summary: string;
  /** pending while the browser applies; then applied (all records), partial (some) or failed (none). */
  status: EntryStatus;
  finishedAt: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
  counts: { records: number; applied: number; failed: number; pending: number; undone: number; undoSkipped: number; undoFailed: number };
}

interface EntryRow {
  id: number;
  created_at: string;
  actor: string;
  kind: string;
  summary: string;
  finished_at: string | null;
  undone_at: string | null;
  undone_by: string | null;
  records: number;
  applied: number;
  failed: number;
  undone: number;
  undo_skipped: number;
  undo_failed: number;
}

const ENTRY_SELECT = `
  SELECT e.id, e.created_at, e.actor, e.kind, e.summary, e.finished_at, e.undone_at, e.undone_by,
    count(r.call_id) AS records,
    coalesce(sum(r.result = 'applied'), 0) AS applied,
    coalesce(sum(r.result = 'failed'), 0) AS failed,
    coalesce(sum(r.undo_result = 'undone'), 0) AS undone,
    coalesce(sum(r.undo_result = 'skipped'), 0) AS undo_skipped,
    coalesce(sum(r.undo_result = 'failed'), 0) AS undo_failed
  FROM journal_entries e LEFT JOIN journal_records r ON r.entry_id = e.id`;

function toEntry(row: EntryRow): JournalEntry {
  const pending = row.records - row.applied - row.failed;
  const status: EntryStatus =
    row.finished_at === null ? 'pending' : row.failed === 0 ? 'applied' : row.applied === 0 ? 'failed' : 'partial';
  return {
    id: String(row.id),
    createdAt: row.created_at,
    actor: row.actor,
    kind: row.kind,
    summary: row.summary,
    status,
    finishedAt: row.finished_at,
    undoneAt: row.undone_at,
    undoneBy: row.undone_by,
    counts: { records: row.records, applied: row.applied, failed: row.failed, pending, undone: row.undone, undoSkipped: row.undo_skipped, undoFailed: row.undo_failed },
  };
}

/** Thrown for a change an entry no longer accepts (records added after it finished, a second undo). */
export class JournalStateError extends Error {
  override readonly name = 'JournalStateError';
}

function rowId(id: string): number | undefined {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : undefined;
}

export function getEntry(db: AppDb, id: string): JournalEntry | undefined {
  const n = rowId(id);
  if (n === undefined) return undefined;
  const row = db.prepare(`${ENTRY_SELECT} WHERE e.id = ? GROUP BY e.id`).get(n) as EntryRow | undefined;
  return row && toEntry(row);
}

/** Newest first; `before` (an entry id) pages to older entries. */
export function listEntries(db: AppDb, opts: { limit: number; before?: string }): JournalEntry[] {
  const before = opts.before === undefined ? undefined : rowId(opts.before);
  const where = before === undefined ? '' : 'WHERE e.id < ?';
  const rows = db.prepare(`${ENTRY_SELECT} ${where} GROUP BY e.id ORDER BY e.id DESC LIMIT ?`).all(...(before === undefined ? [] : [before]), opts.limit) as EntryRow[];
  return rows.map(toEntry);
}

function insertRecords(db: AppDb, entryId: number, records: readonly JournalRecordInput[]): void {
  const insert = db.prepare('INSERT INTO journal_records (entry_id, call_id, before, after) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET before = excluded.before, after = excluded.after');
  for (const r of records) insert.run(entryId, r.callId, JSON.stringify(r.before), JSON.stringify(r.after));
}

/** Records a bulk change about to be applied (status pending), with its first records. */
export function createEntry(
  db: AppDb,
  input: { actor: string; kind: string; summary: string; records: readonly JournalRecordInput[] },
  now = new Date(),
): JournalEntry {
  const id = db.transaction(() => {
    const row = db
      .prepare('INSERT INTO journal_entries (created_at, actor, kind, summary) VALUES (?, ?, ?, ?) RETURNING id')
      .get(now.toISOString(), input.actor, input.kind, input.summary) as { id: number };
    insertRecords(db, row.id, input.records);
    return row.id;
  }).immediate();
  return getEntry(db, String(id)) as JournalEntry;
}

/** Adds records (a large change arrives in chunks) while the entry is pending; undefined for no such entry. */
export function appendRecords(db: AppDb, id: string, records: readonly JournalRecordInput[]): JournalEntry | undefined {
  return db.transaction(() => {
    const entry = getEntry(db, id);
    if (!entry) return undefined;
    if (entry.status !== 'pending') throw new JournalStateError('This change has finished: records can no longer be added to it.');
    insertRecords(db, Number(entry.id), records);
    return getEntry(db, id);
  }).immediate();
}

/** Ids in `callIds` that are not records of the entry. */
function unknownCalls(db: AppDb, entryId: number, callIds: readonly string[]): string[] {
  const has = db.prepare('SELECT 1 FROM journal_records WHERE entry_id = ? AND call_id = ?').pluck();
  return callIds.filter((callId) => has.get(entryId, callId) === undefined);
}

/** What came of applying each record; `finished` closes the entry (records still pending count as not applied). */
export function reportResults(
  db: AppDb,
  id: string,
  input: { results: readonly { callId: string; result: 'applied' | 'failed'; error?: string | undefined }[]; finished: boolean },
  now = new Date(),
): JournalEntry | undefined {
  return db.transaction(() => {
    const entry = getEntry(db, id);
    if (!entry) return undefined;
    if (entry.undoneAt) throw new JournalStateError('This change has been undone: its results can no longer change.');
    const unknown = unknownCalls(db, Number(entry.id), input.results.map((r) => r.callId));
    if (unknown.length) throw new JournalStateError(`Calls ${unknown.slice(0, 5).join(', ')} are not part of this change.`);
    const update = db.prepare('UPDATE journal_records SET result = ?, error = ? WHERE entry_id = ? AND call_id = ?');
    for (const r of input.results) update.run(r.result, r.error ?? null, Number(entry.id), r.callId);
    if (input.finished && entry.finishedAt === null) {
      db.prepare("UPDATE journal_records SET result = 'failed', error = 'No result was reported.' WHERE entry_id = ? AND result = 'pending'").run(Number(entry.id));
      db.prepare('UPDATE journal_entries SET finished_at = ? WHERE id = ?').run(now.toISOString(), Number(entry.id));
    }
    return getEntry(db, id);
  }).immediate();
}

/** What came of undoing each record; `finished` marks the entry undone (by `actor`). */
export function reportUndo(
  db: AppDb,
  id: string,
  input: { actor: string; results: readonly { callId: string; result: UndoResult; reason?: string | undefined }[]; finished: boolean },
  now = new Date(),
): JournalEntry | undefined {
  return db.transaction(() => {
    const entry = getEntry(db, id);
    if (!entry) return undefined;
    if (entry.status === 'pending') throw new JournalStateError('This change is still being applied: undo it once it has finished.');
    if (entry.undoneAt) throw new JournalStateError(`This change was already undone by ${entry.undoneBy ?? 'someone'} at ${entry.undoneAt}.`);
    const unknown = unknownCalls(db, Number(entry.id), input.results.map((r) => r.callId));
    if (unknown.length) throw new JournalStateError(`Calls ${unknown.slice(0, 5).join(', ')} are not part of this change.`);
    const update = db.prepare('UPDATE journal_records SET undo_result = ?, undo_error = ? WHERE entry_id = ? AND call_id = ?');
    for (const r of input.results) update.run(r.result, r.reason ?? null, Number(entry.id), r.callId);
    if (input.finished) db.prepare('UPDATE journal_entries SET undone_at = ?, undone_by = ? WHERE id = ?').run(now.toISOString(), input.actor, Number(entry.id));
    return getEntry(db, id);
  }).immediate();
}

interface RecordRow {
  call_id: string;
  before: string;
  after: string;
  result: RecordResult;
  error: string | null;
  undo_result: UndoResult | null;
  undo_error: string | null;
}

/** An entry's records by call id, `limit` at a time after the call id `after`. */
export function listRecords(db: AppDb, id: string, opts: { limit: number; after?: string }): JournalRecord[] {
  const n = rowId(id);
  if (n === undefined) return [];
  const rows = db
    .prepare('SELECT call_id, before, after, result, error, undo_result, undo_error FROM journal_records WHERE entry_id = ? AND call_id > ? ORDER BY call_id LIMIT ?')
    .all(n, opts.after ?? '', opts.limit) as RecordRow[];
  return rows.map((r) => ({
    callId: r.call_id,
    before: JSON.parse(r.before) as CallValues,
    after: JSON.parse(r.after) as CallValues,
    result: r.result,
    error: r.error,
    undoResult: r.undo_result,
    undoError: r.undo_error,
  }));
}

export interface HandledMark {
  callId: string;
  handledAt: string;
  actor: string;
  note: string | null;
}

export function markHandled(db: AppDb, input: { callIds: readonly string[]; actor: string; note: string | null }, now = new Date()): HandledMark[] {
  const at = now.toISOString();
  const upsert = db.prepare('INSERT INTO handled_calls (call_id, handled_at, actor, note) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET handled_at = excluded.handled_at, actor = excluded.actor, note = excluded.note');
  db.transaction(() => {
    for (const callId of input.callIds) upsert.run(callId, at, input.actor, input.note);
  }).immediate();
  return input.callIds.map((callId) => ({ callId, handledAt: at, actor: input.actor, note: input.note }));
}

/** Whether a mark was removed. */
export function unmarkHandled(db: AppDb, callId: string): boolean {
  return db.prepare('DELETE FROM handled_calls WHERE call_id = ?').run(callId).changes > 0;
}

export function listHandled(db: AppDb): HandledMark[] {
  const rows = db.prepare('SELECT call_id, handled_at, actor, note FROM handled_calls ORDER BY handled_at DESC, call_id').all() as {
    call_id: string;
    handled_at: string;
    actor: string;
    note: string | null;
  }[];
  return rows.map((r) => ({ callId: r.call_id, handledAt: r.handled_at, actor: r.actor, note: r.note }));
}
