/**
 * Paces the summary's searches under HubSpot's search limit (5 requests per second per account, shared
 * with the list's own searches): one at a time in the order asked, each starting at least
 * SEARCH_SPACING_MS after the previous one actually started (timers that fire late, in a busy or
 * background tab, never bunch requests together). A caller that gives up (its AbortSignal fires) while
 * waiting never sends its request and passes its turn on. http.ts paces every search of the tab at 5 a second;
 * this keeps the summary to 4, so the list's own searches never queue behind it.
 */
import { abortableSleep } from '../../../../api/http';

/** 4 searches per second: one a second stays free for the list, its next page and the filters. */
const SEARCH_SPACING_MS = 250;

/** When the last search in the queue started (or, for one still waiting, will have started). */
let lastStart: Promise<number> = Promise.resolve(0);

export async function pacedSearch<T>(run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const previous = lastStart;
  let started = (_at: number) => {};
  lastStart = new Promise<number>((resolve) => (started = resolve));
  const previousStart = await previous;
  try {
    const wait = previousStart + SEARCH_SPACING_MS - Date.now();
    if (wait > 0) await abortableSleep(wait, signal);
    signal?.throwIfAborted();
  } catch (e) {
    started(previousStart); // the next search waits only for the one before this
    throw e;
  }
  started(Date.now());
  return run();
}
