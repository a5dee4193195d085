import { useBrowserFact } from './useBrowserFact';

/** The user's IANA time zone, without pulling a date library into the bundle. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let renderedTimeZone = 'UTC';

/**
 * The zone the server rendered the page in: set by the server before it renders (from the cookie, UTC on a first
 * visit) and by the browser before it hydrates that page (from the page's state), so both render the same times.
 */
export function setRenderedTimeZone(timeZone: string): void {
  renderedTimeZone = timeZone;
}

/** The user's time zone; while a server-rendered page hydrates, the zone it was rendered in (then the user's). */
export function useTimeZone(): string {
  return useBrowserFact(userTimeZone, () => renderedTimeZone);
}
