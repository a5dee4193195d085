/**
 * A call the user has just created, as HubSpot's lagging search catches up with it. Search may answer without
 * a new call for a few seconds (HubSpot: "a few seconds"; integrators wait 10 s after a create before searching),
 * so while this tab created a call within the last SEARCH_LAG_WINDOW_MS that the list's page does not show,
 * the page is searched again every CATCH_UP_INTERVAL_MS and the list says the call may take a moment to
 * appear. Whether the call belongs to the view is HubSpot's to say: a call outside the view's filters never
 * appears, so the extra searches end with the window, whatever they answer.
 */
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CallListPage } from '../calls-queries';
import { summaryKeys } from './summary/summary-queries';

/** How long after a create the list waits for search to show the call. */
const SEARCH_LAG_WINDOW_MS = 10_000;
/** One search a second: well within HubSpot's 5 a second, shared with the rest of the tab (http.ts paces them). */
const CATCH_UP_INTERVAL_MS = 1_000;

/** The calls created at most SEARCH_LAG_WINDOW_MS before `now` (epoch ms of each creation). */
const justCreated = (created: ReadonlyMap<string, number>, now: number) => [...created].filter(([, at]) => now - at < SEARCH_LAG_WINDOW_MS);

/** The calls created just before `now` that `page` does not show: none while there is no page. */
function missingFrom(page: CallListPage | undefined, created: ReadonlyMap<string, number>, now: number): [string, number][] {
  if (!page) return [];
  const shown = new Set(page.results.map((c) => c.id));
  return justCreated(created, now).filter(([id]) => !shown.has(id));
}

/** The page query's `refetchInterval` (re-read after every fetch): searching again while a just-created call is missing. */
export function catchUpInterval(page: CallListPage | undefined, created: ReadonlyMap<string, number>): number | false {
  return missingFrom(page, created, Date.now()).length > 0 ? CATCH_UP_INTERVAL_MS : false;
}

/**
 * Whether the list is waiting for search to show a call the user has just created (`page`: the view's page, undefined
 * while it loads). Once such a call is on the page, the summary strip counts again: its searches may have been
 * answered before search had the call, and the strip must agree with the list.
 */
export function useSearchCatchUp(page: CallListPage | undefined, created: ReadonlyMap<string, number>): boolean {
  const qc = useQueryClient();
  const [now, setNow] = useState(Date.now);
  const missing = missingFrom(page, created, now);
  // Renders again when the first missing call's window ends.
  const ends = missing.length > 0 ? Math.min(...missing.map(([, at]) => at)) + SEARCH_LAG_WINDOW_MS : undefined;
  useEffect(() => {
    if (ends === undefined) return;
    const timer = setTimeout(() => setNow(Date.now()), ends - Date.now());
    return () => clearTimeout(timer);
  }, [ends]);

  const arrived = page
    ? justCreated(created, now)
        .filter(([id]) => page.results.some((c) => c.id === id))
        .map(([id]) => id)
        .join()
    : '';
  useEffect(() => {
    if (arrived) void qc.invalidateQueries({ queryKey: summaryKeys.all });
  }, [qc, arrived]);
  return missing.length > 0;
}
