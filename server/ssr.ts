/**
 * The call list rendered on the server (`npm start` only): `GET /calls` answers with index.html whose #root
 * holds the list's first page, rendered by the app's own components (src/entry-server.tsx, built into
 * dist/.ssr/ by build.ts) from data read through the /hubspot proxy in-process, so rows show before the app's
 * scripts have run; the browser then hydrates them (src/app/start.tsx).
 *
 * The head of index.html goes out at once, so the browser fetches the scripts while the server reads the data.
 * Whenever the page cannot be rendered in time (no build of the renderer, a HubSpot error or a slow answer,
 * a phone, whose cards the server cannot know it needs, a request that is not a page opening), the rest is the
 * plain app, which loads the page itself.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { constants as zlibConstants, createGzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SERVER_PAGE_ROOT_ID, TIME_ZONE_COOKIE, type PageRenderer, type RenderedPage } from '../src/app/server-page.ts';
import type { LogLine } from './log.ts';

export const SSR_DIR = '.ssr';
const ROOT_ELEMENT = `<div id="${SERVER_PAGE_ROOT_ID}"></div>`;
/** Longest the page waits for HubSpot before the plain app takes over (which then asks again itself). */
const DEFAULT_BUDGET_MS = 1_500;

export interface ServerRenderingOptions {
  distDir: string;
  /** Our /hubspot proxy, in-process. */
  fetch: (request: Request) => Response | Promise<Response>;
  /** Tests: another renderer than the build's. */
  loadRenderer?: () => Promise<PageRenderer | null>;
  budgetMs?: number;
  log?: LogLine;
}

/** A zone Intl knows, else UTC. */
function knownTimeZone(value: string | undefined): string {
  if (!value) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    return 'UTC';
  }
}

const isPhone = (userAgent: string | undefined, mobileHint: string | undefined) => mobileHint === '?1' || /Mobi/i.test(userAgent ?? '');
/**
 * Only a page the browser opens in a tab reads HubSpot: another site's <img src> or no-cors fetch of /calls
 * (which it could never read), or a HEAD (a monitor), gets the plain app, so it cannot spend the account's HubSpot
 * rate limits.
 */
const isDocument = (dest: string | undefined) => dest === undefined || dest === 'document';

/** index.html split around its empty #root, read again when the build changes. */
function templateReader(file: string): () => [string, string] | null {
  let cached: { mtimeMs: number; parts: [string, string] | null } | undefined;
  return () => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return null;
    if (cached?.mtimeMs !== stat.mtimeMs) {
      const html = readFileSync(file, 'utf8');
      const at = html.indexOf(ROOT_ELEMENT);
      cached = { mtimeMs: stat.mtimeMs, parts: at < 0 ? null : [html.slice(0, at), html.slice(at + ROOT_ELEMENT.length)] };
    }
    return cached.parts;
  };
}

/** The build's renderer (dist/.ssr/entry-server.js), loaded once; null without one. */
function buildRenderer(distDir: string, fetchInProcess: ServerRenderingOptions['fetch']): () => Promise<PageRenderer | null> {
  let loaded: Promise<PageRenderer | null> | undefined;
  return () => {
    loaded ??= (async () => {
      const file = path.join(distDir, SSR_DIR, 'entry-server.js');
      if (!existsSync(file)) return null;
      const mod = (await import(pathToFileURL(file).href)) as { createPageRenderer?: unknown };
      if (typeof mod.createPageRenderer !== 'function') return null;
      return (mod.createPageRenderer as (f: typeof fetch) => PageRenderer)((url, init) => Promise.resolve(fetchInProcess(new Request(url, init))));
    })();
    return loaded;
  };
}

function plainStream(head: string, rest: Promise<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(head));
      controller.enqueue(encoder.encode(await rest));
      controller.close();
    },
  });
}

/** Gzipped (the page with its data is about 200 KB, 25 KB gzipped), the head flushed on its own so it still goes out at once. */
function gzipStream(head: string, rest: Promise<string>): ReadableStream<Uint8Array> {
  const gzip = createGzip();
  gzip.write(head);
  gzip.flush(zlibConstants.Z_SYNC_FLUSH, () => undefined);
  void rest.then((text) => gzip.end(text));
  return Readable.toWeb(gzip) as ReadableStream<Uint8Array>;
}

export function serverRenderedPages(opts: ServerRenderingOptions): MiddlewareHandler {
  const template = templateReader(path.join(opts.distDir, 'index.html'));
  const loadRenderer = opts.loadRenderer ?? buildRenderer(opts.distDir, opts.fetch);
  const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  return async (c, next) => {
    const parts = template();
    const opening = c.req.method === 'GET' && isDocument(c.req.header('sec-fetch-dest'));
    if (!parts || !opening || isPhone(c.req.header('user-agent'), c.req.header('sec-ch-ua-mobile'))) return next();
    const renderer = await loadRenderer().catch((error: unknown) => {
      opts.log?.(`Server rendering is off: its renderer did not load (${error instanceof Error ? error.message : String(error)}).`);
      return null;
    });
    if (!renderer) return next();
    const url = new URL(c.req.url);
    const timeZone = knownTimeZone(getCookie(c, TIME_ZONE_COOKIE));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const page = Promise.race([
      renderer(url, timeZone).catch((error: unknown) => {
        opts.log?.(`Could not render ${url.pathname} on the server: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), budgetMs))),
    ]).finally(() => clearTimeout(timer));
    const [head, tail] = parts;
    const rest = page.then((rendered: RenderedPage | null) => (rendered ? `<div id="${SERVER_PAGE_ROOT_ID}">${rendered.html}</div>${rendered.stateElement}` : ROOT_ELEMENT) + tail);
    // The page holds the account's data: never kept by a cache.
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', vary: 'accept-encoding' };
    if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(plainStream(head, rest), 200, headers);
    return c.body(gzipStream(head, rest), 200, { ...headers, 'content-encoding': 'gzip' });
  };
}
