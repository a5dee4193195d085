/**
 * Our server's own SQLite file (not HubSpot's data, not the mock's): saved views today, scans and the
 * bulk-change journal later (issue 14). One connection per process, opened by serve.ts / dev.ts.
 *
 * Durability: WAL with synchronous=FULL. A write the API has answered is in the WAL file and fsynced,
 * so it survives `kill -9` of the server (NORMAL would too: the OS keeps the written pages) and also a
 * power loss or OS crash (NORMAL would not). Writes here are few (one per user action, later one per
 * journaled batch of 100 calls), so one fsync per commit costs nothing anyone notices.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './schema.ts';

export type AppDb = Database.Database;

/** Opens (and on first start creates, with its folder) the store at `file`; `:memory:` for tests. */
export function openAppDb(file: string): AppDb {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
