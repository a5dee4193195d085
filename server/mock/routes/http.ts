import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import type { ReadCache } from './cache.js';
import type * as SchemasModule from './schemas.js';
import { MockError, badRequest, type ErrorDetail } from '../crm/errors.js';

/** Hono environment of the mock app. */
export type MockEnv = { Variables: { correlationId: string } };

export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';
/** Largest request body accepted (bytes); larger ones get 413. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

const limitStreamedBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw tooLarge();
  },
});

/**
 * Refuses a body over MAX_BODY_BYTES with 413 before reading it all: by its Content-Length when
 * it declares one (Node's parser never delivers more than that), otherwise counted as it
 * streams in and refused once past the limit (hono/body-limit), so at most MAX_BODY_BYTES of
 * it is ever held. A declared length does not go through bodyLimit: its first look at the body
 * makes @hono/node-server wrap every request body in a web stream (measured: about +70% server
 * CPU per search).
 */
export const limitBody: MiddlewareHandler<MockEnv> = async (c, next) => {
  const declared = c.req.header('content-length');
  if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return limitStreamedBody(c, next);
  if (Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  await next();
};

export function sendJson(c: Context<MockEnv>, body: unknown, status: 200 | 201 | 207 = 200): Response {
  return c.body(utf8(JSON.stringify(body)), status, { 'Content-Type': JSON_CONTENT_TYPE });
}

/**
 * A batch answer: 207 when some inputs failed (it carries `errors`) and the family has 207
 * (`multiStatus`), else `ok`.
 */
export function sendBatch(c: Context<MockEnv>, out: { errors?: unknown[] }, ok: 200 | 201, multiStatus: boolean): Response {
  return sendJson(c, out, out.errors && multiStatus ? 207 : ok);
}

/** Sends an already serialised JSON body, UTF-8 (200). */
function sendJsonBytes(c: Context<MockEnv>, bytes: Uint8Array): Response {
  return c.body(arrayBufferView(bytes), 200, { 'Content-Type': JSON_CONTENT_TYPE });
}

/**
 * The body as UTF-8 bytes: encoded once here, whereas a string body is measured for
 * Content-Length (a pass over a large concatenated string) and then encoded again on write.
 */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return arrayBufferView(Buffer.from(text, 'utf8'));
}

/** The bytes as a view typed over an ArrayBuffer, which is what a Response body takes. */
function arrayBufferView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  // Buffers made by Node (Buffer.from, better-sqlite3) are never backed by a SharedArrayBuffer
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
}

/** Serves a read from the cache (when there is one), or computes, caches and sends it. */
export async function sendCached(
  c: Context<MockEnv>,
  cache: ReadCache | undefined,
  key: string,
  compute: () => Uint8Array | Promise<Uint8Array>,
): Promise<Response> {
  if (!cache) return sendJsonBytes(c, await compute());
  const hit = cache.get(key);
  if (hit !== undefined) return sendJsonBytes(c, hit);
  const version = cache.currentVersion();
  const body = await compute();
  cache.set(key, body, version);
  return sendJsonBytes(c, body);
}

export function noContent(c: Context<MockEnv>): Response {
  return c.body(null, 204);
}

/** Array query parameter: repeated (`a=x&a=y`) and comma-separated (`a=x,y`) forms both work. */
export function queryList(c: Context<MockEnv>, name: string): string[] | undefined {
  const raw = c.req.queries(name);
  if (!raw) return undefined;
  const out: string[] = [];
  for (const v of raw) for (const part of v.split(',')) if (part.trim()) out.push(part.trim());
  return out;
}

export function queryBool(c: Context<MockEnv>, name: string, dflt = false): boolean {
  const v = c.req.query(name);
  if (v === undefined || v === '') return dflt;
  if (/^(true|1)$/i.test(v)) return true;
  if (/^(false|0)$/i.test(v)) return false;
  throw badRequest(`Query parameter ${name} must be true or false.`, [{ message: `invalid boolean ${v}`, code: 'INVALID_BOOLEAN', in: name }]);
}

export function queryInt(c: Context<MockEnv>, name: string, dflt: number, max: number): number {
  const v = c.req.query(name);
  if (v === undefined || v === '') return dflt;
  if (!/^\d{1,9}$/.test(v)) {
    throw badRequest(`Query parameter ${name} must be a non-negative integer.`, [{ message: `invalid integer ${v}`, code: 'INVALID_INTEGER', in: name }]);
  }
  return Math.min(Number(v), max);
}

function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.map(String);
    const detail: ErrorDetail = { message: issue.message, code: 'INVALID_INPUT', in: path.join('.') || 'body' };
    const propIdx = path.indexOf('properties');
    const propName = propIdx >= 0 ? path[propIdx + 1] : undefined;
    if (propName) detail.context = { propertyName: [propName] };
    return detail;
  });
}

/** Reads the raw body text (its size is bounded by `limitBody`, which the app runs first). */
export async function readText(c: Context<MockEnv>): Promise<string> {
  return new TextDecoder().decode(await c.req.arrayBuffer());
}

type Schemas = typeof SchemasModule;
/** Picks a request body's schema from the schemas module (loaded on first use). */
export type SchemaPick<T> = (schemas: Schemas) => z.ZodType<T>;
let schemasModule: Promise<Schemas> | undefined;

/**
 * The request-body schemas, loaded on the first request with a body: zod's import is the
 * largest part of startup, and reads (what a client does first) need no schema.
 */
export function loadSchemas(): Promise<Schemas> {
  schemasModule ??= import('./schemas.js');
  return schemasModule;
}

/** Reads and validates a JSON body: 400 when malformed or the wrong shape. */
export async function readJson<T>(c: Context<MockEnv>, pick: SchemaPick<T>): Promise<T> {
  const text = await readText(c);
  return parseJsonText(text, pick(await loadSchemas()));
}

export function parseJsonText<T>(text: string, schema: z.ZodType<T>): T {
  if (!text.trim()) {
    throw badRequest('Invalid input JSON: the request body is empty.', [{ message: 'A JSON body is required', code: 'INVALID_JSON', in: 'body' }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : 'malformed JSON';
    throw badRequest(`Invalid input JSON on line 1: ${msg}`, [{ message: msg, code: 'INVALID_JSON', in: 'body' }]);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const details = zodDetails(result.error);
    throw badRequest(`Invalid input: ${details.map((d) => `${d.in ?? 'body'}: ${d.message}`).join('; ')}`, details);
  }
  return result.data;
}

function tooLarge(): MockError {
  return new MockError(413, 'VALIDATION_ERROR', `The request body is larger than the ${MAX_BODY_BYTES} byte limit.`, {
    errors: [{ message: 'Request entity too large', code: 'PAYLOAD_TOO_LARGE', in: 'body' }],
    subCategory: 'PAYLOAD_TOO_LARGE',
  });
}
