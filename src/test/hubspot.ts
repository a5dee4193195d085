/**
 * The one HubSpot fake for component tests: the real mock (server/mock, SQLite in memory, account
 * configuration only: owners, the call outcomes and the association labels) behind the real /hubspot
 * proxy (server/proxy.ts: allowlist, token injection), reached through a stubbed global `fetch`, so the
 * app's src/api/http.ts talks to it exactly as it talks to the server in the browser. Our server's own
 * API (`/api/...`: saved views, the journal, the hygiene queues and scans) answers too, over its real store in memory (server/api, server/store).
 *
 * The proxy speaks one HubSpot API version (2026-09 unless a test picks another); `paths` builds that
 * version's paths for a test's expectations, faults and holds. Tests seed data through the mock's own
 * HubSpot API (`create`, `associate`, `api`; the mock serves every version over the same data), and can make
 * the next requests matching a method and path fail (`fail`) or wait until released (`hold`).
 */
import type { Hono } from 'hono';
import { vi } from 'vitest';
import { forgetApiVersion } from '../api/api-version';
import { CALL_ASSOCIATION_TYPE_IDS } from '../api/associations';
import { DEFAULT_API_VERSION, hubspotPaths, type ApiVersion, type HubSpotPaths } from '../api/hubspot-paths';
import { createApiApp } from '../../server/api/app';
import type { HygieneScanner } from '../../server/hygiene/scan';
import { createMockApp, type MockAppOptions } from '../../server/mock/app';
import { forgetPropertyCatalog } from '../../server/mock/crm/properties';
import { openMockDb } from '../../server/mock/store/index';
import { createProxyApp, type Upstream } from '../../server/proxy';
import { openAppDb, type AppDb } from '../../server/store/connection';

export type ObjectType = 'calls' | 'contacts' | 'companies' | 'deals' | 'tickets';
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** A HubSpot path (without /hubspot or the query): exactly, or a pattern. */
type PathMatch = string | RegExp;

export interface SeenRequest {
  method: string;
  /** As the browser sent it: `/hubspot/crm/objects/2026-09/...?query`, or `/hubspot-connection`. */
  path: string;
  body: unknown;
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

interface StoredObject {
  id: string;
  properties: Record<string, string | null>;
}

export interface Hold {
  /** Resolves when a matching request has arrived and is waiting. */
  readonly reached: Promise<void>;
  /** Lets the request reach the mock. */
  release(): void;
  /** Whether the browser gave up on the held request (its AbortSignal fired). */
  readonly aborted: boolean;
}

interface Fault {
  method: Method;
  path: PathMatch;
  status: number;
  body: unknown;
  times: number;
  headers: Record<string, string>;
}

interface PendingHold {
  method: Method;
  path: PathMatch;
  arrived: () => void;
  released: Promise<void>;
  state: { aborted: boolean };
}

const TOKEN = 'component-test-token';
const MOCK_ORIGIN = 'http://hubspot-mock.test';

const matches = (pattern: PathMatch, path: string) => (typeof pattern === 'string' ? pattern === path : pattern.test(path));

/** HubSpot's error body: status "error", message, correlationId, category. */
export function hubspotError(message: string, category = 'VALIDATION_ERROR', correlationId = 'c0ffee00-0000-4000-8000-000000000001') {
  return { status: 'error', message, correlationId, category };
}

/**
 * How the mock behind the fake is set up: HubSpot's strict behaviour by default (atomic batches, no custom
 * call labels, no search lag); e.g. `{ dispositionsBeta: false }` for an app outside that beta. `apiVersion`
 * is the HubSpot API version the proxy speaks (2026-09 unless given).
 */
export type FakeOptions = Partial<Omit<MockAppOptions, 'db' | 'token'>> & { customCallLabels?: boolean; apiVersion?: ApiVersion };

export class HubSpotFake {
  /** Every request the app made, in order. */
  readonly requests: SeenRequest[] = [];
  /** The paths of the API version the proxy speaks (and so the app). */
  readonly paths: HubSpotPaths;
  private readonly db: ReturnType<typeof openMockDb>;
  /** What the app talks to. */
  private readonly mock: ReturnType<typeof createMockApp>;
  /** The same data for seeding and reading back: its writes reach search at once, whatever the lag. */
  private readonly direct: ReturnType<typeof createMockApp>;
  private readonly faults: Fault[] = [];
  private readonly holds: PendingHold[] = [];
  private readonly releaseAll: (() => void)[] = [];
  private readonly upstream: Upstream = {
    mode: 'mock',
    host: 'embedded',
    baseUrl: MOCK_ORIGIN,
    token: TOKEN,
    fetch: (request) => this.upstreamFetch(request),
  };
  private readonly proxy: ReturnType<typeof createProxyApp>;
  /** Our server's store and API, opened on the first `/api` request. */
  private appDb: AppDb | undefined;
  private serverApi: Hono | undefined;
  private readonly apiVersion: ApiVersion;
  /** The hygiene scanner of our server's API (tests wait for a scan with `scanner.settled()`); set on the first `/api` request. */
  scanner: HygieneScanner | undefined;

  private ownApi(): Hono {
    this.appDb ??= openAppDb(':memory:');
    this.serverApi ??= createApiApp({
      db: this.appDb,
      hygiene: { upstream: this.upstream, apiVersion: this.apiVersion },
      onScanner: (scanner) => (this.scanner = scanner),
    });
    return this.serverApi;
  }

  /**
   * The mock as strict as HubSpot by default: all-or-nothing batches, only HubSpot's call association
   * types, and no search lag. With `searchLagMs`, the app's writes reach search only that much later (a
   * long lag keeps search on the old values for the whole test); the test's own seeding is searchable at
   * once. `batchMode: 'per-item'` gives the per-item 207 answers and `customCallLabels` the custom call
   * labels HubSpot does not have. The proxy speaks `apiVersion`.
   */
  constructor({ customCallLabels = false, apiVersion = DEFAULT_API_VERSION, ...options }: FakeOptions = {}) {
    this.db = openMockDb({ file: ':memory:', seed: 'empty', customCallLabels });
    this.mock = createMockApp({ ...options, db: this.db, token: TOKEN });
    this.direct = options.searchLagMs ? createMockApp({ ...options, searchLagMs: 0, db: this.db, token: TOKEN }) : this.mock;
    this.paths = hubspotPaths(apiVersion);
    this.apiVersion = apiVersion;
    this.proxy = createProxyApp({ upstream: this.upstream, apiVersion });
    // The app asks this fake, not an earlier one, what it speaks.
    forgetApiVersion();
  }

  /** Makes `/hubspot-connection` say the app talks to HubSpot itself (links to HubSpot's pages appear). */
  connectToHubSpot(): void {
    this.upstream.mode = 'hubspot';
    this.upstream.host = 'api.hubapi.com';
  }

  /** The global `fetch` the app's http.ts reaches: the proxy app, without a socket. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, path: url.pathname + url.search, body });
    const app = url.pathname.startsWith('/api/') ? this.ownApi() : this.proxy;
    return app.request(url.pathname + url.search, init);
  };

  /** Requests to HubSpot paths (the `/hubspot` prefix dropped), as `METHOD /path?query`. */
  hubspotRequests(): string[] {
    return this.requests.filter((r) => r.path.startsWith('/hubspot/')).map((r) => `${r.method} ${r.path.slice('/hubspot'.length)}`);
  }

  /**
   * The next `times` requests matching `method` and the HubSpot `path` get `status` and `body` (HubSpot's
   * error shape unless given) instead of reaching the mock, as a refusing HubSpot would answer.
   */
  fail(
    method: Method,
    path: PathMatch,
    status: number,
    body: unknown = hubspotError(`Refused (HTTP ${status})`),
    { times = 1, headers = {} }: { times?: number; headers?: Record<string, string> } = {},
  ): void {
    this.faults.push({ method, path, status, body, times, headers });
  }

  /** The next request matching `method` and the HubSpot `path` waits until `release()` before the mock sees it. */
  hold(method: Method, path: PathMatch): Hold {
    let arrived = () => {};
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const state = { aborted: false };
    this.holds.push({ method, path, arrived, released, state });
    this.releaseAll.push(release);
    return {
      reached,
      release,
      get aborted() {
        return state.aborted;
      },
    };
  }

  /** Any HubSpot API call straight to the mock (seeding and reading back; not logged, no faults). */
  async api<T = unknown>(method: Method, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const res = await this.direct.request(path, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  private async expect<T>(method: Method, path: string, status: number, body?: unknown): Promise<T> {
    const answer = await this.api<T>(method, path, body);
    if (answer.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Creates a record through the mock's API and returns its id. */
  async create(type: ObjectType, properties: Record<string, string>): Promise<string> {
    return (await this.expect<StoredObject>('POST', this.paths.objects(type), 201, { properties })).id;
  }

  /** Associates a call with a record (HubSpot's default type plus any label type ids given). */
  async associate(callId: string, type: Exclude<ObjectType, 'calls'>, recordId: string, labelTypeIds: number[] = []): Promise<void> {
    const types = [
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_ASSOCIATION_TYPE_IDS[type] },
      ...labelTypeIds.map((associationTypeId) => ({ associationCategory: 'USER_DEFINED', associationTypeId })),
    ];
    await this.expect('PUT', this.paths.associationPair('calls', callId, type, recordId), 201, types);
  }

  async update(type: ObjectType, id: string, properties: Record<string, string>): Promise<void> {
    await this.expect('PATCH', this.paths.object(type, id), 200, { properties });
  }

  /**
   * Adds an owner to the account (HubSpot's API cannot): `archived` makes it a deactivated user's owner, which
   * HubSpot lists only with `archived=true`. Returns its id.
   */
  addOwner(firstName: string, lastName: string, { archived = false }: { archived?: boolean } = {}): string {
    const id = 70_000_001 + this.db.owners(true).length + this.db.owners(false).length;
    const now = Date.now();
    const email = `${firstName}.${lastName}@example.com`.toLowerCase();
    this.db.insertOwner({ id, email, firstName, lastName, userId: id, type: 'PERSON', teams: [], createdAt: now, updatedAt: now, archived });
    forgetPropertyCatalog(this.db);
    return String(id);
  }

  /** Writes a value HubSpot's API would refuse now (e.g. a deactivated owner's id on a call) straight into the mock's store. */
  setRaw(type: ObjectType, id: string, name: string, value: string): void {
    this.db.setPropRaw(type, Number(id), name, value);
    this.db.invalidate();
  }

  /** A record's properties as HubSpot stores them now. */
  async read(type: ObjectType, id: string, properties: string[]): Promise<Record<string, string | null>> {
    return (await this.expect<StoredObject>('GET', `${this.paths.object(type, id)}?properties=${properties.join(',')}`, 200)).properties;
  }

  /**
   * The ids of the records of `type` associated with the call (the batch read, every page: every version has it).
   * Its own paging loop, not the app's (association-pages.ts): tests read back with it what the app wrote.
   */
  async associatedIds(callId: string, type: Exclude<ObjectType, 'calls'>): Promise<string[]> {
    type Page = { results: { to: { toObjectId: number | string }[]; paging?: { next?: { after: string } } }[] };
    const path = this.paths.associationBatchRead('calls', type);
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await this.expect<Page>('POST', path, 200, { inputs: [after ? { id: callId, after } : { id: callId }] });
      ids.push(...page.results.flatMap((r) => r.to.map((t) => String(t.toObjectId))));
      after = page.results[0]?.paging?.next?.after;
    } while (after);
    return ids;
  }

  private async upstreamFetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase() as Method;
    const path = url.pathname;
    const holdIndex = this.holds.findIndex((h) => h.method === method && matches(h.path, path));
    if (holdIndex >= 0) {
      const [held] = this.holds.splice(holdIndex, 1);
      if (held) {
        held.arrived();
        const gaveUp = new Promise<void>((resolve) =>
          request.signal.addEventListener(
            'abort',
            () => {
              held.state.aborted = true;
              resolve();
            },
            { once: true },
          ),
        );
        await Promise.race([held.released, gaveUp]);
        if (held.state.aborted) throw request.signal.reason;
      }
    }

    const fault = this.faults.find((f) => f.method === method && matches(f.path, path));
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      return Response.json(fault.body, { status: fault.status, headers: fault.headers });
    }
    return this.mock.fetch(request);
  }

  /** Lets every held request go and closes the database. */
  close(): void {
    for (const release of this.releaseAll) release();
    this.db.close();
    this.appDb?.close();
  }
}

/**
 * A fresh fake as the app's `fetch` for one test: call in `beforeEach`, and `uninstallHubSpot` in `afterEach`.
 */
export function installHubSpot(options: FakeOptions = {}): HubSpotFake {
  const hs = new HubSpotFake(options);
  vi.stubGlobal('fetch', hs.fetch);
  return hs;
}

export function uninstallHubSpot(hs: HubSpotFake | undefined): void {
  vi.unstubAllGlobals();
  hs?.close();
}
