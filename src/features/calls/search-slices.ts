/**
 * Every call of a sorted search, past HubSpot's 10,000-result cap. HubSpot's search pages with a numeric
 * offset and answers 400 beyond 10,000 results per query, and applies one sort rule only. So a view is
 * read in slices: the first slice is the view's own query; when it reaches the cap, the next slice is the
 * same query narrowed to the calls after the last call seen in the view's order (its sort value, then
 * the tie-breakers), and so on. Ties on the sort value break as HubSpot's search (and the mock) orders
 * them: by hs_timestamp for the enumerations it indexes with the time, then by hs_object_id, in the sort's
 * direction; calls without a value come first ascending and last descending. Pure functions only.
 */
import type { SearchFilter } from '../../api/schemas';

/** HubSpot's search stops at 10,000 results per query. */
export const SEARCH_RESULT_CAP = 10_000;

/** Properties every call has, so "no value" needs no filter of its own. */
const ALWAYS_SET = new Set(['hs_timestamp', 'hs_object_id']);
/** Enumerations whose ties HubSpot's search breaks by hs_timestamp before the record id. */
const TIES_BY_TIME = new Set(['hs_call_direction', 'hs_call_status', 'hs_call_disposition', 'hubspot_owner_id']);

/** The properties that order a search sorted by `sortProperty`, most significant first; the record id makes it total. */
export function orderKeys(sortProperty: string): string[] {
  if (sortProperty === 'hs_object_id') return ['hs_object_id'];
  return [sortProperty, ...(TIES_BY_TIME.has(sortProperty) ? ['hs_timestamp'] : []), 'hs_object_id'];
}

/**
 * Where a page of a view starts: `offset` within its slice, and the slice's bound (the order keys' values
 * of the last call before the slice; none for the first slice, which is the view's own query).
 */
export interface SliceCursor {
  offset: number;
  bound?: (string | null)[];
}

const MAX_OFFSET = SEARCH_RESULT_CAP;

/** Reads a page cursor: HubSpot's own numeric cursor (first slice), or a slice cursor `[offset, ...bound]`. */
export function parseCursor(after: string | undefined): SliceCursor | undefined {
  if (after === undefined || after === '') return { offset: 0 };
  if (/^\d{1,9}$/.test(after)) {
    const offset = Number(after);
    return offset < MAX_OFFSET ? { offset } : undefined;
  }
  if (!after.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(after);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length < 2) return undefined;
  const [offset, ...bound] = parsed as unknown[];
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset >= MAX_OFFSET) return undefined;
  if (!bound.every((v) => v === null || typeof v === 'string')) return undefined;
  return { offset, bound: bound as (string | null)[] };
}

/** The URL form of a cursor (undefined for the view's first page). */
export function formatCursor(c: SliceCursor): string | undefined {
  if (!c.bound) return c.offset === 0 ? undefined : String(c.offset);
  return JSON.stringify([c.offset, ...c.bound]);
}

/** The order keys' values of a call (null where it has no value). */
export function boundOf(call: { id: string; properties: Record<string, string | null | undefined> }, keys: readonly string[]): (string | null)[] {
  return keys.map((k) => (k === 'hs_object_id' ? call.id : (call.properties[k] ?? null) || null));
}

/**
 * The cursor of the page after a page of `count` calls read at `cursor` from a slice of `sliceTotal`
 * matches, whose last call is `last`: the next offset in the same slice, else (the slice reached
 * HubSpot's cap) the first page of the next slice; undefined when the view has no more calls.
 */
export function nextCursor(
  cursor: SliceCursor,
  page: { count: number; sliceTotal: number; last: (string | null)[] | undefined },
): SliceCursor | undefined {
  const next = cursor.offset + page.count;
  if (page.count === 0 || next >= page.sliceTotal) return undefined;
  if (next < SEARCH_RESULT_CAP) return { offset: next, ...(cursor.bound ? { bound: cursor.bound } : {}) };
  return page.last ? { offset: 0, bound: page.last } : undefined;
}

const eq = (property: string, value: string | null): SearchFilter =>
  value === null ? { propertyName: property, operator: 'NOT_HAS_PROPERTY' } : { propertyName: property, operator: 'EQ', value };

/** The filters (any of) that hold for calls after `value` of `property` in the order. */
function after(property: string, value: string | null, descending: boolean): SearchFilter[] {
  const optional = !ALWAYS_SET.has(property);
  if (value === null) return descending ? [] : [{ propertyName: property, operator: 'HAS_PROPERTY' }];
  const beyond: SearchFilter = { propertyName: property, operator: descending ? 'LT' : 'GT', value };
  return descending && optional ? [beyond, { propertyName: property, operator: 'NOT_HAS_PROPERTY' }] : [beyond];
}

/**
 * The filter groups (ORed) of a slice: the view's filters, and the calls after `bound` in the order of
 * `keys` (lexicographic: a group per key, equal on the keys before it, after on it).
 */
export function sliceFilterGroups(base: readonly SearchFilter[], keys: readonly string[], bound: readonly (string | null)[], descending: boolean): SearchFilter[][] {
  const groups: SearchFilter[][] = [];
  keys.forEach((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => eq(k, bound[j] ?? null));
    for (const f of after(key, bound[i] ?? null, descending)) groups.push([...base, ...equal, f]);
  });
  return groups;
}
