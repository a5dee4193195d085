/**
 * The /hubspot proxy: one implementation for `npm run dev` and `npm start` (mounted by app.ts).
 *
 * The browser calls `/hubspot/<HubSpot path>` on its own origin. This module forwards an allowlist of
 * methods and paths (allowlist.ts) to HubSpot (or the embedded mock), adds the access token on the server
 * side, drops the browser's credentials, passes statuses, bodies (byte for byte) and rate-limit headers
 * through, and answers 403/413/415/502/504 itself in HubSpot's error shape. `GET /hubspot-connection`
 * tells the UI where calls go, which HubSpot API version (path family) to speak, and what the credential
 * check found (credential.ts; `POST /hubspot-connection/check` checks again). The token stays out of what
 * the browser gets by construction: it is only
 * ever written into the upstream request, and only allowlisted response headers come back.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiVersion } from '../src/api/hubspot-paths.ts';
import { createAllowlist } from './allowlist.ts';
import type { UpstreamConfig } from './config.ts';
import type { CredentialCheck, CredentialReport } from './credential.ts';
import { repeatSummarizingLog } from './log.ts';
import type { LogLine } from './log.ts';

export const PROXY_PREFIX = '/hubspot';
const CONNECTION_PATH = '/hubspot-connection';

export interface Upstream {
  mode: 'mock' | 'hubspot';
  /** Shown to the UI: HubSpot's host, or "embedded" for the in-process mock. */
  host: string;
  /** Origin + optional base path the HubSpot path is appended to. */
  baseUrl: string;
  token?: string;
  fetch: (request: Request) => Promise<Response>;
  close?: () => void;
}

export interface ProxyOptions {
  upstream: Upstream;
  /** The HubSpot API family the app speaks; the proxy forwards only that family's requests. */
  apiVersion: ApiVersion;
  /** No answer within this time: 504. Default 30 s. */
  timeoutMs?: number;
  /** Largest request body forwarded; larger ones are refused while they arrive. Default 2 MB. */
  maxBodyBytes?: number;
  /** Receives a line per failed or refused request (repeats summarised); never the token. */
  log?: LogLine;
  /** The credential check whose report `/hubspot-connection` includes (none: no token to check). */
  credential?: CredentialCheck;
}

/** How long `GET /hubspot-connection` waits for a check under way before answering "checking". */
const CREDENTIAL_WAIT_MS = 2000;

// ---------------------------------------------------------------------------------------------
// Errors in HubSpot's shape: status "error", message, correlationId, category.

function hubspotErrorResponse(status: number, category: string, message: string, extraHeaders?: Record<string, string>): Response {
  const body = { status: 'error', message, correlationId: randomUUID(), category };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=utf-8', 'cache-control': 'no-store', ...extraHeaders },
  });
}

// ---------------------------------------------------------------------------------------------
// Headers

/** Browser request headers that are forwarded; everything else (Authorization, Cookie, ...) is dropped. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type'];
/** Upstream response headers passed to the browser, by exact name; nothing else (Set-Cookie, echoes) ever is. */
const FORWARDED_RESPONSE_HEADERS = new Set([
  'content-type',
  'retry-after',
  'x-hubspot-correlation-id',
  'x-hubspot-ratelimit-daily',
  'x-hubspot-ratelimit-daily-remaining',
  'x-hubspot-ratelimit-interval-milliseconds',
  'x-hubspot-ratelimit-max',
  'x-hubspot-ratelimit-remaining',
  'x-hubspot-ratelimit-secondly',
  'x-hubspot-ratelimit-secondly-remaining',
]);
const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Why a fetch failed, as an errno-style code (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET), or undefined. */
export function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e; depth += 1) {
    if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(e.code)) return e.code;
    e = typeof e === 'object' && e !== null && 'cause' in e ? e.cause : undefined;
  }
  return undefined;
}

/** Failures to connect: the request never reached HubSpot. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Rejects with the signal's reason once it aborts (for upstreams, like the in-process mock, that do not watch it). */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
}

// ---------------------------------------------------------------------------------------------
// Guards (app.ts applies them; the proxy's paths always get the same-origin one)

/** Whether an Origin header names this server (scheme ignored: a TLS-terminating reverse proxy changes it). */
function isOwnOrigin(c: Context, origin: string): boolean {
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  const hosts = [c.req.header('host'), c.req.header('x-forwarded-host')?.split(',')[0]?.trim(), new URL(c.req.url).host];
  return hosts.some((h) => h !== undefined && h.toLowerCase() === originHost);
}

/** Another website must not drive the proxy, or change anything, from a user's browser (CSRF). */
export const sameOriginGuard: MiddlewareHandler = async (c, next) => {
  const fetchSite = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  if ((fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') || (origin && !isOwnOrigin(c, origin))) {
    return hubspotErrorResponse(403, 'FORBIDDEN', 'Cross-site requests to the HubSpot proxy are not allowed.');
  }
  return next();
};

/** DNS-rebinding guard: only requests addressed to one of `allowedHosts()` (undefined: any) are answered. */
export function hostGuard(allowedHosts: () => readonly string[] | undefined): MiddlewareHandler {
  return async (c, next) => {
    const hosts = allowedHosts()?.map((h) => h.toLowerCase());
    if (hosts && !hosts.includes((c.req.header('host') ?? '').toLowerCase())) {
      return hubspotErrorResponse(403, 'FORBIDDEN', `This server only answers requests addressed to ${hosts.join(' or ')}.`);
    }
    return next();
  };
}

// ---------------------------------------------------------------------------------------------

export function createProxyApp(options: ProxyOptions): Hono {
  const { upstream, apiVersion } = options;
  const { isAllowed, bodyRefusal } = createAllowlist(apiVersion);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const token = upstream.token;
  const write = options.log ?? (() => {});
  const report = repeatSummarizingLog(write);
  const app = new Hono();

  app.use(CONNECTION_PATH, sameOriginGuard);
  app.use(`${CONNECTION_PATH}/check`, sameOriginGuard);
  app.use(`${PROXY_PREFIX}/*`, sameOriginGuard);

  const { credential } = options;
  const connection = (report?: CredentialReport) => ({ mode: upstream.mode, host: upstream.host, apiVersion, ...(report ? { credential: report } : {}) });
  app.get(CONNECTION_PATH, async (c) => {
    c.header('cache-control', 'no-store');
    return c.json(connection(await credential?.current(CREDENTIAL_WAIT_MS)));
  });
  // "Check again" in the UI: a new check (or the one under way), answered when it is done.
  app.post(`${CONNECTION_PATH}/check`, async (c) => {
    c.header('cache-control', 'no-store');
    return c.json(connection(await credential?.run()));
  });

  const tooLarge = () => hubspotErrorResponse(413, 'PAYLOAD_TOO_LARGE', `Request bodies are limited to ${maxBodyBytes} bytes.`);
  // Counts while the body arrives (chunked or not) and stops reading at the limit.
  app.use(`${PROXY_PREFIX}/*`, bodyLimit({ maxSize: maxBodyBytes, onError: tooLarge }));

  app.all(`${PROXY_PREFIX}/*`, async (c) => {
    const started = Date.now();
    const method = c.req.method.toUpperCase();
    const url = new URL(c.req.url);
    const hubspotPath = url.pathname.slice(PROXY_PREFIX.length);
    const label = `${method} ${hubspotPath}`;

    if (!isAllowed(method, hubspotPath)) {
      report(`[proxy] refused ${label} (not on the allowlist)`, `[proxy] refused ${label} (not on the allowlist)`);
      return hubspotErrorResponse(
        403,
        'FORBIDDEN',
        `The proxy does not forward ${method} ${hubspotPath}: only the HubSpot endpoints this app uses are allowed.`,
      );
    }

    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value) headers.set(name, value);
    }
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    if (token) headers.set('authorization', `Bearer ${token}`);
    headers.set('user-agent', 'hubspot-calls-admin-proxy');

    let body: ArrayBuffer | undefined;
    if (BODY_METHODS.has(method)) {
      body = await c.req.arrayBuffer();
      if (body.byteLength > maxBodyBytes) return tooLarge();
      if (body.byteLength > 0 && !/^application\/json\b/i.test(headers.get('content-type') ?? '')) {
        return hubspotErrorResponse(415, 'UNSUPPORTED_MEDIA_TYPE', 'The proxy only forwards JSON request bodies (Content-Type: application/json).');
      }
      const refusal = bodyRefusal(method, hubspotPath, new TextDecoder().decode(body));
      if (refusal) {
        report(`[proxy] refused ${label}: ${refusal}`, `[proxy] refused ${label}: ${refusal}`);
        return hubspotErrorResponse(403, 'FORBIDDEN', refusal);
      }
      if (body.byteLength === 0) body = undefined;
    }

    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([deadline, c.req.raw.signal]);
    const target = `${upstream.baseUrl}${hubspotPath}${url.search}`;
    let res: Response;
    let bytes: ArrayBuffer;
    try {
      const exchange = async () => {
        const answer = await upstream.fetch(new Request(target, { method, headers, body: body ?? null, signal, redirect: 'manual' }));
        return { answer, bytes: await answer.arrayBuffer() };
      };
      ({ answer: res, bytes } = await Promise.race([exchange(), untilAborted(signal)]));
    } catch (error) {
      if (deadline.aborted) {
        report(`[proxy] 504: no answer from ${upstream.host} within ${timeoutMs} ms`, `[proxy] ${label} → 504 after ${Date.now() - started} ms (no answer from ${upstream.host})`);
        return hubspotErrorResponse(504, 'GATEWAY_TIMEOUT', `HubSpot (${upstream.host}) did not answer within ${Math.round(timeoutMs / 1000)} s. The request may or may not have been applied.`);
      }
      if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
      // Only an errno-style code is shown: a free-text error message could quote a request header.
      const code = errorCode(error);
      report(`[proxy] 502: could not reach ${upstream.host} (${code ?? 'network error'})`, `[proxy] ${label} → 502 (${code ?? 'network error'})`);
      // A failed connect sent nothing (BAD_GATEWAY); any other failure may have been applied (UPSTREAM_CONNECTION_LOST).
      if (code && NOT_SENT_CODES.has(code)) return hubspotErrorResponse(502, 'BAD_GATEWAY', `Could not reach HubSpot (${upstream.host}): ${code}.`);
      return hubspotErrorResponse(502, 'UPSTREAM_CONNECTION_LOST', `The connection to HubSpot (${upstream.host}) failed${code ? ` (${code})` : ''}. The request may or may not have been applied.`);
    }

    const outHeaders = new Headers({ 'cache-control': 'no-store' });
    res.headers.forEach((value, name) => {
      if (FORWARDED_RESPONSE_HEADERS.has(name.toLowerCase())) outHeaders.set(name, value);
    });
    if (res.status >= 300 && res.status < 400) {
      // Following a redirect could leak the token to another host; the app never needs one.
      report(`[proxy] upstream redirect ${res.status} refused`, `[proxy] ${label} → upstream redirect ${res.status} refused`);
      return hubspotErrorResponse(502, 'BAD_GATEWAY', `HubSpot (${upstream.host}) answered with a redirect (${res.status}), which the proxy does not follow.`);
    }
    if (res.status >= 500) report(`[proxy] ${res.status} from ${upstream.host}`, `[proxy] ${label} → ${res.status} from ${upstream.host} (${Date.now() - started} ms)`);
    return new Response(NULL_BODY_STATUSES.has(res.status) ? null : bytes, { status: res.status, headers: outHeaders });
  });

  return app;
}

// ---------------------------------------------------------------------------------------------
// Upstreams

/** The HubSpot API (or any HubSpot-compatible base URL) over HTTP. */
export function httpUpstream(baseUrl: string, token?: string): Upstream {
  return {
    mode: 'hubspot',
    host: new URL(baseUrl).host,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    ...(token ? { token } : {}),
    fetch: (request) => fetch(request),
  };
}

/**
 * The mock in this process: its Hono app is called through `app.fetch` without a socket. It gets a random
 * per-process token that the proxy injects like a real one, so the mock checks the same auth path.
 */
export async function embeddedMockUpstream(opts: {
  dbFile: string;
  seedCalls?: number;
  scopes?: string[];
  batchMode?: 'atomic' | 'per-item';
  searchLagMs?: number;
  customCallLabels?: boolean;
}): Promise<Upstream> {
  const [{ openMockDb }, { createMockApp }, { KNOWN_SCOPES }] = await Promise.all([
    import('./mock/store/index.ts'),
    import('./mock/app.ts'),
    import('./mock/scopes.ts'),
  ]);
  const unknownScopes = opts.scopes?.filter((s) => !KNOWN_SCOPES.includes(s)) ?? [];
  if (unknownScopes.length) throw new Error(`MOCK_SCOPES names unknown scopes: ${unknownScopes.join(', ')}. Known: ${KNOWN_SCOPES.join(', ')}.`);
  if (opts.dbFile !== ':memory:') mkdirSync(path.dirname(opts.dbFile), { recursive: true });
  const db = openMockDb({
    file: opts.dbFile,
    seed: 'demo',
    ...(opts.seedCalls ? { seedCalls: opts.seedCalls } : {}),
    customCallLabels: opts.customCallLabels ?? false,
  });
  const token = `mock-${randomBytes(18).toString('base64url')}`;
  const mockApp = createMockApp({
    db,
    token,
    ...(opts.scopes ? { scopes: opts.scopes } : {}),
    batchMode: opts.batchMode ?? 'atomic',
    searchLagMs: opts.searchLagMs ?? 0,
  });
  return {
    mode: 'mock',
    host: 'embedded',
    baseUrl: 'http://hubspot-mock.internal',
    token,
    fetch: async (request) => mockApp.fetch(request),
    close: () => db.close(),
  };
}

export function createUpstream(config: UpstreamConfig): Promise<Upstream> {
  if (config.mode === 'hubspot') return Promise.resolve(httpUpstream(config.baseUrl, config.token));
  return embeddedMockUpstream(config);
}

/** The Host headers a loopback server answers to (guards against DNS rebinding); undefined for other hosts. */
export function loopbackHostHeaders(host: string, port: number, isLoopback: boolean): string[] | undefined {
  if (!isLoopback) return undefined;
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') names.push(host.includes(':') ? `[${host}]` : host);
  return names.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`]));
}
