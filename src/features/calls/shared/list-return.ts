import { appPaths } from '../../../lib/router';

/**
 * "Open in list" goes back to the list as the user left it (filters, sort, search, page).
 * The list URL is remembered in sessionStorage; `rememberListUrl` is called by whoever shows the list,
 * and `lastListUrl` also recognises the browser's own history (Navigation API) when nothing was stored.
 */
export const LIST_URL_STORAGE_KEY = 'calls-admin:last-list-url';

const isListUrl = (url: string) => url === appPaths.calls() || url.startsWith(`${appPaths.calls()}?`);

export function rememberListUrl(url: string): void {
  if (!isListUrl(url)) return;
  try {
    sessionStorage.setItem(LIST_URL_STORAGE_KEY, url);
  } catch {
    // Storage may be unavailable (private mode quotas); "Open in list" then opens the plain list.
  }
}

interface NavigationEntryLike {
  url: string | null;
  index: number;
}
interface NavigationLike {
  entries(): NavigationEntryLike[];
  currentEntry: NavigationEntryLike | null;
}

function fromHistory(): string | null {
  const nav = (window as unknown as { navigation?: NavigationLike }).navigation;
  if (!nav?.currentEntry || typeof nav.entries !== 'function') return null;
  const current = nav.currentEntry.index;
  const entries = nav.entries().filter((e) => e.index < current && e.url);
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const url = new URL(entries[i]!.url!, window.location.origin);
    if (url.origin === window.location.origin && url.pathname === appPaths.calls()) return appPaths.calls(url.search);
  }
  return null;
}

/** The list URL to return to: the remembered one, else the last list page in this tab's history, else `/calls`. */
export function lastListUrl(): string {
  try {
    const stored = sessionStorage.getItem(LIST_URL_STORAGE_KEY);
    if (stored && isListUrl(stored)) return stored;
  } catch {
    // ignore: fall through to history
  }
  return fromHistory() ?? appPaths.calls();
}
