/**
 * The browser's client layer (src/api) against the real proxy and the mock's fault injection and
 * rate limits: what a user's request goes through end to end, without a browser.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getCall, searchCalls, updateCall } from '../src/api/calls';
import { configureHttp, resetHttpConfig, subscribeRetryNotice, type RetryNotice } from '../src/api/http';
import { fixedClock } from './mock/clock';
import { createMockApp } from './mock/app';
import { openMockDb, type MockDb } from './mock/store/index';
import { createProxyApp, type Upstream } from './proxy';

const clock = fixedClock(Date.parse('2026-11-24T12:00:00.000Z'));
let db: MockDb;
let server: ServerType;
let origin: string;
/** The random numbers the mock's fault injection draws next; empty means "no fault". */
const draws: number[] = [];
const seen: string[] = [];

beforeAll(async () => {
  db = openMockDb({ file: ':memory:', seed: 'demo', clock });
  const token = 'retry-test-token';
  const mock = createMockApp({ db, token, clock, rateLimit: true, failRate: 0.5, random: () => draws.shift() ?? 0.99 });
  const upstream: Upstream = {
    mode: 'mock',
    host: 'embedded',
    baseUrl: 'http://hubspot-mock.internal',
    token,
    fetch: async (request) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`);
      return mock.fetch(request);
    },
  };
  const proxy = createProxyApp({ apiVersion: 'legacy', upstream });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: proxy.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  db.close();
});

const notices: (RetryNotice | null)[] = [];
let unsubscribe = () => {};
const waits: number[] = [];

function useMockTime() {
  configureHttp({
    origin,
    // No search pacing: these tests are about the 429s that get through anyway (another client of the account
    // searching too); http.test.ts covers the pacing.
    searchIntervalMs: 0,
    // Waiting for a retry moves the mock's clock instead of the real one.
    sleep: async (ms) => {
      waits.push(ms);
      clock.advance(ms);
    },
  });
  unsubscribe = subscribeRetryNotice((n) => notices.push(n));
}

afterEach(() => {
  unsubscribe();
  resetHttpConfig();
  notices.length = 0;
  waits.length = 0;
  seen.length = 0;
  draws.length = 0;
  clock.advance(60_000);
});

async function someCallId(): Promise<string> {
  const page = await searchCalls({ limit: 1 });
  const id = page.results[0]?.id;
  if (!id) throw new Error('the demo seed has no calls');
  return id;
}

describe('client retries through the proxy', () => {
  it('waits out HubSpot\'s search limit (429 + Retry-After) and then gets the results', async () => {
    useMockTime();
    const results = [];
    for (let i = 0; i < 6; i += 1) results.push(await searchCalls({ limit: 5, query: '' }));
    expect(results.every((r) => r.results.length === 5 && r.total > 0)).toBe(true);
    // Five searches a second are allowed; the sixth was refused once, waited and went through.
    expect(seen.filter((s) => s.endsWith('/search'))).toHaveLength(7);
    expect(waits).toEqual([1000]);
    expect(notices).toEqual([{ retryInSeconds: 1, reason: 'rate-limit' }, null]);
  });

  it('retries a read that meets an outage (503, 502) and returns the call', async () => {
    useMockTime();
    const id = await someCallId();
    seen.length = 0;
    // fail + 503, fail + 502, then pass
    draws.push(0, 0.1, 0, 0.9, 0.99);
    const call = await getCall(id);
    expect(call.id).toBe(id);
    expect(seen).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
    expect(notices.filter(Boolean)).toEqual([
      { retryInSeconds: 1, reason: 'unavailable' },
      { retryInSeconds: 1, reason: 'unavailable' },
    ]);
  });

  it('does not repeat a write after a 502, and HubSpot\'s record is unchanged', async () => {
    useMockTime();
    const id = await someCallId();
    const before = await getCall(id);
    seen.length = 0;
    draws.push(0, 0.9); // fail with 502
    const error = await updateCall(id, { hs_call_title: 'Should not be saved' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, category: 'BAD_GATEWAY' });
    expect(seen).toEqual([`PATCH /crm/v3/objects/calls/${id}`]);
    const after = await getCall(id);
    expect(after.properties.hs_call_title).toBe(before.properties.hs_call_title);
  });

  it('never retries a validation error and reports the field HubSpot names', async () => {
    useMockTime();
    const id = await someCallId();
    seen.length = 0;
    const error = await updateCall(id, { hs_call_recording_url: 'http://insecure.example.com/a.mp3' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, category: 'VALIDATION_ERROR' });
    expect(Object.keys((error as { fieldErrors: Record<string, string> }).fieldErrors)).toEqual(['hs_call_recording_url']);
    expect(seen).toHaveLength(1);
  });
});
