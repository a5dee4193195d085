import { describe, expect, it } from 'vitest';
import type { SearchFilter } from '../../api/schemas';
import { boundOf, formatCursor, nextCursor, orderKeys, parseCursor, SEARCH_RESULT_CAP, sliceFilterGroups } from './search-slices';

const base: SearchFilter[] = [{ propertyName: 'hs_call_direction', operator: 'EQ', value: 'INBOUND' }];

describe('order keys', () => {
  it('break ties by the record id, and enumerations by the time first', () => {
    expect(orderKeys('hs_timestamp')).toEqual(['hs_timestamp', 'hs_object_id']);
    expect(orderKeys('hs_call_duration')).toEqual(['hs_call_duration', 'hs_object_id']);
    expect(orderKeys('hs_call_status')).toEqual(['hs_call_status', 'hs_timestamp', 'hs_object_id']);
    expect(orderKeys('hs_object_id')).toEqual(['hs_object_id']);
  });

  it('read a call’s values, null where it has none', () => {
    const call = { id: '42', properties: { hs_call_status: '', hs_timestamp: '2026-01-01T00:00:00.000Z' } };
    expect(boundOf(call, orderKeys('hs_call_status'))).toEqual([null, '2026-01-01T00:00:00.000Z', '42']);
  });
});

describe('page cursors', () => {
  it('keep HubSpot’s own numeric cursor for the first 10,000 results and round-trip slice cursors', () => {
    expect(parseCursor(undefined)).toEqual({ offset: 0 });
    expect(parseCursor('9900')).toEqual({ offset: 9900 });
    expect(formatCursor({ offset: 9900 })).toBe('9900');
    expect(formatCursor({ offset: 0 })).toBeUndefined();
    const c = { offset: 200, bound: ['2026-01-01T00:00:00.000Z', '42'] };
    expect(parseCursor(formatCursor(c))).toEqual(c);
    expect(parseCursor(formatCursor({ offset: 0, bound: [null, 'a "quoted" title', '7'] }))).toEqual({ offset: 0, bound: [null, 'a "quoted" title', '7'] });
  });

  it('refuse what is not a cursor, and offsets HubSpot would refuse', () => {
    for (const bad of ['abc', '[1', '[-1,"x"]', '[1.5,"x"]', '[1]', '[1,2]', '{"offset":1}', String(SEARCH_RESULT_CAP), `[${SEARCH_RESULT_CAP},"x"]`]) {
      expect(parseCursor(bad)).toBeUndefined();
    }
  });
});

describe('the next page', () => {
  const last = ['2026-01-01T00:00:00.000Z', '42'];

  it('stays in the slice below the cap', () => {
    expect(nextCursor({ offset: 0 }, { count: 25, sliceTotal: 30_000, last })).toEqual({ offset: 25 });
    expect(nextCursor({ offset: 25, bound: ['x', '1'] }, { count: 25, sliceTotal: 30_000, last })).toEqual({ offset: 50, bound: ['x', '1'] });
  });

  it('starts a slice after the last call once the slice reaches 10,000 results', () => {
    expect(nextCursor({ offset: 9_975 }, { count: 25, sliceTotal: 30_000, last })).toEqual({ offset: 0, bound: last });
    expect(nextCursor({ offset: 9_800, bound: ['y', '9'] }, { count: 200, sliceTotal: 20_000, last })).toEqual({ offset: 0, bound: last });
  });

  it('ends with the view', () => {
    expect(nextCursor({ offset: 9_975 }, { count: 25, sliceTotal: 10_000, last })).toBeUndefined();
    expect(nextCursor({ offset: 50 }, { count: 10, sliceTotal: 60, last })).toBeUndefined();
    expect(nextCursor({ offset: 0, bound: last }, { count: 0, sliceTotal: 0, last: undefined })).toBeUndefined();
  });
});

describe('slice filters', () => {
  it('newest first: older calls, or as old with a lower id, on top of the view’s filters', () => {
    expect(sliceFilterGroups(base, orderKeys('hs_timestamp'), ['2026-01-01T00:00:00.000Z', '42'], true)).toEqual([
      [...base, { propertyName: 'hs_timestamp', operator: 'LT', value: '2026-01-01T00:00:00.000Z' }],
      [...base, { propertyName: 'hs_timestamp', operator: 'EQ', value: '2026-01-01T00:00:00.000Z' }, { propertyName: 'hs_object_id', operator: 'LT', value: '42' }],
    ]);
  });

  it('oldest first: newer calls, or as new with a higher id', () => {
    expect(sliceFilterGroups([], orderKeys('hs_timestamp'), ['t', '42'], false)).toEqual([
      [{ propertyName: 'hs_timestamp', operator: 'GT', value: 't' }],
      [{ propertyName: 'hs_timestamp', operator: 'EQ', value: 't' }, { propertyName: 'hs_object_id', operator: 'GT', value: '42' }],
    ]);
  });

  it('descending by a property calls may lack: the calls without it come last', () => {
    expect(sliceFilterGroups([], orderKeys('hs_call_duration'), ['5000', '42'], true)).toEqual([
      [{ propertyName: 'hs_call_duration', operator: 'LT', value: '5000' }],
      [{ propertyName: 'hs_call_duration', operator: 'NOT_HAS_PROPERTY' }],
      [{ propertyName: 'hs_call_duration', operator: 'EQ', value: '5000' }, { propertyName: 'hs_object_id', operator: 'LT', value: '42' }],
    ]);
    // a bound among the calls without a value: only those with a lower id remain
    expect(sliceFilterGroups([], orderKeys('hs_call_duration'), [null, '42'], true)).toEqual([
      [{ propertyName: 'hs_call_duration', operator: 'NOT_HAS_PROPERTY' }, { propertyName: 'hs_object_id', operator: 'LT', value: '42' }],
    ]);
  });

  it('ascending: the calls without a value come first, so every call with one follows them', () => {
    expect(sliceFilterGroups([], orderKeys('hs_call_duration'), [null, '42'], false)).toEqual([
      [{ propertyName: 'hs_call_duration', operator: 'HAS_PROPERTY' }],
      [{ propertyName: 'hs_call_duration', operator: 'NOT_HAS_PROPERTY' }, { propertyName: 'hs_object_id', operator: 'GT', value: '42' }],
    ]);
  });

  it('an enumeration: later values, then the same value by time, then by id', () => {
    expect(sliceFilterGroups([], orderKeys('hs_call_status'), ['BUSY', 't', '42'], false)).toEqual([
      [{ propertyName: 'hs_call_status', operator: 'GT', value: 'BUSY' }],
      [{ propertyName: 'hs_call_status', operator: 'EQ', value: 'BUSY' }, { propertyName: 'hs_timestamp', operator: 'GT', value: 't' }],
      [
        { propertyName: 'hs_call_status', operator: 'EQ', value: 'BUSY' },
        { propertyName: 'hs_timestamp', operator: 'EQ', value: 't' },
        { propertyName: 'hs_object_id', operator: 'GT', value: '42' },
      ],
    ]);
  });
});
