import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from './free-port.ts';
import { createProxyApp, httpUpstream } from './proxy.ts';
import { expectRefused } from './proxy-test-helpers.ts';

// The proxy's mechanics do not depend on the API version: these tests speak the legacy family (allowlist.test.ts covers each family).
const TOKEN = 'pat-na1-SECRET-0f3c7e2a-6b1d-4d2e-9a77-test-token';

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A fake HubSpot: records what it receives and answers per path; one answer deliberately echoes the token in headers. */
function fakeHubSpot(seen: Seen[]) {
  const app = new Hono();
  app.use('*', async (c, next) => {
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((v, k) => (headers[k] = v));
    seen.push({ method: c.req.method, path: new URL(c.req.url).pathname + new URL(c.req.url).search, headers, body: await c.req.raw.clone().text() });
    await next();
  });
  app.get('/crm/v3/objects/calls', (c) => {
    c.header('X-HubSpot-RateLimit-Max', '100');
    c.header('X-HubSpot-RateLimit-Remaining', '99');
    c.header('X-HubSpot-RateLimit-Interval-Milliseconds', '10000');
    c.header('Set-Cookie', 'hubspotutk=abc; Path=/');
    return c.json({ results: [{ id: '1', properties: { hs_call_title: 'Intro' } }] });
  });
  app.post('/crm/v3/objects/calls', async (c) => c.json({ id: '42', properties: (await c.req.json<{ properties: unknown }>()).properties }, 201));
  app.delete('/crm/v3/objects/calls/:id', (c) => c.body(null, 204));
  app.get('/crm/v3/objects/calls/:id', (c) =>
    c.json({ status: 'error', message: 'Object not found.  objectId are usually numeric.', correlationId: 'b4a5f0c2-0000-4000-8000-000000000001', category: 'OBJECT_NOT_FOUND' }, 404),
  );
  app.post('/crm/v3/objects/calls/search', (c) => {
    c.header('Retry-After', '3');
    c.header('X-HubSpot-RateLimit-Secondly', '5');
    c.header('X-HubSpot-RateLimit-Secondly-Remaining', '0');
    return c.json({ status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', correlationId: 'c0ffee00-0000-4000-8000-000000000002', policyName: 'SECONDLY' }, 429);
  });
  // A misbehaving upstream that reflects the Authorization header in response headers.
  app.get('/crm/v3/owners', (c) => {
    const auth = c.req.header('authorization') ?? '';
    c.header('X-HubSpot-RateLimit-Debug', auth);
    c.header('X-Echo', auth);
    return c.json({ results: [] });
  });
  app.get('/calling/v1/dispositions', () => new Promise<Response>(() => {})); // never answers
  return app;
}

async function listen(app: Hono): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve({ server, url: `http://127.0.0.1:${info.port}` }));
  });
}


async function everythingTheBrowserGets(res: Response): Promise<string> {
  const headers: string[] = [];
  res.headers.forEach((v, k) => headers.push(`${k}: ${v}`));
  return `${headers.join('\n')}\n\n${await res.text()}`;
}

const seen: Seen[] = [];
let upstream: { server: ServerType; url: string };
let proxy: Hono;

beforeAll(async () => {
  upstream = await listen(fakeHubSpot(seen));
  proxy = createProxyApp({ apiVersion: 'legacy', upstream: httpUpstream(upstream.url, TOKEN), timeoutMs: 500 });
});
afterAll(() => {
  upstream.server.close();
});
beforeEach(() => {
  seen.length = 0;
});

describe('HubSpot proxy', () => {
  it('adds the token upstream and drops the browser Authorization and Cookie headers', async () => {
    const res = await proxy.request('/hubspot/crm/v3/objects/calls?limit=1&properties=hs_call_title', {
      headers: { authorization: 'Bearer browser-supplied', cookie: 'session=abc', accept: 'application/json', 'x-custom': 'nope' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ results: [{ id: '1', properties: { hs_call_title: 'Intro' } }] });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.path).toBe('/crm/v3/objects/calls?limit=1&properties=hs_call_title');
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen[0]?.headers.cookie).toBeUndefined();
    expect(seen[0]?.headers['x-custom']).toBeUndefined();
  });

  it('passes rate-limit headers through but never Set-Cookie', async () => {
    const res = await proxy.request('/hubspot/crm/v3/objects/calls');
    expect(res.headers.get('x-hubspot-ratelimit-max')).toBe('100');
    expect(res.headers.get('x-hubspot-ratelimit-remaining')).toBe('99');
    expect(res.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('forwards JSON bodies and passes 201 and 204 statuses through', async () => {
    const created = await proxy.request('/hubspot/crm/v3/objects/calls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { hs_call_title: 'New' } }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: '42', properties: { hs_call_title: 'New' } });
    expect(seen[0]?.body).toBe('{"properties":{"hs_call_title":"New"}}');
    expect(seen[0]?.headers['content-type']).toBe('application/json');

    const deleted = await proxy.request('/hubspot/crm/v3/objects/calls/42', { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
  });

  it("passes HubSpot's error status and body through unchanged", async () => {
    const res = await proxy.request('/hubspot/crm/v3/objects/calls/999');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      status: 'error',
      message: 'Object not found.  objectId are usually numeric.',
      correlationId: 'b4a5f0c2-0000-4000-8000-000000000001',
      category: 'OBJECT_NOT_FOUND',
    });
  });

  it('passes a 429 with Retry-After and the rate-limit headers through', async () => {
    const res = await proxy.request('/hubspot/crm/v3/objects/calls/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"limit":1}',
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('x-hubspot-ratelimit-secondly')).toBe('5');
    expect(res.headers.get('x-hubspot-ratelimit-secondly-remaining')).toBe('0');
    expect(await res.json()).toMatchObject({ message: 'You have reached your secondly limit.', policyName: 'SECONDLY' });
  });

  it('never lets the token reach the browser, even when the upstream echoes it in headers', async () => {
    const res = await proxy.request('/hubspot/crm/v3/owners');
    expect(res.status).toBe(200);
    const everything = await everythingTheBrowserGets(res);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain('SECRET');
    expect(JSON.parse(everything.split('\n\n')[1] ?? '{}')).toEqual({ results: [] });
  });

  it.each([
    ['GET', '/crm/v3/objects/emails'],
    ['GET', '/crm/v3/objects/notes/1'],
    ['DELETE', '/crm/v3/objects/contacts/1'],
    ['POST', '/crm/v3/objects/contacts'],
    ['POST', '/crm/v3/properties/calls'],
    ['DELETE', '/crm/v3/properties/calls/hs_call_title'],
    ['GET', '/crm/v3/objects/calls/..%2F..%2Fowners'],
    ['GET', '/crm/v3/objects/calls/%2e%2e/emails'],
    ['GET', '/crm/v4/objects/contacts/1/associations/companies'],
    ['POST', '/oauth/v1/token'],
    ['GET', '/account-info/v3/api-usage/daily'],
    ['POST', '/crm/v3/extensions/calling/transcripts'],
    ['DELETE', '/crm/v3/extensions/calling/transcripts/7'],
  ])('refuses %s %s with a 403 in HubSpot error shape and forwards nothing', async (method, hubspotPath) => {
    const res = await proxy.request(`/hubspot${hubspotPath}`, {
      method,
      ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
    });
    await expectRefused(res, /only the HubSpot endpoints this app uses/);
    expect(seen).toHaveLength(0);
  });

  it('answers 502 in HubSpot error shape when the upstream cannot be reached', async () => {
    const port = await freePort();
    const unreachable = createProxyApp({ apiVersion: 'legacy', upstream: httpUpstream(`http://127.0.0.1:${port}`, TOKEN), timeoutMs: 2000 });
    const res = await unreachable.request('/hubspot/crm/v3/objects/calls');
    expect(res.status).toBe(502);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'error', category: 'BAD_GATEWAY' });
    expect(body.message).toBe(`Could not reach HubSpot (127.0.0.1:${port}): ECONNREFUSED.`);
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 504 in HubSpot error shape when the upstream does not answer in time', async () => {
    const res = await proxy.request('/hubspot/calling/v1/dispositions');
    expect(res.status).toBe(504);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'error', category: 'GATEWAY_TIMEOUT' });
    expect(body.message).toMatch(/did not answer within/);
  });

  it('GET /hubspot-connection gives the mode, host and API version, never the token', async () => {
    const res = await proxy.request('/hubspot-connection');
    expect(res.status).toBe(200);
    const text = await everythingTheBrowserGets(res);
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text.split('\n\n')[1] ?? '{}')).toEqual({ mode: 'hubspot', host: new URL(upstream.url).host, apiVersion: 'legacy' });
    expect(seen).toHaveLength(0);
  });

  it('refuses cross-site requests and non-JSON bodies', async () => {
    const guarded = createProxyApp({ apiVersion: 'legacy', upstream: httpUpstream(upstream.url, TOKEN) });
    const crossSite = await guarded.request('http://127.0.0.1:4173/hubspot/crm/v3/objects/calls/1', {
      method: 'DELETE',
      headers: { host: '127.0.0.1:4173', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ category: 'FORBIDDEN', message: 'Cross-site requests to the HubSpot proxy are not allowed.' });

    const originOnly = await guarded.request('http://127.0.0.1:4173/hubspot/crm/v3/objects/calls', {
      method: 'POST',
      headers: { host: '127.0.0.1:4173', origin: 'http://127.0.0.1:9999', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(originOnly.status).toBe(403);

    const sameOrigin = await guarded.request('http://127.0.0.1:4173/hubspot/crm/v3/objects/calls', {
      headers: { host: '127.0.0.1:4173', origin: 'http://127.0.0.1:4173', 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(200);

    const textBody = await guarded.request('http://127.0.0.1:4173/hubspot/crm/v3/objects/calls', {
      method: 'POST',
      headers: { host: '127.0.0.1:4173', 'content-type': 'text/plain' },
      body: '{"properties":{}}',
    });
    expect(textBody.status).toBe(415);
    expect(seen.filter((s) => s.method !== 'GET')).toHaveLength(0);
  });

  it('never writes the token in a log line', async () => {
    const lines: string[] = [];
    const port = await freePort();
    const logged = createProxyApp({ apiVersion: 'legacy', upstream: httpUpstream(`http://127.0.0.1:${port}`, TOKEN), log: (l) => lines.push(l) });
    await logged.request('/hubspot/crm/v3/objects/calls');
    await logged.request('/hubspot/crm/v3/objects/emails');
    expect(lines.length).toBe(2);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});

describe('embedded mock upstream', () => {
  it('serves HubSpot paths in-process with the per-process token injected and never exposed', async () => {
    const { embeddedMockUpstream } = await import('./proxy.ts');
    const mock = await embeddedMockUpstream({ dbFile: ':memory:' });
    try {
      const app = createProxyApp({ apiVersion: 'legacy', upstream: mock });
      const connection = await app.request('/hubspot-connection');
      expect(await connection.json()).toEqual({ mode: 'mock', host: 'embedded', apiVersion: 'legacy' });

      const list = await app.request('/hubspot/crm/v3/objects/calls?limit=2&properties=hs_call_title', { headers: { authorization: 'Bearer wrong' } });
      expect(list.status).toBe(200);
      const everything = await everythingTheBrowserGets(list);
      expect(everything).not.toContain(mock.token ?? 'no token');
      const body = JSON.parse(everything.split('\n\n')[1] ?? '{}') as { results: { id: string; properties: Record<string, string> }[] };
      expect(body.results).toHaveLength(2);
      expect(list.headers.get('x-hubspot-ratelimit-max')).toMatch(/^\d+$/);

      const created = await app.request('/hubspot/crm/v3/objects/calls', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ properties: { hs_timestamp: '2026-01-01T00:00:00.000Z', hs_call_title: 'Proxy test' } }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const read = await app.request(`/hubspot/crm/v3/objects/calls/${id}?properties=hs_call_title`);
      expect(((await read.json()) as { properties: Record<string, string> }).properties.hs_call_title).toBe('Proxy test');
    } finally {
      mock.close?.();
    }
  });
});
