/**
 * Property history. A value never changed since creation has no row: its one entry is derived from
 * the record's creation time and source; the first change materialises it before recording itself.
 */
import type { Connection } from './connection.js';
import type { HistoryEntry, StoredObject, WriteSource } from './types.js';

/** Records the new values (`next`) of the `changed` properties of `obj`, as of `at`. */
export function recordChanges(
  c: Connection,
  obj: StoredObject,
  changed: readonly string[],
  next: Record<string, string>,
  at: number,
  source: WriteSource,
): void {
  const hasHistory = c.stmt('SELECT 1 FROM history WHERE object_id = ? AND name = ? LIMIT 1');
  const add = c.stmt('INSERT INTO history (object_id, name, value, ts, source_type, source_id) VALUES (?, ?, ?, ?, ?, ?)');
  for (const k of changed) {
    const before = obj.props[k];
    if (before !== undefined && !hasHistory.get(obj.id, k)) {
      // materialise the value the record was created with before recording the change
      add.run(obj.id, k, before, obj.createdAt, obj.source, null);
    }
    add.run(obj.id, k, next[k] ?? '', at, source.sourceType, source.sourceId ?? null);
  }
}

/** Property history, newest first. Values never changed since creation get one entry. */
export function history(c: Connection, obj: StoredObject, names: readonly string[]): Record<string, HistoryEntry[]> {
  const out: Record<string, HistoryEntry[]> = {};
  const q = c.stmt('SELECT value, ts, source_type, source_id FROM history WHERE object_id = ? AND name = ? ORDER BY ts DESC, seq DESC');
  for (const name of names) {
    const rows = q.all(obj.id, name) as { value: string; ts: number; source_type: string; source_id: string | null }[];
    if (rows.length) {
      out[name] = rows.map((r) => ({
        value: r.value,
        timestamp: r.ts,
        sourceType: r.source_type,
        ...(r.source_id ? { sourceId: r.source_id } : {}),
      }));
    } else {
      const v = obj.props[name];
      if (v !== undefined) out[name] = [{ value: v, timestamp: obj.createdAt, sourceType: obj.source }];
    }
  }
  return out;
}
