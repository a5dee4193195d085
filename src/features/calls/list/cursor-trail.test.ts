import { describe, expect, it } from 'vitest';
import { currentCursor, MAX_TRAIL_LENGTH, nextTrail, pageIndex, parseTrail, previousTrail, trailForPage } from './cursor-trail';

describe('cursor trail', () => {
  it('starts on the first page with no cursor', () => {
    expect(pageIndex([])).toBe(0);
    expect(currentCursor([])).toBeUndefined();
  });

  it('moves forward by appending the next cursor and back by dropping it', () => {
    let t = nextTrail([], 'c1');
    t = nextTrail(t, 'c2');
    expect(pageIndex(t)).toBe(2);
    expect(currentCursor(t)).toBe('c2');
    t = previousTrail(t);
    expect(t).toEqual(['c1']);
    expect(currentCursor(t)).toBe('c1');
    expect(previousTrail(previousTrail(t))).toEqual([]);
  });

  it('reaches earlier pages and the next page, but never a page it has no cursor for', () => {
    const t = ['c1', 'c2', 'c3'];
    expect(trailForPage(t, 0, 'n')).toEqual([]);
    expect(trailForPage(t, 2, 'n')).toEqual(['c1', 'c2']);
    expect(trailForPage(t, 3, 'n')).toEqual(t);
    expect(trailForPage(t, 4, 'c4')).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(trailForPage(t, 4, undefined)).toBeUndefined();
    expect(trailForPage(t, 5, 'c4')).toBeUndefined();
    expect(trailForPage(t, -1, 'c4')).toBeUndefined();
  });

  it('reads URL values, stopping at a blank or oversized cursor', () => {
    expect(parseTrail(['NTI1Cg%3D%3D', '20'])).toEqual(['NTI1Cg%3D%3D', '20']);
    expect(parseTrail(['a', '', 'c'])).toEqual(['a']);
    expect(parseTrail(['a', 'x'.repeat(2100), 'c'])).toEqual(['a']);
    expect(parseTrail(Array.from({ length: MAX_TRAIL_LENGTH + 5 }, (_, i) => String(i))).length).toBe(MAX_TRAIL_LENGTH);
  });
});
