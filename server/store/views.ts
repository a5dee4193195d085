/**
 * Saved views of the call list, shared by everyone using this server (the team's list). SQL only: the HTTP
 * API (server/views-routes.ts) validates input before it gets here.
 */
import type { AppDb } from './connection.ts';

type Density = 'compact' | 'standard';

/** Column prefs as the list keeps them (ids the browser knows; the server stores them as given). */
interface ViewColumns {
  order: string[];
  hidden: string[];
  widths: Record<string, number>;
}

/** What a view restores: the list's URL query (filters, sort, search, page size), its columns and density. */
export interface ViewState {
  search: string;
  columns: ViewColumns | null;
  density: Density | null;
}

export interface SavedView extends ViewState {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

interface ViewRow {
  id: number;
  name: string;
  search: string;
  columns: string | null;
  density: string | null;
  created_at: string;
  updated_at: string;
}

/** Thrown when another view already has the name (compared by nameKey). */
export class NameTakenError extends Error {
  override readonly name = 'NameTakenError';
  constructor(readonly existing: string) {
    super(`A view named "${existing}" already exists.`);
  }
}

/** Names compare without case, width or spacing differences: "Missed calls" and "missed  CALLS" are one name. */
function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function toView(row: ViewRow): SavedView {
  return {
    id: String(row.id),
    name: row.name,
    search: row.search,
    columns: row.columns === null ? null : (JSON.parse(row.columns) as ViewColumns),
    density: row.density === 'compact' || row.density === 'standard' ? row.density : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const COLUMNS = 'id, name, search, columns, density, created_at, updated_at';

/** Ids in URLs are positive integers; anything else names no view. */
function rowId(id: string): number | undefined {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : undefined;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function takenBy(db: AppDb, name: string): NameTakenError {
  const row = db.prepare('SELECT name FROM views WHERE name_key = ?').get(nameKey(name)) as { name: string } | undefined;
  return new NameTakenError(row?.name ?? name);
}

/** Every view, by name. */
export function listViews(db: AppDb): SavedView[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM views ORDER BY name_key, id`).all() as ViewRow[]).map(toView);
}

export function getView(db: AppDb, id: string): SavedView | undefined {
  const n = rowId(id);
  if (n === undefined) return undefined;
  const row = db.prepare(`SELECT ${COLUMNS} FROM views WHERE id = ?`).get(n) as ViewRow | undefined;
  return row && toView(row);
}

export function createView(db: AppDb, input: ViewState & { name: string }, now = new Date()): SavedView {
  const at = now.toISOString();
  try {
    const row = db
      .prepare(
        `INSERT INTO views (name, name_key, search, columns, density, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
      )
      .get(input.name, nameKey(input.name), input.search, input.columns && JSON.stringify(input.columns), input.density, at, at) as ViewRow;
    return toView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw takenBy(db, input.name);
    throw error;
  }
}

/** Changes the given fields; undefined when there is no such view. */
export function updateView(db: AppDb, id: string, patch: Partial<ViewState & { name: string }>, now = new Date()): SavedView | undefined {
  const n = rowId(id);
  if (n === undefined) return undefined;
  const sets: string[] = ['updated_at = ?'];
  const values: (string | null)[] = [now.toISOString()];
  const set = (column: string, value: string | null) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (patch.name !== undefined) {
    set('name', patch.name);
    set('name_key', nameKey(patch.name));
  }
  if (patch.search !== undefined) set('search', patch.search);
  if (patch.columns !== undefined) set('columns', patch.columns && JSON.stringify(patch.columns));
  if (patch.density !== undefined) set('density', patch.density);
  try {
    const row = db.prepare(`UPDATE views SET ${sets.join(', ')} WHERE id = ? RETURNING ${COLUMNS}`).get(...values, n) as ViewRow | undefined;
    return row && toView(row);
  } catch (error) {
    if (isUniqueViolation(error) && patch.name !== undefined) throw takenBy(db, patch.name);
    throw error;
  }
}

/** Whether a view was deleted (false: there was none). */
export function deleteView(db: AppDb, id: string): boolean {
  const n = rowId(id);
  return n !== undefined && db.prepare('DELETE FROM views WHERE id = ?').run(n).changes > 0;
}
