/**
 * Our server's own API under `/api` (not HubSpot: the team's data kept in server/store): same-origin only,
 * small JSON bodies, JSON answers for every outcome (an unknown path is a JSON 404, never the SPA's page).
 * app.ts mounts it behind the host guard and basic auth like everything else.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { LogLine } from '../log.ts';
import { sameOriginGuard } from '../proxy.ts';
import type { AppDb } from '../store/connection.ts';
import { ApiError, errorBody, NO_STORE } from './http.ts';
import { hygieneRoutes, type HygieneSource } from './hygiene.ts';
import type { HygieneScanner } from '../hygiene/scan.ts';
import { JOURNAL_PREFIX_TEST, journalRoutes } from './journal.ts';
import { viewsRoutes } from './views.ts';

const API_PREFIX = '/api';
/** A saved view is a few KB at most; anything bigger is refused while it arrives. */
const MAX_BODY_BYTES = 32 * 1024;

export interface ApiOptions {
  db?: AppDb;
  log?: LogLine;
  /** The basic-auth user name when the server requires a password: the journal's "who". */
  authUser?: string;
  /** Where the hygiene scans read HubSpot (the proxy's upstream and API family); without it no /api/hygiene. */
  hygiene?: HygieneSource;
  /** Receives the scanner (tests and scripts wait for a scan with it). */
  onScanner?: (scanner: HygieneScanner) => void;
}

export function createApiApp(opts: ApiOptions): Hono {
  const app = new Hono().basePath(API_PREFIX);
  // Reads too: the team's views are nobody else's business (state-changing methods are guarded in app.ts as well).
  app.use('*', sameOriginGuard);
  const smallBodies = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(errorBody('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`), 413, NO_STORE),
  });
  // The journal takes larger bodies (a chunk of up to 1,000 calls' values) and sets its own limit.
  app.use('*', (c, next) => (JOURNAL_PREFIX_TEST.test(c.req.path) ? next() : smallBodies(c, next)));
  if (opts.db) app.route('/views', viewsRoutes(opts.db));
  if (opts.db && opts.hygiene) app.route('/hygiene', hygieneRoutes(opts.db, opts.hygiene, opts.onScanner ? { onScanner: opts.onScanner } : {}));
  if (opts.db) app.route('/journal', journalRoutes(opts.db, opts.authUser === undefined ? {} : { authUser: opts.authUser }));
  app.all('*', (c) => c.json(errorBody('NOT_FOUND', `There is no ${c.req.method} ${c.req.path} on this server.`), 404, NO_STORE));

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error.category, error.message, error.errors), error.status, NO_STORE);
    opts.log?.(`[api] ${c.req.method} ${c.req.path} failed: ${error instanceof Error ? error.message : String(error)}`);
    return c.json(errorBody('INTERNAL_ERROR', 'The server could not complete the request. Try again; if it keeps failing, see the server log.'), 500, NO_STORE);
  });
  return app;
}
