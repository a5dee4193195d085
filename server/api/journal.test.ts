/** /api/journal over HTTP through the whole server app, as the browser meets it: status, body, read back. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createServerApp } from '../app.ts';
import type { ServerConfig } from '../config.ts';
import type { Upstream } from '../proxy.ts';
import { openAppDb, type AppDb } from '../store/connection.ts';
import { postThenSigkill } from './kill-test-helpers.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'hca-journal-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const upstream: Upstream = { mode: 'hubspot', host: 'fake', baseUrl: 'http://fake.example', fetch: async () => new Response('{}') };
const PASSWORD = 'correct horse battery';
const open: AppDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function config(patch: Partial<ServerConfig> = {}): ServerConfig {
  return { host: '127.0.0.1', port: 4173, adminUser: 'admin', upstream: { mode: 'hubspot', baseUrl: 'http://fake.example' }, apiVersion: '2026-09', timeoutMs: 1000, appDb: ':memory:', ...patch };
}

function serverOver(db: AppDb, patch: Partial<ServerConfig> = {}) {
  const app = createServerApp({ config: config(patch), upstream, appDb: db });
  const auth: Record<string, string> = patch.adminPassword ? { authorization: `Basic ${btoa(`admin:${patch.adminPassword}`)}` } : {};
  return async (method: string, url: string, body?: unknown) => {
    const res = await app.request(`http://127.0.0.1:4173${url}`, {
      method,
      headers: { host: '127.0.0.1:4173', 'sec-fetch-site': 'same-origin', ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & { id: string } };
  };
}

function memory(patch: Partial<ServerConfig> = {}) {
  const db = openAppDb(':memory:');
  open.push(db);
  return serverOver(db, patch);
}

const outcomeChange = (ids: string[]) => ({
  kind: 'outcome',
  summary: `Set outcome “No answer” on ${ids.length} calls`,
  records: ids.map((callId) => ({ callId, before: { hs_call_disposition: callId === '1' ? null : 'f240bbac-87c9-4f6e-bf70-924b57d47db7' }, after: { hs_call_disposition: '73a0d17f-1163-4015-bdd5-ec830791da20' } })),
});

describe('/api/journal', () => {
  it('records a change before it is applied (pending), then its per-call results, and lists it newest first', async () => {
    const api = memory();
    const created = await api('POST', '/api/journal', outcomeChange(['1', '2', '3']));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'outcome',
      summary: 'Set outcome “No answer” on 3 calls',
      actor: 'local user',
      status: 'pending',
      undoneAt: null,
      counts: { records: 3, applied: 0, failed: 0, pending: 3 },
    });

    const first = await api('POST', `/api/journal/${created.body.id}/results`, { results: [{ callId: '1', result: 'applied' }] });
    expect(first.body).toMatchObject({ status: 'pending', counts: { applied: 1, pending: 2 } });
    const done = await api('POST', `/api/journal/${created.body.id}/results`, {
      results: [{ callId: '2', result: 'applied' }, { callId: '3', result: 'failed', error: 'Property values were not valid' }],
      finished: true,
    });
    expect(done).toMatchObject({ status: 200, body: { status: 'partial', counts: { records: 3, applied: 2, failed: 1, pending: 0 } } });

    const records = await api('GET', `/api/journal/${created.body.id}/records`);
    expect(records.body).toEqual({
      results: [
        { callId: '1', before: { hs_call_disposition: null }, after: { hs_call_disposition: '73a0d17f-1163-4015-bdd5-ec830791da20' }, result: 'applied', error: null, undoResult: null, undoError: null },
        expect.objectContaining({ callId: '2', result: 'applied' }),
        expect.objectContaining({ callId: '3', result: 'failed', error: 'Property values were not valid' }),
      ],
    });

    const later = await api('POST', '/api/journal', { kind: 'owner', summary: 'Reassign 1 call to Ada', records: [] });
    const list = await api('GET', '/api/journal?limit=1');
    expect(list.body).toMatchObject({ results: [{ id: later.body.id, kind: 'owner' }], paging: { next: { before: later.body.id } } });
    expect((await api('GET', `/api/journal?before=${later.body.id}`)).body).toMatchObject({ results: [{ id: created.body.id, status: 'partial' }] });
  });

  it('takes a change of 2,500 calls in chunks of at most 1,000 records, beyond the 32 KB of other routes', async () => {
    const api = memory();
    const ids = Array.from({ length: 2500 }, (_, i) => String(1000 + i));
    const tooMany = await api('POST', '/api/journal', outcomeChange(ids.slice(0, 1001)));
    expect(tooMany).toMatchObject({ status: 400, body: { category: 'VALIDATION_ERROR', errors: [{ in: 'records' }] } });
    expect(String(tooMany.body.message)).toContain('add the rest with POST /api/journal/{id}/records');

    const first = outcomeChange(ids.slice(0, 1000));
    expect(JSON.stringify(first).length).toBeGreaterThan(32 * 1024);
    const entry = await api('POST', '/api/journal', first);
    expect(entry.status).toBe(201);
    for (const chunk of [ids.slice(1000, 2000), ids.slice(2000)]) {
      expect((await api('POST', `/api/journal/${entry.body.id}/records`, { records: outcomeChange(chunk).records })).status).toBe(200);
    }
    expect((await api('GET', `/api/journal/${entry.body.id}`)).body).toMatchObject({ counts: { records: 2500, pending: 2500 } });
    const page = await api('GET', `/api/journal/${entry.body.id}/records?limit=1000&after=1999`);
    expect((page.body.results as unknown[]).length).toBe(1000);

    // Finishing without a result for some calls counts them as not applied; a finished entry takes no more records.
    expect((await api('POST', `/api/journal/${entry.body.id}/results`, { results: [], finished: true })).body).toMatchObject({ status: 'failed', counts: { failed: 2500 } });
    expect(await api('POST', `/api/journal/${entry.body.id}/records`, { records: outcomeChange(['1']).records })).toMatchObject({
      status: 409,
      body: { category: 'CONFLICT', message: 'This change has finished: records can no longer be added to it.' },
    });
    // A body over the journal's own limit is refused while it arrives.
    const huge = await api('POST', '/api/journal', { ...outcomeChange(['1']), summary: 'x'.repeat(1024 * 1024) });
    expect(huge).toMatchObject({ status: 413, body: { category: 'PAYLOAD_TOO_LARGE' } });
  });

  it('gives undo the previous values and records what undo did, once', async () => {
    const api = memory();
    const entry = await api('POST', '/api/journal', outcomeChange(['1', '2']));
    expect(await api('POST', `/api/journal/${entry.body.id}/undo`, { results: [], finished: true })).toMatchObject({ status: 409, body: { message: 'This change is still being applied: undo it once it has finished.' } });
    await api('POST', `/api/journal/${entry.body.id}/results`, { results: [{ callId: '1', result: 'applied' }, { callId: '2', result: 'applied' }], finished: true });

    const undo = await api('POST', `/api/journal/${entry.body.id}/undo`, {
      actor: 'Grace',
      results: [{ callId: '1', result: 'undone' }, { callId: '2', result: 'skipped', reason: 'Changed in HubSpot since: outcome is now “Connected”.' }],
      finished: true,
    });
    expect(undo).toMatchObject({ status: 200, body: { undoneBy: 'Grace', undoneAt: expect.any(String) as string, counts: { undone: 1, undoSkipped: 1 } } });
    expect((await api('GET', `/api/journal/${entry.body.id}/records`)).body).toMatchObject({
      results: [{ callId: '1', undoResult: 'undone' }, { callId: '2', undoResult: 'skipped', undoError: 'Changed in HubSpot since: outcome is now “Connected”.' }],
    });
    expect((await api('POST', `/api/journal/${entry.body.id}/undo`, { results: [], finished: true })).status).toBe(409);
    expect(await api('POST', `/api/journal/${entry.body.id}/undo`, { results: [{ callId: '99', result: 'undone' }] })).toMatchObject({ status: 409 });
    expect(await api('GET', '/api/journal/12345')).toMatchObject({ status: 404, body: { category: 'NOT_FOUND' } });
  });

  it('names the signed-in user when the server has a password, whatever name the client sends', async () => {
    const signedIn = memory({ host: '0.0.0.0', adminPassword: PASSWORD });
    expect((await signedIn('POST', '/api/journal', { ...outcomeChange(['1']), actor: 'Mallory' })).body).toMatchObject({ actor: 'admin' });
    const local = memory();
    expect((await local('POST', '/api/journal', { ...outcomeChange(['1']), actor: '  Grace ' })).body).toMatchObject({ actor: 'Grace' });
  });

  it('marks missed calls handled, lists and unmarks them', async () => {
    const api = memory();
    expect(await api('POST', '/api/journal/handled', { callIds: ['7', '8'], note: 'Called back from my mobile' })).toMatchObject({
      status: 201,
      body: { results: [{ callId: '7', actor: 'local user', note: 'Called back from my mobile' }, { callId: '8' }] },
    });
    expect(await api('DELETE', '/api/journal/handled/7')).toMatchObject({ status: 204 });
    expect((await api('GET', '/api/journal/handled')).body).toMatchObject({ results: [{ callId: '8' }] });
    expect((await api('DELETE', '/api/journal/handled/7')).status).toBe(404);
    expect(await api('POST', '/api/journal/handled', { callIds: ['abc'] })).toMatchObject({ status: 400, body: { errors: [{ in: 'callIds' }] } });
  });

  it('keeps an entry through closing and reopening the database file, and through SIGKILL right after it was acknowledged', async () => {
    const file = path.join(temp, 'journal.sqlite');
    const db = openAppDb(file);
    const created = await serverOver(db)('POST', '/api/journal', outcomeChange(['1']));
    db.close();
    const again = openAppDb(file);
    open.push(again);
    expect((await serverOver(again)('GET', `/api/journal/${created.body.id}`)).body).toEqual(created.body);

    const killedFile = path.join(temp, 'killed.sqlite');
    const answer = await postThenSigkill(temp, killedFile, '/api/journal', outcomeChange(['5', '6']));
    expect(answer).toMatch(/^201 /);
    const survivor = openAppDb(killedFile);
    open.push(survivor);
    const acknowledged = JSON.parse(answer.slice(4)) as { id: string };
    expect((await serverOver(survivor)('GET', `/api/journal/${acknowledged.id}`)).body).toEqual(acknowledged);
  });

  it('after a restart (the server killed right after it acknowledged the results), lists the change and undoes it', async () => {
    const file = path.join(temp, 'restart.sqlite');
    const first = openAppDb(file);
    const created = await serverOver(first)('POST', '/api/journal', outcomeChange(['1', '2']));
    first.close();

    // The change's results are the last thing the server acknowledges before it is killed.
    const answer = await postThenSigkill(temp, file, `/api/journal/${created.body.id}/results`, {
      results: [
        { callId: '1', result: 'applied' },
        { callId: '2', result: 'applied' },
      ],
      finished: true,
    });
    expect(answer).toMatch(/^200 /);

    const restarted = openAppDb(file);
    open.push(restarted);
    const api = serverOver(restarted);
    expect((await api('GET', '/api/journal')).body).toMatchObject({
      results: [{ id: created.body.id, actor: 'local user', kind: 'outcome', status: 'applied', undoneAt: null, counts: { records: 2, applied: 2 } }],
    });
    // What undo needs: each call's previous values.
    expect((await api('GET', `/api/journal/${created.body.id}/records`)).body).toMatchObject({
      results: [
        { callId: '1', before: { hs_call_disposition: null }, result: 'applied', undoResult: null },
        { callId: '2', before: { hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7' }, result: 'applied', undoResult: null },
      ],
    });
    const undo = await api('POST', `/api/journal/${created.body.id}/undo`, { results: [{ callId: '1', result: 'undone' }, { callId: '2', result: 'undone' }], finished: true });
    expect(undo).toMatchObject({ status: 200, body: { undoneBy: 'local user', counts: { undone: 2 } } });
    expect((await api('GET', `/api/journal/${created.body.id}`)).body).toMatchObject({ undoneAt: expect.any(String) as string, counts: { undone: 2 } });
  });
});
