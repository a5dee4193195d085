/**
 * /api/hygiene through the whole server app, reading the embedded HubSpot mock (calls and contacts created
 * through its API, as HubSpot would have them): queues, scan, refresh, cancel, as the browser sees them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServerApp } from '../app.ts';
import type { ServerConfig } from '../config.ts';
import type { HygieneScanner } from '../hygiene/scan.ts';
import { createMockApp } from '../mock/app.ts';
import { fixedClock } from '../mock/clock.ts';
import { openMockDb } from '../mock/store/index.ts';
import type { Upstream } from '../proxy.ts';
import { openAppDb, type AppDb } from '../store/connection.ts';

const TOKEN = 'hygiene-test-token';
const V = '/crm/objects/2026-09';
const HOUR = 3_600_000;
const NO_ANSWER = '73a0d17f-1163-4015-bdd5-ec830791da20';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const close of cleanup.splice(0)) close();
});

type Json = Record<string, unknown>;

/** A mock HubSpot (empty account) an hour behind, our server over it, and helpers to drive both. */
function setup(opts: { gate?: () => Promise<void>; associationPageSize?: number } = {}) {
  const clock = fixedClock(Date.now() - HOUR);
  const mockDb = openMockDb({ file: ':memory:', seed: 'empty', clock });
  const mock = createMockApp({ db: mockDb, token: TOKEN, clock, ...(opts.associationPageSize ? { associationPageSize: opts.associationPageSize } : {}) });
  const appDb: AppDb = openAppDb(':memory:');
  cleanup.push(() => mockDb.close(), () => appDb.close());
  let requests = 0;
  const upstream: Upstream = {
    mode: 'mock',
    host: 'embedded',
    baseUrl: 'http://hubspot-mock.internal',
    token: TOKEN,
    fetch: async (request) => {
      requests += 1;
      await opts.gate?.();
      return mock.fetch(request);
    },
  };
  const config: ServerConfig = { host: '127.0.0.1', port: 4173, adminUser: 'admin', upstream: { mode: 'mock', dbFile: ':memory:', batchMode: 'atomic', searchLagMs: 0 }, apiVersion: '2026-09', timeoutMs: 1000, appDb: ':memory:' };
  let scanner: HygieneScanner | undefined;
  const app = createServerApp({ config, upstream, appDb, onScanner: (s) => (scanner = s) });

  const api = async (method: string, url: string, body?: unknown) => {
    const res = await app.request(`http://127.0.0.1:4173${url}`, {
      method,
      headers: { host: '127.0.0.1:4173', 'sec-fetch-site': 'same-origin', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const hubspot = async (method: string, path: string, body?: unknown): Promise<Json & { id: string }> => {
    const res = await mock.request(path, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    expect(res.status, `${method} ${path}`).toBeLessThan(300);
    return res.status === 204 ? { id: '' } : ((await res.json()) as Json & { id: string });
  };
  const contact = (firstname: string, phone: string) => hubspot('POST', `${V}/contacts`, { properties: { firstname, phone } });
  const call = (properties: Record<string, string>, contactIds: string[] = []) =>
    hubspot('POST', `${V}/calls`, {
      properties: { hs_timestamp: new Date(clock.now()).toISOString(), hs_call_disposition: NO_ANSWER, hs_call_status: 'COMPLETED', hs_call_duration: '60000', ...properties },
      associations: contactIds.map((id) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] })),
    });
  /** Starts a scan and waits for it to end; the final progress. */
  const scan = async (body?: unknown) => {
    const started = await api('POST', '/api/hygiene/scan', body);
    expect(started.status).toBe(202);
    await scanner?.settled();
    return (await api('GET', '/api/hygiene/scan')).body;
  };
  const queue = async (id: string) => ((await api('GET', '/api/hygiene/queues')).body.queues as Json[]).find((q) => q.id === id);
  return { clock, api, hubspot, contact, call, scan, queue, requests: () => requests, settled: () => scanner?.settled() };
}

describe('/api/hygiene', () => {
  it('lists the queues before any scan: search counts now, scan counts unknown', async () => {
    const h = setup();
    await h.call({});
    await h.call({ hs_call_disposition: '' });
    const res = await h.api('GET', '/api/hygiene/queues');
    expect(res.status).toBe(200);
    const queues = res.body.queues as Json[];
    expect(queues.map((q) => q.id)).toEqual(['no-outcome', 'unknown-outcome', 'no-association', 'placeholder-contact', 'no-owner', 'zero-duration', 'duplicates', 'missed-no-callback']);
    expect(queues[0]).toMatchObject({ title: 'No outcome', source: 'search', count: 1, computedAt: expect.any(String) as string, filterGroups: [{ filters: [{ propertyName: 'hs_call_disposition', operator: 'NOT_HAS_PROPERTY' }] }] });
    expect(queues[2]).toMatchObject({ title: 'No contact or company', source: 'scan', count: null, computedAt: null });
    expect(res.body.scan).toBeNull();
    expect(await h.api('GET', '/api/hygiene/queues/duplicates/calls')).toMatchObject({ status: 409, body: { category: 'SCAN_REQUIRED' } });
    expect(await h.api('GET', '/api/hygiene/queues/nope/calls')).toMatchObject({ status: 404, body: { category: 'NOT_FOUND' } });
    expect(await h.api('GET', '/api/hygiene/scan')).toMatchObject({ status: 404 });
  });

  it('a full scan finds an orphan call, a placeholder contact, duplicates and a missed call not called back', async () => {
    const h = setup();
    const ada = await h.contact('Ada', '+14155550101');
    const caller = await h.contact('Caller +1 415 555 0199', '+14155550199');
    const orphan = await h.call({ hs_call_title: 'Lost call' });
    await h.call({}, [ada.id]);
    const onPlaceholder = await h.call({}, [caller.id]);
    const dup1 = await h.call({ hs_call_external_id: 'dialer-42' }, [ada.id]);
    const dup2 = await h.call({ hs_call_external_id: 'dialer-42' }, [ada.id]);
    const missed = await h.call({ hs_call_direction: 'INBOUND', hs_call_status: 'NO_ANSWER', hs_call_from_number: '+1 415 555 0101' }, [ada.id]);

    const done = await h.scan();
    expect(done).toMatchObject({ mode: 'full', status: 'done', callsRead: 6, callsTotal: 6, error: null, finishedAt: expect.any(String) as string });
    expect(await h.queue('no-association')).toMatchObject({ count: 1, computedAt: done.finishedAt });
    expect((await h.api('GET', '/api/hygiene/queues/no-association/calls')).body).toEqual({ id: 'no-association', source: 'scan', computedAt: done.finishedAt, callIds: [orphan.id] });
    expect((await h.api('GET', '/api/hygiene/queues/placeholder-contact/calls')).body).toMatchObject({ callIds: [onPlaceholder.id] });
    expect((await h.api('GET', '/api/hygiene/queues/duplicates/calls')).body).toMatchObject({ groups: [[dup2.id, dup1.id]] });
    expect((await h.api('GET', '/api/hygiene/queues/missed-no-callback/calls')).body).toMatchObject({ callIds: [missed.id] });
    expect((await h.api('GET', '/api/hygiene/queues/no-outcome/calls')).body).toMatchObject({ source: 'search', filterGroups: [{ filters: [{ operator: 'NOT_HAS_PROPERTY' }] }] });

    // Marked handled in the journal: the missed call leaves its queue.
    await h.api('POST', '/api/journal/handled', { callIds: [missed.id] });
    expect(await h.queue('missed-no-callback')).toMatchObject({ count: 0 });
    expect(await h.api('GET', '/api/hygiene/queues?days=0')).toMatchObject({ status: 400, body: { errors: [{ in: 'days' }] } });
  });

  it('a refresh reads only what changed since: a changed call, a new one, a repaired orphan, a deleted call', async () => {
    const h = setup();
    const ada = await h.contact('Ada', '+14155550101');
    const orphan = await h.call({});
    const changed = await h.call({}, [ada.id]);
    const deleted = await h.call({});
    for (let i = 0; i < 5; i += 1) await h.call({}, [ada.id]);
    expect(await h.scan()).toMatchObject({ mode: 'full', callsRead: 8 });
    expect(await h.queue('no-association')).toMatchObject({ count: 2 });

    // An hour later in HubSpot: after the scan started.
    h.clock.set(Date.now() + 1000);
    await h.hubspot('PATCH', `${V}/calls/${changed.id}`, { properties: { hs_call_direction: 'INBOUND', hs_call_status: 'MISSED', hs_call_from_number: '+14155550101' } });
    const added = await h.call({ hs_call_title: 'New orphan' });
    await h.hubspot('PUT', `${V}/calls/${orphan.id}/associations/contacts/${ada.id}`, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }]);
    await h.hubspot('DELETE', `${V}/calls/${deleted.id}`);

    const refreshed = await h.scan({ mode: 'incremental' });
    expect(refreshed).toMatchObject({ mode: 'incremental', status: 'done', callsRead: 2 });
    expect((await h.api('GET', '/api/hygiene/queues/no-association/calls')).body).toMatchObject({ callIds: [added.id] });
    expect((await h.api('GET', '/api/hygiene/queues/missed-no-callback/calls')).body).toMatchObject({ callIds: [changed.id] });
  });

  it('a refresh reads every contact of a changed call, on however many pages HubSpot answers them', async () => {
    const h = setup({ associationPageSize: 2 });
    const ada = await h.contact('Ada', '+14155550101');
    const bob = await h.contact('Bob', '+14155550102');
    const caller = await h.contact('Caller +1 415 555 0199', '+14155550199');
    const call = await h.call({}, [ada.id]);
    expect(await h.scan()).toMatchObject({ mode: 'full', status: 'done' });

    h.clock.set(Date.now() + 1000);
    for (const c of [bob, caller]) await h.hubspot('PUT', `${V}/calls/${call.id}/associations/contacts/${c.id}`, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }]);
    await h.hubspot('PATCH', `${V}/calls/${call.id}`, { properties: { hs_call_title: 'Now with three contacts' } });
    expect(await h.scan({ mode: 'incremental' })).toMatchObject({ mode: 'incremental', status: 'done', callsRead: 1 });
    // the placeholder contact is the third, on HubSpot's second page of the call's contacts
    expect((await h.api('GET', '/api/hygiene/queues/placeholder-contact/calls')).body).toMatchObject({ callIds: [call.id] });
  });

  it('cancel stops a scan under way and keeps the last finished result', async () => {
    let release: () => void = () => {};
    let gated = false;
    const h = setup({ gate: () => (gated ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()) });
    await h.call({});
    await h.scan();
    gated = true;
    await h.call({});
    const before = h.requests();
    expect(await h.api('POST', '/api/hygiene/scan', { mode: 'full' })).toMatchObject({ status: 202, body: { status: 'running', mode: 'full' } });
    expect(await h.api('POST', '/api/hygiene/scan')).toMatchObject({ status: 200, body: { status: 'running' } });
    const cancelled = await h.api('DELETE', '/api/hygiene/scan');
    expect(cancelled.status).toBe(200);
    await h.settled(); // without an answer to the request under way
    expect((await h.api('GET', '/api/hygiene/scan')).body).toMatchObject({ status: 'cancelled', mode: 'full' });
    gated = false;
    release();
    expect(h.requests() - before).toBe(1); // the request under way when it was cancelled, none after
    expect(await h.queue('no-association')).toMatchObject({ count: 1 }); // the first scan's result
    expect(await h.api('DELETE', '/api/hygiene/scan')).toMatchObject({ status: 409, body: { message: 'No scan is under way.' } });
  });
});
