/**
 * HubSpot pages with an opaque `after` cursor and no way back. The trail is the list of cursors that
 * opened pages 2..n, so page k (zero-based) is loaded with `trail[k - 1]` and going back is dropping
 * the last cursor. The trail lives in the URL (one `after` parameter per page).
 */
export type CursorTrail = readonly string[];

/** A trail longer than this is not followed from a URL. */
export const MAX_TRAIL_LENGTH = 10_000;
/** Past 10,000 results a cursor carries the sort value it starts after (search-slices.ts), e.g. a title. */
const MAX_CURSOR_LENGTH = 2048;

/** The zero-based index of the page the trail points at. */
export function pageIndex(trail: CursorTrail): number {
  return trail.length;
}

/** The `after` cursor that loads the trail's current page (undefined = first page). */
export function currentCursor(trail: CursorTrail): string | undefined {
  return trail.length ? trail[trail.length - 1] : undefined;
}

export function nextTrail(trail: CursorTrail, nextAfter: string): CursorTrail {
  return [...trail, nextAfter];
}

export function previousTrail(trail: CursorTrail): CursorTrail {
  return trail.slice(0, -1);
}

/**
 * The trail for moving to `page` (zero-based): any earlier page is reachable by cutting the trail,
 * the next page only when the current page's `nextAfter` is known, anything further not at all.
 */
export function trailForPage(trail: CursorTrail, page: number, nextAfter: string | undefined): CursorTrail | undefined {
  if (!Number.isInteger(page) || page < 0) return undefined;
  if (page <= trail.length) return trail.slice(0, page);
  if (page === trail.length + 1 && nextAfter) return nextTrail(trail, nextAfter);
  return undefined;
}

/** Reads cursors from URL values: blank, oversized or excess entries are dropped. */
export function parseTrail(values: readonly string[]): CursorTrail {
  const out: string[] = [];
  for (const v of values) {
    if (!v || v.length > MAX_CURSOR_LENGTH) break; // a hole makes the rest meaningless
    out.push(v);
    if (out.length >= MAX_TRAIL_LENGTH) break;
  }
  return out;
}

export function serializeTrail(trail: CursorTrail): string[] {
  return [...trail];
}
