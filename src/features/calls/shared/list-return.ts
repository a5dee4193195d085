import * as z from 'zod/mini';
import type { SearchFilter } from '../../../api/schemas';
import { appPaths } from '../../../lib/router';

/**
 * "Open in list" goes back to the list as the user left it (filters, sort, search, page).
 * The list URL is remembered in sessionStorage; `rememberListUrl` is called by whoever shows the list,
 * and `lastListUrl` also recognises the browser's own history (Navigation API) when nothing was stored.
 * A rule view (the list's grid over a rule's filter groups, e.g. a "Needs attention" queue) is a list too:
 * its URL is remembered with its groups, so triage walks the rule's calls and returns to it.
 */
export const LIST_URL_STORAGE_KEY = 'calls-admin:last-list-url';
const LIST_GROUPS_STORAGE_KEY = 'calls-admin:last-list-groups';

const isCallsUrl = (url: string) => url === appPaths.calls() || url.startsWith(`${appPaths.calls()}?`);
/** A path of this app (not another origin's, not protocol-relative). */
const isAppPath = (url: string) => url.startsWith('/') && !url.startsWith('//');

const groupsSchema = z.array(
  z.array(z.object({ propertyName: z.string(), operator: z.string(), value: z.optional(z.string()), values: z.optional(z.array(z.string())) })),
);

/** A list the user is on: its URL, and for a rule view the rule's filter groups. */
export interface RememberedList {
  url: string;
  groups?: SearchFilter[][];
}

export function rememberListUrl(url: string, groups?: SearchFilter[][]): void {
  if (!(isCallsUrl(url) || (groups && isAppPath(url)))) return;
  try {
    sessionStorage.setItem(LIST_URL_STORAGE_KEY, url);
    if (groups && !isCallsUrl(url)) sessionStorage.setItem(LIST_GROUPS_STORAGE_KEY, JSON.stringify(groups));
    else sessionStorage.removeItem(LIST_GROUPS_STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private mode quotas); "Open in list" then opens the plain list.
  }
}

function storedGroups(): SearchFilter[][] | undefined {
  try {
    const parsed = groupsSchema.safeParse(JSON.parse(sessionStorage.getItem(LIST_GROUPS_STORAGE_KEY) ?? 'null'));
    return parsed.success ? (parsed.data as SearchFilter[][]) : undefined;
  } catch {
    return undefined;
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

/** The list this tab last showed (remembered, else found in this tab's history), or null when it showed none. */
export function rememberedList(): RememberedList | null {
  try {
    const stored = sessionStorage.getItem(LIST_URL_STORAGE_KEY);
    if (stored && isCallsUrl(stored)) return { url: stored };
    const groups = storedGroups();
    if (stored && groups && isAppPath(stored)) return { url: stored, groups };
  } catch {
    // ignore: fall through to history
  }
  const url = fromHistory();
  return url === null ? null : { url };
}

/** The list URL to return to: the remembered one, else the last list page in this tab's history, else `/calls`. */
export function lastListUrl(): string {
  return rememberedList()?.url ?? appPaths.calls();
}

/**
 * Where the list puts the keyboard focus when the user comes back from a call (Open in list, Back, closing triage):
 * the row of the call last shown, in the cell it was opened from, at the scroll position the list had then
 * (none when triage moved on to another call: the row is then scrolled into view). `listUrl` is the list page
 * holding that row (triage may have moved on to a later page).
 */
export interface ListFocus {
  callId: string;
  listUrl: string;
  field?: string;
  scrollY?: number;
}

const FOCUS_STORAGE_KEY = 'calls-admin:list-focus';

export function rememberListFocus(focus: ListFocus): void {
  try {
    sessionStorage.setItem(FOCUS_STORAGE_KEY, JSON.stringify(focus));
  } catch {
    // Without storage the list simply does not restore focus.
  }
}

/** The focus to restore, or null; `clearListFocus` once it has been used (or found not to apply). */
export function listFocus(): ListFocus | null {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(FOCUS_STORAGE_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { callId, listUrl, field, scrollY } = value as Record<string, unknown>;
    if (typeof callId !== 'string' || typeof listUrl !== 'string' || !isAppPath(listUrl)) return null;
    return { callId, listUrl, ...(typeof field === 'string' ? { field } : {}), ...(typeof scrollY === 'number' ? { scrollY } : {}) };
  } catch {
    return null;
  }
}

export function clearListFocus(): void {
  try {
    sessionStorage.removeItem(FOCUS_STORAGE_KEY);
  } catch {
    // ignore
  }
}

/** Triage moved on to `callId` on the list page `listUrl` (of a rule view: with its `groups`): "Open in list" and Back return there, to its row. */
export function moveListReturn(callId: string, listUrl: string, groups?: SearchFilter[][]): void {
  rememberListUrl(listUrl, groups);
  const field = listFocus()?.field;
  rememberListFocus({ callId, listUrl, ...(field ? { field } : {}) });
}
