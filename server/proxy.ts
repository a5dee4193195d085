/**
 * The /hubspot proxy: one implementation for `npm run dev` and `npm start`.
 *
 * The browser calls `/hubspot/<HubSpot path>` on its own origin. This module forwards an allowlist of
 * methods and paths to HubSpot (or the embedded mock), adds the access token on the server side, drops
 * the browser's credentials, passes statuses, error bodies and rate-limit headers through, and answers
 * 403/502/504 itself in HubSpot's error shape. `GET /hubspot-connection` tells the UI where calls go.
 * The token never leaves this process: not in responses, not in logs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { UpstreamConfig } from './config.ts';

export const PROXY_PREFIX = '/hubspot';
export const CONNECTION_PATH = '/hubspot-connection';

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
  /** No answer within this time: 504. Default 30 s. */
  timeoutMs?: number;
  /** Accepted Host headers (DNS-rebinding guard for loopback servers); undefined accepts any. A function is read per request. */
  allowedHosts?: readonly string[] | (() => readonly string[] | undefined);
  /** Largest request body forwarded. Default 2 MB. */
  maxBodyBytes?: number;
  /** Receives one line per failed or refused request; the token is redacted from every line. */
  log?: (line: string) => void;
}

// ---------------------------------------------------------------------------------------------
// Allowlist: exactly the HubSpot endpoints the app uses.

const RECORD = '(?:contacts|companies|deals|tickets)';
const OBJECT = '(?:calls|contacts|companies|deals|tickets)';
const ID = '[^/]+';
/** v4 associations always have a call on one side. */
const PAIR = `(?:calls/${RECORD}|${RECORD}/calls)`;
const OBJECT_PAIR = `(?:calls/${ID}/associations/${RECORD}|${RECORD}/${ID}/associations/calls)`;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const rules: readonly { methods: readonly Method[]; pattern: RegExp }[] = [
  // Calls: list, create, read, update, archive, search, batch.
  { methods: ['GET', 'POST'], pattern: /^\/crm\/v3\/objects\/calls$/ },
  { methods: ['GET', 'PATCH', 'DELETE'], pattern: new RegExp(`^/crm/v3/objects/calls/${ID}$`) },
  { methods: ['POST'], pattern: /^\/crm\/v3\/objects\/calls\/batch\/(?:read|create|update|archive)$/ },
  // Records the calls link to: list/search/read, batch read, update (pinning a call).
  { methods: ['GET'], pattern: new RegExp(`^/crm/v3/objects/${RECORD}$`) },
  { methods: ['GET', 'PATCH'], pattern: new RegExp(`^/crm/v3/objects/${RECORD}/${ID}$`) },
  { methods: ['POST'], pattern: new RegExp(`^/crm/v3/objects/${RECORD}/batch/read$`) },
  { methods: ['POST'], pattern: new RegExp(`^/crm/v3/objects/${OBJECT}/search$`) },
  // v4 associations between a call and a record, and their labels (both published paths).
  { methods: ['GET'], pattern: new RegExp(`^/crm/v4/objects/${OBJECT_PAIR}$`) },
  { methods: ['PUT', 'DELETE'], pattern: new RegExp(`^/crm/v4/objects/${OBJECT_PAIR}/${ID}$`) },
  { methods: ['PUT'], pattern: new RegExp(`^/crm/v4/objects/(?:calls/${ID}/associations/default/${RECORD}|${RECORD}/${ID}/associations/default/calls)/${ID}$`) },
  { methods: ['POST'], pattern: new RegExp(`^/crm/v4/associations/${PAIR}/batch/(?:read|create|archive|labels/archive)$`) },
  { methods: ['GET'], pattern: new RegExp(`^/crm/v4/associations/${PAIR}/labels$`) },
  { methods: ['GET'], pattern: new RegExp(`^/crm/associations/v4/${PAIR}/labels$`) },
  // Metadata: property definitions (read only), owners, call dispositions.
  { methods: ['GET'], pattern: new RegExp(`^/crm/v3/properties/${OBJECT}(?:/groups|/${ID})?$`) },
  { methods: ['POST'], pattern: new RegExp(`^/crm/v3/properties/${OBJECT}/batch/read$`) },
  { methods: ['GET'], pattern: new RegExp(`^/crm/v3/owners(?:/${ID})?$`) },
  { methods: ['GET'], pattern: /^\/calling\/v1\/dispositions$/ },
  // The account's portal id and app domain, for links from records to their pages in HubSpot.
  { methods: ['GET'], pattern: /^\/account-info\/v3\/details$/ },
];

/** Paths that could escape the pattern after normalisation upstream are refused outright. */
function isSuspiciousPath(rawPath: string): boolean {
  if (rawPath.includes('//') || rawPath.includes('\\')) return true;
  if (/%(?:2f|5c|2e|00)/i.test(rawPath)) return true;
  return rawPath.split('/').some((segment) => segment === '.' || segment === '..');
}

/** `rawPath` is the HubSpot path exactly as the browser sent it (still percent-encoded), without the query. */
export function isAllowed(method: string, rawPath: string): boolean {
  if (isSuspiciousPath(rawPath)) return false;
  return rules.some((rule) => (rule.methods as readonly string[]).includes(method) && rule.pattern.test(rawPath));
}

// ---------------------------------------------------------------------------------------------
// Errors in HubSpot's shape: status "error", message, correlationId, category.

export function hubspotErrorResponse(status: number, category: string, message: string, extraHeaders?: Record<string, string>): Response {
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
/** Upstream response headers passed to the browser; Set-Cookie and the like never are. */
function isForwardedResponseHeader(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'content-type' || n === 'retry-after' || n === 'x-hubspot-correlation-id' || n.startsWith('x-hubspot-ratelimit-');
}
const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The most specific reason a fetch failed: an errno code (ECONNREFUSED, ENOTFOUND) or the innermost message. */
function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  let innermost: string | undefined;
  for (let depth = 0; depth < 4 && e; depth += 1) {
    if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
    if (depth > 0 && e instanceof Error && e.message) innermost = e.message;
    e = typeof e === 'object' && e !== null && 'cause' in e ? e.cause : undefined;
  }
  return innermost;
}

/** Failures to connect: the request never reached HubSpot. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

class TimeoutError extends Error {}

/** Resolves or rejects with `work`, or rejects with TimeoutError / the abort reason first. */
function withDeadline<T>(work: Promise<T>, timeoutMs: number, clientSignal: AbortSignal | undefined, controller: AbortController): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const err = new TimeoutError(`no answer in ${timeoutMs} ms`);
      controller.abort(err);
      reject(err);
    }, timeoutMs);
    const onClientAbort = () => {
      controller.abort(clientSignal?.reason);
      reject(new Error('client went away'));
    };
    clientSignal?.addEventListener('abort', onClientAbort, { once: true });
    work.then(
      (value) => {
        clearTimeout(timer);
        clientSignal?.removeEventListener('abort', onClientAbort);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        clientSignal?.removeEventListener('abort', onClientAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

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

// ---------------------------------------------------------------------------------------------

export function createProxyApp(options: ProxyOptions): Hono {
  const { upstream } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const token = upstream.token;
  const redact = (text: string): string => (token ? text.split(token).join('[redacted]') : text);
  const log = (line: string) => options.log?.(redact(line));
  const allowedHostsNow = (): string[] | undefined => {
    const hosts = typeof options.allowedHosts === 'function' ? options.allowedHosts() : options.allowedHosts;
    return hosts?.map((h) => h.toLowerCase());
  };
  const app = new Hono();

  // Same-origin guard: another website must not drive the proxy from a user's browser (CSRF, DNS rebinding).
  app.use('*', async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    const allowedHosts = allowedHostsNow();
    if (allowedHosts && !allowedHosts.includes(host)) {
      return hubspotErrorResponse(403, 'FORBIDDEN', `This server only answers requests addressed to ${allowedHosts.join(' or ')}.`);
    }
    const fetchSite = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    if ((fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') || (origin && !isOwnOrigin(c, origin))) {
      return hubspotErrorResponse(403, 'FORBIDDEN', 'Cross-site requests to the HubSpot proxy are not allowed.');
    }
    return next();
  });

  app.get(CONNECTION_PATH, (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ mode: upstream.mode, host: upstream.host });
  });

  app.all(`${PROXY_PREFIX}/*`, async (c) => {
    const started = Date.now();
    const method = c.req.method.toUpperCase();
    const url = new URL(c.req.url);
    const hubspotPath = url.pathname.slice(PROXY_PREFIX.length);
    const label = `${method} ${hubspotPath}`;

    if (!isAllowed(method, hubspotPath)) {
      log(`[proxy] refused ${label} (not on the allowlist)`);
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
      const declared = Number(c.req.header('content-length') ?? '0');
      if (declared > maxBodyBytes) return hubspotErrorResponse(413, 'PAYLOAD_TOO_LARGE', `Request bodies are limited to ${maxBodyBytes} bytes.`);
      body = await c.req.arrayBuffer();
      if (body.byteLength > maxBodyBytes) return hubspotErrorResponse(413, 'PAYLOAD_TOO_LARGE', `Request bodies are limited to ${maxBodyBytes} bytes.`);
      if (body.byteLength > 0 && !/^application\/json\b/i.test(headers.get('content-type') ?? '')) {
        return hubspotErrorResponse(415, 'UNSUPPORTED_MEDIA_TYPE', 'The proxy only forwards JSON request bodies (Content-Type: application/json).');
      }
      if (body.byteLength === 0) body = undefined;
    }

    const controller = new AbortController();
    const target = `${upstream.baseUrl}${hubspotPath}${url.search}`;
    let status: number;
    let responseHeaders: Headers;
    let text: string;
    try {
      const exchange = async () => {
        const res = await upstream.fetch(
          new Request(target, { method, headers, body: body ?? null, signal: controller.signal, redirect: 'manual' }),
        );
        return { res, text: await res.text() };
      };
      const answer = await withDeadline(exchange(), timeoutMs, c.req.raw.signal, controller);
      status = answer.res.status;
      responseHeaders = answer.res.headers;
      text = answer.text;
    } catch (error) {
      if (error instanceof TimeoutError) {
        log(`[proxy] ${label} → 504 after ${Date.now() - started} ms (no answer from ${upstream.host})`);
        return hubspotErrorResponse(504, 'GATEWAY_TIMEOUT', `HubSpot (${upstream.host}) did not answer within ${Math.round(timeoutMs / 1000)} s. The request may or may not have been applied.`);
      }
      if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
      const code = errorCode(error);
      log(`[proxy] ${label} → 502 (${code ?? (error instanceof Error ? error.message : 'error')})`);
      // A failed connect sent nothing (BAD_GATEWAY); any other failure may have been applied (UPSTREAM_CONNECTION_LOST).
      if (code && NOT_SENT_CODES.has(code)) return hubspotErrorResponse(502, 'BAD_GATEWAY', `Could not reach HubSpot (${upstream.host}): ${code}.`);
      return hubspotErrorResponse(502, 'UPSTREAM_CONNECTION_LOST', `The connection to HubSpot (${upstream.host}) failed${code ? ` (${code})` : ''}. The request may or may not have been applied.`);
    }

    const outHeaders = new Headers({ 'cache-control': 'no-store' });
    responseHeaders.forEach((value, name) => {
      if (isForwardedResponseHeader(name) && !(token && value.includes(token))) outHeaders.set(name, value);
    });
    if (status >= 300 && status < 400) {
      // Following a redirect could leak the token to another host; the app never needs one.
      log(`[proxy] ${label} → upstream redirect ${status} refused`);
      return hubspotErrorResponse(502, 'BAD_GATEWAY', `HubSpot (${upstream.host}) answered with a redirect (${status}), which the proxy does not follow.`);
    }
    if (status >= 500) log(`[proxy] ${label} → ${status} from ${upstream.host} (${Date.now() - started} ms)`);
    return new Response(NULL_BODY_STATUSES.has(status) ? null : redact(text), { status, headers: outHeaders });
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
export async function embeddedMockUpstream(opts: { dbFile: string; seedCalls?: number }): Promise<Upstream> {
  const [{ openMockDb, defaultReaders }, { createMockApp }] = await Promise.all([import('./mock/store/index.ts'), import('./mock/app.ts')]);
  if (opts.dbFile !== ':memory:') mkdirSync(path.dirname(opts.dbFile), { recursive: true });
  const db = openMockDb({
    file: opts.dbFile,
    seed: 'demo',
    ...(opts.seedCalls ? { seedCalls: opts.seedCalls } : {}),
    // list and search pages read beside the thread that serves the app (see MockDb.startReaders)
    readers: defaultReaders(),
  });
  const token = `mock-${randomBytes(18).toString('base64url')}`;
  const mockApp = createMockApp({ db, token });
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
