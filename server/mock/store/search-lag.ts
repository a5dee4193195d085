/**
 * Search lag: HubSpot's search is eventually consistent, so a record's write reaches search only
 * some time after reads by id and lists see it. Before a lagged write, the record's row as search
 * should still see it is copied to the connection's `temp.search_lag` table (a record created
 * by the write is copied as archived: search does not see it yet), with the time its new values
 * become visible. Later writes before then keep the copy and push that time back. Searches run
 * over the records with those copies in place of the rows (search-sql.ts `lagged`) until every
 * copy has expired.
 */
import type { Connection } from './connection.js';

const COLUMNS = 'id, type, archived, created_at, updated_at, archived_at, source, props, search';

/**
 * Keeps search seeing record `id` as it is at `now` (or, with `absent`, not at all) until
 * `visibleAt`. Call before the write (after it for a record the write creates, with `absent`).
 */
export function holdSearch(c: Connection, id: number, now: number, visibleAt: number, absent = false): void {
  // a copy whose time has come is stale: search sees the record as it is now
  c.stmt('DELETE FROM temp.search_lag WHERE id = ? AND visible_at <= ?').run(id, now);
  c.stmt(
    `INSERT INTO temp.search_lag (${COLUMNS}, visible_at)
       SELECT id, type, CASE WHEN ? THEN 1 ELSE archived END, created_at, updated_at, archived_at, source, props, search, ?
       FROM objects WHERE id = ?
     ON CONFLICT (id) DO UPDATE SET visible_at = max(visible_at, excluded.visible_at)`,
  ).run(absent ? 1 : 0, visibleAt, id);
}

/** Whether search still lags behind some write at `now` (drops the copies that expired). */
export function searchLags(c: Connection, now: number): boolean {
  c.stmt('DELETE FROM temp.search_lag WHERE visible_at <= ?').run(now);
  return c.stmt('SELECT EXISTS (SELECT 1 FROM temp.search_lag) AS lags').pluck().get() === 1;
}
