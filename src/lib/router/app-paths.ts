/**
 * The app's own URLs (its screens), the one place that spells them: link builders for code that links or
 * navigates, and `matchAppPath` for the route table. HubSpot's API paths are another matter (src/api).
 */

const CALLS = '/calls';
const ATTENTION = '/attention';
const JOURNAL = '/journal';

/** `?days=N` when the missed-calls queue's N is given. */
const daysQuery = (days?: number) => (days === undefined ? '' : `?days=${days}`);

export const appPaths = {
  /** The calls list; `search` is a query string with or without its `?` (e.g. from `listSearch`). */
  calls(search: string | URLSearchParams = ''): string {
    const query = String(search).replace(/^\?/, '');
    return query ? `${CALLS}?${query}` : CALLS;
  },
  newCall: (): string => `${CALLS}/new`,
  /** Recently deleted calls, at `page` (1-based). */
  deletedCalls: (page = 1): string => (page > 1 ? `${CALLS}/deleted?page=${page}` : `${CALLS}/deleted`),
  call: (id: string): string => `${CALLS}/${encodeURIComponent(id)}`,
  callEdit: (id: string): string => `${CALLS}/${encodeURIComponent(id)}/edit`,
  /** "Needs attention": the queues of calls to fix; `days` is the missed-calls queue's N. */
  attention: (days?: number): string => `${ATTENTION}${daysQuery(days)}`,
  /** One queue's calls. */
  attentionQueue: (queue: string, days?: number): string => `${ATTENTION}/${encodeURIComponent(queue)}${daysQuery(days)}`,
  /** The journal of bulk changes (newest first). */
  journal: (): string => JOURNAL,
  /** One journal entry: its calls' before and after, and its undo. */
  journalEntry: (id: string): string => `${JOURNAL}/${encodeURIComponent(id)}`,
};

type AppRoute =
  | { name: 'home' }
  | { name: 'calls' }
  | { name: 'newCall' }
  | { name: 'deletedCalls' }
  | { name: 'call'; id: string }
  | { name: 'callEdit'; id: string }
  | { name: 'attention' }
  | { name: 'attentionQueue'; queue: string }
  | { name: 'journal' }
  | { name: 'journalEntry'; id: string };

const CALL = /^\/calls\/([^/]+)\/?$/i;
const CALL_EDIT = /^\/calls\/([^/]+)\/edit\/?$/i;
const ATTENTION_QUEUE = /^\/attention\/([^/]+)\/?$/i;
const JOURNAL_ENTRY = /^\/journal\/([^/]+)\/?$/i;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Which screen a pathname shows (case-insensitive, a trailing slash allowed), or null for none. */
export function matchAppPath(pathname: string): AppRoute | null {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (/^\/calls\/?$/i.test(pathname)) return { name: 'calls' };
  if (/^\/calls\/new\/?$/i.test(pathname)) return { name: 'newCall' };
  if (/^\/calls\/deleted\/?$/i.test(pathname)) return { name: 'deletedCalls' };
  if (/^\/attention\/?$/i.test(pathname)) return { name: 'attention' };
  const queue = ATTENTION_QUEUE.exec(pathname);
  if (queue) return { name: 'attentionQueue', queue: decode(queue[1] ?? '') };
  if (/^\/journal\/?$/i.test(pathname)) return { name: 'journal' };
  const entry = JOURNAL_ENTRY.exec(pathname);
  if (entry) return { name: 'journalEntry', id: decode(entry[1] ?? '') };
  const edit = CALL_EDIT.exec(pathname);
  if (edit) return { name: 'callEdit', id: decode(edit[1] ?? '') };
  const detail = CALL.exec(pathname);
  if (detail) return { name: 'call', id: decode(detail[1] ?? '') };
  return null;
}
