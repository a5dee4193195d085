/**
 * A search plan as SQL: pure functions (no database), a plan in, `{ sql, params }` out. The store
 * runs the count first, then the page (whose index choice depends on the count). `lagged`: search
 * lags behind recent writes, so it reads the records with the copies in `temp.search_lag` in place
 * of their rows (search-lag.ts).
 */
import { CASE_INSENSITIVE_SORT_INDEXED, INDEXED_NUMBER_PROPERTIES, INDEXED_WITH_TIMESTAMP, PROPERTY_NAME, numberExpr, textExpr } from './schema.js';
import type { ObjectTypeName, SearchColumn, SearchCondition, SearchPlan } from './types.js';

type SqlParam = string | number;

export interface Sql {
  sql: string;
  params: SqlParam[];
}

const INDEXED_NUMBER = new Set<string>(INDEXED_NUMBER_PROPERTIES);
const COMPOSITE_TS = new Set<string>(INDEXED_WITH_TIMESTAMP);
const CI_SORT = new Set<string>(CASE_INSENSITIVE_SORT_INDEXED);

/** Below this many matches the planner's own index choice is kept (see sortIndex). */
export const SORT_INDEX_MIN_MATCHES = 2000;

function columnExpr(c: SearchColumn): string {
  switch (c.kind) {
    case 'id':
      return 'id';
    case 'created':
      return 'created_at';
    case 'updated':
      return 'updated_at';
    case 'prop': {
      if (!PROPERTY_NAME.test(c.name)) throw new Error(`invalid property name ${c.name}`);
      if (c.numeric) return numberExpr(c.name);
      const e = textExpr(c.name);
      return c.caseInsensitive ? `lower(${e})` : e;
    }
  }
}

/** The stored text itself (token matching is case-insensitive on its own). */
function rawExpr(c: SearchColumn): string {
  return c.kind === 'prop' ? textExpr(c.name) : columnExpr(c);
}

function bindValue(c: SearchColumn, v: string | number): string | number {
  if (c.kind === 'prop' && c.caseInsensitive && typeof v === 'string') return v.toLowerCase();
  return v;
}

function conditionSql(type: ObjectTypeName, cond: SearchCondition, params: SqlParam[]): string {
  if (cond.op === 'ASSOCIATED') {
    const ph = cond.ids.map(() => '?').join(', ');
    params.push(...cond.ids, type, cond.toType);
    // both directions are stored, so the rows from the target records point back here
    const sub = `id IN (SELECT to_id FROM assoc WHERE from_id IN (${ph}) AND to_type = ? AND from_type = ?)`;
    return cond.negate ? `NOT (${sub})` : sub;
  }
  // NULL (no value) never satisfies a comparison, so range operators need no extra guard
  const e = columnExpr(cond.column);
  switch (cond.op) {
    case 'EQ':
      params.push(bindValue(cond.column, cond.value));
      return `${e} = ?`;
    case 'NEQ':
      params.push(bindValue(cond.column, cond.value));
      return `(${e} IS NULL OR ${e} != ?)`;
    case 'GT':
    case 'GTE':
    case 'LT':
    case 'LTE': {
      const op = { GT: '>', GTE: '>=', LT: '<', LTE: '<=' }[cond.op];
      params.push(bindValue(cond.column, cond.value));
      return `${e} ${op} ?`;
    }
    case 'BETWEEN':
      params.push(bindValue(cond.column, cond.low), bindValue(cond.column, cond.high));
      return `${e} BETWEEN ? AND ?`;
    case 'IN':
    case 'NOT_IN': {
      if (!cond.values.length) return cond.op === 'IN' ? '0' : '1';
      params.push(...cond.values.map((v) => bindValue(cond.column, v)));
      const list = `(${cond.values.map(() => '?').join(', ')})`;
      return cond.op === 'IN' ? `${e} IN ${list}` : `(${e} IS NULL OR ${e} NOT IN ${list})`;
    }
    case 'HAS_PROPERTY':
      return `${e} IS NOT NULL`;
    case 'NOT_HAS_PROPERTY':
      return `${e} IS NULL`;
    case 'CONTAINS_TOKEN':
      params.push(cond.pattern);
      return `hs_contains_token(${rawExpr(cond.column)}, ?) = 1`;
    case 'NOT_CONTAINS_TOKEN':
      params.push(cond.pattern);
      return `hs_contains_token(${rawExpr(cond.column)}, ?) = 0`;
  }
}

/** The WHERE clause of the plan's matches: live records of the type, the OR of its groups, every free-text term. */
export function searchWhere(plan: SearchPlan): Sql {
  const params: SqlParam[] = [plan.type];
  const parts = ['type = ?', 'archived = 0'];
  const groups = plan.groups.filter((g) => g.length > 0);
  if (groups.length) {
    const ors = groups.map((g) => '(' + g.map((c) => conditionSql(plan.type, c, params)).join(' AND ') + ')');
    parts.push(ors.length === 1 ? (ors[0] ?? '1') : `(${ors.join(' OR ')})`);
  }
  // the search text is the words of the searchable properties, each after a space (derived.ts):
  // a term starts a word when " term" occurs in it
  for (const term of plan.terms) {
    params.push(`% ${term.replace(/[\\%_]/g, (m) => '\\' + m)}%`);
    parts.push(`search LIKE ? ESCAPE '\\'`);
  }
  return { sql: parts.join(' AND '), params };
}

const COLUMNS = 'id, type, archived, created_at, updated_at, archived_at, source, props, search';

/** The records a search reads, named `objects` either way. */
function source(lagged: boolean): string {
  if (!lagged) return 'objects';
  return `(SELECT ${COLUMNS} FROM main.objects WHERE id NOT IN (SELECT id FROM temp.search_lag)
    UNION ALL SELECT ${COLUMNS} FROM temp.search_lag) AS objects`;
}

/** The number of matches (`n`). */
export function countQuery(plan: SearchPlan, lagged = false): Sql {
  const where = searchWhere(plan);
  return { sql: `SELECT count(*) AS n FROM ${source(lagged)} WHERE ${where.sql}`, params: where.params };
}

/** The number of live records of a type (`n`), which sortIndex weighs the matches against. */
export function liveCountQuery(type: ObjectTypeName): Sql {
  return { sql: 'SELECT count(*) AS n FROM objects WHERE type = ? AND archived = 0', params: [type] };
}

/**
 * The index to walk for the plan's sort, when many records match: walking the sort's index and
 * stopping at LIMIT beats SQLite's usual choice (the filter's index, then sorting every match).
 * With few matches (`total`, out of `all` live records) the planner's own choice is kept.
 */
export function sortIndex(plan: SearchPlan, total: number, all: number): string | undefined {
  if (total <= SORT_INDEX_MIN_MATCHES) return undefined;
  // walking the sort index reads about (offset + limit) * all / total rows; the filter's
  // index reads `total` rows and sorts them
  if ((plan.offset + plan.limit) * all > total * total) return undefined;
  const col = plan.sorts[0]?.column ?? { kind: 'id' as const };
  switch (col.kind) {
    case 'id':
      return 'objects_list';
    case 'created':
      return 'objects_created';
    case 'updated':
      return 'objects_updated';
    case 'prop':
      break;
  }
  if (col.caseInsensitive) return CI_SORT.has(col.name) ? `objects_ci_${col.name}` : undefined;
  if (col.numeric) return INDEXED_NUMBER.has(col.name) ? `objects_n_${col.name}` : undefined;
  if (COMPOSITE_TS.has(col.name)) return plan.sorts.length === 1 ? `objects_pt_${col.name}` : undefined;
  if (col.name !== 'hs_timestamp') return undefined;
  // "X = v, newest first" is best served by the (X, hs_timestamp) composite index
  const eqComposite =
    plan.groups.length === 1 &&
    (plan.groups[0] ?? []).some((c) => c.op === 'EQ' && c.column.kind === 'prop' && COMPOSITE_TS.has(c.column.name));
  return eqComposite ? undefined : 'objects_p_hs_timestamp';
}

/**
 * The page of matches, `SELECT <columns> FROM objects ... ORDER BY ... LIMIT ? OFFSET ?`, given the
 * plan's `total` and the type's `all` live records; undefined when the page is empty.
 */
export function pageQuery(plan: SearchPlan, columns: string, total: number, all: number, lagged = false): Sql | undefined {
  if (plan.limit <= 0 || plan.offset >= total) return undefined;
  const where = searchWhere(plan);
  const order = plan.sorts.map((s) => `${columnExpr(s.column)} ${s.descending ? 'DESC' : 'ASC'}`);
  const dir = plan.sorts[plan.sorts.length - 1]?.descending ? 'DESC' : 'ASC';
  const only = plan.sorts.length === 1 ? plan.sorts[0]?.column : undefined;
  // ties on an indexed enumeration break by hs_timestamp, matching its (value, hs_timestamp) index
  if (only?.kind === 'prop' && !only.numeric && COMPOSITE_TS.has(only.name)) order.push(`${textExpr('hs_timestamp')} ${dir}`);
  order.push(`id ${dir}`);
  const index = lagged ? undefined : sortIndex(plan, total, all);
  return {
    sql: `SELECT ${columns} FROM ${source(lagged)}${index ? ` INDEXED BY ${index}` : ''} WHERE ${where.sql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
    params: [...where.params, plan.limit, plan.offset],
  };
}
