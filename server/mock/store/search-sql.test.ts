/**
 * search-sql.ts without a database: a plan in, SQL and parameters out. Each test names what the
 * query must mean (which records, which order, which index) and checks the pieces that carry it.
 */
import { describe, expect, it } from 'vitest';
import { countQuery, pageQuery, searchWhere, sortIndex, SORT_INDEX_MIN_MATCHES } from './search-sql';
import type { SearchColumn, SearchCondition, SearchPlan } from './types';

const prop = (name: string, opts: { numeric?: boolean; caseInsensitive?: boolean } = {}): SearchColumn => ({
  kind: 'prop',
  name,
  numeric: opts.numeric ?? false,
  caseInsensitive: opts.caseInsensitive ?? false,
});
const TS = prop('hs_timestamp');
const DIRECTION = prop('hs_call_direction');
const DURATION = prop('hs_call_duration', { numeric: true });
const TITLE = prop('hs_call_title', { caseInsensitive: true });

function plan(p: Partial<SearchPlan> = {}): SearchPlan {
  return { type: 'calls', groups: [], sorts: [], terms: [], limit: 100, offset: 0, ...p };
}
const where = (...groups: SearchCondition[][]) => searchWhere(plan({ groups }));

describe('searchWhere', () => {
  it('without filters matches every live record of the type', () => {
    expect(searchWhere(plan({ type: 'contacts' }))).toEqual({ sql: 'type = ? AND archived = 0', params: ['contacts'] });
  });

  it('binds values as parameters, never in the SQL text, even hostile ones', () => {
    const hostile = "x' OR 1=1 --";
    const q = where([{ op: 'EQ', column: DIRECTION, value: hostile }]);
    expect(q.sql).not.toContain(hostile);
    expect(q.params).toEqual(['calls', hostile]);
  });

  it('refuses a property name that would have to go into the SQL text', () => {
    expect(() => where([{ op: 'EQ', column: prop("a') OR 1=1 --"), value: 'v' }])).toThrow(/invalid property name/);
  });

  it('compares case-insensitive properties in lower case on both sides', () => {
    const q = where([{ op: 'EQ', column: TITLE, value: 'Follow-UP Call' }]);
    expect(q.sql).toContain(`lower(json_extract(props, '$.hs_call_title')) = ?`);
    expect(q.params).toEqual(['calls', 'follow-up call']);
  });

  it('compares number properties as numbers', () => {
    const q = where([{ op: 'GT', column: DURATION, value: 30000 }]);
    expect(q.sql).toContain(`CAST(json_extract(props, '$.hs_call_duration') AS REAL) > ?`);
    expect(q.params).toEqual(['calls', 30000]);
  });

  it('NEQ and NOT_IN also match records without the property (HubSpot does)', () => {
    expect(where([{ op: 'NEQ', column: DIRECTION, value: 'INBOUND' }]).sql).toMatch(/IS NULL OR .* != \?/);
    expect(where([{ op: 'NOT_IN', column: DIRECTION, values: ['INBOUND', 'OUTBOUND'] }]).sql).toMatch(/IS NULL OR .* NOT IN \(\?, \?\)/);
  });

  it('an empty IN matches nothing and an empty NOT_IN everything', () => {
    expect(where([{ op: 'IN', column: DIRECTION, values: [] }]).sql).toBe('type = ? AND archived = 0 AND (0)');
    expect(where([{ op: 'NOT_IN', column: DIRECTION, values: [] }]).sql).toBe('type = ? AND archived = 0 AND (1)');
  });

  it('ANDs the filters of a group and ORs the groups, parameters in the order of the placeholders', () => {
    const q = where(
      [
        { op: 'EQ', column: DIRECTION, value: 'OUTBOUND' },
        { op: 'BETWEEN', column: TS, low: '2026-01-01T00:00:00.000Z', high: '2026-02-01T00:00:00.000Z' },
      ],
      [{ op: 'HAS_PROPERTY', column: TITLE }],
    );
    expect(q.sql).toMatch(/^type = \? AND archived = 0 AND \(\(.* = \? AND .* BETWEEN \? AND \?\) OR \(.* IS NOT NULL\)\)$/);
    expect(q.params).toEqual(['calls', 'OUTBOUND', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
    expect(q.sql.split('?').length - 1).toBe(q.params.length);
  });

  it('filters by association through the stored inverse rows, negated for NEQ/NOT_IN', () => {
    const q = where([{ op: 'ASSOCIATED', toType: 'contacts', ids: [7, 9], negate: false }]);
    expect(q.sql).toContain('id IN (SELECT to_id FROM assoc WHERE from_id IN (?, ?) AND to_type = ? AND from_type = ?)');
    expect(q.params).toEqual(['calls', 7, 9, 'calls', 'contacts']);
    expect(where([{ op: 'ASSOCIATED', toType: 'contacts', ids: [7], negate: true }]).sql).toContain('NOT (id IN (SELECT');
  });

  it('token filters go through hs_contains_token on the stored text', () => {
    const q = where([{ op: 'NOT_CONTAINS_TOKEN', column: TITLE, pattern: 'voice*' }]);
    expect(q.sql).toContain(`hs_contains_token(json_extract(props, '$.hs_call_title'), ?) = 0`);
    expect(q.params).toEqual(['calls', 'voice*']);
  });

  it('each free-text term must start a word of the search text, with LIKE wildcards in it taken literally', () => {
    const q = searchWhere(plan({ terms: ['50%_off', 'back\\slash'] }));
    expect(q.sql).toBe(`type = ? AND archived = 0 AND search LIKE ? ESCAPE '\\' AND search LIKE ? ESCAPE '\\'`);
    expect(q.params).toEqual(['calls', '% 50\\%\\_off%', '% back\\\\slash%']);
  });
});

describe('countQuery', () => {
  it('counts exactly the matches of searchWhere', () => {
    const p = plan({ groups: [[{ op: 'LTE', column: TS, value: '2026-01-01T00:00:00.000Z' }]], terms: ['acme'] });
    const w = searchWhere(p);
    expect(countQuery(p)).toEqual({ sql: `SELECT count(*) AS n FROM objects WHERE ${w.sql}`, params: w.params });
  });

  it('lagged: counts over the records with their search_lag copies in place of their rows', () => {
    const p = plan({ terms: ['acme'] });
    const q = countQuery(p, true);
    expect(q.sql).toMatch(/^SELECT count\(\*\) AS n FROM \(SELECT .* FROM main\.objects WHERE id NOT IN \(SELECT id FROM temp\.search_lag\)\s+UNION ALL SELECT .* FROM temp\.search_lag\) AS objects WHERE /);
    expect(q.params).toEqual(searchWhere(p).params);
  });
});

describe('pageQuery', () => {
  it('is undefined when the page is empty: no limit, or an offset at or past the total', () => {
    expect(pageQuery(plan({ limit: 0 }), 'id', 50, 50)).toBeUndefined();
    expect(pageQuery(plan({ offset: 50 }), 'id', 50, 50)).toBeUndefined();
    expect(pageQuery(plan({ offset: 49 }), 'id', 50, 50)).toBeDefined();
  });

  it('reads the asked columns of the matches, page by LIMIT and OFFSET (the last two parameters)', () => {
    const p = plan({ groups: [[{ op: 'EQ', column: DIRECTION, value: 'INBOUND' }]], limit: 25, offset: 75 });
    const q = pageQuery(p, 'id, props', 500, 1000);
    expect(q?.sql).toMatch(/^SELECT id, props FROM objects WHERE type = \? AND archived = 0 AND .* LIMIT \? OFFSET \?$/);
    expect(q?.params).toEqual(['calls', 'INBOUND', 25, 75]);
  });

  it('orders by the sorts, then by id in the last sort direction, so pages never overlap', () => {
    const q = pageQuery(plan({ sorts: [{ column: DURATION, descending: false }, { column: TS, descending: true }] }), 'id', 10, 10);
    expect(q?.sql).toContain(
      `ORDER BY CAST(json_extract(props, '$.hs_call_duration') AS REAL) ASC, json_extract(props, '$.hs_timestamp') DESC, id DESC LIMIT`,
    );
    expect(pageQuery(plan(), 'id', 10, 10)?.sql).toContain('ORDER BY id ASC LIMIT');
  });

  it('breaks ties of an indexed enumeration by time, as its (value, time) index does', () => {
    const q = pageQuery(plan({ sorts: [{ column: DIRECTION, descending: false }] }), 'id', 10, 10);
    expect(q?.sql).toContain(`ORDER BY json_extract(props, '$.hs_call_direction') ASC, json_extract(props, '$.hs_timestamp') ASC, id ASC`);
  });

  it('names the sort index when many records match', () => {
    const many = SORT_INDEX_MIN_MATCHES * 10;
    expect(pageQuery(plan({ sorts: [{ column: TS, descending: true }] }), 'id', many, many)?.sql).toContain(
      'FROM objects INDEXED BY objects_p_hs_timestamp WHERE',
    );
  });

  it('lagged: reads the records with their search_lag copies, never through a named index', () => {
    const many = SORT_INDEX_MIN_MATCHES * 10;
    const q = pageQuery(plan({ sorts: [{ column: TS, descending: true }] }), 'id', many, many, true);
    expect(q?.sql).toContain('UNION ALL SELECT id, type, archived, created_at, updated_at, archived_at, source, props, search FROM temp.search_lag) AS objects WHERE');
    expect(q?.sql).not.toContain('INDEXED BY');
  });
});

describe('sortIndex', () => {
  const byTime = plan({ sorts: [{ column: TS, descending: true }] });
  const all = 100_000;

  it('leaves the choice to SQLite when few records match, even all of them', () => {
    const few = SORT_INDEX_MIN_MATCHES;
    expect(sortIndex(byTime, few, few)).toBeUndefined();
    expect(sortIndex(byTime, few + 1, few + 1)).toBe('objects_p_hs_timestamp');
  });

  it('leaves it too when the page lies so deep that sorting the matches reads fewer rows', () => {
    // walking the index reads about (offset + limit) * all / total rows; sorting reads `total`
    const total = 5000;
    expect(sortIndex({ ...byTime, offset: 100, limit: 100 }, total, all)).toBe('objects_p_hs_timestamp');
    expect(sortIndex({ ...byTime, offset: 9900, limit: 100 }, total, all)).toBeUndefined();
  });

  it('walks the index of the first sort', () => {
    const first = (column: SearchColumn) => sortIndex(plan({ sorts: [{ column, descending: false }] }), all, all);
    expect(sortIndex(plan(), all, all)).toBe('objects_list');
    expect(first({ kind: 'created' })).toBe('objects_created');
    expect(first({ kind: 'updated' })).toBe('objects_updated');
    expect(first(DURATION)).toBe('objects_n_hs_call_duration');
    expect(first(TITLE)).toBe('objects_ci_hs_call_title');
    expect(first(DIRECTION)).toBe('objects_pt_hs_call_direction');
    expect(first(prop('hs_call_body'))).toBeUndefined();
  });

  it('keeps the planner for "value = X, newest first", which the (value, time) index serves', () => {
    const p = { ...byTime, groups: [[{ op: 'EQ' as const, column: DIRECTION, value: 'OUTBOUND' }]] };
    expect(sortIndex(p, 50_000, all)).toBeUndefined();
    const range = { ...byTime, groups: [[{ op: 'GT' as const, column: DURATION, value: 1000 }]] };
    expect(sortIndex(range, 50_000, all)).toBe('objects_p_hs_timestamp');
  });

  it('does not use an enumeration index for a sort with a second key it does not hold', () => {
    const p = plan({ sorts: [{ column: DIRECTION, descending: false }, { column: DURATION, descending: true }] });
    expect(sortIndex(p, all, all)).toBeUndefined();
  });
});
