/**
 * The mock's HTTP layer: sub-apps relative to their mount, a 500 with HubSpot's body for a bug
 * of the mock (400 stays for malformed input), and the body-size limit enforced while a body
 * streams in.
 */
import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BODY_BYTES } from '../routes/http';
import { AUTH, check, checkError, createCall, harness, NOW, type Harness, type Res } from './helpers';
import { hubSpotObject, listPage, searchPage } from './schemas';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
  vi.restoreAllMocks();
});

async function toRes(res: Response): Promise<Res> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? (JSON.parse(text) as unknown) : undefined };
}

describe('routes are sub-apps relative to their mount', () => {
  it('answers the same records under a second prefix, with paging links that name that prefix', async () => {
    // the date-versioned family mounts the same sub-apps under its own base
    h = harness();
    const a = await createCall(h, { hs_call_title: 'first' });
    const b = await createCall(h, { hs_call_title: 'second' });

    const read = check(await h.req('GET', `/crm/objects/2026-09/calls/${a.id}?properties=hs_call_title`), 200, hubSpotObject);
    expect(read.properties.hs_call_title).toBe('first');

    const page = check(await h.req('GET', '/crm/objects/2026-09/calls?limit=1'), 200, listPage);
    expect(page.results.map((r) => r.id)).toEqual([a.id]);
    expect(page.paging?.next?.link).toMatch(/^\/crm\/objects\/2026-09\/calls\?after=/);
    const v3 = check(await h.req('GET', '/crm/v3/objects/calls?limit=1'), 200, listPage);
    expect(v3.paging?.next?.link).toMatch(/^\/crm\/v3\/objects\/calls\?after=/);

    const search = { limit: 1, sorts: [{ propertyName: 'hs_call_title', direction: 'ASCENDING' }], properties: ['hs_call_title'] };
    const found = check(await h.req('POST', '/crm/objects/2026-09/calls/search', search), 200, searchPage);
    expect(found.results.map((r) => r.id)).toEqual([a.id]);
    expect(found.paging?.next?.link).toMatch(/^\/crm\/objects\/2026-09\/calls\/search\?after=1/);
    // the same search under v3 (answered from the app's read cache) names v3
    const v3found = check(await h.req('POST', '/crm/v3/objects/calls/search', search), 200, searchPage);
    expect(v3found.paging?.next?.link).toMatch(/^\/crm\/v3\/objects\/calls\/search\?after=1/);

    // the app's middleware and errors apply to the new mount too
    checkError(await h.req('GET', `/crm/objects/2026-09/calls/${b.id}`, undefined, { authorization: 'Bearer wrong' }), 401, 'INVALID_AUTHENTICATION');
    checkError(await h.req('GET', '/crm/objects/2026-09/calls/999999'), 404, 'OBJECT_NOT_FOUND');
    checkError(await h.req('POST', '/crm/objects/2026-09/calls', '{nope'), 400, 'VALIDATION_ERROR');
  });
});

describe('errors', () => {
  const SECRET = 'body-secret-3b1f';

  /** An app whose `/crm/v3/faulty` handler fails the way a bug would, after reading the body. */
  function faultyHarness(log?: (line: string) => void): Harness {
    const harnessed = harness(log ? { app: { log } } : {});
    const faulty = new Hono().post('/', async (c) => {
      await c.req.text();
      const missing = undefined as unknown as { properties: Record<string, string> };
      return c.json(missing.properties);
    });
    harnessed.app.route('/crm/v3/faulty', faulty);
    return harnessed;
  }

  it('answers an unexpected exception with 500 and HubSpot’s body, and logs it with the correlation id', async () => {
    const lines: string[] = [];
    h = faultyHarness((line) => lines.push(line));
    const res = await h.req('POST', '/crm/v3/faulty', { properties: { hs_call_body: SECRET } });
    const body = checkError(res, 500, 'INTERNAL_ERROR');
    expect(body.message).toBe('internal error');
    expect(res.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId);
    expect(res.text).not.toContain('properties');

    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(line).toContain(body.correlationId);
    expect(line).toContain('POST /crm/v3/faulty');
    expect(line).toMatch(/TypeError: Cannot read properties of undefined/);
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain(AUTH.authorization.slice('Bearer '.length));
  });

  it('logs to stderr by default', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    h = faultyHarness();
    const body = checkError(await h.req('POST', '/crm/v3/faulty', {}), 500, 'INTERNAL_ERROR');
    vi.restoreAllMocks();
    expect(written.filter((w) => w.includes(body.correlationId))).toHaveLength(1);
  });

  it('still answers malformed input with 400 VALIDATION_ERROR, and logs nothing', async () => {
    const lines: string[] = [];
    h = harness({ app: { log: (line) => lines.push(line) } });
    const json = { 'content-type': 'application/json' };
    const cases: [string, string, string | undefined, Record<string, string>, string][] = [
      ['POST', '/crm/v3/objects/calls', '{"properties": {', json, 'INVALID_JSON'],
      ['POST', '/crm/v3/objects/calls', '', json, 'INVALID_JSON'],
      ['POST', '/crm/v3/objects/calls/search', 'filterGroups=x', { 'content-type': 'application/x-www-form-urlencoded' }, 'INVALID_JSON'],
      ['POST', '/crm/v3/objects/calls/batch/read', 'inputs', { 'content-type': 'text/plain' }, 'INVALID_JSON'],
      ['POST', '/crm/v3/objects/calls', JSON.stringify({ properties: ['hs_timestamp'] }), json, 'INVALID_INPUT'],
      ['POST', '/crm/v3/objects/calls/search', JSON.stringify({ filterGroups: [{ filters: [{ propertyName: 'x', operator: 'LIKE' }] }] }), json, 'INVALID_INPUT'],
      ['GET', '/crm/v3/objects/calls?limit=abc', undefined, {}, 'INVALID_INTEGER'],
      ['GET', '/crm/v3/objects/calls?archived=maybe', undefined, {}, 'INVALID_BOOLEAN'],
    ];
    for (const [method, path, body, headers, code] of cases) {
      const res = await h.req(method, path, body, headers);
      const error = checkError(res, 400, 'VALIDATION_ERROR');
      expect(error.errors?.[0]?.code, `${method} ${path} ${body ?? ''}`).toBe(code);
    }
    expect(lines).toEqual([]);
  });
});

describe('request body size', () => {
  const CHUNK = 64 * 1024;

  /** A body that would produce `total` bytes of a JSON string, counting what was pulled from it. */
  function countingBody(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
    let produced = 0;
    const filler = new TextEncoder().encode('x'.repeat(CHUNK));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (produced === 0) {
          const head = new TextEncoder().encode('{"properties":{"hs_call_body":"');
          produced += head.byteLength;
          controller.enqueue(head);
        } else if (produced < total) {
          produced += filler.byteLength;
          controller.enqueue(filler);
        } else {
          controller.enqueue(new TextEncoder().encode('"}}'));
          controller.close();
        }
      },
    }, { highWaterMark: 0 }); // nothing is pulled before the server reads
    return { stream, pulled: () => produced };
  }

  async function post(app: Harness['app'], path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Promise<Response> {
    // a stream body is sent chunked, without Content-Length
    const init = { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json', ...headers }, body, duplex: 'half' };
    return app.request(`http://mock.test${path}`, init as RequestInit);
  }

  it('refuses a chunked body over the limit with 413 and HubSpot’s body, without reading all of it', async () => {
    h = harness();
    const total = 8 * MAX_BODY_BYTES;
    const body = countingBody(total);
    const res = await toRes(await post(h.app, '/crm/v3/objects/calls', body.stream));
    const error = checkError(res, 413, 'VALIDATION_ERROR');
    expect(error.errors?.[0]?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.pulled()).toBeGreaterThan(MAX_BODY_BYTES);
    expect(body.pulled()).toBeLessThan(MAX_BODY_BYTES + 4 * CHUNK);
    const none = check(await h.req('GET', '/crm/v3/objects/calls'), 200, listPage);
    expect(none.results).toEqual([]);
  });

  it('refuses a declared Content-Length over the limit before reading any of it', async () => {
    h = harness();
    const body = countingBody(2 * MAX_BODY_BYTES);
    const res = await toRes(await post(h.app, '/crm/v3/objects/calls/search', body.stream, { 'content-length': String(2 * MAX_BODY_BYTES) }));
    expect(checkError(res, 413, 'VALIDATION_ERROR').errors?.[0]?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.pulled()).toBe(0);
  });

  it('accepts a chunked body under the limit', async () => {
    h = harness();
    const encoded = new TextEncoder().encode(JSON.stringify({ properties: { hs_timestamp: String(NOW), hs_call_title: 'streamed' } }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoded.subarray(0, 10));
        controller.enqueue(encoded.subarray(10));
        controller.close();
      },
    });
    const created = check(await toRes(await post(h.app, '/crm/v3/objects/calls', stream)), 201, hubSpotObject);
    expect(created.properties.hs_call_title).toBe('streamed');
  });
});
