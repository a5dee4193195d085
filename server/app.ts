/**
 * The one server app behind `npm start` (serve.ts) and `npm run dev` (dev.ts):
 *
 *   security headers (start) → DNS-rebinding guard → basic auth (ADMIN_PASSWORD) → same-origin guard for
 *   anything that changes state → /hubspot proxy → our own API (/api) → the built app from dist/ (start: the call
 *   list rendered on the server, ssr.ts) or Vite (dev).
 *
 * Page navigations from other sites (a link in an e-mail, a wiki, HubSpot) open the app; only the proxy's
 * paths and state-changing requests must come from the app's own pages.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import { createApiApp } from './api/app.ts';
import { adminAuth } from './auth.ts';
import type { ServerConfig } from './config.ts';
import type { CredentialCheck } from './credential.ts';
import { isLoopbackHost } from './config.ts';
import type { LogLine } from './log.ts';
import type { Upstream } from './proxy.ts';
import { createProxyApp, hostGuard, loopbackHostHeaders, PROXY_PREFIX, sameOriginGuard } from './proxy.ts';
import type { HygieneScanner } from './hygiene/scan.ts';
import { serverRenderedPages } from './ssr.ts';
import type { AppDb } from './store/connection.ts';

/**
 * script-src 'self': only our bundled files run (no inline script; theme-init.js is a file for that reason).
 * style-src 'unsafe-inline': MUI styles through Emotion, which inserts <style> elements at runtime, and MUI
 * components (Popper, transitions) and the call table (its column widths) set style attributes. A nonce would cover Emotion's elements
 * only and would need per-request HTML rewriting. Injected CSS cannot exfiltrate anything because every
 * fetching directive (connect, img, font, media except https recordings) is limited to this origin.
 * media-src https: call recordings are played from HubSpot's https URLs.
 * Not used by `npm run dev`: Vite's hot reload needs inline scripts.
 */
const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    mediaSrc: ["'self'", 'https:'],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xContentTypeOptions: 'nosniff',
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
  // Only the headers above, as before: no HSTS (plain http on loopback), no legacy X- headers.
  strictTransportSecurity: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Hidden files (.build-stamp.json), `..`, NUL: never served. */
function isForbiddenPath(pathname: string): boolean | 'invalid' {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 'invalid';
  }
  return decoded.includes('\0') || decoded.split('/').some((s) => s.startsWith('.'));
}

/**
 * dist/ through Hono's serve-static: the .br/.gz files the build writes beside each file when the browser
 * accepts them, a validator from the file's size and time (one per file whatever the encoding) for hono/etag's
 * 304s, hashed assets cached for a year, everything else revalidated, and the SPA's index.html for client routes.
 */
function builtApp(distDir: string): Hono {
  const site = new Hono();
  const servedFile = new WeakMap<Request, string>();
  site.use('*', etag());
  site.use('*', async (c, next) => {
    const forbidden = isForbiddenPath(c.req.path);
    if (forbidden) return forbidden === 'invalid' ? c.text('Bad Request', 400) : c.text('Not Found', 404);
    await next();
    const served = servedFile.get(c.req.raw);
    if (c.res.status !== 200 || !served) return;
    const file = c.res.headers.has('content-encoding') ? served.slice(0, served.lastIndexOf('.')) : served;
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat) c.res.headers.set('etag', `W/"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`);
    c.res.headers.set('cache-control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
  });
  const found = (file: string, c: Context) => void servedFile.set(c.req.raw, file);
  site.use('*', serveStatic({ root: distDir, precompressed: true, onFound: found }));
  const index = serveStatic({ root: distDir, path: 'index.html', precompressed: true, onFound: found });
  const spaFallback: MiddlewareHandler = async (c, next) => {
    // Missing files (a stale chunk, a typo'd asset) are 404s; any other path is a client route of the SPA.
    if (c.req.path.startsWith('/assets/') || path.extname(c.req.path)) return c.text('Not Found', 404);
    return index(c, next);
  };
  site.get('*', spaFallback);
  site.get('*', (c) => c.text('The app is not built: dist/index.html is missing.', 503));
  site.all('*', (c) => c.text('Method Not Allowed', 405, { allow: 'GET, HEAD' }));
  return site;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ServerAppOptions {
  config: ServerConfig;
  upstream: Upstream;
  /** Our own store (server/store) behind /api; without it /api has no routes (JSON 404s). */
  appDb?: AppDb;
  /** `npm start`: serve the built app from this folder, with the security headers. */
  distDir?: string;
  /** `npm run dev`: answers every path the proxy does not (Vite's middleware). */
  devServer?: MiddlewareHandler;
  log?: LogLine;
  /** The credential check reported at `/hubspot-connection` (credential.ts). */
  credential?: CredentialCheck;
  /** Receives the hygiene scanner (tests and scripts wait for a scan with it). */
  onScanner?: (scanner: HygieneScanner) => void;
  /** Clock of the sign-in throttle (tests). */
  now?: () => number;
}

export function createServerApp(opts: ServerAppOptions): Hono {
  const { config } = opts;
  const app = new Hono();

  if (opts.distDir) app.use('*', securityHeaders);
  // Read per request: with PORT=0 the real port is only known once listening (serve.ts updates config.port).
  app.use('*', hostGuard(() => loopbackHostHeaders(config.host, config.port, isLoopbackHost(config.host))));
  if (config.adminPassword) {
    app.use('*', adminAuth({ user: config.adminUser, password: config.adminPassword, ...(opts.log ? { log: opts.log } : {}), ...(opts.now ? { now: opts.now } : {}) }));
  }
  app.use('*', (c, next) => (SAFE_METHODS.has(c.req.method) ? next() : sameOriginGuard(c, next)));

  app.use(`${PROXY_PREFIX}/*`, compress());
  const proxy = createProxyApp({
    upstream: opts.upstream,
    apiVersion: config.apiVersion,
    timeoutMs: config.timeoutMs,
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.credential ? { credential: opts.credential } : {}),
  });
  app.route('/', proxy);
  app.route(
    '/',
    createApiApp({
      ...(opts.appDb ? { db: opts.appDb } : {}),
      ...(opts.log ? { log: opts.log } : {}),
      ...(config.adminPassword ? { authUser: config.adminUser } : {}),
      hygiene: { upstream: opts.upstream, apiVersion: config.apiVersion },
      ...(opts.onScanner ? { onScanner: opts.onScanner } : {}),
    }),
  );

  if (opts.distDir) {
    app.get('/calls', serverRenderedPages({ distDir: opts.distDir, fetch: (request) => proxy.fetch(request), ...(opts.log ? { log: opts.log } : {}) }));
    app.route('/', builtApp(opts.distDir));
  }
  else if (opts.devServer) app.use('*', opts.devServer);
  return app;
}
