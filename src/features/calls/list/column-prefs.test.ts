import { describe, expect, it } from 'vitest';
import { COLUMN_IDS } from '../call-properties';
import { DEFAULT_PREFS, loadPrefs, move, normalizePrefs, savePrefs, setHidden, setWidth, STORAGE_KEY, visibleColumns } from './column-prefs';

describe('column preferences', () => {
  it('survive a save and load through storage', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    let p = setHidden(DEFAULT_PREFS, 'owner', true);
    p = move(p, 'duration', -1);
    p = setWidth(p, 'title', 333.4);
    savePrefs(p, storage);
    expect(store.has(STORAGE_KEY)).toBe(true);
    const loaded = loadPrefs(storage);
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
    expect(loadPrefs({ getItem: () => '{not json' })).toEqual(DEFAULT_PREFS);
  });

  it('does not move past either end', () => {
    expect(move(DEFAULT_PREFS, 'title', -1)).toBe(DEFAULT_PREFS);
    expect(move(DEFAULT_PREFS, 'recording', 1)).toBe(DEFAULT_PREFS);
  });
});
