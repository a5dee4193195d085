/**
 * The proxy's rules from issue 11 ("Nothing lost, nobody in"): HubSpot's data passes unchanged whatever the
 * token, bodies are limited while they arrive, records take only the pin, an outage is summarised in the log.
 */
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProxyApp } from './proxy.ts';
import { expectRefused } from './proxy-test-helpers.ts';
import type { Upstream } from './proxy.ts';

// The proxy's mechanics do not depend on the API version: these tests speak the legacy family (allowlist.test.ts covers each family).
const TOKEN = 'pat-na1-SECRET-0f3c7e2a-6b1d-4d2e-9a77-test-token';

/** Requests that reached the fake HubSpot: "METHOD path body". */
const seen: string[] = [];
beforeEach(() => {
  seen.length = 0;
});

/** A fake HubSpot in-process; every request it receives is recorded in `seen`. */
function fakeUpstream(hubspot: Hono, token: string | undefined = TOKEN): Upstream {
  return {
    mode: 'hubspot',
    host: 'fake',
    baseUrl: 'http://fake.example',
    ...(token ? { token } : {}),
    fetch: async (request) => {
      seen.push(`${request.method} ${new URL(request.url).pathname} ${await request.clone().text()}`);
      return hubspot.fetch(request);
    },
  };
}

const echo = new Hono();
echo.all('*', async (c) => c.body(await c.req.text(), 200, { 'content-type': 'application/json;charset=utf-8' }));
const proxy = createProxyApp({ apiVersion: 'legacy', upstream: fakeUpstream(echo) });

describe('the proxy never alters HubSpot data (issue 11, finding 2)', () => {
  const listBody = JSON.stringify({
    results: [{ id: '7', properties: { hs_call_title: 'developer onboarding', hs_call_body: 'Talked about the test plan at 3 pm.' } }],
  });
  function shortTokenProxy(token: string, seenBodies: string[] = []) {
    const hubspot = new Hono();
    hubspot.get('/crm/v3/objects/calls', (c) => c.body(listBody, 200, { 'content-type': 'application/json;charset=utf-8' }));
    hubspot.patch('/crm/v3/objects/calls/:id', async (c) => {
      const text = await c.req.text();
      seenBodies.push(text);
      return c.body(text, 200, { 'content-type': 'application/json;charset=utf-8' });
    });
    return createProxyApp({ apiVersion: 'legacy', upstream: fakeUpstream(hubspot, token) });
  }

  it.each(['dev', 't', 'e'])('passes bodies and headers through byte for byte with the token %j', async (token) => {
    const proxy = shortTokenProxy(token);
    const res = await proxy.request('/hubspot/crm/v3/objects/calls');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(await res.text()).toBe(listBody);
  });

  it('saving what the browser read writes the same text back', async () => {
    const seenBodies: string[] = [];
    const proxy = shortTokenProxy('dev', seenBodies);
    const read = (await (await proxy.request('/hubspot/crm/v3/objects/calls')).json()) as { results: { properties: Record<string, string> }[] };
    const properties = read.results[0]?.properties ?? {};
    const saved = await proxy.request('/hubspot/crm/v3/objects/calls/7', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ properties }),
    });
    expect(saved.status).toBe(200);
    expect(JSON.parse(seenBodies[0] ?? '{}')).toEqual({ properties: { hs_call_title: 'developer onboarding', hs_call_body: 'Talked about the test plan at 3 pm.' } });
    expect(((await saved.json()) as { properties: Record<string, string> }).properties.hs_call_title).toBe('developer onboarding');
  });
});

describe('request bodies are limited while they arrive (issue 11, finding 7)', () => {
  it('answers 413 to an oversized chunked body after reading little more than the limit', async () => {
    const limit = 64 * 1024;
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    let pulled = 0;
    const total = 8 * 1024 * 1024;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= total) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const limited = createProxyApp({ apiVersion: 'legacy', upstream: fakeUpstream(echo), maxBodyBytes: limit });
    const res = await limited.request('/hubspot/crm/v3/objects/calls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status: 'error', category: 'PAYLOAD_TOO_LARGE' });
    expect(pulled).toBeLessThan(limit * 2);
    expect(seen).toHaveLength(0);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const limited = createProxyApp({ apiVersion: 'legacy', upstream: fakeUpstream(echo), maxBodyBytes: 10 });
    const res = await limited.request('/hubspot/crm/v3/objects/calls', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '11' },
      body: '{"a":"123"}',
    });
    expect(res.status).toBe(413);
    expect(seen).toHaveLength(0);
  });
});

describe('record updates carry only the pin (issue 11, finding 10)', () => {
  it.each(['contacts', 'companies', 'deals', 'tickets'])('forwards a PATCH of %s that sets hs_pinned_engagement_id, unchanged', async (type) => {
    const text = '{"properties":{"hs_pinned_engagement_id":"42"}}';
    const res = await proxy.request(`/hubspot/crm/v3/objects/${type}/9`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: text });
    expect(res.status).toBe(200);
    expect(seen).toEqual([`PATCH /crm/v3/objects/${type}/9 ${text}`]);
  });

  it.each([
    ['contacts', { properties: { email: 'attacker@example.com' } }, 'also changes email'],
    ['deals', { properties: { hs_pinned_engagement_id: '42', amount: '0' } }, 'also changes amount'],
    ['tickets', { properties: { hs_pinned_engagement_id: '42' }, associations: [] }, 'also sends associations'],
    ['companies', { properties: { hs_pinned_engagement_id: 42 } }, 'does not set it to a string'],
    ['contacts', {}, 'has no "properties" object'],
  ])('refuses a PATCH of %s with %j in HubSpot error shape and forwards nothing', async (type, body, reason) => {
    const res = await proxy.request(`/hubspot/crm/v3/objects/${type}/9`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await expectRefused(res, `The proxy only lets this app change hs_pinned_engagement_id on ${type}; the request ${reason}.`);
    expect(seen).toHaveLength(0);
  });
});

describe('an upstream outage (issue 11, finding 11)', () => {
  afterEach(() => vi.useRealTimers());

  it('writes the first error, then one summary with the count and the first and last time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.parse('2026-11-30T10:00:00.000Z') });
    const lines: string[] = [];
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const down = createProxyApp({
      apiVersion: 'legacy',
      upstream: { mode: 'hubspot', host: 'api.hubapi.com', baseUrl: 'https://api.hubapi.com', token: TOKEN, fetch: () => Promise.reject(refused) },
      log: (line) => lines.push(line),
    });
    for (let i = 0; i < 100; i += 1) {
      const res = await down.request(i % 2 ? '/hubspot/crm/v3/objects/calls' : `/hubspot/crm/v3/objects/calls/${i}`);
      expect(res.status).toBe(502);
      vi.setSystemTime(Date.now() + 50);
    }
    expect(lines).toEqual(['[proxy] GET /crm/v3/objects/calls/0 → 502 (ECONNREFUSED)']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      '[proxy] 502: could not reach api.hubapi.com (ECONNREFUSED): 99 more times between 2026-11-30T10:00:00.050Z and 2026-11-30T10:00:04.950Z',
    );
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});
