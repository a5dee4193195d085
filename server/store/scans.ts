/**
 * Hygiene scans: one row per run (with its progress once it ends), and the snapshot of calls and contacts
 * the finished runs left (a full scan replaces it, a refresh patches it, both in one transaction at the end,
 * so a cancelled or failed run leaves the previous snapshot whole). SQL only.
 */
import type { ScannedCall, ScannedContact } from '../hygiene/model.ts';
import type { AppDb } from './connection.ts';

export type ScanMode = 'full' | 'incremental';
export type ScanStatus = 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted';

export interface ScanRun {
  id: string;
  mode: ScanMode;
  status: ScanStatus;
  startedAt: string;
  finishedAt: string | null;
  callsRead: number;
  callsTotal: number | null;
  requests: number;
  error: string | null;
}

interface ScanRow {
  id: number;
  mode: ScanMode;
  status: ScanStatus;
  started_at: string;
  finished_at: string | null;
  calls_read: number;
  calls_total: number | null;
  requests: number;
  error: string | null;
}

const toRun = (r: ScanRow): ScanRun => ({
  id: String(r.id),
  mode: r.mode,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  callsRead: r.calls_read,
  callsTotal: r.calls_total,
  requests: r.requests,
  error: r.error,
});

/** Runs left "running" by a process that stopped are marked interrupted (call once when the server starts). */
export function markInterruptedScans(db: AppDb): void {
  db.prepare("UPDATE scans SET status = 'interrupted' WHERE status = 'running'").run();
}

export function startScanRun(db: AppDb, mode: ScanMode, now = new Date()): ScanRun {
  const row = db.prepare("INSERT INTO scans (mode, status, started_at) VALUES (?, 'running', ?) RETURNING *").get(mode, now.toISOString()) as ScanRow;
  return toRun(row);
}

export function latestScanRun(db: AppDb): ScanRun | undefined {
  const row = db.prepare('SELECT * FROM scans ORDER BY id DESC LIMIT 1').get() as ScanRow | undefined;
  return row && toRun(row);
}

/** The last run that finished (its snapshot is the current one), or undefined before the first. */
export function lastDoneScanRun(db: AppDb): ScanRun | undefined {
  const row = db.prepare("SELECT * FROM scans WHERE status = 'done' ORDER BY id DESC LIMIT 1").get() as ScanRow | undefined;
  return row && toRun(row);
}

export interface SnapshotChange {
  /** A full scan: everything not in `calls`/`contacts` goes. */
  replace: boolean;
  calls: readonly ScannedCall[];
  deletedCallIds: readonly string[];
  contacts: readonly ScannedContact[];
}

/** Ends a run; a done run's snapshot change is applied in the same transaction. */
export function finishScanRun(
  db: AppDb,
  id: string,
  end: { status: Exclude<ScanStatus, 'running'>; callsRead: number; callsTotal: number | null; requests: number; error?: string },
  change?: SnapshotChange,
  now = new Date(),
): void {
  db.transaction(() => {
    if (end.status === 'done' && change) {
      if (change.replace) {
        db.prepare('DELETE FROM scan_calls').run();
        db.prepare('DELETE FROM scan_contacts').run();
      }
      const putCall = db.prepare('INSERT INTO scan_calls (call_id, data) VALUES (?, ?) ON CONFLICT DO UPDATE SET data = excluded.data');
      for (const call of change.calls) putCall.run(call.id, JSON.stringify(call));
      const deleteCall = db.prepare('DELETE FROM scan_calls WHERE call_id = ?');
      for (const callId of change.deletedCallIds) deleteCall.run(callId);
      const putContact = db.prepare('INSERT INTO scan_contacts (contact_id, data) VALUES (?, ?) ON CONFLICT DO UPDATE SET data = excluded.data');
      for (const contact of change.contacts) putContact.run(contact.id, JSON.stringify(contact));
    }
    db.prepare('UPDATE scans SET status = ?, finished_at = ?, calls_read = ?, calls_total = ?, requests = ?, error = ? WHERE id = ?').run(
      end.status,
      now.toISOString(),
      end.callsRead,
      end.callsTotal,
      end.requests,
      end.error ?? null,
      Number(id),
    );
  }).immediate();
}

export interface Snapshot {
  calls: ScannedCall[];
  contacts: Map<string, ScannedContact>;
}

export function readSnapshot(db: AppDb): Snapshot {
  const calls = (db.prepare('SELECT data FROM scan_calls').pluck().all() as string[]).map((d) => JSON.parse(d) as ScannedCall);
  const contacts = new Map(
    (db.prepare('SELECT data FROM scan_contacts').pluck().all() as string[]).map((d) => {
      const contact = JSON.parse(d) as ScannedContact;
      return [contact.id, contact] as const;
    }),
  );
  return { calls, contacts };
}
