import { useSyncExternalStore } from 'react';

const unchanging = () => () => undefined;

/**
 * A fact of the browser that does not change while the page is open (its time zone, its platform), and what the
 * server rendered in its place: React renders the server's value while it hydrates a page the server rendered,
 * then the browser's; a page the browser renders itself has the browser's value from the start.
 */
export function useBrowserFact<T>(read: () => T, onServer: () => T): T {
  return useSyncExternalStore(unchanging, read, onServer);
}
