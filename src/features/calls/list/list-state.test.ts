import { describe, expect, it } from 'vitest';
import {
  clearAll,
  DEFAULT_STATE,
  effectiveSort,
  parseListState,
  serializeListState,
  toCallListParams,
  withFilters,
  withView,
  zoneOffsetMinutes,
  type ListState,
} from './list-state';

const parse = (qs: string) => parseListState(new URLSearchParams(qs));

describe('list URL state', () => {
  it('an empty query string is the default view, and the default view serialises to nothing', () => {
    expect(parse('')).toEqual(DEFAULT_STATE);
    expect(serializeListState(DEFAULT_STATE).toString()).toBe('');
    expect(effectiveSort(DEFAULT_STATE)).toEqual({ field: 'time', direction: 'desc' });
  });

  it('round-trips every part of the state', () => {
    const state: ListState = {
      pageSize: 50,
      trail: ['NTI1Cg%3D%3D', 'abc=='],
      sort: { field: 'duration', direction: 'desc' },
      q: 'renewal call',
      filters: {
        outcomes: ['73a0d17f-1163-4015-bdd5-ec830791da20', 'f240bbac-87c9-4f6e-bf70-924b57d47db7'],
        direction: 'INBOUND',
        status: 'COMPLETED',
        owner: '1001',
        from: '2026-01-01',
        to: '2026-01-31T12:00:00.000Z',
        recording: 'with',
        record: { type: 'companies', id: '42' },
      },
    };
    const qs = serializeListState(state).toString();
    expect(parse(qs)).toEqual(state);
    expect(qs).toContain('sort=-duration');
    expect(qs).toContain('record=companies%3A42');
  });

  it('sorts newest first unless the URL names another sort, and names the sort only when it differs', () => {
    expect(parse('sort=-time').sort).toBeUndefined();
    expect(serializeListState(withView(DEFAULT_STATE, { sort: { field: 'time', direction: 'desc' } })).toString()).toBe('');
    expect(toCallListParams(withView(DEFAULT_STATE, { sort: { field: 'time', direction: 'desc' } }), 'UTC')).toEqual({ pageSize: 25 });
    const oldestFirst = parse('sort=time&q=x');
    expect(effectiveSort(oldestFirst)).toEqual({ field: 'time', direction: 'asc' });
    expect(serializeListState(oldestFirst).toString()).toBe('q=x&sort=time');
    expect(effectiveSort(clearAll(oldestFirst))).toEqual({ field: 'time', direction: 'desc' });
  });

  it('ignores malformed values instead of failing', () => {
    const s = parse('size=33&sort=-colour&owner=abc&from=yesterday&to=2026-13-45&recording=maybe&record=planets:1&record=contacts:x');
    expect(s.pageSize).toBe(25);
    expect(s.sort).toBeUndefined();
    expect(s.filters).toEqual({ outcomes: [] });
  });

  it('a time bound is a real day from 1900 on: half-typed years (from=0026-11-01) and impossible days are ignored', () => {
    expect(parse('from=0026-11-01&to=2026-02-30').filters).toEqual({ outcomes: [] });
    expect(parse('from=1900-01-01&to=2026-02-28T23:00:00.000Z').filters).toEqual({ outcomes: [], from: '1900-01-01', to: '2026-02-28T23:00:00.000Z' });
  });

  it('deduplicates and orders outcomes so equal views have equal URLs', () => {
    expect(parse('outcome=b&outcome=a&outcome=b').filters.outcomes).toEqual(['a', 'b']);
  });

  it('changing the view or a filter goes back to the first page', () => {
    const onPage3 = parse('after=c1&after=c2&status=BUSY');
    expect(onPage3.trail).toEqual(['c1', 'c2']);
    expect(withView(onPage3, { pageSize: 100 }).trail).toEqual([]);
    const f = withFilters(onPage3, { status: undefined, direction: 'OUTBOUND' });
    expect(f.trail).toEqual([]);
    expect(f.filters).toEqual({ outcomes: [], direction: 'OUTBOUND' });
    expect(clearAll({ ...onPage3, q: 'x', pageSize: 10 })).toEqual({ ...DEFAULT_STATE, pageSize: 10 });
  });
});

describe('query parameters', () => {
  it('maps the URL state onto callQueries.list parameters', () => {
    const s = parse(
      'q=hello&sort=time&outcome=a&outcome=b&direction=OUTBOUND&status=BUSY&owner=7&recording=without&record=contacts:9&from=2026-03-01&to=2026-03-02&size=10&after=c1&after=c2',
    );
    expect(toCallListParams(s, 'UTC')).toEqual({
      pageSize: 10,
      after: 'c2',
      search: 'hello',
      sort: { field: 'time', direction: 'asc' },
      filters: {
        outcomes: ['a', 'b'],
        direction: 'OUTBOUND',
        statuses: ['BUSY'],
        ownerIds: ['7'],
        from: '2026-03-01T00:00:00.000Z',
        to: '2026-03-02T23:59:59.999Z',
        hasRecording: false,
        associated: { type: 'contacts', id: '9' },
      },
    });
  });

  it('the plain view has no filters, sort or search (so the list endpoint serves it)', () => {
    expect(toCallListParams(DEFAULT_STATE, 'UTC')).toEqual({ pageSize: 25 });
    expect(toCallListParams(parse('recording=with&from=2026-03-01T10:00:00Z'), 'UTC').filters).toEqual({
      hasRecording: true,
      from: '2026-03-01T10:00:00.000Z',
    });
  });

  it('date-only bounds are whole days in the user time zone, DST included', () => {
    // New York is UTC-5 in January and UTC-4 in July.
    expect(zoneOffsetMinutes('America/New_York')('2026-01-15T00:00:00.000')).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York')('2026-07-15T00:00:00.000')).toBe(-240);
    expect(zoneOffsetMinutes('Asia/Kolkata')('2026-07-15T00:00:00.000')).toBe(330);
    const f = toCallListParams(parse('from=2026-07-15&to=2026-01-15'), 'America/New_York').filters;
    expect(f?.from).toBe('2026-07-15T04:00:00.000Z');
    expect(f?.to).toBe('2026-01-16T04:59:59.999Z');
  });
});
