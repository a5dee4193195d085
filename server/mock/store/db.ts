import type Database from 'better-sqlite3';
import { openConnection } from './connection.js';
import { ReaderPool } from './reader.js';
import {
  CASE_INSENSITIVE_SORT_INDEXED,
  INDEXED_NUMBER_PROPERTIES,
  INDEXED_TEXT_PROPERTIES,
  INDEXED_WITH_TIMESTAMP,
  numberExpr,
  textExpr,
} from './schema.js';
import {
  SEARCHABLE_PROPERTIES,
  type AssociationLabelDef,
  type AssociationRow,
  type DispositionRow,
  type HistoryEntry,
  type JsonProperty,
  type JsonRows,
  type ObjectTypeName,
  type OwnerRow,
  type SearchColumn,
  type SearchCondition,
  type SearchPlan,
  type StoredObject,
  type WriteSource,
} from './types.js';

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

/**
 * props is stored as SQLite JSONB (binary JSON: json_extract reads it without parsing text);
 * rows written before that are text, which every JSON function accepts alike. Read as text.
 */
const OBJECT_COLUMNS = 'id, type, archived, created_at, updated_at, archived_at, source, json(props) AS props';
const INDEXED_TEXT = new Set<string>(INDEXED_TEXT_PROPERTIES);
const INDEXED_NUMBER = new Set<string>(INDEXED_NUMBER_PROPERTIES);
const COMPOSITE_TS = new Set<string>(INDEXED_WITH_TIMESTAMP);
const CI_SORT = new Set<string>(CASE_INSENSITIVE_SORT_INDEXED);
const PROP_NAME = /^[A-Za-z0-9_]+$/;

/** Epoch milliseconds -> the ISO-8601 text stored beside them (created_iso, ...). */
function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function parseProps(text: string): Record<string, string> {
  // written only by this store, always a JSON object of strings
  return JSON.parse(text) as Record<string, string>;
}

/** Searches that must see an unchanged database before sorted value lists are built for totals. */
const VALUE_INDEX_AFTER = 4;
const FAST_TOTAL_OPS = new Set(['EQ', 'GT', 'GTE', 'LT', 'LTE', 'BETWEEN']);
/** Characters whose UTF-16 order differs from SQLite's UTF-8 byte order (and lone surrogates). */
const ASTRAL_OR_SURROGATE = /[\uD800-\uDFFF]/;

/** First index whose value is >= x (values sorted ascending). */
function lowerBound(values: readonly string[], x: string): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? '') < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > x. */
function upperBound(values: readonly string[], x: string): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? '') <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const FIXED_COLUMNS = 'id, type, archived, created_at, updated_at, archived_at, source';
/** What recordJsonSql reads of a row. */
const JSON_ROW_COLUMNS = 'id, archived, props, created_iso, updated_iso, archived_iso';
const EMPTY = Buffer.alloc(0);
/** Most properties SQLite writes per record (below 127, SQLite's usual limit of function arguments). */
export const MAX_JSON_PROPERTIES = 100;
/** Property names SQLite writes (they go into the SQL text as JSON keys and paths). */
export const JSON_PROPERTY_NAME = PROP_NAME;

/**
 * SQL writing one record as JSON text from JSON_ROW_COLUMNS, exactly as JSON.stringify writes
 * the API's record object. Stored values are JSON strings in `props`; `->` gives them back as
 * JSON text (quoted and escaped), NULL when absent, and concat_ws leaves NULL members out.
 */
function recordJsonSql(properties: readonly JsonProperty[]): string {
  if (properties.length > MAX_JSON_PROPERTIES) throw new Error('too many properties for recordJsonSql');
  const members = properties.map(({ name, from }) => {
    if (!JSON_PROPERTY_NAME.test(name)) throw new Error(`invalid property name ${name}`);
    const key = `'"${name}":`;
    switch (from) {
      case 'stored':
        return `${key}' || (props -> '$.${name}')`;
      case 'id':
        return `${key}"' || id || '"'`;
      case 'created':
        return `${key}"' || created_iso || '"'`;
      case 'updated':
        return `${key}"' || updated_iso || '"'`;
    }
  });
  const props = members.length ? `concat_ws(',', ${members.join(', ')})` : `''`;
  return `'{"id":"' || id || '","properties":{' || ${props} || '},"createdAt":"' || created_iso || '","updatedAt":"' || updated_iso ||
    '","archived":' || iif(archived, 'true', 'false') || iif(archived_iso IS NULL, '', ',"archivedAt":"' || archived_iso || '"') || '}'`;
}
const MAX_PROJECTED = 64;

/** Usable projection (valid, unique names), or undefined to read whole records. */
function projectionOf(names: readonly string[] | undefined): string[] | undefined {
  if (!names) return undefined;
  const out = [...new Set(names)].filter((n) => PROP_NAME.test(n));
  return out.length <= MAX_PROJECTED ? out : undefined;
}

/**
 * One json_extract with every path (SQLite parses the JSON once and returns an array);
 * a single name comes back as the bare value.
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
      props ??= parseProps(row.props);
      return props;
    },
  };
}

export function searchTextOf(type: ObjectTypeName, props: Record<string, string>): string {
  let out = '';
  for (const name of SEARCHABLE_PROPERTIES[type]) {
    const v = props[name];
    if (v) out += (out ? '\n' : '') + v.toLowerCase();
  }
  return out;
}

export class MockDb {
  readonly sqlite: Database.Database;
  readonly file: string;
  private readonly stmts = new Map<string, Database.Statement>();
  private readonly generations = new Map<ObjectTypeName, number>();
  private writeGeneration = 0;
  private dataVersionStmt: Database.Statement | undefined;
  private readonly countCache = new Map<string, number>();
  /** Sorted values of indexed text properties, for O(log n) search totals (see sortedValues). */
  private readonly valueIndex = new Map<string, { version: string; values: string[] | null }>();
  private valueIndexVersion = '';
  private valueIndexUses = 0;
  private closed = false;
  private reader: ReaderPool | undefined;

  constructor(file: string) {
    this.file = file;
    this.sqlite = openConnection(file);
  }

  /**
   * Serves list and search pages (listJson, searchJson) from `count` reader threads with their
   * own read-only connections (see ReaderPool). Only for a database file; a no-op for :memory:.
   */
  startReaders(count: number): ReaderPool | undefined {
    if (this.reader || count <= 0 || this.file === ':memory:' || this.file === '' || this.closed) return this.reader;
    this.reader = new ReaderPool(this.file, count);
    return this.reader;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.reader?.close();
    this.stmts.clear();
    this.dataVersionStmt = undefined;
    this.sqlite.close();
  }

  /** Prepared statement cache keyed by SQL text. */
  stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      if (this.stmts.size > 2000) this.stmts.clear();
      s = this.sqlite.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  /** Runs fn in one IMMEDIATE transaction (nested calls join the outer one). */
  tx<T>(fn: () => T): T {
    if (this.sqlite.inTransaction) return fn();
    return this.sqlite.transaction(fn).immediate();
  }

  /**
   * Changes whenever anything was written, by this connection or (via SQLite's
   * data_version) by another process on the same file. Used to key result caches.
   */
  version(): string {
    this.dataVersionStmt ??= this.sqlite.prepare('PRAGMA data_version').pluck();
    return `${this.writeGeneration}:${String(this.dataVersionStmt.get())}`;
  }

  private bump(type: ObjectTypeName): void {
    this.writeGeneration++;
    this.generations.set(type, (this.generations.get(type) ?? 0) + 1);
    if (this.countCache.size) this.countCache.clear();
  }

  /** Refreshes planner statistics (after bulk seeding). */
  analyze(): void {
    this.sqlite.exec('ANALYZE');
    this.stmts.clear();
  }

  /** Invalidate caches after bulk writes done directly through `sqlite`. */
  invalidate(): void {
    for (const t of ['calls', 'contacts', 'companies', 'deals', 'tickets'] as const) this.bump(t);
  }

  // ---- meta -----------------------------------------------------------------------------

  getMeta(key: string): string | undefined {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  }

  // ---- objects --------------------------------------------------------------------------

  getObject(type: ObjectTypeName, id: number, archived: boolean): StoredObject | undefined {
    const row = this.stmt(`SELECT ${OBJECT_COLUMNS} FROM objects WHERE id = ? AND type = ? AND archived = ?`).get(
      id,
      type,
      archived ? 1 : 0,
    ) as ObjectRowRaw | undefined;
    return row ? toObject(row) : undefined;
  }

  /** Any type, any archived state. */
  getAnyObject(id: number): StoredObject | undefined {
    const row = this.stmt(`SELECT ${OBJECT_COLUMNS} FROM objects WHERE id = ?`).get(id) as ObjectRowRaw | undefined;
    return row ? toObject(row) : undefined;
  }

  findByProperty(type: ObjectTypeName, name: string, value: string, archived: boolean): StoredObject | undefined {
    if (!PROP_NAME.test(name)) return undefined;
    const row = this.stmt(
      `SELECT ${OBJECT_COLUMNS} FROM objects WHERE type = ? AND archived = ? AND ${textExpr(name)} = ? ORDER BY id LIMIT 1`,
    ).get(type, archived ? 1 : 0, value) as ObjectRowRaw | undefined;
    return row ? toObject(row) : undefined;
  }

  /**
   * Keyset page ordered by id. With `project`, only those properties are read (extracted by
   * SQLite, no JSON parsing here); the records' `props` then hold just them.
   */
  listObjects(type: ObjectTypeName, archived: boolean, afterId: number, limit: number, project?: readonly string[]): StoredObject[] {
    const names = projectionOf(project);
    const where = 'FROM objects WHERE type = ? AND archived = ? AND id > ? ORDER BY id LIMIT ?';
    const params = [type, archived ? 1 : 0, afterId, limit];
    if (names) {
      const rows = this.rawStmt(`SELECT ${projectedColumns(names)} ${where}`).all(...params) as unknown[][];
      return rows.map((r) => toProjectedObject(r, names));
    }
    return (this.stmt(`SELECT ${OBJECT_COLUMNS} ${where}`).all(...params) as ObjectRowRaw[]).map(toObject);
  }

  /** Cached statement returning rows as arrays. */
  private rawStmt(sql: string): Database.Statement {
    const key = `RAW ${sql}`;
    let s = this.stmts.get(key);
    if (!s) {
      if (this.stmts.size > 2000) this.stmts.clear();
      s = this.sqlite.prepare(sql).raw(true);
      this.stmts.set(key, s);
    }
    return s;
  }

  /** Bulk/seed insert: no validation, no cache invalidation (call invalidate() afterwards). */
  insertRaw(
    type: ObjectTypeName,
    props: Record<string, string>,
    createdAt: number,
    updatedAt: number,
    archivedAt: number | null = null,
    source = 'CRM_UI',
  ): number {
    const info = this.stmt(
      `INSERT INTO objects (type, archived, created_at, updated_at, archived_at, source, props, search, created_iso, updated_iso, archived_iso)
       VALUES (?, ?, ?, ?, ?, ?, jsonb(?), ?, ?, ?, ?)`,
    ).run(
      type,
      archivedAt === null ? 0 : 1,
      createdAt,
      updatedAt,
      archivedAt,
      source,
      JSON.stringify(props),
      searchTextOf(type, props),
      iso(createdAt),
      iso(updatedAt),
      archivedAt === null ? null : iso(archivedAt),
    );
    return Number(info.lastInsertRowid);
  }

  /** Inserts one typed association and its inverse, without cache invalidation (seed/bulk); true when it was new. */
  insertAssociationRaw(
    fromType: ObjectTypeName,
    fromId: number,
    toType: ObjectTypeName,
    toId: number,
    category: string,
    typeId: number,
    inverseTypeId: number,
  ): boolean {
    const ins = this.stmt(
      'INSERT OR IGNORE INTO assoc (from_id, to_type, to_id, from_type, category, type_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const added = ins.run(fromId, toType, toId, fromType, category, typeId).changes > 0;
    ins.run(toId, fromType, fromId, toType, category, inverseTypeId);
    return added;
  }

  /** Seed helper: sets one stored property without history or validation. */
  setPropRaw(type: ObjectTypeName, id: number, name: string, value: string): void {
    if (!PROP_NAME.test(name)) throw new Error(`invalid property name ${name}`);
    this.stmt(`UPDATE objects SET props = jsonb_set(props, '$.${name}', ?) WHERE id = ? AND type = ?`).run(value, id, type);
  }

  /** Live non-call records whose hs_pinned_engagement_id names the call. */
  recordsPinning(callId: number): StoredObject[] {
    const rows = this.stmt(
      `SELECT ${OBJECT_COLUMNS} FROM objects WHERE type IN ('contacts', 'companies', 'deals', 'tickets') AND archived = 0
       AND ${textExpr('hs_pinned_engagement_id')} = ?`,
    ).all(String(callId)) as ObjectRowRaw[];
    return rows.map(toObject);
  }

  /** Ids of live records of a type (seed helper). */
  liveIds(type: ObjectTypeName): number[] {
    return (this.stmt('SELECT id FROM objects WHERE type = ? AND archived = 0 ORDER BY id').all(type) as { id: number }[]).map(
      (r) => r.id,
    );
  }

  insertObject(type: ObjectTypeName, props: Record<string, string>, now: number, source: WriteSource): StoredObject {
    // creation history is derived lazily from created_at and source (see history())
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(props)) if (v !== '') clean[k] = v;
    const info = this.stmt(
      `INSERT INTO objects (type, archived, created_at, updated_at, source, props, search, created_iso, updated_iso)
       VALUES (?, 0, ?, ?, ?, jsonb(?), ?, ?, ?)`,
    ).run(type, now, now, source.sourceType, JSON.stringify(clean), searchTextOf(type, clean), iso(now), iso(now));
    this.bump(type);
    return {
      id: Number(info.lastInsertRowid),
      type,
      archived: false,
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
      source: source.sourceType,
      props: clean,
    };
  }

  /**
   * Applies changes ("" clears) to a stored object and records history for every changed
   * property. Must be called with a fresh read inside the same transaction.
   */
  updateObject(obj: StoredObject, changes: Record<string, string>, now: number, source: WriteSource): StoredObject {
    const next: Record<string, string> = { ...obj.props };
    const changed: string[] = [];
    for (const [k, v] of Object.entries(changes)) {
      const before = next[k];
      if (v === '') {
        if (before !== undefined) {
          delete next[k];
          changed.push(k);
        }
      } else if (before !== v) {
        next[k] = v;
        changed.push(k);
      }
    }
    if (!changed.length) return obj;
    const updatedAt = Math.max(now, obj.updatedAt);
    const hasHistory = this.stmt('SELECT 1 FROM history WHERE object_id = ? AND name = ? LIMIT 1');
    const addHistory = this.stmt(
      'INSERT INTO history (object_id, name, value, ts, source_type, source_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const k of changed) {
      const before = obj.props[k];
      if (before !== undefined && !hasHistory.get(obj.id, k)) {
        // materialise the value the record was created with before recording the change
        addHistory.run(obj.id, k, before, obj.createdAt, obj.source, null);
      }
      addHistory.run(obj.id, k, next[k] ?? '', updatedAt, source.sourceType, source.sourceId ?? null);
    }
    this.stmt('UPDATE objects SET props = jsonb(?), search = ?, updated_at = ?, updated_iso = ? WHERE id = ?').run(
      JSON.stringify(next),
      searchTextOf(obj.type, next),
      updatedAt,
      iso(updatedAt),
      obj.id,
    );
    this.bump(obj.type);
    return { ...obj, props: next, updatedAt };
  }

  archiveObject(type: ObjectTypeName, id: number, now: number): boolean {
    const info = this.stmt(
      `UPDATE objects SET archived = 1, archived_at = ?, updated_at = ?, archived_iso = ?, updated_iso = ?
       WHERE id = ? AND type = ? AND archived = 0`,
    ).run(now, now, iso(now), iso(now), id, type);
    if (info.changes) this.bump(type);
    return info.changes > 0;
  }

  /** Property history, newest first. Values never changed since creation get one entry. */
  history(obj: StoredObject, names: readonly string[]): Record<string, HistoryEntry[]> {
    const out: Record<string, HistoryEntry[]> = {};
    const q = this.stmt(
      'SELECT value, ts, source_type, source_id FROM history WHERE object_id = ? AND name = ? ORDER BY ts DESC, seq DESC',
    );
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

  // ---- search ---------------------------------------------------------------------------

  private columnExpr(c: SearchColumn): string {
    switch (c.kind) {
      case 'id':
        return 'id';
      case 'created':
        return 'created_at';
      case 'updated':
        return 'updated_at';
      case 'prop': {
        if (!PROP_NAME.test(c.name)) throw new Error(`invalid property name ${c.name}`);
        if (c.numeric) return numberExpr(c.name);
        const e = textExpr(c.name);
        return c.caseInsensitive ? `lower(${e})` : e;
      }
    }
  }

  private rawExpr(c: SearchColumn): string {
    return c.kind === 'prop' ? textExpr(c.name) : this.columnExpr(c);
  }

  private bindValue(c: SearchColumn, v: string | number): string | number {
    if (c.kind === 'prop' && c.caseInsensitive && typeof v === 'string') return v.toLowerCase();
    return v;
  }

  private conditionSql(type: ObjectTypeName, cond: SearchCondition, params: (string | number)[]): string {
    if (cond.op === 'ASSOCIATED') {
      const ph = cond.ids.map(() => '?').join(', ');
      params.push(...cond.ids, type, cond.toType);
      // both directions are stored, so the rows from the target records point back here
      const sub = `id IN (SELECT to_id FROM assoc WHERE from_id IN (${ph}) AND to_type = ? AND from_type = ?)`;
      return cond.negate ? `NOT (${sub})` : sub;
    }
    // NULL (no value) never satisfies a comparison, so range operators need no extra guard
    const e = this.columnExpr(cond.column);
    switch (cond.op) {
      case 'EQ':
        params.push(this.bindValue(cond.column, cond.value));
        return `${e} = ?`;
      case 'NEQ':
        params.push(this.bindValue(cond.column, cond.value));
        return `(${e} IS NULL OR ${e} != ?)`;
      case 'GT':
      case 'GTE':
      case 'LT':
      case 'LTE': {
        const op = { GT: '>', GTE: '>=', LT: '<', LTE: '<=' }[cond.op];
        params.push(this.bindValue(cond.column, cond.value));
        return `${e} ${op} ?`;
      }
      case 'BETWEEN':
        params.push(this.bindValue(cond.column, cond.low), this.bindValue(cond.column, cond.high));
        return `${e} BETWEEN ? AND ?`;
      case 'IN':
      case 'NOT_IN': {
        if (!cond.values.length) return cond.op === 'IN' ? '0' : '1';
        params.push(...cond.values.map((v) => this.bindValue(cond.column, v)));
        const list = `(${cond.values.map(() => '?').join(', ')})`;
        return cond.op === 'IN' ? `${e} IN ${list}` : `(${e} IS NULL OR ${e} NOT IN ${list})`;
      }
      case 'HAS_PROPERTY':
        return `${e} IS NOT NULL`;
      case 'NOT_HAS_PROPERTY':
        return `${e} IS NULL`;
      case 'CONTAINS_TOKEN':
        params.push(cond.pattern);
        return `hs_contains_token(${this.rawExpr(cond.column)}, ?) = 1`;
      case 'NOT_CONTAINS_TOKEN':
        params.push(cond.pattern);
        return `hs_contains_token(${this.rawExpr(cond.column)}, ?) = 0`;
    }
  }

  private searchWhere(plan: SearchPlan, params: (string | number)[]): string {
    const parts = ['type = ?', 'archived = 0'];
    params.push(plan.type);
    const groups = plan.groups.filter((g) => g.length > 0);
    if (groups.length) {
      const ors = groups.map((g) => '(' + g.map((c) => this.conditionSql(plan.type, c, params)).join(' AND ') + ')');
      parts.push(ors.length === 1 ? (ors[0] ?? '1') : `(${ors.join(' OR ')})`);
    }
    for (const term of plan.terms) {
      params.push(`%${term.replace(/[\\%_]/g, (m) => '\\' + m)}%`);
      parts.push(`search LIKE ? ESCAPE '\\'`);
    }
    return parts.join(' AND ');
  }

  /**
   * When many records match, walking the sort's index and stopping at LIMIT beats
   * SQLite's usual choice (the filter's index, then sorting every match). With few
   * matches the planner's own choice is kept.
   */
  private sortIndexHint(plan: SearchPlan, total: number): string {
    if (total <= 2000) return '';
    // walking the sort index reads about (offset + limit) * all / total rows; the filter's
    // index reads `total` rows and sorts them
    const all = this.cachedCount(`SELECT count(*) AS n FROM objects WHERE type = ? AND archived = 0`, [plan.type]);
    if ((plan.offset + plan.limit) * all > total * total) return '';
    const first = plan.sorts[0];
    const col = first?.column ?? { kind: 'id' as const };
    let index: string | undefined;
    if (col.kind === 'id') index = 'objects_list';
    else if (col.kind === 'created') index = 'objects_created';
    else if (col.kind === 'updated') index = 'objects_updated';
    else if (col.kind === 'prop' && col.caseInsensitive) {
      if (CI_SORT.has(col.name)) index = `objects_ci_${col.name}`;
    } else if (col.kind === 'prop') {
      if (col.numeric && INDEXED_NUMBER.has(col.name)) index = `objects_n_${col.name}`;
      if (!col.numeric && COMPOSITE_TS.has(col.name) && plan.sorts.length === 1) index = `objects_pt_${col.name}`;
      if (!col.numeric && col.name === 'hs_timestamp') {
        // "X = v, newest first" is best served by the (X, hs_timestamp) composite index
        const eqComposite = plan.groups.length === 1 && (plan.groups[0] ?? []).some(
          (c) => c.op === 'EQ' && c.column.kind === 'prop' && COMPOSITE_TS.has(c.column.name),
        );
        if (!eqComposite) index = 'objects_p_hs_timestamp';
      }
    }
    return index ? ` INDEXED BY ${index}` : '';
  }

  /** count(*) query results, reused until the next write. */
  private cachedCount(sql: string, params: (string | number)[]): number {
    const key = this.version() + '\u0000' + sql + '\u0000' + JSON.stringify(params);
    let n = this.countCache.get(key);
    if (n === undefined) {
      n = (this.stmt(sql).get(...params) as { n: number }).n;
      if (this.countCache.size > 1000) this.countCache.clear();
      this.countCache.set(key, n);
    }
    return n;
  }

  /**
   * Every live value of an indexed text property of a type, sorted (SQLite's BINARY order, which
   * is JavaScript's for text without astral characters), so a single range or equality filter's
   * total is two binary searches instead of counting up to every index entry. Built only once the
   * database has been unchanged for a few such searches (a write makes it stale; until it is
   * rebuilt, totals are counted in SQL). null when the values do not allow it.
   */
  private sortedValues(type: ObjectTypeName, name: string): string[] | null | undefined {
    const version = this.version();
    if (version !== this.valueIndexVersion) {
      this.valueIndexVersion = version;
      this.valueIndexUses = 0;
    }
    const key = `${type}\u0000${name}`;
    const hit = this.valueIndex.get(key);
    if (hit && hit.version === version) return hit.values;
    if (++this.valueIndexUses < VALUE_INDEX_AFTER) return undefined;
    const all = this.stmt(
      `SELECT ${textExpr(name)} FROM objects WHERE type = ? AND archived = 0 AND ${textExpr(name)} IS NOT NULL ORDER BY ${textExpr(name)}`,
    ).pluck().all(type) as unknown[];
    let values: string[] | null = [];
    for (const v of all) {
      if (typeof v !== 'string' || ASTRAL_OR_SURROGATE.test(v)) {
        values = null;
        break;
      }
      values.push(v);
    }
    this.valueIndex.set(key, { version, values });
    return values;
  }

  /** The total of a search with one indexed-text equality or range filter and no text query, if cheap. */
  private fastTotal(plan: SearchPlan): number | undefined {
    if (plan.terms.length || plan.groups.length !== 1) return undefined;
    const group = plan.groups[0];
    const cond = group?.length === 1 ? group[0] : undefined;
    if (!cond || cond.op === 'ASSOCIATED' || !FAST_TOTAL_OPS.has(cond.op)) return undefined;
    const col = cond.column;
    if (col.kind !== 'prop' || col.numeric || col.caseInsensitive || !INDEXED_TEXT.has(col.name)) return undefined;
    const bounds = cond.op === 'BETWEEN' ? [cond.low, cond.high] : 'value' in cond ? [cond.value] : [];
    if (!bounds.every((b): b is string => typeof b === 'string' && !ASTRAL_OR_SURROGATE.test(b))) return undefined;
    const values = this.sortedValues(plan.type, col.name);
    if (!values) return undefined;
    const [a = '', b = ''] = bounds as string[];
    const n = values.length;
    switch (cond.op) {
      case 'EQ':
        return upperBound(values, a) - lowerBound(values, a);
      case 'GT':
        return n - upperBound(values, a);
      case 'GTE':
        return n - lowerBound(values, a);
      case 'LT':
        return lowerBound(values, a);
      case 'LTE':
        return upperBound(values, a);
      case 'BETWEEN':
        return Math.max(0, upperBound(values, b) - lowerBound(values, a));
      default:
        return undefined;
    }
  }

  /** The total, and the query of the page's matches (FROM ... LIMIT ? OFFSET ?) with its parameters; no query when the page is empty. */
  private searchQuery(plan: SearchPlan): { total: number; tail?: string; params: (string | number)[] } {
    const params: (string | number)[] = [];
    const where = this.searchWhere(plan, params);
    const total = this.fastTotal(plan) ?? this.cachedCount(`SELECT count(*) AS n FROM objects WHERE ${where}`, params);
    if (plan.limit <= 0 || plan.offset >= total) return { total, params };
    const order = plan.sorts.map((s) => `${this.columnExpr(s.column)} ${s.descending ? 'DESC' : 'ASC'}`);
    const last = plan.sorts[plan.sorts.length - 1];
    const dir = last?.descending ? 'DESC' : 'ASC';
    const only = plan.sorts.length === 1 ? plan.sorts[0]?.column : undefined;
    // ties on an indexed enumeration break by hs_timestamp, matching its (value, hs_timestamp) index
    if (only?.kind === 'prop' && !only.numeric && COMPOSITE_TS.has(only.name)) order.push(`${textExpr('hs_timestamp')} ${dir}`);
    order.push(`id ${dir}`);
    const hint = this.sortIndexHint(plan, total);
    params.push(plan.limit, plan.offset);
    return { total, tail: `FROM objects${hint} WHERE ${where} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`, params };
  }

  search(plan: SearchPlan): { rows: StoredObject[]; total: number } {
    const { total, tail, params } = this.searchQuery(plan);
    if (!tail) return { rows: [], total };
    const names = projectionOf(plan.project);
    if (names) {
      const rows = this.rawStmt(`SELECT ${projectedColumns(names)} ${tail}`).all(...params) as unknown[][];
      return { rows: rows.map((r) => toProjectedObject(r, names)), total };
    }
    const rows = this.stmt(`SELECT ${OBJECT_COLUMNS} ${tail}`).all(...params) as ObjectRowRaw[];
    return { rows: rows.map(toObject), total };
  }

  /** search() with the matches written as JSON by SQLite (see listJson). */
  async searchJson(plan: SearchPlan, properties: readonly JsonProperty[]): Promise<{ total: number } & JsonRows> {
    const { total, tail, params } = this.searchQuery(plan);
    if (!tail) return { total, json: EMPTY, count: 0, lastId: undefined };
    return { total, ...(await this.jsonRows(`SELECT ${JSON_ROW_COLUMNS} ${tail}`, params, properties)) };
  }

  /**
   * listObjects() written as JSON by SQLite: each record as the API answers it (id, the
   * properties, createdAt, updatedAt, archived, archivedAt), joined by commas, as UTF-8 bytes.
   * No record passes through JavaScript: this is what keeps large pages cheap.
   */
  listJson(type: ObjectTypeName, archived: boolean, afterId: number, limit: number, properties: readonly JsonProperty[]): Promise<JsonRows> {
    return this.jsonRows(
      `SELECT ${JSON_ROW_COLUMNS} FROM objects WHERE type = ? AND archived = ? AND id > ? ORDER BY id LIMIT ?`,
      [type, archived ? 1 : 0, afterId, limit],
      properties,
    );
  }

  /** Whether a record of the type, live or (with `archived`) archived, has an id above afterId. */
  hasObjectAfter(type: ObjectTypeName, archived: boolean, afterId: number): boolean {
    return this.stmt('SELECT 1 FROM objects WHERE type = ? AND archived = ? AND id > ? LIMIT 1').get(type, archived ? 1 : 0, afterId) !== undefined;
  }

  /** Runs on a reader thread when one has started, else here. */
  private async jsonRows(select: string, params: (string | number)[], properties: readonly JsonProperty[]): Promise<JsonRows> {
    // the rows come from a subquery (a co-routine SQLite does not flatten into the aggregate),
    // so group_concat sees them in the subquery's order
    const sql = `SELECT count(*), max(id), CAST(group_concat(${recordJsonSql(properties)}, ',') AS BLOB) FROM (${select})`;
    const viaReader = this.reader?.get(sql, params);
    const row: unknown = viaReader ? await viaReader : this.rawStmt(sql).get(...params);
    const values: unknown[] = Array.isArray(row) ? row : [];
    const [count, lastId, json] = values;
    return {
      json: json instanceof Uint8Array ? json : EMPTY,
      count: typeof count === 'number' ? count : 0,
      lastId: typeof lastId === 'number' ? lastId : undefined,
    };
  }

  /** Whether a property has a dedicated index (for diagnostics/tests). */
  static isIndexed(name: string): boolean {
    return INDEXED_TEXT.has(name) || INDEXED_NUMBER.has(name);
  }

  // ---- associations ---------------------------------------------------------------------

  /** Adds one typed association and its inverse. Returns true when it was new. */
  addAssociation(
    fromType: ObjectTypeName,
    fromId: number,
    toType: ObjectTypeName,
    toId: number,
    category: string,
    typeId: number,
    inverseTypeId: number,
  ): boolean {
    const added = this.insertAssociationRaw(fromType, fromId, toType, toId, category, typeId, inverseTypeId);
    this.bump(fromType);
    this.bump(toType);
    return added;
  }

  /** Removes associations between two records (all types, or only the given type ids of from→to). */
  removeAssociations(
    fromType: ObjectTypeName,
    fromId: number,
    toType: ObjectTypeName,
    toId: number,
    types?: { category: string; typeId: number; inverseTypeId: number }[],
  ): number {
    let n = 0;
    if (!types) {
      n += this.stmt('DELETE FROM assoc WHERE from_id = ? AND to_type = ? AND to_id = ?').run(fromId, toType, toId).changes;
      this.stmt('DELETE FROM assoc WHERE from_id = ? AND to_type = ? AND to_id = ?').run(toId, fromType, fromId);
    } else {
      const del = this.stmt(
        'DELETE FROM assoc WHERE from_id = ? AND to_type = ? AND to_id = ? AND category = ? AND type_id = ?',
      );
      for (const t of types) {
        n += del.run(fromId, toType, toId, t.category, t.typeId).changes;
        del.run(toId, fromType, fromId, t.category, t.inverseTypeId);
      }
    }
    this.bump(fromType);
    this.bump(toType);
    return n;
  }

  /** Associations of one record to live (non-archived) records of a type, ordered by target id. */
  associationsOf(fromId: number, toType: ObjectTypeName): AssociationRow[] {
    const rows = this.stmt(
      `SELECT a.to_id AS toId, a.category AS category, a.type_id AS typeId
       FROM assoc a JOIN objects o ON o.id = a.to_id AND o.archived = 0
       WHERE a.from_id = ? AND a.to_type = ? ORDER BY a.to_id, a.category, a.type_id`,
    ).all(fromId, toType) as AssociationRow[];
    return rows;
  }

  /** Association rows between two specific records (from→to direction). */
  associationsBetween(fromId: number, toType: ObjectTypeName, toId: number): AssociationRow[] {
    return this.stmt(
      `SELECT to_id AS toId, category, type_id AS typeId FROM assoc
       WHERE from_id = ? AND to_type = ? AND to_id = ? ORDER BY category, type_id`,
    ).all(fromId, toType, toId) as AssociationRow[];
  }

  // ---- association labels ---------------------------------------------------------------

  labels(fromType: ObjectTypeName, toType: ObjectTypeName): AssociationLabelDef[] {
    const rows = this.stmt(
      `SELECT from_type AS fromType, to_type AS toType, category, type_id AS typeId, name, label,
              inverse_type_id AS inverseTypeId
       FROM assoc_labels WHERE from_type = ? AND to_type = ? ORDER BY category, type_id`,
    ).all(fromType, toType) as AssociationLabelDef[];
    return rows;
  }

  putLabel(def: AssociationLabelDef): void {
    this.writeGeneration++;
    this.stmt(
      `INSERT INTO assoc_labels (from_type, to_type, category, type_id, name, label, inverse_type_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (from_type, to_type, category, type_id)
       DO UPDATE SET name = excluded.name, label = excluded.label, inverse_type_id = excluded.inverse_type_id`,
    ).run(def.fromType, def.toType, def.category, def.typeId, def.name, def.label, def.inverseTypeId);
  }

  deleteLabel(fromType: ObjectTypeName, toType: ObjectTypeName, category: string, typeId: number): void {
    this.writeGeneration++;
    this.stmt('DELETE FROM assoc_labels WHERE from_type = ? AND to_type = ? AND category = ? AND type_id = ?').run(
      fromType,
      toType,
      category,
      typeId,
    );
    this.stmt('DELETE FROM assoc WHERE from_type = ? AND to_type = ? AND category = ? AND type_id = ?').run(
      fromType,
      toType,
      category,
      typeId,
    );
  }

  maxLabelTypeId(): number {
    const row = this.stmt('SELECT max(type_id) AS m FROM assoc_labels').get() as { m: number | null };
    return row.m ?? 0;
  }

  // ---- owners & dispositions ------------------------------------------------------------

  owners(archived: boolean): OwnerRow[] {
    const rows = this.stmt(
      `SELECT id, email, first_name, last_name, user_id, type, teams, created_at, updated_at, archived
       FROM owners WHERE archived = ? ORDER BY id`,
    ).all(archived ? 1 : 0) as {
      id: number;
      email: string;
      first_name: string;
      last_name: string;
      user_id: number;
      type: string;
      teams: string;
      created_at: number;
      updated_at: number;
      archived: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      firstName: r.first_name,
      lastName: r.last_name,
      userId: r.user_id,
      type: r.type === 'QUEUE' ? 'QUEUE' : 'PERSON',
      teams: parseTeams(r.teams),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archived: r.archived === 1,
    }));
  }

  insertOwner(o: OwnerRow): void {
    this.stmt(
      `INSERT INTO owners (id, email, first_name, last_name, user_id, type, teams, created_at, updated_at, archived)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      o.id,
      o.email,
      o.firstName,
      o.lastName,
      o.userId,
      o.type,
      JSON.stringify(o.teams),
      o.createdAt,
      o.updatedAt,
      o.archived ? 1 : 0,
    );
  }

  dispositions(): DispositionRow[] {
    const rows = this.stmt('SELECT id, label, deleted FROM dispositions ORDER BY position').all() as {
      id: string;
      label: string;
      deleted: number;
    }[];
    return rows.map((r) => ({ id: r.id, label: r.label, deleted: r.deleted === 1 }));
  }

  insertDisposition(d: DispositionRow, position: number): void {
    this.stmt('INSERT OR REPLACE INTO dispositions (id, label, deleted, position) VALUES (?, ?, ?, ?)').run(
      d.id,
      d.label,
      d.deleted ? 1 : 0,
      position,
    );
  }

  countObjects(type: ObjectTypeName, archived = false): number {
    return (
      this.stmt('SELECT count(*) AS n FROM objects WHERE type = ? AND archived = ?').get(type, archived ? 1 : 0) as {
        n: number;
      }
    ).n;
  }
}

function parseTeams(text: string): OwnerRow['teams'] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) return [];
  const out: OwnerRow['teams'] = [];
  for (const t of parsed as unknown[]) {
    if (t && typeof t === 'object' && 'id' in t && 'name' in t) {
      const rec = t as { id: unknown; name: unknown; primary?: unknown };
      out.push({ id: String(rec.id), name: String(rec.name), primary: rec.primary === true });
    }
  }
  return out;
}
