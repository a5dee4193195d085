import { describe, expect, it } from 'vitest';
import { COLUMN_IDS } from '../call-properties';
import { DEFAULT_PREFS, move, normalizePrefs, parsePrefs, setHidden, setWidth, visibleColumns } from './column-prefs';

describe('column preferences', () => {
  it('survive being stored as text and read back', () => {
    let p = setHidden(DEFAULT_PREFS, 'owner', true);
    p = move(p, 'duration', -1);
    p = setWidth(p, 'title', 333.4);
    const loaded = parsePrefs(JSON.stringify(p));
    expect(loaded).toEqual(p);
    expect(visibleColumns(loaded)).not.toContain('owner');
    expect(loaded.order.indexOf('duration')).toBeLessThan(loaded.order.indexOf('status'));
    expect(loaded.widths.title).toBe(333);
  });

  it('repairs stored prefs: unknown columns dropped, new ones appended, title never hidden', () => {
    const p = normalizePrefs({ order: ['owner', 'bogus', 'title'], hidden: ['title', 'time'], widths: { title: 'wide', time: 5, owner: 200 } });
    expect(p.order.slice(0, 2)).toEqual(['owner', 'title']);
    expect(new Set(p.order)).toEqual(new Set(COLUMN_IDS));
    expect(p.hidden).toEqual(['time']);
    expect(p.widths).toEqual({ owner: 200 });
    expect(parsePrefs('{not json')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS);
  });

  it('does not move past either end', () => {
    expect(move(DEFAULT_PREFS, 'title', -1)).toBe(DEFAULT_PREFS);
    expect(move(DEFAULT_PREFS, 'recording', 1)).toBe(DEFAULT_PREFS);
  });
});
