import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { systemClock, type Clock } from './clock.js';
import { MockError, internalError } from './crm/errors.js';
import type { BatchMode, CrmContext } from './crm/objects.js';
import {
  associationBatchRoutes,
  associationLabelRoutes,
  associationRecordRoutes,
  associationV3Routes,
  objectAssociationV3Routes,
} from './routes/associations.js';
import { accountInfoRoutes } from './routes/account.js';
import { batchRoutes } from './routes/batch.js';
import { ReadCache } from './routes/cache.js';
import { DATED_FAMILIES, LEGACY } from './routes/family.js';
import { JSON_CONTENT_TYPE, limitBody, type MockEnv } from './routes/http.js';
import { dispositionBetaRoutes, dispositionRoutes, ownerRoutes, propertyRoutes } from './routes/metadata.js';
import { objectRoutes } from './routes/objects.js';
import { searchRoutes } from './routes/search.js';
import { transcriptRoutes } from './routes/transcripts.js';
import { missingScope, missingScopesBody } from './scopes.js';
import type { MockDb } from './store/db.js';

export interface MockAppOptions {
  db: MockDb;
  /** The only bearer token accepted; without it any non-empty bearer token is accepted. */
  token?: string;
  clock?: Clock;
  /** Enforce HubSpot's limits (429); headers are sent either way. */
  rateLimit?: boolean;
  /** Delay before every response (ms). */
  latencyMs?: number;
  /** Probability (0..1) of answering 502/503 instead of handling a request. */
  failRate?: number;
  /** Random source for failRate (tests pass a deterministic one). */
  random?: () => number;
  /**
   * Where a bug of the mock (an unexpected exception, answered 500) is reported: one line with
   * the correlation id, method, path and stack; never a body or a header (default: stderr).
   */
  log?: (line: string) => void;
  /**
   * Reuse serialised answers of list, read-by-id and search until the next write (default
   * true). Off, every read is computed (cold benchmarks, `--no-read-cache`).
   */
  readCache?: boolean;
  /**
   * The scopes the credential was granted (scopes.ts): a request needing another one gets
   * HubSpot's 403 MISSING_SCOPES. Default: every scope.
   */
  scopes?: readonly string[];
  /**
   * Whether this app is allowlisted for HubSpot's dispositions beta (`/crm/extensions/calling/2027-03-beta/
   * dispositions`; default true). Off, the beta answers 403 and clients fall back to `/calling/v1/dispositions`.
   */
  dispositionsBeta?: boolean;
  /**
   * 'atomic' (default, as HubSpot): one bad input refuses a whole batch create/update/upsert and
   * nothing is applied. 'per-item': the good inputs are applied, the bad ones reported (207).
   */
  batchMode?: BatchMode;
  /** How long (ms) a write takes to reach search, as in HubSpot's eventually consistent search (default 0). */
  searchLagMs?: number;
  /**
   * Associations per input in one page of the v4 batch read (default HubSpot's, 500: crm/associations.ts);
   * smaller only for tests that need a record with more associations than a page.
   */
  associationPageSize?: number;
}

/** HubSpot's documented limits (Professional/Enterprise private apps). */
export const RATE_LIMITS = {
  intervalMs: 10_000,
  max: 190,
  secondly: 19,
  searchPerSecond: 5,
  daily: 1_000_000,
} as const;

type Vars = MockEnv;

class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }
  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perMs);
      this.last = now;
    } else if (now < this.last) {
      this.last = now; // clock moved backwards (tests): just restart from here
    }
  }
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }
  remaining(now: number): number {
    this.refill(now);
    return Math.max(0, Math.floor(this.tokens));
  }
  /** Seconds until one token is available. */
  retryAfter(now: number): number {
    this.refill(now);
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perMs / 1000));
  }
}

const DAILY = String(RATE_LIMITS.daily);
const INTERVAL_MS = String(RATE_LIMITS.intervalMs);
const MAX = String(RATE_LIMITS.max);
const SECONDLY = String(RATE_LIMITS.secondly);

/**
 * The correlation id and HubSpot's rate-limit headers, which every answer carries. Set on the
 * context before any response exists, so every response (handler, error, 401/429/5xx) is
 * created with them: no copying a finished response.
 */
function setLimitHeaders(c: Context<Vars>, correlationId: string, dailyUsed: number, remaining: number): void {
  c.header('X-HubSpot-Correlation-Id', correlationId);
  c.header('X-HubSpot-RateLimit-Daily', DAILY);
  c.header('X-HubSpot-RateLimit-Daily-Remaining', String(Math.max(0, RATE_LIMITS.daily - dailyUsed)));
  c.header('X-HubSpot-RateLimit-Interval-Milliseconds', INTERVAL_MS);
  c.header('X-HubSpot-RateLimit-Max', MAX);
  c.header('X-HubSpot-RateLimit-Remaining', String(remaining));
  c.header('X-HubSpot-RateLimit-Secondly', SECONDLY);
  c.header('X-HubSpot-RateLimit-Secondly-Remaining', String(Math.min(RATE_LIMITS.secondly, remaining)));
}

function errorBody(c: Context<Vars>, status: number, category: string, message: string, extra: Record<string, unknown> = {}): Response {
  const body = { status: 'error', message, correlationId: c.get('correlationId'), category, ...extra };
  return c.body(JSON.stringify(body), status as 400, { 'Content-Type': JSON_CONTENT_TYPE });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The HubSpot emulator as a Hono app: `app.fetch` (or `app.request` in tests) serves
 * HubSpot's CRM paths from the given store.
 */
export function createMockApp(opts: MockAppOptions): Hono<Vars> {
  const clock = opts.clock ?? systemClock;
  const ctx: CrmContext = {
    db: opts.db,
    clock,
    batchMode: opts.batchMode ?? 'atomic',
    searchLagMs: opts.searchLagMs ?? 0,
    ...(opts.associationPageSize ? { associationPageSize: opts.associationPageSize } : {}),
  };
  const random = opts.random ?? Math.random;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const burst = new TokenBucket(RATE_LIMITS.max, RATE_LIMITS.max / RATE_LIMITS.intervalMs, clock.now());
  const search = new TokenBucket(RATE_LIMITS.searchPerSecond, RATE_LIMITS.searchPerSecond / 1000, clock.now());
  let dailyDay = Math.floor(clock.now() / 86_400_000);
  let dailyUsed = 0;
  const granted = opts.scopes && new Set(opts.scopes);

  const app = new Hono<Vars>();

  app.use('*', async (c, next) => {
    const correlationId = randomUUID();
    c.set('correlationId', correlationId);
    const now = clock.now();
    const day = Math.floor(now / 86_400_000);
    if (day !== dailyDay) {
      dailyDay = day;
      dailyUsed = 0;
    }
    // auth
    const auth = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S.*)$/i.exec(auth.trim());
    const token = m?.[1]?.trim();
    if (!token || (opts.token !== undefined && token !== opts.token)) {
      setLimitHeaders(c, correlationId, dailyUsed, burst.remaining(now));
      return errorBody(
        c,
        401,
        'INVALID_AUTHENTICATION',
        token
          ? 'The access token provided is not valid for this account. Check the Authorization: Bearer header.'
          : 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      );
    }

    // rate limits: search has its own per-second bucket and is exempt from the 10-second one
    const isSearch = c.req.method === 'POST' && c.req.path.endsWith('/search');
    const bucket = isSearch ? search : burst;
    const allowed = bucket.take(now);
    if (allowed || !opts.rateLimit) {
      dailyUsed++;
    } else {
      setLimitHeaders(c, correlationId, dailyUsed, burst.remaining(now));
      c.header('Retry-After', String(bucket.retryAfter(now)));
      const body = isSearch
        ? { message: 'You have reached your secondly limit.', policyName: 'SECONDLY' }
        : { message: 'You have reached your ten_secondly_rolling limit.', policyName: 'TEN_SECONDLY_ROLLING' };
      return c.body(
        JSON.stringify({
          status: 'error',
          message: body.message,
          errorType: 'RATE_LIMIT',
          correlationId,
          policyName: body.policyName,
          requestId: randomUUID(),
        }),
        429,
        { 'Content-Type': JSON_CONTENT_TYPE },
      );
    }

    const lacking = granted && missingScope(c.req.method, c.req.path, granted);
    if (lacking) {
      setLimitHeaders(c, correlationId, dailyUsed, burst.remaining(now));
      const { message, ...extra } = missingScopesBody(lacking);
      return errorBody(c, 403, 'MISSING_SCOPES', message, extra);
    }

    // fault injection (before the handler, so a failed request never writes)
    if (opts.latencyMs && opts.latencyMs > 0) await sleep(opts.latencyMs);
    setLimitHeaders(c, correlationId, dailyUsed, burst.remaining(now));
    if (opts.failRate && opts.failRate > 0 && random() < opts.failRate) {
      const unavailable = random() < 0.5;
      if (unavailable) c.header('Retry-After', '1');
      return unavailable
        ? errorBody(c, 503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable (injected fault). Try again shortly.')
        : errorBody(c, 502, 'BAD_GATEWAY', 'Bad gateway (injected fault). Try again shortly.');
    }

    await next();
  });

  // after authentication, so an unauthenticated upload is never read
  app.on(['POST', 'PUT', 'PATCH'], '*', limitBody);

  // Each sub-app's paths are relative to its mount: another family of HubSpot paths for the
  // same behaviour (e.g. `/crm/objects/2026-09`) is one more mount of the same sub-app, with
  // what its spec says differently as an option (routes/family.ts).
  const cache = (opts.readCache ?? true) ? new ReadCache(opts.db) : undefined;
  const owners = ownerRoutes(ctx);
  const accountInfo = accountInfoRoutes(clock);
  const transcripts = transcriptRoutes(ctx);
  app.route('/crm/v3/objects', objectRoutes(ctx, cache));
  app.route('/crm/v3/objects', searchRoutes(ctx, cache));
  app.route('/crm/v3/objects', batchRoutes(ctx, LEGACY));
  app.route('/crm/v3/objects', objectAssociationV3Routes(ctx));
  app.route('/crm/v4/objects', associationRecordRoutes(ctx, LEGACY));
  app.route('/crm/v4/associations', associationBatchRoutes(ctx, LEGACY));
  app.route('/crm/v4/associations', associationLabelRoutes(ctx, { labelTypeIds: false })); // the official client's labels path
  app.route('/crm/associations/v4', associationLabelRoutes(ctx, LEGACY));
  app.route('/crm/v3/associations', associationV3Routes(ctx));
  app.route('/crm/v3/properties', propertyRoutes(ctx, LEGACY));
  app.route('/crm/v3/owners', owners);
  app.route('/crm/v3/owners/', owners); // the official SDK lists owners at `/crm/v3/owners/`
  app.route('/account-info/v3', accountInfo);
  app.route('/crm/v3/extensions/calling/transcripts', transcripts);
  // date-versioned (`/crm/objects/2026-09/calls`); any other version segment is an unknown route (404)
  for (const [version, family] of Object.entries(DATED_FAMILIES)) {
    app.route(`/crm/objects/${version}`, objectRoutes(ctx, cache));
    app.route(`/crm/objects/${version}`, searchRoutes(ctx, cache));
    app.route(`/crm/objects/${version}`, batchRoutes(ctx, family));
    app.route(`/crm/objects/${version}`, associationRecordRoutes(ctx, family));
    app.route(`/crm/associations/${version}`, associationBatchRoutes(ctx, family));
    app.route(`/crm/associations/${version}`, associationLabelRoutes(ctx, family));
    app.route(`/crm/properties/${version}`, propertyRoutes(ctx, family));
    app.route(`/crm/owners/${version}`, owners);
    app.route(`/account-info/${version}`, accountInfo);
    app.route(`/crm/extensions/calling/${version}/transcripts`, transcripts);
  }
  const dispositions = dispositionRoutes(ctx);
  app.route('/calling/v1/dispositions', dispositions);
  app.route('/twilio/v1/dispositions', dispositions);
  app.route('/crm/extensions/calling/2027-03-beta/dispositions', dispositionBetaRoutes(ctx, { allowlisted: opts.dispositionsBeta ?? true }));

  app.notFound((c) =>
    errorBody(c, 404, 'RESOURCE_NOT_FOUND', `No route for ${c.req.method} ${c.req.path}.`, {
      context: { path: [c.req.path], method: [c.req.method] },
    }),
  );

  // Malformed input is refused by the handlers with a MockError (400 VALIDATION_ERROR, 413, …);
  // anything else that escapes them is a bug of the mock: 500, and logged.
  app.onError((thrown, c) => {
    let err: MockError;
    if (thrown instanceof MockError) {
      err = thrown;
    } else {
      const busy = 'code' in thrown && (thrown.code === 'SQLITE_BUSY' || thrown.code === 'SQLITE_LOCKED');
      if (busy || !opts.db.isOpen) {
        c.header('Retry-After', '1');
        return errorBody(c, 503, 'SERVICE_UNAVAILABLE', busy ? 'The database is busy. Try again shortly.' : 'The mock is shutting down.');
      }
      log(`HubSpot mock: internal error (correlation id ${c.get('correlationId')}) answering ${c.req.method} ${c.req.path}: ${thrown.stack ?? String(thrown)}`);
      err = internalError();
    }
    const extra: Record<string, unknown> = {};
    if (err.errors) extra['errors'] = err.errors;
    if (err.context) extra['context'] = err.context;
    if (err.subCategory) extra['subCategory'] = err.subCategory;
    return errorBody(c, err.status, err.category, err.message, extra);
  });

  return app;
}
