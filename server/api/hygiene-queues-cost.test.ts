/**
 * What GET /api/hygiene/queues costs in HubSpot requests: the account's outcomes and deactivated owners are read
 * at most once per 30 s, the four search counts on every request (and stay exact).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServerApp } from '../app.ts';
import type { ServerConfig } from '../config.ts';
import { createMockApp } from '../mock/app.ts';
import { openMockDb } from '../mock/store/index.ts';
import type { Upstream } from '../proxy.ts';
import { openAppDb } from '../store/connection.ts';

const TOKEN = 'hygiene-cost-test-token';

const cleanup: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const close of cleanup.splice(0)) close();
});

function setup() {
  const mockDb = openMockDb({ file: ':memory:', seed: 'empty' });
  const mock = createMockApp({ db: mockDb, token: TOKEN });
  const appDb = openAppDb(':memory:');
  cleanup.push(() => mockDb.close(), () => appDb.close());
  const seen: string[] = [];
  let failNext: string | undefined;
  const upstream: Upstream = {
    mode: 'mock',
    host: 'embedded',
    baseUrl: 'http://hubspot-mock.internal',
    token: TOKEN,
    fetch: async (request) => {
      const { pathname } = new URL(request.url);
      seen.push(`${request.method} ${pathname}`);
      if (failNext && pathname.includes(failNext)) {
        failNext = undefined;
        return Response.json({ status: 'error', message: 'Owners are unavailable.', category: 'MISSING_SCOPES', correlationId: 'c0ffee00-0000-4000-8000-000000000042' }, { status: 403 });
      }
      return mock.fetch(request);
    },
  };
  const config: ServerConfig = { host: '127.0.0.1', port: 4173, adminUser: 'admin', upstream: { mode: 'mock', dbFile: ':memory:', batchMode: 'atomic', searchLagMs: 0 }, apiVersion: '2026-09', timeoutMs: 1000, appDb: ':memory:' };
  const app = createServerApp({ config, upstream, appDb });
  /** GET /api/hygiene/queues: the queues' counts and the HubSpot requests it made. */
  const queues = async () => {
    const from = seen.length;
    const res = await app.request('http://127.0.0.1:4173/api/hygiene/queues', { headers: { host: '127.0.0.1:4173', 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queues: { id: string; count: number | null; error?: string }[] };
    return { counts: Object.fromEntries(body.queues.map((q) => [q.id, q.count])), errors: body.queues.flatMap((q) => (q.error ? [q.error] : [])), requests: seen.slice(from) };
  };
  const createCall = async (properties: Record<string, string>) => {
    const res = await mock.request('/crm/objects/2026-09/calls', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ properties }) });
    expect(res.status).toBe(201);
  };
  return { queues, createCall, failOnce: (path: string) => (failNext = path) };
}

const searches = (requests: string[]) => requests.filter((r) => r.endsWith('/search')).length;

describe('GET /api/hygiene/queues', () => {
  it('reads the outcomes and owners once per 30 s, and counts by search on every request', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-07-01T09:00:00Z') });
    const { queues, createCall } = setup();

    const first = await queues();
    expect(first.requests.filter((r) => !r.endsWith('/search'))).toEqual(['GET /crm/extensions/calling/2027-03-beta/dispositions', 'GET /crm/owners/2026-09']);
    expect(searches(first.requests)).toBe(4);
    expect(first.counts['no-outcome']).toBe(0);

    await createCall({ hs_timestamp: '2026-07-01T08:00:00Z', hs_call_title: 'No outcome yet' });
    vi.setSystemTime(new Date('2026-07-01T09:00:29Z'));
    const second = await queues();
    expect(second.requests).toHaveLength(4);
    expect(searches(second.requests)).toBe(4);
    expect(second.counts['no-outcome']).toBe(1);

    vi.setSystemTime(new Date('2026-07-01T09:00:31Z'));
    const third = await queues();
    expect(third.requests).toHaveLength(6);
  });

  it('does not keep a failed read of the account: the next request reads it again', async () => {
    const { queues, failOnce } = setup();
    failOnce('/crm/owners/');
    const failed = await queues();
    expect(failed.errors[0]).toMatch(/Owners are unavailable/);
    expect(failed.counts['no-outcome']).toBeNull();

    const next = await queues();
    expect(next.errors).toEqual([]);
    expect(next.requests).toContain('GET /crm/owners/2026-09');
    expect(next.counts['no-outcome']).toBe(0);
  });
});
