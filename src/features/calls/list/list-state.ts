/**
 * The call list's view state and its URL form. The URL is the state of the view: page size, cursor trail,
 * sort, search text and filters all live in the query string, so reload, back/forward and a pasted link
 * land on the same page. Pure functions only (unit tested).
 */
import { DEFAULT_SORT, type CallListFilters, type CallListParams } from '../calls-queries';
import { RECORD_TYPES, type RecordType } from '../../../api/records';
import type { SearchFilter } from '../../../api/schemas';
import { isSortKey, type SortKey } from '../call-properties';
import { currentCursor, parseTrail, serializeTrail, type CursorTrail } from './cursor-trail';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
const DEFAULT_PAGE_SIZE: PageSize = 25;

type SortDirection = 'asc' | 'desc';
export interface ListSort {
  /** A sortable column (call-properties.ts). */
  field: SortKey;
  direction: SortDirection;
}

export type RecordingFilter = 'with' | 'without';

export interface ListFilters {
  /** Outcome GUIDs (any of). */
  outcomes: string[];
  direction?: string;
  status?: string;
  owner?: string;
  /** Time range bounds as typed by the user: `YYYY-MM-DD` (a day in the user's zone) or an ISO date-time. */
  from?: string;
  to?: string;
  recording?: RecordingFilter;
  record?: { type: RecordType; id: string };
}

export interface ListState {
  pageSize: PageSize;
  /** Cursors of pages 2..n; its length is the zero-based page index. */
  trail: CursorTrail;
  /** A sort other than the default (newest first: DEFAULT_SORT); absent means the default. */
  sort?: ListSort;
  /** Free-text search (HubSpot's search `query`). */
  q: string;
  filters: ListFilters;
}

const EMPTY_FILTERS: ListFilters = { outcomes: [] };
export const DEFAULT_STATE: ListState = { pageSize: DEFAULT_PAGE_SIZE, trail: [], q: '', filters: EMPTY_FILTERS };

/** URL parameter names. */
const P = {
  size: 'size',
  cursor: 'after',
  sort: 'sort',
  q: 'q',
  outcome: 'outcome',
  direction: 'direction',
  status: 'status',
  owner: 'owner',
  from: 'from',
  to: 'to',
  recording: 'recording',
  record: 'record',
} as const;

const LIST_PARAMS: ReadonlySet<string> = new Set(Object.values(P));

/**
 * The query string of a screen showing a list after the list's view became `state`: the list's parameters are
 * `state`'s, the screen's own (e.g. a queue's `days`) stay as they were.
 */
export function withListParams(current: URLSearchParams, state: ListState): URLSearchParams {
  const next = serializeListState(state);
  for (const [name, value] of current) if (!LIST_PARAMS.has(name)) next.append(name, value);
  return next;
}

const MAX_QUERY_LENGTH = 3000; // HubSpot rejects longer search queries
const MAX_VALUE_LENGTH = 200;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function clean(v: string | null): string | undefined {
  if (v === null) return undefined;
  const t = v.trim();
  return t && t.length <= MAX_VALUE_LENGTH ? t : undefined;
}

/** Earliest year a time-range bound may name: typing a year digit by digit passes through 0002, 0020, 0202. */
const MIN_YEAR = 1900;

/** A whole day as a date field gives it (`YYYY-MM-DD`): a real calendar day, in year 1900 or later. */
export function isFullDay(v: string): boolean {
  if (!DATE_ONLY.test(v) || Number(v.slice(0, 4)) < MIN_YEAR) return false;
  const ms = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === v;
}

function isValidBound(v: string): boolean {
  if (!isFullDay(v.slice(0, 10))) return false;
  return v.length === 10 || (v[10] === 'T' && !Number.isNaN(Date.parse(v)));
}

/** Whether a time range runs backwards (From's day after To's day), which nothing could match. */
export function isReversedRange(from: string | undefined, to: string | undefined): boolean {
  return !!from && !!to && from.slice(0, 10) > to.slice(0, 10);
}

/** Reads the view state from a query string; anything malformed falls back to the default, never throws. */
export function parseListState(params: URLSearchParams): ListState {
  const sizeNum = Number(params.get(P.size));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeNum) ? (sizeNum as PageSize) : DEFAULT_PAGE_SIZE;

  let sort: ListSort | undefined;
  const rawSort = clean(params.get(P.sort));
  if (rawSort) {
    const desc = rawSort.startsWith('-');
    const field = desc ? rawSort.slice(1) : rawSort;
    if (isSortKey(field)) sort = { field, direction: desc ? 'desc' : 'asc' };
  }
  if (sort && isDefaultSort(sort)) sort = undefined;

  const q = (params.get(P.q) ?? '').trim().slice(0, MAX_QUERY_LENGTH);

  const outcomes = [...new Set(params.getAll(P.outcome).map((v) => clean(v)).filter((v): v is string => !!v))].sort();
  const filters: ListFilters = { outcomes };
  const direction = clean(params.get(P.direction));
  if (direction) filters.direction = direction;
  const status = clean(params.get(P.status));
  if (status) filters.status = status;
  const owner = clean(params.get(P.owner));
  if (owner && /^\d+$/.test(owner)) filters.owner = owner;
  const from = clean(params.get(P.from));
  if (from && isValidBound(from)) filters.from = from;
  const to = clean(params.get(P.to));
  if (to && isValidBound(to)) filters.to = to;
  const recording = params.get(P.recording);
  if (recording === 'with' || recording === 'without') filters.recording = recording;
  const record = clean(params.get(P.record));
  if (record) {
    const [type, id] = record.split(':');
    if (type && id && (RECORD_TYPES as readonly string[]).includes(type) && /^\d+$/.test(id)) {
      filters.record = { type: type as RecordType, id };
    }
  }

  return { pageSize, trail: parseTrail(params.getAll(P.cursor)), sort, q, filters };
}

/** The query string for a view state; defaults are left out so the plain list is just `/calls`. */
export function serializeListState(state: ListState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q) p.set(P.q, state.q);
  const f = state.filters;
  for (const o of [...f.outcomes].sort()) p.append(P.outcome, o);
  if (f.direction) p.set(P.direction, f.direction);
  if (f.status) p.set(P.status, f.status);
  if (f.owner) p.set(P.owner, f.owner);
  if (f.from) p.set(P.from, f.from);
  if (f.to) p.set(P.to, f.to);
  if (f.recording) p.set(P.recording, f.recording);
  if (f.record) p.set(P.record, `${f.record.type}:${f.record.id}`);
  if (state.sort && !isDefaultSort(state.sort)) p.set(P.sort, `${state.sort.direction === 'desc' ? '-' : ''}${state.sort.field}`);
  if (state.pageSize !== DEFAULT_PAGE_SIZE) p.set(P.size, String(state.pageSize));
  for (const c of serializeTrail(state.trail)) p.append(P.cursor, c);
  return p;
}

const isDefaultSort = (s: ListSort) => s.field === DEFAULT_SORT.field && s.direction === DEFAULT_SORT.direction;

/** The order the view shows: its sort, else newest first. */
export function effectiveSort(state: ListState): ListSort {
  return state.sort ?? DEFAULT_SORT;
}

/** A change of filter, sort, search or page size starts again on the first page. */
export function withView(state: ListState, patch: Partial<Omit<ListState, 'trail'>>): ListState {
  return { ...state, ...patch, trail: [] };
}

export function withFilters(state: ListState, patch: Partial<ListFilters>): ListState {
  const filters: ListFilters = { ...state.filters, ...patch };
  for (const k of Object.keys(filters) as (keyof ListFilters)[]) {
    if (filters[k] === undefined) delete filters[k];
  }
  return withView(state, { filters });
}

/** How many filters the view applies (several outcomes are one filter). */
export function activeFilterCount(f: ListFilters): number {
  const single = [f.direction, f.status, f.owner, f.from, f.to, f.recording, f.record];
  return (f.outcomes.length > 0 ? 1 : 0) + single.filter((v) => v !== undefined).length;
}

/** No filter and no search text, back in the default order (newest first). */
export function clearAll(state: ListState): ListState {
  return { pageSize: state.pageSize, trail: [], q: '', filters: EMPTY_FILTERS };
}

/** Epoch ms of a time-range bound. Date-only bounds are whole days in `tz` (from = start, to = end of day). */
function boundToEpochMs(bound: string, edge: 'start' | 'end', tzOffsetMinutes: (isoLocal: string) => number): number {
  if (DATE_ONLY.test(bound)) {
    const localIso = edge === 'start' ? `${bound}T00:00:00.000` : `${bound}T23:59:59.999`;
    const asUtc = Date.parse(`${localIso}Z`);
    return asUtc - tzOffsetMinutes(localIso) * 60_000;
  }
  return Date.parse(bound);
}

/** Offset (minutes east of UTC) of an IANA zone at a local wall-clock time, via Intl (no dependency). */
export function zoneOffsetMinutes(timeZone: string): (isoLocal: string) => number {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const offsetAt = (utcMs: number): number => {
    const parts = Object.fromEntries(fmt.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
    const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
  };
  return (isoLocal) => {
    const guess = Date.parse(`${isoLocal}Z`);
    // Two passes settle the offset around DST changes.
    const first = offsetAt(guess);
    return offsetAt(guess - first * 60_000);
  };
}

/**
 * The lead's query parameters (callQueries.list) for a view; no sort means the default order (DEFAULT_SORT).
 * `groups`: a rule view's filter groups (e.g. a "Needs attention" queue), ANDed with the view's filters and search.
 */
export function toCallListParams(state: ListState, timeZone: string, groups?: SearchFilter[][]): CallListParams {
  const f = state.filters;
  const filters: CallListFilters = {};
  if (f.outcomes.length) filters.outcomes = [...f.outcomes];
  if (f.direction) filters.direction = f.direction;
  if (f.status) filters.statuses = [f.status];
  if (f.owner) filters.ownerIds = [f.owner];
  const offset = zoneOffsetMinutes(timeZone);
  if (f.from) filters.from = new Date(boundToEpochMs(f.from, 'start', offset)).toISOString();
  if (f.to) filters.to = new Date(boundToEpochMs(f.to, 'end', offset)).toISOString();
  if (f.recording) filters.hasRecording = f.recording === 'with';
  if (f.record) filters.associated = { ...f.record };
  const params: CallListParams = { pageSize: state.pageSize, ...(groups ? { groups } : {}) };
  const after = currentCursor(state.trail);
  if (after) params.after = after;
  if (state.sort && !isDefaultSort(state.sort)) params.sort = { ...state.sort };
  if (state.q) params.search = state.q;
  if (Object.keys(filters).length) params.filters = filters;
  return params;
}
