import type Database from 'better-sqlite3';
import { searchTextOf, withDerived } from './derived.js';
import type { ObjectTypeName } from './types.js';

/**
 * Properties whose values get an expression index (type, archived, value, id), so that
 * search filters and sorts on them walk an index instead of scanning every record.
 * Text-valued ones are indexed on the raw JSON string; numeric ones on CAST(... AS REAL).
 */
const INDEXED_TEXT_PROPERTIES = [
  'hs_timestamp',
  'hs_call_disposition',
  'hs_call_direction',
  'hs_call_status',
  'hubspot_owner_id',
  'email',
] as const;
export const INDEXED_NUMBER_PROPERTIES = ['hs_call_duration'] as const;
/**
 * Equality-filtered properties that also get a composite index with hs_timestamp, so the
 * common "filter by X, newest first" search walks one index without sorting.
 */
export const INDEXED_WITH_TIMESTAMP = ['hs_call_disposition', 'hs_call_direction', 'hs_call_status', 'hubspot_owner_id'] as const;

/** Text properties with an index on lower(value), for case-insensitive sorting. */
export const CASE_INSENSITIVE_SORT_INDEXED = ['hs_call_title'] as const;

/** Property names the store accepts: they go into SQL text as JSON paths. */
export const PROPERTY_NAME = /^[A-Za-z0-9_]+$/;

/** A stored property's value (JSON text of a string, or NULL); throws on a name SQL cannot carry. */
export function textExpr(name: string): string {
  if (!PROPERTY_NAME.test(name)) throw new Error(`invalid property name ${name}`);
  return `json_extract(props, '$.${name}')`;
}
export function numberExpr(name: string): string {
  return `CAST(${textExpr(name)} AS REAL)`;
}

/** Epoch milliseconds -> ISO-8601 UTC with milliseconds, as Date.prototype.toISOString writes it. */
function isoExpr(column: string): string {
  return `strftime('%Y-%m-%dT%H:%M:%fZ', ${column} / 1000.0, 'unixepoch')`;
}

interface Migration {
  version: number;
  /** SQL, or a function for changes SQL cannot compute. */
  up: string | ((db: Database.Database) => void);
}

/**
 * Recomputes every record's derived values and search text (derived.ts) after their rules
 * changed, without touching history or timestamps.
 */
function rederiveAll(db: Database.Database): void {
  const page = db.prepare('SELECT id, type, json(props) AS props FROM objects WHERE id > ? ORDER BY id LIMIT 1000');
  const update = db.prepare('UPDATE objects SET props = jsonb(?), search = ? WHERE id = ?');
  let after = 0;
  for (;;) {
    const rows = page.all(after) as { id: number; type: ObjectTypeName; props: string }[];
    for (const row of rows) {
      const props = withDerived(row.type, JSON.parse(row.props) as Record<string, string>);
      update.run(JSON.stringify(props), searchTextOf(row.type, props), row.id);
      after = row.id;
    }
    if (rows.length < 1000) return;
  }
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    up: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE objects (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        archived_at INTEGER,
        props TEXT NOT NULL,
        search TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX objects_list ON objects (type, archived, id);
      CREATE INDEX objects_created ON objects (type, archived, created_at, id);
      CREATE INDEX objects_updated ON objects (type, archived, updated_at, id);
      ${INDEXED_TEXT_PROPERTIES.map(
        (p) => `CREATE INDEX objects_p_${p} ON objects (type, archived, ${textExpr(p)}, id);`,
      ).join('\n')}
      ${INDEXED_NUMBER_PROPERTIES.map(
        (p) => `CREATE INDEX objects_n_${p} ON objects (type, archived, ${numberExpr(p)}, id);`,
      ).join('\n')}
      CREATE TABLE history (
        object_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        ts INTEGER NOT NULL,
        source_type TEXT NOT NULL,
        source_id TEXT,
        seq INTEGER PRIMARY KEY
      );
      CREATE INDEX history_object ON history (object_id, name, ts);
      CREATE TABLE assoc (
        from_id INTEGER NOT NULL,
        to_type TEXT NOT NULL,
        to_id INTEGER NOT NULL,
        from_type TEXT NOT NULL,
        category TEXT NOT NULL,
        type_id INTEGER NOT NULL,
        PRIMARY KEY (from_id, to_type, to_id, category, type_id)
      ) WITHOUT ROWID;
      CREATE TABLE assoc_labels (
        from_type TEXT NOT NULL,
        to_type TEXT NOT NULL,
        category TEXT NOT NULL,
        type_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        label TEXT,
        inverse_type_id INTEGER NOT NULL,
        PRIMARY KEY (from_type, to_type, category, type_id)
      );
      CREATE TABLE owners (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        user_id INTEGER NOT NULL,
        type TEXT NOT NULL,
        teams TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE dispositions (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    up: INDEXED_WITH_TIMESTAMP.map(
      (p) =>
        `DROP INDEX IF EXISTS objects_p_${p};
         CREATE INDEX objects_pt_${p} ON objects (type, archived, ${textExpr(p)}, ${textExpr('hs_timestamp')}, id);`,
    ).join('\n'),
  },
  {
    version: 3,
    // where the record's initial values came from (property history of unchanged values)
    up: `ALTER TABLE objects ADD COLUMN source TEXT NOT NULL DEFAULT 'API';`,
  },
  {
    version: 4,
    // case-insensitive sort by call title (the call list's title column)
    up: CASE_INSENSITIVE_SORT_INDEXED.map(
      (p) => `CREATE INDEX objects_ci_${p} ON objects (type, archived, lower(${textExpr(p)}), id);`,
    ).join('\n'),
  },
  {
    version: 5,
    // the timestamps as ISO-8601 text, for list and search pages SQLite wrote itself (dropped by 6)
    up: `
      ALTER TABLE objects ADD COLUMN created_iso TEXT NOT NULL DEFAULT '';
      ALTER TABLE objects ADD COLUMN updated_iso TEXT NOT NULL DEFAULT '';
      ALTER TABLE objects ADD COLUMN archived_iso TEXT;
      UPDATE objects SET
        created_iso = ${isoExpr('created_at')},
        updated_iso = ${isoExpr('updated_at')},
        archived_iso = CASE WHEN archived_at IS NULL THEN NULL ELSE ${isoExpr('archived_at')} END;
    `,
  },
  {
    version: 6,
    // pages are written in JavaScript only (crm/to-json.ts): the ISO copies of the times go
    up: `
      ALTER TABLE objects DROP COLUMN created_iso;
      ALTER TABLE objects DROP COLUMN updated_iso;
      ALTER TABLE objects DROP COLUMN archived_iso;
    `,
  },
  {
    version: 7,
    // call transcripts (transcripts.ts): one row per transcript, its utterances in order
    up: `
      CREATE TABLE transcripts (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL,
        source TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX transcripts_call ON transcripts (call_id);
      CREATE TABLE transcript_utterances (
        id INTEGER PRIMARY KEY,
        transcript_id INTEGER NOT NULL,
        speaker_id TEXT,
        speaker_name TEXT,
        speaker_email TEXT,
        text TEXT NOT NULL,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        language TEXT
      );
      CREATE INDEX transcript_utterances_transcript ON transcript_utterances (transcript_id, id);
    `,
  },
  {
    version: 8,
    // call outcomes as the dispositions API (2027-03-beta) has them: custom or HubSpot's, with times
    // (HubSpot's six default GUIDs are the only non-custom ones; older databases get a fixed time)
    up: `
      ALTER TABLE dispositions ADD COLUMN custom INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE dispositions ADD COLUMN created_at INTEGER NOT NULL DEFAULT 1565059312000;
      ALTER TABLE dispositions ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 1565059312000;
      UPDATE dispositions SET custom = 0 WHERE id IN (
        '9d9162e7-6cf3-4944-bf63-4dff82258764', 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
        'a4c4c377-d246-4b32-a13b-75a56a4cd0ff', 'b2cf5968-551e-4856-9783-52b3da59a7d0',
        '73a0d17f-1163-4015-bdd5-ec830791da20', '17b47fee-58de-441e-a44c-c6300d46f273'
      );
    `,
  },
  {
    version: 9,
    // calls get HubSpot's computed hs_body_preview; `query` matches words of the default
    // searchable properties only (the search text holds their words)
    up: rederiveAll,
  },
  {
    version: 10,
    // contacts get HubSpot's calculated hs_searchable_calculated_phone_number / _mobile_number
    up: rederiveAll,
  },
];

/** Applies pending migrations; returns true when the database was new (version 0). */
export function migrate(db: Database.Database): boolean {
  const current = Number(db.pragma('user_version', { simple: true }));
  for (const m of MIGRATIONS) {
    if (m.version > current) {
      db.transaction(() => {
        if (typeof m.up === 'string') db.exec(m.up);
        else m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    }
  }
  return current === 0;
}
