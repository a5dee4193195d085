import { words } from '../store/derived.js';
import type { ObjectTypeName, SearchColumn, SearchCondition, SearchPlan, SearchValue } from '../store/types.js';
import { badRequest, type ErrorDetail } from './errors.js';
import { OBJECT_TYPE_INFO, resolveObjectType } from './object-types.js';
import type { CrmContext } from './objects.js';
import { objectToJson, projectionFor, type ObjectJson } from './to-json.js';
import { propertyCatalog } from './properties.js';
import type { PropertyDef } from './property-definitions.js';
import { parseDateTime, toIso } from './values.js';

const SEARCH_MAX_LIMIT = 200;
const SEARCH_MAX_RESULTS = 10_000;
const MAX_FILTER_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 6;
const MAX_FILTERS_TOTAL = 18;

export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
type Operator = (typeof OPERATORS)[number];

interface FilterInput {
  propertyName: string;
  operator: Operator;
  value?: string | number | boolean | undefined;
  highValue?: string | number | boolean | undefined;
  values?: (string | number | boolean)[] | undefined;
}

type SortInput = string | { propertyName: string; direction?: string | undefined };

export interface SearchInput {
  filterGroups?: { filters: FilterInput[] }[] | undefined;
  sorts?: SortInput[] | undefined;
  query?: string | undefined;
  properties?: string[] | undefined;
  limit?: number | undefined;
  after?: string | number | undefined;
}

interface SearchOutput {
  total: number;
  results: ObjectJson[];
  paging?: { next: { after: string; link?: string } };
}

function fail(message: string, detail: ErrorDetail): never {
  throw badRequest(message, [detail]);
}

interface Target {
  column: SearchColumn;
  kind: 'id' | 'ms' | 'datetime' | 'number' | 'text' | 'ci';
  def?: PropertyDef;
}

function targetFor(ctx: CrmContext, type: ObjectTypeName, name: string, where: string): Target {
  const info = OBJECT_TYPE_INFO[type];
  if (name === 'hs_object_id' || name === 'id') return { column: { kind: 'id' }, kind: 'id' };
  if (name === info.createdProperty || name === 'createdate' || name === 'hs_createdate')
    return { column: { kind: 'created' }, kind: 'ms' };
  if (name === info.modifiedProperty || name === 'lastmodifieddate' || name === 'hs_lastmodifieddate')
    return { column: { kind: 'updated' }, kind: 'ms' };
  const def = propertyCatalog(ctx.db, type).byName.get(name);
  if (!def) {
    fail(`There was a problem with the request: property "${name}" does not exist on ${type}.`, {
      message: `Property "${name}" does not exist`,
      code: 'PROPERTY_DOESNT_EXIST',
      in: where,
      context: { propertyName: [name] },
    });
  }
  switch (def.type) {
    case 'number':
      return { column: { kind: 'prop', name, numeric: true, caseInsensitive: false }, kind: 'number', def };
    case 'datetime':
    case 'date':
      return { column: { kind: 'prop', name, numeric: false, caseInsensitive: false }, kind: 'datetime', def };
    case 'string':
    case 'phone_number':
      return { column: { kind: 'prop', name, numeric: false, caseInsensitive: true }, kind: 'ci', def };
    case 'bool':
    case 'enumeration':
      return { column: { kind: 'prop', name, numeric: false, caseInsensitive: def.type === 'bool' }, kind: 'text', def };
  }
}

function convert(t: Target, raw: string | number | boolean, name: string, where: string): SearchValue {
  const s = String(raw);
  const bad = (what: string): never =>
    fail(`Invalid filter value ${JSON.stringify(s)} for ${name}: expected ${what}.`, {
      message: `${JSON.stringify(s)} is not a valid ${what}`,
      code: 'INVALID_FILTER_VALUE',
      in: where,
      context: { propertyName: [name] },
    });
  switch (t.kind) {
    case 'id': {
      const n = Number(s);
      return Number.isFinite(n) && s.trim() !== '' ? n : bad('number');
    }
    case 'number': {
      const n = Number(s);
      return Number.isFinite(n) && s.trim() !== '' ? n : bad('number');
    }
    case 'ms':
    case 'datetime': {
      const ms = parseDateTime(s);
      if (ms === undefined) return bad('datetime (epoch milliseconds or ISO 8601)');
      return t.kind === 'ms' ? ms : toIso(ms);
    }
    case 'text':
    case 'ci':
      return s;
  }
}

function buildCondition(ctx: CrmContext, type: ObjectTypeName, f: FilterInput, where: string): SearchCondition {
  const name = f.propertyName;
  if (name.startsWith('associations.')) {
    const toType = resolveObjectType(name.slice('associations.'.length));
    if (!toType) {
      fail(`Unknown association type in filter ${name}.`, { message: `Unknown object type in ${name}`, code: 'PROPERTY_DOESNT_EXIST', in: where, context: { propertyName: [name] } });
    }
    const ids = (f.operator === 'IN' || f.operator === 'NOT_IN' ? (f.values ?? []) : [f.value ?? '']).map((v) => Number(v));
    if (ids.some((n) => !Number.isSafeInteger(n))) {
      fail(`Association filters take record ids.`, { message: 'Association filter values must be record ids', code: 'INVALID_FILTER_VALUE', in: where, context: { propertyName: [name] } });
    }
    switch (f.operator) {
      case 'EQ':
      case 'IN':
        return { op: 'ASSOCIATED', toType, ids, negate: false };
      case 'NEQ':
      case 'NOT_IN':
        return { op: 'ASSOCIATED', toType, ids, negate: true };
      default:
        fail(`Operator ${f.operator} is not supported for ${name}.`, { message: `Use EQ, NEQ, IN or NOT_IN with association filters`, code: 'INVALID_OPERATOR', in: where, context: { propertyName: [name] } });
    }
  }
  const t = targetFor(ctx, type, name, where);
  const need = (v: string | number | boolean | undefined, field: string): string | number | boolean => {
    if (v === undefined || v === '') {
      fail(`Operator ${f.operator} on ${name} requires "${field}".`, { message: `${field} is required for ${f.operator}`, code: 'MISSING_FILTER_VALUE', in: where, context: { propertyName: [name] } });
    }
    return v;
  };
  switch (f.operator) {
    case 'EQ':
    case 'NEQ':
    case 'GT':
    case 'GTE':
    case 'LT':
    case 'LTE':
      return { op: f.operator, column: t.column, value: convert(t, need(f.value, 'value'), name, where) };
    case 'BETWEEN':
      return {
        op: 'BETWEEN',
        column: t.column,
        low: convert(t, need(f.value, 'value'), name, where),
        high: convert(t, need(f.highValue, 'highValue'), name, where),
      };
    case 'IN':
    case 'NOT_IN': {
      if (!f.values || !f.values.length) {
        fail(`Operator ${f.operator} on ${name} requires "values".`, { message: `values is required for ${f.operator}`, code: 'MISSING_FILTER_VALUE', in: where, context: { propertyName: [name] } });
      }
      return { op: f.operator, column: t.column, values: f.values.map((v) => convert(t, v, name, where)) };
    }
    case 'HAS_PROPERTY':
    case 'NOT_HAS_PROPERTY':
      return { op: f.operator, column: t.column };
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN':
      return { op: f.operator, column: t.column, pattern: String(need(f.value, 'value')) };
  }
}

function parseSort(s: SortInput): { propertyName: string; descending: boolean } {
  if (typeof s === 'string') {
    const trimmed = s.trim();
    if (trimmed.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        if (parsed && typeof parsed === 'object' && 'propertyName' in parsed) {
          const p = parsed as { propertyName: unknown; direction?: unknown };
          return { propertyName: String(p.propertyName), descending: String(p.direction ?? '').toUpperCase().startsWith('DESC') };
        }
      } catch {
        // fall through to the plain form
      }
    }
    const m = /^(-)?([A-Za-z0-9_.]+)(?:\s+(ASC|ASCENDING|DESC|DESCENDING))?$/i.exec(trimmed);
    if (!m || !m[2]) {
      fail(`Invalid sort ${JSON.stringify(s)}.`, { message: 'Sorts are "property", "-property" or {propertyName, direction}', code: 'INVALID_SORT', in: 'sorts' });
    }
    return { propertyName: m[2], descending: m[1] === '-' || (m[3] ?? '').toUpperCase().startsWith('DESC') };
  }
  const dir = (s.direction ?? 'ASCENDING').toUpperCase();
  if (!['ASCENDING', 'DESCENDING', 'ASC', 'DESC'].includes(dir)) {
    fail(`Invalid sort direction ${s.direction ?? ''}.`, { message: 'direction is ASCENDING or DESCENDING', code: 'INVALID_SORT', in: 'sorts', context: { propertyName: [s.propertyName] } });
  }
  return { propertyName: s.propertyName, descending: dir.startsWith('DESC') };
}

function searchObjects(ctx: CrmContext, type: ObjectTypeName, input: SearchInput, basePath: string): SearchOutput {
  const { plan, properties } = planSearch(ctx, type, input);
  const { rows, total } = ctx.db.search(plan, ctx.clock.now());
  const out: SearchOutput = { total, results: rows.map((r) => objectToJson(ctx, r, properties ? { properties } : {})) };
  const paging = pagingOf(plan, rows.length, total, basePath);
  if (paging) out.paging = paging;
  return out;
}

/** searchObjects' answer as UTF-8 JSON, as the route sends it. */
export function searchObjectsJson(ctx: CrmContext, type: ObjectTypeName, input: SearchInput, basePath: string): Uint8Array {
  return Buffer.from(JSON.stringify(searchObjects(ctx, type, input, basePath)));
}

function pagingOf(plan: SearchPlan, count: number, total: number, basePath: string): SearchOutput['paging'] {
  const next = plan.offset + count;
  if (count > 0 && next < total && next < SEARCH_MAX_RESULTS) return { next: { after: String(next), link: `${basePath}?after=${next}` } };
  return undefined;
}

/** Validates a search request into the store's plan; 400 with HubSpot's error body when it is wrong. */
function planSearch(ctx: CrmContext, type: ObjectTypeName, input: SearchInput): { plan: SearchPlan; properties: string[] | undefined } {
  const limit = input.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 0 || limit > SEARCH_MAX_LIMIT) {
    fail(`limit must be between 0 and ${SEARCH_MAX_LIMIT}.`, { message: `limit ${limit} is out of range`, code: 'INVALID_LIMIT', in: 'limit' });
  }
  let offset = 0;
  if (input.after !== undefined && input.after !== '') {
    const s = String(input.after);
    if (!/^\d{1,9}$/.test(s)) {
      fail(`Invalid paging cursor "after": ${s}.`, { message: 'after must be the numeric cursor from paging.next.after', code: 'INVALID_AFTER', in: 'after' });
    }
    offset = Number(s);
  }
  if (offset >= SEARCH_MAX_RESULTS) {
    fail(`Search can page through at most ${SEARCH_MAX_RESULTS} results; narrow the filters instead.`, {
      message: `after ${offset} is beyond the ${SEARCH_MAX_RESULTS}-result limit`,
      code: 'RESULT_LIMIT_EXCEEDED',
      in: 'after',
    });
  }
  const groupsIn = input.filterGroups ?? [];
  const total = groupsIn.reduce((n, g) => n + g.filters.length, 0);
  if (groupsIn.length > MAX_FILTER_GROUPS || groupsIn.some((g) => g.filters.length > MAX_FILTERS_PER_GROUP) || total > MAX_FILTERS_TOTAL) {
    fail(
      `Too many filters: at most ${MAX_FILTER_GROUPS} filterGroups, ${MAX_FILTERS_PER_GROUP} filters per group and ${MAX_FILTERS_TOTAL} filters in total.`,
      { message: 'filter limits exceeded', code: 'TOO_MANY_FILTERS', in: 'filterGroups' },
    );
  }
  const groups = groupsIn.map((g, gi) => g.filters.map((f, fi) => buildCondition(ctx, type, f, `filterGroups[${gi}].filters[${fi}]`)));
  const sorts = (input.sorts ?? []).map((s, i) => {
    const p = parseSort(s);
    const t = targetFor(ctx, type, p.propertyName, `sorts[${i}]`);
    return { column: t.column, descending: p.descending };
  });
  const query = (input.query ?? '').trim();
  if (query.length > 3000) {
    fail('query is limited to 3000 characters.', { message: 'query too long', code: 'QUERY_TOO_LONG', in: 'query' });
  }
  // every word must start a word of a default searchable property (derived.ts)
  const terms = words(query);
  const effectiveLimit = Math.min(limit, SEARCH_MAX_RESULTS - offset);
  const properties = input.properties && input.properties.length ? input.properties : undefined;
  const project = projectionFor(type, properties ? { properties } : {});
  return { plan: { type, groups, sorts, terms, limit: effectiveLimit, offset, project }, properties };
}
