/**
 * A page the server renders (src/entry-server.tsx, server/ssr.ts) and the browser takes over (start.tsx): the
 * markup inside #root, and after it the data the markup shows, in a JSON script element (which never runs: the
 * CSP allows no inline script), so the browser hydrates the same markup from the same data without asking again.
 * No DOM or React here: the server's own code (server/ssr.ts) shares these names.
 */
import * as z from 'zod/mini';
import type { DehydratedState } from '@tanstack/react-query';

export const SERVER_PAGE_ROOT_ID = 'root';
export const SERVER_PAGE_STATE_ID = 'server-page-state';
/** Cookie in which the browser tells the server its time zone, so the server renders the list's times in it. */
export const TIME_ZONE_COOKIE = 'tz';

export interface ServerPageState {
  /** The zone the server formatted times in (the browser's cookie; UTC on a first visit). */
  timeZone: string;
  /** The query cache the markup was rendered from (TanStack Query's dehydrate). */
  queries: DehydratedState;
}

/** What the renderer gives the server for one page. */
export interface RenderedPage {
  /** The markup inside #root. */
  html: string;
  /** The element with the page's state (serverPageStateElement). */
  stateElement: string;
}

/** Renders the page at `url` with times in `timeZone`; null for a page the browser renders itself. */
export type PageRenderer = (url: URL, timeZone: string) => Promise<RenderedPage | null>;

const stateSchema = z.object({
  timeZone: z.string(),
  queries: z.object({ queries: z.array(z.unknown()), mutations: z.array(z.unknown()) }),
});

// Cached data holds Maps and Sets (a page's contacts by call), which JSON alone would turn into {}.
const MAP = '__calls_admin_map__';
const SET = '__calls_admin_set__';
const replacer = (_key: string, value: unknown): unknown => {
  if (value instanceof Map) return { [MAP]: [...value] };
  if (value instanceof Set) return { [SET]: [...value] };
  return value;
};
const reviver = (_key: string, value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const tagged = value as Record<string, unknown>;
  if (Array.isArray(tagged[MAP])) return new Map(tagged[MAP] as [unknown, unknown][]);
  if (Array.isArray(tagged[SET])) return new Set(tagged[SET]);
  return value;
};

/** The state's element. `<` is escaped, so no text in the data (a call's title) can end the element early. */
export function serverPageStateElement(state: ServerPageState): string {
  return `<script type="application/json" id="${SERVER_PAGE_STATE_ID}">${JSON.stringify(state, replacer).replace(/</g, '\\u003c')}</script>`;
}

/** The state element's text read back; null when there is none (the server sent the plain app) or it is unreadable. */
export function parseServerPageState(text: string | null | undefined): ServerPageState | null {
  if (!text) return null;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text, reviver));
    return parsed.success ? { timeZone: parsed.data.timeZone, queries: parsed.data.queries as DehydratedState } : null;
  } catch {
    return null;
  }
}
