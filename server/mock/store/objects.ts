/**
 * CRM records in the `objects` table: rows to StoredObject (whole, or only the projected
 * properties), reads by id, property and page, inserts, updates and archiving.
 */
import type { Connection } from './connection.js';
import { recordChanges } from './history.js';
import { PROPERTY_NAME, textExpr } from './schema.js';
import type { Sql } from './search-sql.js';
import { searchTextOf, withDerived } from './derived.js';
import type { ObjectTypeName, StoredObject, WriteSource } from './types.js';

interface ObjectRowRaw {
  id: number;
  type: string;
  archived: number;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
  source: string;
  props: string;
}

const FIXED_COLUMNS = 'id, type, archived, created_at, updated_at, archived_at, source';
/**
 * props is stored as SQLite JSONB (binary JSON: json_extract reads it without parsing text);
 * rows written before that are text, which every JSON function accepts alike. Read as text.
 */
const OBJECT_COLUMNS = `${FIXED_COLUMNS}, json(props) AS props`;
/** Most properties read by one projection; beyond it whole records are read. */
const MAX_PROJECTED = 64;

/** Row -> StoredObject; the props JSON is parsed on first access only. */
function toObject(row: ObjectRowRaw): StoredObject {
  let props: Record<string, string> | undefined;
  return {
    id: row.id,
    type: row.type as ObjectTypeName, // written only by this store from ObjectTypeName values
    archived: row.archived === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    source: row.source,
    get props() {
      // written only by this store, always a JSON object of strings
      props ??= JSON.parse(row.props) as Record<string, string>;
      return props;
    },
  };
}

/** Usable projection (valid, unique names), or undefined to read whole records. */
function projectionOf(names: readonly string[] | undefined): string[] | undefined {
  if (!names) return undefined;
  const out = [...new Set(names)].filter((n) => PROPERTY_NAME.test(n));
  return out.length <= MAX_PROJECTED ? out : undefined;
}

/**
 * The columns of a projected read: the fixed ones, then one json_extract with every path (SQLite
 * parses the JSON once and returns an array; a single name comes back as the bare value).
 */
function projectedColumns(names: readonly string[]): string {
  if (names.length === 0) return FIXED_COLUMNS;
  return `${FIXED_COLUMNS}, json_extract(props, ${names.map((n) => `'$.${n}'`).join(', ')})`;
}

/** Raw row of a projected read: the fixed columns, then the projected values. */
function toProjectedObject(row: unknown[], names: readonly string[]): StoredObject {
  const props: Record<string, string> = {};
  const extracted = row[7];
  if (names.length === 1) {
    const name = names[0];
    if (typeof extracted === 'string' && name !== undefined) props[name] = extracted;
  } else if (typeof extracted === 'string') {
    const values: unknown = JSON.parse(extracted);
    if (Array.isArray(values)) {
      for (let i = 0; i < names.length; i++) {
        const v: unknown = values[i];
        const name = names[i];
        if (typeof v === 'string' && name !== undefined) props[name] = v;
      }
    }
  }
  return {
    id: Number(row[0]),
    type: row[1] as ObjectTypeName, // written only by this store from ObjectTypeName values
    archived: row[2] === 1,
    createdAt: Number(row[3]),
    updatedAt: Number(row[4]),
    archivedAt: row[5] === null ? null : Number(row[5]),
    source: String(row[6]),
    props,
  };
}

/**
 * Records of a query: `select(columns)` gives the SQL and parameters reading those columns (none:
 * no records). With
 * `project`, only those properties are read (extracted by SQLite, no JSON parsing here); the
 * records' `props` then hold just them.
 */
export function selectObjects(c: Connection, select: (columns: string) => Sql | undefined, project?: readonly string[]): StoredObject[] {
  const names = projectionOf(project);
  if (names) {
    const q = select(projectedColumns(names));
    return q ? (c.stmt(q.sql, true).all(...q.params) as unknown[][]).map((r) => toProjectedObject(r, names)) : [];
  }
  const q = select(OBJECT_COLUMNS);
  return q ? (c.stmt(q.sql).all(...q.params) as ObjectRowRaw[]).map(toObject) : [];
}

function selectOne(c: Connection, where: string, ...params: (string | number)[]): StoredObject | undefined {
  const row = c.stmt(`SELECT ${OBJECT_COLUMNS} FROM objects WHERE ${where}`).get(...params) as ObjectRowRaw | undefined;
  return row ? toObject(row) : undefined;
}

export function getObject(c: Connection, type: ObjectTypeName, id: number, archived: boolean): StoredObject | undefined {
  return selectOne(c, 'id = ? AND type = ? AND archived = ?', id, type, archived ? 1 : 0);
}

/** Any type, any archived state. */
export function getAnyObject(c: Connection, id: number): StoredObject | undefined {
  return selectOne(c, 'id = ?', id);
}

export function findByProperty(c: Connection, type: ObjectTypeName, name: string, value: string, archived: boolean): StoredObject | undefined {
  if (!PROPERTY_NAME.test(name)) return undefined;
  return selectOne(c, `type = ? AND archived = ? AND ${textExpr(name)} = ? ORDER BY id LIMIT 1`, type, archived ? 1 : 0, value);
}

/** Keyset page ordered by id (see selectObjects for `project`). */
export function listObjects(
  c: Connection,
  type: ObjectTypeName,
  archived: boolean,
  afterId: number,
  limit: number,
  project?: readonly string[],
): StoredObject[] {
  return selectObjects(
    c,
    (columns) => ({
      sql: `SELECT ${columns} FROM objects WHERE type = ? AND archived = ? AND id > ? ORDER BY id LIMIT ?`,
      params: [type, archived ? 1 : 0, afterId, limit],
    }),
    project,
  );
}

/** Live non-call records whose hs_pinned_engagement_id names the call. */
export function recordsPinning(c: Connection, callId: number): StoredObject[] {
  return selectObjects(c, (columns) => ({
    sql: `SELECT ${columns} FROM objects WHERE type IN ('contacts', 'companies', 'deals', 'tickets') AND archived = 0
       AND ${textExpr('hs_pinned_engagement_id')} = ?`,
    params: [String(callId)],
  }));
}

/** Ids of live records of a type (seed helper). */
export function liveIds(c: Connection, type: ObjectTypeName): number[] {
  return c.stmt('SELECT id FROM objects WHERE type = ? AND archived = 0 ORDER BY id').pluck().all(type) as number[];
}

export function countObjects(c: Connection, type: ObjectTypeName, archived: boolean): number {
  return (c.stmt('SELECT count(*) AS n FROM objects WHERE type = ? AND archived = ?').get(type, archived ? 1 : 0) as { n: number }).n;
}

const INSERT = `INSERT INTO objects (type, archived, created_at, updated_at, archived_at, source, props, search)
  VALUES (?, ?, ?, ?, ?, ?, jsonb(?), ?)`;

/** Inserts a row whose props already carry their derived values (derived.ts). */
function insertRow(
  c: Connection,
  type: ObjectTypeName,
  props: Record<string, string>,
  createdAt: number,
  updatedAt: number,
  archivedAt: number | null,
  source: string,
): number {
  const info = c
    .stmt(INSERT)
    .run(type, archivedAt === null ? 0 : 1, createdAt, updatedAt, archivedAt, source, JSON.stringify(props), searchTextOf(type, props));
  return Number(info.lastInsertRowid);
}

/** Bulk/seed insert: no validation, no version change (call invalidate() afterwards); derived values are computed. */
export function insertRaw(
  c: Connection,
  type: ObjectTypeName,
  props: Record<string, string>,
  createdAt: number,
  updatedAt: number,
  archivedAt: number | null = null,
  source = 'CRM_UI',
): number {
  return insertRow(c, type, withDerived(type, props), createdAt, updatedAt, archivedAt, source);
}

/** Seed helper: sets one stored property without history or validation (not one a derived value depends on). */
export function setPropRaw(c: Connection, type: ObjectTypeName, id: number, name: string, value: string): void {
  if (!PROPERTY_NAME.test(name)) throw new Error(`invalid property name ${name}`);
  c.stmt(`UPDATE objects SET props = jsonb_set(props, '$.${name}', ?) WHERE id = ? AND type = ?`).run(value, id, type);
}

export function insertObject(c: Connection, type: ObjectTypeName, props: Record<string, string>, now: number, source: WriteSource): StoredObject {
  // creation history is derived lazily from created_at and source (see history.ts)
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(props)) if (v !== '') clean[k] = v;
  const stored = withDerived(type, clean);
  const id = insertRow(c, type, stored, now, now, null, source.sourceType);
  c.wrote();
  return { id, type, archived: false, createdAt: now, updatedAt: now, archivedAt: null, source: source.sourceType, props: stored };
}

/** Source recorded in property history for values HubSpot computes. */
const CALCULATED: WriteSource = { sourceType: 'CALCULATED' };

/** The names whose values differ between two property sets. */
function changedNames(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((k) => before[k] !== after[k]);
}

/**
 * Applies changes ("" clears) to a stored object and records history for every changed
 * property (derived values with source CALCULATED). Must be called with a fresh read inside the
 * same transaction. A change moves updatedAt strictly forward, even within one millisecond, so a
 * client comparing it sees every write; changes that change nothing keep it.
 */
export function updateObject(c: Connection, obj: StoredObject, changes: Record<string, string>, now: number, source: WriteSource): StoredObject {
  const given: Record<string, string> = { ...obj.props };
  for (const [k, v] of Object.entries(changes)) {
    if (v === '') delete given[k];
    else given[k] = v;
  }
  const next = withDerived(obj.type, given);
  const changed = changedNames(obj.props, given).filter((k) => k in changes);
  if (!changed.length) return obj;
  const derived = changedNames(obj.props, next).filter((k) => !changed.includes(k));
  const updatedAt = Math.max(now, obj.updatedAt + 1);
  recordChanges(c, obj, changed, next, updatedAt, source);
  recordChanges(c, obj, derived, next, updatedAt, CALCULATED);
  c.stmt('UPDATE objects SET props = jsonb(?), search = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(next),
    searchTextOf(obj.type, next),
    updatedAt,
    obj.id,
  );
  c.wrote();
  return { ...obj, props: next, updatedAt };
}

/** Archives a live record (updatedAt moves strictly forward); false when there was none. */
export function archiveObject(c: Connection, type: ObjectTypeName, id: number, now: number): boolean {
  const info = c
    .stmt('UPDATE objects SET archived = 1, archived_at = ?, updated_at = max(?, updated_at + 1) WHERE id = ? AND type = ? AND archived = 0')
    .run(now, now, id, type);
  if (info.changes) c.wrote();
  return info.changes > 0;
}
