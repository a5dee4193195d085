/** Column visibility, order and width, and the row density, kept per browser in localStorage (src/lib/useStoredString). */
import { COLUMN_IDS, isColumnId, type ColumnId } from '../call-properties';

export interface ColumnPrefs {
  order: ColumnId[];
  hidden: ColumnId[];
  widths: Partial<Record<ColumnId, number>>;
}

export const STORAGE_KEY = 'calls-admin:call-list:columns:v1';

export const DEFAULT_PREFS: ColumnPrefs = {
  order: [...COLUMN_IDS],
  hidden: ['from', 'to'],
  widths: {},
};

/** Reads stored prefs; unknown columns are dropped and new ones appended, so old prefs survive app updates. */
export function normalizePrefs(raw: unknown): ColumnPrefs {
  if (!raw || typeof raw !== 'object') return DEFAULT_PREFS;
  const r = raw as Record<string, unknown>;
  const ids = (v: unknown): ColumnId[] =>
    Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string').filter(isColumnId))] : [];
  const order = ids(r.order);
  for (const id of COLUMN_IDS) if (!order.includes(id)) order.push(id);
  const hidden = Array.isArray(r.hidden) ? ids(r.hidden) : DEFAULT_PREFS.hidden;
  const widths: Partial<Record<ColumnId, number>> = {};
  if (r.widths && typeof r.widths === 'object') {
    for (const [k, v] of Object.entries(r.widths as Record<string, unknown>)) {
      if (isColumnId(k) && typeof v === 'number' && Number.isFinite(v) && v >= 40 && v <= 2000) widths[k] = Math.round(v);
    }
  }
  return { order, hidden: hidden.filter((h) => h !== 'title'), widths };
}

/** Prefs from their stored text (null: none stored, or unreadable: the defaults). */
export function parsePrefs(text: string | null): ColumnPrefs {
  try {
    return text ? normalizePrefs(JSON.parse(text)) : DEFAULT_PREFS;
  } catch {
    return DEFAULT_PREFS;
  }
}

export function visibleColumns(prefs: ColumnPrefs): ColumnId[] {
  return prefs.order.filter((id) => !prefs.hidden.includes(id));
}

export function setHidden(prefs: ColumnPrefs, id: ColumnId, hidden: boolean): ColumnPrefs {
  if (id === 'title') return prefs; // the title identifies the row; it always shows
  const set = new Set(prefs.hidden);
  if (hidden) set.add(id);
  else set.delete(id);
  return { ...prefs, hidden: prefs.order.filter((c) => set.has(c)) };
}

export function move(prefs: ColumnPrefs, id: ColumnId, delta: -1 | 1): ColumnPrefs {
  const i = prefs.order.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= prefs.order.length) return prefs;
  const order = [...prefs.order];
  [order[i], order[j]] = [order[j]!, order[i]!];
  return { ...prefs, order };
}

export function setWidth(prefs: ColumnPrefs, id: ColumnId, width: number): ColumnPrefs {
  return { ...prefs, widths: { ...prefs.widths, [id]: Math.round(width) } };
}

/** Row height of the list: compact fits more calls on a screen, standard is easier to read and click. */
export type Density = 'compact' | 'standard';
export const DENSITY_STORAGE_KEY = 'calls-admin:call-list:density:v1';
const DEFAULT_DENSITY: Density = 'standard';

export const isDensity = (v: unknown): v is Density => v === 'compact' || v === 'standard';

export const parseDensity = (text: string | null): Density => (isDensity(text) ? text : DEFAULT_DENSITY);
