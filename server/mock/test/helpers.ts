/**
 * Test helpers for the mock's HTTP contract: build an app on an in-memory database and talk to
 * it through `app.request()` (no socket), the way any HubSpot client would.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { z } from 'zod';
import { createMockApp } from '../app';
import { fixedClock, type FixedClock } from '../clock';
import { openMockDb } from '../store/index';
import { errorBody, hubSpotObject, listPage, propertyDefinition, type ErrorBody, type HubSpotObject } from './schemas';
import { assertSpec, hasSpecs, objectSpec, type SpecFile } from './spec';

export const TOKEN = 'test-token';
export const AUTH = { authorization: `Bearer ${TOKEN}` };
/** 2026-01-15T12:00:00.000Z: the tests' "now". */
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

export const RECORD_TYPES = ['contacts', 'companies', 'deals', 'tickets'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export const OBJECT_TYPES = ['calls', ...RECORD_TYPES] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];
export const CALL_TO: Record<RecordType, number> = { contacts: 194, companies: 182, deals: 206, tickets: 220 };
export const TO_CALL: Record<RecordType, number> = { contacts: 193, companies: 181, deals: 205, tickets: 219 };
export const SINGULAR: Record<RecordType, string> = { contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket' };

export const DEFAULT_DISPOSITIONS: Record<string, string> = {
  '9d9162e7-6cf3-4944-bf63-4dff82258764': 'Busy',
  'f240bbac-87c9-4f6e-bf70-924b57d47db7': 'Connected',
  'a4c4c377-d246-4b32-a13b-75a56a4cd0ff': 'Left live message',
  'b2cf5968-551e-4856-9783-52b3da59a7d0': 'Left voicemail',
  '73a0d17f-1163-4015-bdd5-ec830791da20': 'No answer',
  '17b47fee-58de-441e-a44c-c6300d46f273': 'Wrong number',
};

type MockDb = ReturnType<typeof openMockDb>;
export type MockApp = ReturnType<typeof createMockApp>;
type AppOptions = Parameters<typeof createMockApp>[0];

export interface Harness {
  app: MockApp;
  db: MockDb;
  clock: FixedClock;
  req: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Res>;
  close: () => void;
}

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
}

/** An app on a fresh in-memory database (empty seed unless said otherwise), with a fixed clock. */
export function harness(
  opts: { seed?: 'demo' | 'empty'; seedCalls?: number; app?: Partial<Omit<AppOptions, 'db'>> } = {},
): Harness {
  const clock = fixedClock(NOW);
  const db = openMockDb({ file: ':memory:', seed: opts.seed ?? 'empty', seedCalls: opts.seedCalls, clock });
  const app = createMockApp({ db, token: TOKEN, clock, ...opts.app });
  return {
    app,
    db,
    clock,
    req: (method, path, body, headers) => send(app, method, path, body, headers),
    close: () => db.close(),
  };
}

/**
 * The harness of a describe block: opened before its tests (in a `beforeAll`, so before the
 * block's own `beforeAll` hooks) and closed after them.
 */
export function useHarness(opts: Parameters<typeof harness>[0] = {}): Harness {
  let h: Harness | undefined;
  beforeAll(() => {
    h = harness(opts);
  });
  afterAll(() => h?.close());
  const open = (): Harness => {
    if (!h) throw new Error('the harness is opened in beforeAll: use it inside hooks and tests');
    return h;
  };
  return {
    get app() {
      return open().app;
    },
    get db() {
      return open().db;
    },
    get clock() {
      return open().clock;
    },
    req: (...args) => open().req(...args),
    close: () => open().close(),
  };
}

export async function send(
  app: MockApp,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Res> {
  const allHeaders: Record<string, string> = { ...AUTH, ...headers };
  const init: RequestInit = { method, headers: allHeaders };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    allHeaders['content-type'] ??= 'application/json';
  }
  const res = await app.request(`http://mock.test${path}`, init);
  const text = await res.text();
  let parsed: unknown;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/**
 * Parses with a zod schema (classic or zod/mini: any zod 4 schema), failing the test with zod's
 * issues and the body when it does not match.
 */
export function parse<S extends z.core.$ZodType>(schema: S, body: unknown, what = 'body'): z.core.output<S> {
  const r = z.safeParse(schema, body);
  if (!r.success) {
    throw new Error(`${what} does not match our schema: ${JSON.stringify(r.error.issues, null, 1).slice(0, 2000)}\nbody: ${JSON.stringify(body).slice(0, 1500)}`);
  }
  return r.data;
}

/** Checks the status, our zod schema and (when ../shared exists) the spec operation's schema. */
export function check<S extends z.core.$ZodType>(
  res: Res,
  status: number,
  schema: S,
  spec?: { file: SpecFile; method: string; path: string },
): z.core.output<S> {
  if (res.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${res.status}: ${res.text.slice(0, 800)}`);
  }
  const data = parse(schema, res.body);
  if (spec && hasSpecs) assertSpec(spec.file, spec.method, spec.path, res.status, res.body);
  return data;
}

/** Checks a 204 answer: exactly 204 and an empty body. */
export function check204(res: Res): void {
  if (res.status !== 204) throw new Error(`expected HTTP 204, got ${res.status}: ${res.text.slice(0, 800)}`);
  expect(res.text).toBe('');
}

/**
 * Checks an error answer: exact status, HubSpot's error body (our schema and, when present, the
 * spec's `Error`), the category when given, and no stack trace anywhere in the text.
 */
export function checkError(res: Res, status: number, category?: string): ErrorBody {
  if (res.status !== status) throw new Error(`expected HTTP ${status}, got ${res.status}: ${res.text.slice(0, 800)}`);
  const data = parse(errorBody, res.body, `HTTP ${status} error body`);
  if (category) expect(data.category).toBe(category);
  expect(res.text).not.toMatch(/\n\s+at\s|\bat [\w.<>]+ \(.*:\d+:\d+\)/);
  if (hasSpecs) assertSpec('calls.v3.json', 'get', '/crm/v3/objects/calls', status, res.body);
  return data;
}

/** The property names an error body points at (errors[].in and errors[].context.propertyName). */
function erroredProperties(e: ErrorBody): string[] {
  const names = new Set<string>();
  for (const item of e.errors ?? []) {
    if (item.in) names.add(item.in);
    for (const n of item.context?.propertyName ?? []) names.add(n);
  }
  return [...names];
}

/** Asserts a 400 VALIDATION_ERROR that names `property`. */
export function checkValidation(res: Res, property: string): ErrorBody {
  const e = checkError(res, 400, 'VALIDATION_ERROR');
  expect(erroredProperties(e), `errors[] should name ${property}: ${res.text}`).toContain(property);
  const item = (e.errors ?? []).find((x) => x.in === property || x.context?.propertyName?.includes(property));
  expect(item?.code, `the error item for ${property} carries a code: ${res.text}`).toMatch(/^[A-Z_]+$/);
  return e;
}

// --- object helpers ---------------------------------------------------------------------------

export function qs(params: Record<string, string | number | boolean | readonly string[] | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) u.append(k, String(x));
    else u.set(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

export interface AssociationInput {
  to: { id: string };
  types: { associationCategory: string; associationTypeId: number }[];
}

export async function createObject(
  h: Pick<Harness, 'req'>,
  type: ObjectType,
  properties: Record<string, string>,
  associations: AssociationInput[] = [],
): Promise<HubSpotObject> {
  const spec = objectSpec(type);
  const res = await h.req('POST', `/crm/v3/objects/${type}`, { properties, associations });
  return check(res, 201, hubSpotObject, { file: spec.file, method: 'post', path: spec.base });
}

export async function createCall(
  h: Pick<Harness, 'req'>,
  properties: Record<string, string> = {},
  associations: AssociationInput[] = [],
): Promise<HubSpotObject> {
  return createObject(h, 'calls', { hs_timestamp: String(NOW - 3_600_000), ...properties }, associations);
}

export async function getObject(
  h: Pick<Harness, 'req'>,
  type: ObjectType,
  id: string,
  params: Record<string, string | boolean | readonly string[] | undefined> = {},
): Promise<HubSpotObject> {
  const spec = objectSpec(type);
  const res = await h.req('GET', `/crm/v3/objects/${type}/${id}${qs(params)}`);
  return check(res, 200, hubSpotObject, { file: spec.file, method: 'get', path: `${spec.base}/${spec.idParam}` });
}

/** The first option value of an enumeration property, from the properties API. */
async function optionsOf(h: Pick<Harness, 'req'>, type: ObjectType, name: string): Promise<string[]> {
  const res = await h.req('GET', `/crm/v3/properties/${type}/${name}`);
  const def = check(res, 200, propertyDefinition);
  return def.options.map((o) => o.value);
}

/** Properties that make a valid new record of each type (enumeration values from the properties API). */
export async function recordProps(h: Pick<Harness, 'req'>, type: RecordType, n: number): Promise<Record<string, string>> {
  switch (type) {
    case 'contacts':
      return { firstname: `Ada${n}`, lastname: `Lovelace${n}`, email: `ada${n}@example.com` };
    case 'companies':
      return { name: `Analytical Engines ${n}`, domain: `engines${n}.example.com` };
    case 'deals': {
      const [pipeline] = await optionsOf(h, 'deals', 'pipeline');
      const [stage] = await optionsOf(h, 'deals', 'dealstage');
      return { dealname: `Deal ${n}`, amount: String(1000 + n), pipeline: pipeline ?? 'default', dealstage: stage ?? 'appointmentscheduled' };
    }
    case 'tickets': {
      const [pipeline] = await optionsOf(h, 'tickets', 'hs_pipeline');
      const [stage] = await optionsOf(h, 'tickets', 'hs_pipeline_stage');
      return { subject: `Ticket ${n}`, hs_pipeline: pipeline ?? '0', hs_pipeline_stage: stage ?? '1' };
    }
  }
}

/** Walks a list endpoint through `paging.next.after`, returning every page's ids in order. */
export async function walkList(h: Pick<Harness, 'req'>, type: ObjectType, limit: number, extra = ''): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const res = await h.req('GET', `/crm/v3/objects/${type}${qs({ limit, after })}${extra}`);
    const body = check(res, 200, listPage);
    pages.push(body.results.map((r) => r.id));
    after = body.paging?.next?.after;
    if (!after) return pages;
  }
  throw new Error('list paging did not end');
}
