import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { HubSpotApiError } from './errors';
import { abortableSleep, buildQuery, configureHttp, hubspotRequest, resetHttpConfig, subscribeRetryNotice, type RetryNotice } from './http';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/** A fake network answering each request with the next scripted reply, recording what was sent. */
function scriptFetch(replies: Reply[]) {
  const sent: { url: string; method: string; body?: string }[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    sent.push({ url, method: init.method ?? 'GET', body: typeof init.body === 'string' ? init.body : undefined });
    const reply = replies.shift();
    if (!reply) throw new Error('no more scripted replies');
    if (reply instanceof Error) throw reply;
    const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(reply.status === 204 ? null : text, { status: reply.status, headers: reply.headers });
  });
  vi.stubGlobal('fetch', fetchMock);
  return sent;
}

const ok = (body: unknown) => ({ status: 200, body });
const idSchema = z.object({ id: z.string() });
const sleeps: number[] = [];

beforeEach(() => {
  sleeps.length = 0;
  configureHttp({
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
});
afterEach(() => {
  resetHttpConfig();
  vi.unstubAllGlobals();
});

describe('hubspotRequest', () => {
  it('paces searches at HubSpot’s 5 a second: five at once, then one every 205 ms; other requests are not held', async () => {
    let clock = 10_000;
    configureHttp({
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    scriptFetch(Array.from({ length: 9 }, () => ok({ id: '1' })));
    const search = () => hubspotRequest('/crm/objects/2026-09/calls/search', { method: 'POST', body: {}, schema: idSchema });
    await Promise.all([search(), search(), search(), search(), search(), search(), search(), hubspotRequest('/crm/objects/2026-09/calls/1', { schema: idSchema })]);
    expect(sleeps).toEqual([205, 410]);
    // A second later the burst is back.
    sleeps.length = 0;
    clock += 1_500;
    await search();
    expect(sleeps).toEqual([]);
  });

  it('sends HubSpot paths through the proxy prefix with query and JSON body', async () => {
    const sent = scriptFetch([ok({ id: '7' })]);
    const res = await hubspotRequest('/crm/v3/objects/calls/7', {
      method: 'PATCH',
      query: { properties: ['a', 'b'], archived: false, skip: undefined },
      body: { properties: { hs_call_title: 'x' } },
      schema: idSchema,
    });
    expect(res).toEqual({ id: '7' });
    expect(sent).toEqual([{ url: '/hubspot/crm/v3/objects/calls/7?properties=a%2Cb&archived=false', method: 'PATCH', body: '{"properties":{"hs_call_title":"x"}}' }]);
  });

  it('rejects an answer of the wrong shape with a clear error', async () => {
    scriptFetch([ok({ nope: true })]);
    await expect(hubspotRequest('/crm/v3/objects/calls/1', { schema: idSchema })).rejects.toMatchObject({
      category: 'INVALID_RESPONSE',
      message: expect.stringContaining('id'),
    });
  });

  it('retries a read on 429 after Retry-After, showing a notice while it waits', async () => {
    const notices: (RetryNotice | null)[] = [];
    const unsubscribe = subscribeRetryNotice((n) => notices.push(n));
    const sent = scriptFetch([
      { status: 429, body: { status: 'error', message: 'limit', errorType: 'RATE_LIMIT' }, headers: { 'Retry-After': '2' } },
      ok({ id: '1' }),
    ]);
    await expect(hubspotRequest('/crm/v3/objects/calls/1', { schema: idSchema })).resolves.toEqual({ id: '1' });
    unsubscribe();
    expect(sent).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    expect(notices).toEqual([{ retryInSeconds: 2, reason: 'rate-limit' }, null]);
  });

  it('keeps the notice while another request still waits', async () => {
    const notices: (RetryNotice | null)[] = [];
    const unsubscribe = subscribeRetryNotice((n) => notices.push(n));
    const releases: (() => void)[] = [];
    configureHttp({ sleep: () => new Promise<void>((resolve) => releases.push(resolve)) });
    scriptFetch([
      { status: 429, headers: { 'Retry-After': '2' } },
      { status: 429, headers: { 'Retry-After': '5' } },
      ok({ id: 'a' }),
      ok({ id: 'b' }),
    ]);
    const a = hubspotRequest('/crm/v3/objects/calls/a', { schema: idSchema });
    await vi.waitFor(() => expect(releases).toHaveLength(1));
    const b = hubspotRequest('/crm/v3/objects/calls/b', { schema: idSchema });
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    releases[0]?.();
    await a;
    expect(notices.at(-1)).toEqual({ retryInSeconds: 5, reason: 'rate-limit' });
    releases[1]?.();
    await b;
    unsubscribe();
    expect(notices.at(-1)).toBeNull();
  });

  it('retries reads on 502/503/504 with growing backoff, then gives up with the last error', async () => {
    const sent = scriptFetch([{ status: 502 }, { status: 503 }, { status: 504 }, { status: 503, body: { message: 'still down', category: 'UNAVAILABLE' } }]);
    const err = await hubspotRequest('/crm/v3/objects/calls', { schema: idSchema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubSpotApiError);
    expect(err).toMatchObject({ status: 503, message: 'still down' });
    expect(sent).toHaveLength(4);
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it('treats search and batch read POSTs as reads', async () => {
    const sent = scriptFetch([{ status: 502 }, ok({ id: 's' })]);
    await expect(hubspotRequest('/crm/v3/objects/calls/search', { method: 'POST', body: {}, schema: idSchema })).resolves.toEqual({ id: 's' });
    expect(sent).toHaveLength(2);
  });

  it('does not retry a write on 502, because HubSpot may have applied it', async () => {
    const sent = scriptFetch([{ status: 502 }]);
    await expect(hubspotRequest('/crm/v3/objects/calls', { method: 'POST', body: {}, schema: idSchema })).rejects.toMatchObject({ status: 502 });
    expect(sent).toHaveLength(1);
  });

  it('retries a write on 429, which HubSpot answers before applying anything', async () => {
    const sent = scriptFetch([{ status: 429, headers: { 'Retry-After': '1' } }, { status: 201, body: { id: '9' } }]);
    await expect(hubspotRequest('/crm/v3/objects/calls', { method: 'POST', body: {}, schema: idSchema })).resolves.toEqual({ id: '9' });
    expect(sent.map((s) => s.method)).toEqual(['POST', 'POST']);
  });

  it('never retries other 4xx answers', async () => {
    const sent = scriptFetch([{ status: 400, body: { message: 'bad', category: 'VALIDATION_ERROR', correlationId: 'x' } }]);
    await expect(hubspotRequest('/crm/v3/objects/calls/1', { schema: idSchema })).rejects.toMatchObject({ status: 400, category: 'VALIDATION_ERROR' });
    expect(sent).toHaveLength(1);
  });

  it('stops retrying 429 after the bounded number of attempts', async () => {
    const sent = scriptFetch(Array.from({ length: 4 }, () => ({ status: 429, headers: { 'Retry-After': '60' } })));
    await expect(hubspotRequest('/crm/v3/objects/calls/1', { schema: idSchema })).rejects.toMatchObject({ status: 429 });
    expect(sent).toHaveLength(4);
    expect(sleeps).toEqual([30_000, 30_000, 30_000]);
  });

  it('turns a network failure into a clear error', async () => {
    scriptFetch([new TypeError('Failed to fetch')]);
    await expect(hubspotRequest('/crm/v3/objects/calls/1', { schema: idSchema })).rejects.toMatchObject({
      status: 0,
      category: 'NETWORK_ERROR',
      message: expect.stringContaining('Could not reach the server'),
    });
  });

  it('accepts 204 with no body', async () => {
    scriptFetch([{ status: 204 }]);
    await expect(hubspotRequest('/crm/v3/objects/calls/1', { method: 'DELETE', schema: z.undefined() })).resolves.toBeUndefined();
  });

  it('stops waiting for a retry when the caller aborts', async () => {
    let waiting = false;
    configureHttp({
      sleep: (ms, signal) => {
        waiting = true;
        return abortableSleep(ms, signal);
      },
    });
    const sent = scriptFetch([{ status: 429, headers: { 'Retry-After': '5' } }, ok({ id: 'never' })]);
    const controller = new AbortController();
    const pending = hubspotRequest('/crm/v3/objects/calls/1', { schema: idSchema, signal: controller.signal });
    await vi.waitFor(() => expect(waiting).toBe(true));
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(sent).toHaveLength(1);
  });
});

describe('buildQuery', () => {
  it('joins arrays with commas and drops empty values', () => {
    expect(buildQuery({ a: ['x', 'y'], b: [], c: undefined, d: 0 })).toBe('?a=x%2Cy&d=0');
    expect(buildQuery({})).toBe('');
  });
});
