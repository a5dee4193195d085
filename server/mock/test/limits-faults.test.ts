import { describe, expect, it } from 'vitest';
import { createMockApp } from '../app';
import { check, checkError, harness, NOW, parse, send, TOKEN, useHarness, type Res } from './helpers';
import { errorBody, hubSpotObject, listPage, rateLimitBody, searchPage } from './schemas';

function expectRateHeaders(res: Res): void {
  for (const h of ['x-hubspot-ratelimit-max', 'x-hubspot-ratelimit-remaining', 'x-hubspot-ratelimit-interval-milliseconds']) {
    expect(res.headers.get(h), `${h} on HTTP ${res.status}`).toMatch(/^\d+$/);
  }
}

function expect429(res: Res): void {
  expect(res.status).toBe(429);
  parse(rateLimitBody, res.body, '429 body');
  const retry = res.headers.get('retry-after');
  expect(retry).toMatch(/^\d+$/);
  expect(Number(retry)).toBeGreaterThanOrEqual(1);
  expect(Number(retry)).toBeLessThanOrEqual(10);
  expect(res.text).not.toMatch(/\n\s+at\s/);
}

describe('rate-limit headers', () => {
  const h = useHarness();

  it('are present on every response, success or error, with rate limiting off', async () => {
    expectRateHeaders(await h.req('GET', '/crm/v3/objects/calls'));
    expectRateHeaders(await h.req('POST', '/crm/v3/objects/calls/search', {}));
    expectRateHeaders(await h.req('GET', '/crm/v3/objects/calls/999999'));
    expectRateHeaders(await h.req('POST', '/crm/v3/objects/calls', { properties: {} }));
    expectRateHeaders(await h.req('GET', '/no/such/route'));
    expectRateHeaders(await h.req('GET', '/crm/v3/owners'));
    expectRateHeaders(await h.req('GET', '/crm/v3/objects/calls', undefined, { authorization: 'Bearer wrong' }));
    const many = [];
    for (let i = 0; i < 300; i++) many.push((await h.req('GET', '/crm/v3/objects/calls?limit=1')).status);
    expect(new Set(many)).toEqual(new Set([200]));
  });
});

describe('response headers', () => {
  it('send JSON with charset and a correlation id that matches the error body', async () => {
    const h = harness();
    try {
      const ok = await h.req('GET', '/crm/v3/objects/calls');
      expect(ok.headers.get('content-type')).toMatch(/^application\/json;\s*charset=utf-8$/i);
      const missing = await h.req('GET', '/crm/v3/objects/calls/999999');
      const body = checkError(missing, 404, 'OBJECT_NOT_FOUND');
      expect(missing.headers.get('content-type')).toMatch(/^application\/json/i);
      expect(missing.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId);
      const other = checkError(await h.req('GET', '/crm/v3/objects/calls/999998'), 404);
      expect(other.correlationId).not.toBe(body.correlationId);
    } finally {
      h.close();
    }
  });
});

describe('with rateLimit: true', () => {
  it('answers 429 with HubSpot’s body and Retry-After once the 10-second burst bucket is spent, and writes nothing', async () => {
    const h = harness({ app: { rateLimit: true } });
    try {
      const first = await h.req('GET', '/crm/v3/objects/calls?limit=1');
      check(first, 200, listPage);
      expectRateHeaders(first);
      const max = Number(first.headers.get('x-hubspot-ratelimit-max'));
      expect(max).toBeGreaterThanOrEqual(100);
      expect(max).toBeLessThanOrEqual(250);
      expect(Number(first.headers.get('x-hubspot-ratelimit-interval-milliseconds'))).toBe(10_000);
      expect(Number(first.headers.get('x-hubspot-ratelimit-remaining'))).toBe(max - 1);
      const second = await h.req('GET', '/crm/v3/objects/calls?limit=1');
      expect(Number(second.headers.get('x-hubspot-ratelimit-remaining'))).toBe(max - 2);

      let limited: Res | undefined;
      for (let i = 0; i < max + 5 && !limited; i++) {
        const res = await h.req('GET', '/crm/v3/objects/calls?limit=1');
        if (res.status === 429) limited = res;
        else check(res, 200, listPage);
      }
      expect(limited, 'a 429 within the burst budget').toBeDefined();
      if (!limited) return;
      expect429(limited);
      expectRateHeaders(limited);
      expect(Number(limited.headers.get('x-hubspot-ratelimit-remaining'))).toBe(0);
      expect(parse(rateLimitBody, limited.body).policyName).toBe('TEN_SECONDLY_ROLLING');

      const create = await h.req('POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: String(NOW) }, associations: [] });
      expect429(create);
      // Retry-After is honest: once that much time has passed (on the injected clock) requests pass again
      h.clock.advance(Number(create.headers.get('retry-after')) * 1000);
      check(await h.req('GET', '/crm/v3/objects/calls?limit=1'), 200, listPage);
      const reader = createMockApp({ db: h.db, token: TOKEN, clock: h.clock });
      const total = check(await send(reader, 'POST', '/crm/v3/objects/calls/search', {}), 200, searchPage).total;
      expect(total).toBe(0);
    } finally {
      h.close();
    }
  });

  it('limits search more strictly than the burst bucket', async () => {
    const h = harness({ app: { rateLimit: true } });
    try {
      let limitedAt = -1;
      for (let i = 0; i < 40; i++) {
        const res = await h.req('POST', '/crm/v3/objects/calls/search', { limit: 1 });
        if (res.status === 429) {
          expect429(res);
          limitedAt = i;
          break;
        }
        check(res, 200, searchPage);
      }
      expect(limitedAt).toBeGreaterThanOrEqual(4);
      expect(limitedAt).toBeLessThan(20);
      // other endpoints still answer while search is limited
      check(await h.req('GET', '/crm/v3/objects/calls?limit=1'), 200, listPage);
      const again = await h.req('POST', '/crm/v3/objects/calls/search', { limit: 1 });
      expect429(again);
      h.clock.advance(Number(again.headers.get('retry-after')) * 1000);
      check(await h.req('POST', '/crm/v3/objects/calls/search', { limit: 1 }), 200, searchPage);
    } finally {
      h.close();
    }
  });
});

describe('fault injection', () => {
  it('failRate 1 fails every request with an error body (never a stack), and writes nothing', async () => {
    const h = harness({ app: { failRate: 1 } });
    try {
      const attempts: [string, string, unknown][] = [
        ['GET', '/crm/v3/objects/calls', undefined],
        ['POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: String(NOW), hs_call_title: 'should not exist' }, associations: [] }],
        ['POST', '/crm/v3/objects/calls/search', {}],
        ['POST', '/crm/v3/objects/calls/batch/create', { inputs: [{ properties: { hs_timestamp: String(NOW) }, associations: [] }] }],
        ['GET', '/crm/v3/owners', undefined],
        ['GET', '/calling/v1/dispositions', undefined],
      ];
      for (const [method, path, body] of attempts) {
        const res = await h.req(method, path, body);
        expect(res.status === 429 || (res.status >= 500 && res.status <= 599), `${method} ${path} -> ${res.status}`).toBe(true);
        if (res.status === 429) parse(rateLimitBody, res.body);
        else checkError(res, res.status);
        expect(res.text).not.toMatch(/\n\s+at\s|node_modules|\.ts:\d+/);
      }
      const reader = createMockApp({ db: h.db, token: TOKEN, clock: h.clock });
      const page = check(await send(reader, 'GET', '/crm/v3/objects/calls'), 200, listPage);
      expect(page.results).toEqual([]);
    } finally {
      h.close();
    }
  });

  it('failRate uses the injected random source', async () => {
    const failing = harness({ app: { failRate: 0.5, random: () => 0.1 } });
    const passing = harness({ app: { failRate: 0.5, random: () => 0.9 } });
    try {
      const bad = await failing.req('GET', '/crm/v3/objects/calls');
      expect(bad.status === 429 || bad.status >= 500).toBe(true);
      expect(bad.status).not.toBe(500);
      const good = await passing.req('POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: String(NOW) }, associations: [] });
      check(good, 201, hubSpotObject);
    } finally {
      failing.close();
      passing.close();
    }
  });

  it('failRate 0 and latency still answer correctly', async () => {
    const h = harness({ app: { failRate: 0, latencyMs: 20 } });
    try {
      const created = check(await h.req('POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: String(NOW) }, associations: [] }), 201, hubSpotObject);
      const page = check(await h.req('GET', '/crm/v3/objects/calls'), 200, listPage);
      expect(page.results.map((r) => r.id)).toEqual([created.id]);
      parse(errorBody, (await h.req('GET', '/crm/v3/objects/calls/999999')).body);
    } finally {
      h.close();
    }
  });
});
