/**
 * The store's schema as numbered migrations, applied in order on open; SQLite's `user_version` records the
 * last one applied. To change the schema, append a migration (never edit one that has shipped).
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up: `
      CREATE TABLE views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        -- The name folded for comparison (views.ts nameKey): names are unique per team, whatever the case.
        name_key TEXT NOT NULL UNIQUE,
        search TEXT NOT NULL,
        columns TEXT,
        density TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    up: `
      -- The bulk-change journal (journal.ts): one entry per bulk change the browser applies to HubSpot.
      CREATE TABLE journal_entries (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        kind TEXT NOT NULL,
        summary TEXT NOT NULL,
        -- Set when the browser has reported every record's result; NULL while it applies.
        finished_at TEXT,
        undone_at TEXT,
        undone_by TEXT
      );
      CREATE TABLE journal_records (
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
        call_id TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        -- pending | applied | failed
        result TEXT NOT NULL DEFAULT 'pending',
        error TEXT,
        -- NULL | undone | skipped | failed
        undo_result TEXT,
        undo_error TEXT,
        PRIMARY KEY (entry_id, call_id)
      ) WITHOUT ROWID;
      CREATE INDEX journal_records_call ON journal_records (call_id);
      -- Missed calls marked handled (HubSpot has no field for it).
      CREATE TABLE handled_calls (
        call_id TEXT PRIMARY KEY,
        handled_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        note TEXT
      );
    `,
  },
  {
    version: 3,
    up: `
      -- Hygiene scans (scans.ts): each run, and the snapshot of calls and contacts the last finished ones left.
      CREATE TABLE scans (
        id INTEGER PRIMARY KEY,
        mode TEXT NOT NULL,
        -- running | done | cancelled | failed | interrupted
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        calls_read INTEGER NOT NULL DEFAULT 0,
        calls_total INTEGER,
        requests INTEGER NOT NULL DEFAULT 0,
        error TEXT
      );
      CREATE TABLE scan_calls (call_id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE scan_contacts (contact_id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
    `,
  },
];

/**
 * Applies the migrations newer than the file's `user_version`, each in its own transaction with the version
 * bump, so a crash leaves the file at a whole version. A file from a newer app version is refused.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(`The app database is at schema version ${current}, newer than this app knows (${latest}). Update the app or use another APP_DB.`);
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
