/** /api/views over HTTP, as the browser (and anyone with access to the server) meets it: status, body, read back. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createServerApp } from '../app.ts';
import type { ServerConfig } from '../config.ts';
import type { Upstream } from '../proxy.ts';
import { openAppDb, type AppDb } from '../store/connection.ts';
import { postThenSigkill } from './kill-test-helpers.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'hca-views-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const upstream: Upstream = { mode: 'hubspot', host: 'fake', baseUrl: 'http://fake.example', fetch: async () => new Response('{}') };
const PASSWORD = 'correct horse battery';

function config(patch: Partial<ServerConfig> = {}): ServerConfig {
  return { host: '127.0.0.1', port: 4173, adminUser: 'admin', upstream: { mode: 'hubspot', baseUrl: 'http://fake.example' }, apiVersion: '2026-09', timeoutMs: 1000, appDb: ':memory:', ...patch };
}

const open: AppDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** The whole server app (guards, auth, /api) over `db`; requests as the app's own page sends them. */
function serverOver(db: AppDb, opts: { log?: (line: string) => void; patch?: Partial<ServerConfig> } = {}) {
  const app = createServerApp({ config: config(opts.patch), upstream, appDb: db, ...(opts.log ? { log: opts.log } : {}) });
  return async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const res = await app.request(`http://127.0.0.1:4173${url}`, {
      method,
      headers: {
        host: '127.0.0.1:4173',
        'sec-fetch-site': 'same-origin',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    const json = res.headers.get('content-type')?.startsWith('application/json');
    return { status: res.status, body: json ? (JSON.parse(text) as unknown) : text || undefined, headers: res.headers };
  };
}

function memoryServer() {
  const db = openAppDb(':memory:');
  open.push(db);
  return serverOver(db);
}

const triage = {
  name: 'Missed calls this week',
  search: 'outcome=73a0d17f-1163-4015-bdd5-ec830791da20&sort=-time&size=50',
  columns: { order: ['title', 'time', 'outcome', 'owner'], hidden: ['owner'], widths: { title: 320 } },
  density: 'compact',
};

describe('/api/views', () => {
  it('creates a view (201 with its URL) that everyone then lists and reads', async () => {
    const api = memoryServer();
    const created = await api('POST', '/api/views', triage);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...triage, id: expect.stringMatching(/^\d+$/) as string });
    const { id } = created.body as { id: string };
    expect(created.headers.get('location')).toBe(`/api/views/${id}`);
    expect(created.headers.get('cache-control')).toBe('no-store');

    const list = await api('GET', '/api/views');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ results: [created.body] });
    expect(await api('GET', `/api/views/${id}`)).toMatchObject({ status: 200, body: created.body });
  });

  it('stores the plain list (empty search) without columns or density, and drops a leading "?"', async () => {
    const api = memoryServer();
    const plain = await api('POST', '/api/views', { name: 'Everything', search: '' });
    expect(plain).toMatchObject({ status: 201, body: { name: 'Everything', search: '', columns: null, density: null } });
    const withMark = await api('POST', '/api/views', { name: 'Inbound', search: '?direction=INBOUND' });
    expect(withMark.body).toMatchObject({ search: 'direction=INBOUND' });
  });

  it('lists views by name, whatever their case', async () => {
    const api = memoryServer();
    for (const name of ['zeta', 'Alpha', 'beta']) await api('POST', '/api/views', { name, search: '' });
    const list = (await api('GET', '/api/views')).body as { results: { name: string }[] };
    expect(list.results.map((v) => v.name)).toEqual(['Alpha', 'beta', 'zeta']);
  });

  it('refuses a name another view has, in any case or spacing, with 409 on the name field', async () => {
    const api = memoryServer();
    await api('POST', '/api/views', triage);
    const again = await api('POST', '/api/views', { ...triage, name: '  missed CALLS   this week ' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      status: 'error',
      category: 'CONFLICT',
      message: 'A view named "Missed calls this week" already exists. Choose another name.',
      errors: [{ in: 'name', message: 'A view named "Missed calls this week" already exists. Choose another name.' }],
    });
    expect(((await api('GET', '/api/views')).body as { results: unknown[] }).results).toHaveLength(1);
  });

  it.each([
    ['no name', { search: '' }, 'name', 'name: The name must be text.'],
    ['an empty name', { name: '', search: '' }, 'name', 'name: Give the view a name.'],
    ['a name of spaces', { name: '   ', search: '' }, 'name', 'name: Give the view a name.'],
    ['an 81-character name', { name: 'x'.repeat(81), search: '' }, 'name', 'name: Names are at most 80 characters.'],
    ['a control character in the name', { name: 'a\u0000b', search: '' }, 'name', 'name: The name cannot contain control characters.'],
    ['a search with a space', { name: 'v', search: 'q=two words' }, 'search', 'search: search must be a URL query string, e.g. "outcome=…&sort=-time".'],
    ['a search with a fragment', { name: 'v', search: 'q=a#b' }, 'search', 'search: search must be a URL query string, e.g. "outcome=…&sort=-time".'],
    ['a search too long', { name: 'v', search: `q=${'a'.repeat(4000)}` }, 'search', 'search: search is at most 4000 characters.'],
    ['an unknown density', { name: 'v', search: '', density: 'cosy' }, 'density', undefined],
    ['a column width out of range', { name: 'v', search: '', columns: { order: [], hidden: [], widths: { title: 5 } } }, 'columns', undefined],
    ['an odd column id', { name: 'v', search: '', columns: { order: ['<b>'], hidden: [], widths: {} } }, 'columns', undefined],
    ['an unknown field', { name: 'v', search: '', owner: 'me' }, 'body', undefined],
    ['an array', [], 'body', undefined],
  ])('answers 400 for %s, naming the field, and stores nothing', async (_what, body, field, message) => {
    const api = memoryServer();
    const res = await api('POST', '/api/views', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', errors: [expect.objectContaining({ in: field })] });
    if (message) expect((res.body as { message: string }).message).toBe(message);
    expect((await api('GET', '/api/views')).body).toEqual({ results: [] });
  });

  it('answers 400 for malformed JSON, 415 for another content type, 413 for a huge body', async () => {
    const api = memoryServer();
    expect(await api('POST', '/api/views', '{"name": ')).toMatchObject({ status: 400, body: { message: 'The request body is not valid JSON.' } });
    const text = await api('POST', '/api/views', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(text).toMatchObject({ status: 415, body: { category: 'UNSUPPORTED_MEDIA_TYPE' } });
    const huge = await api('POST', '/api/views', { name: 'big', search: '', padding: 'x'.repeat(40_000) });
    expect(huge).toMatchObject({ status: 413, body: { category: 'PAYLOAD_TOO_LARGE', message: 'Request bodies are limited to 32768 bytes.' } });
    expect((await api('GET', '/api/views')).body).toEqual({ results: [] });
  });

  it('renames a view and changes its state; the new values read back', async () => {
    const api = memoryServer();
    const { id } = (await api('POST', '/api/views', triage)).body as { id: string };
    const renamed = await api('PATCH', `/api/views/${id}`, { name: 'No answer' });
    expect(renamed).toMatchObject({ status: 200, body: { ...triage, id, name: 'No answer' } });
    const changed = await api('PATCH', `/api/views/${id}`, { search: 'direction=INBOUND', density: null, columns: null });
    expect(changed).toMatchObject({ status: 200, body: { id, name: 'No answer', search: 'direction=INBOUND', density: null, columns: null } });
    expect((await api('GET', `/api/views/${id}`)).body).toEqual(changed.body);
  });

  it('lets a view change the case of its own name, but not take another view’s', async () => {
    const api = memoryServer();
    const { id } = (await api('POST', '/api/views', triage)).body as { id: string };
    await api('POST', '/api/views', { name: 'Inbound', search: 'direction=INBOUND' });
    expect(await api('PATCH', `/api/views/${id}`, { name: 'MISSED calls this week' })).toMatchObject({ status: 200, body: { name: 'MISSED calls this week' } });
    const taken = await api('PATCH', `/api/views/${id}`, { name: 'inbound' });
    expect(taken).toMatchObject({ status: 409, body: { message: 'A view named "Inbound" already exists. Choose another name.', errors: [{ in: 'name' }] } });
    expect((await api('GET', `/api/views/${id}`)).body).toMatchObject({ name: 'MISSED calls this week' });
  });

  it('answers 400 for an empty change and 404 for a view that does not exist', async () => {
    const api = memoryServer();
    const { id } = (await api('POST', '/api/views', triage)).body as { id: string };
    expect(await api('PATCH', `/api/views/${id}`, {})).toMatchObject({ status: 400, body: { message: 'Send at least one of name, search, columns, density.' } });
    for (const missing of ['999', 'abc', '0', '1e3', '99999999999999999999']) {
      expect(await api('GET', `/api/views/${missing}`)).toMatchObject({ status: 404, body: { category: 'NOT_FOUND' } });
      expect(await api('PATCH', `/api/views/${missing}`, { name: 'x' })).toMatchObject({ status: 404, body: { category: 'NOT_FOUND' } });
      expect(await api('DELETE', `/api/views/${missing}`)).toMatchObject({ status: 404, body: { category: 'NOT_FOUND' } });
    }
  });

  it('deletes a view (204); it is gone for everyone', async () => {
    const api = memoryServer();
    const { id } = (await api('POST', '/api/views', triage)).body as { id: string };
    const deleted = await api('DELETE', `/api/views/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect(await api('GET', `/api/views/${id}`)).toMatchObject({ status: 404, body: { message: `There is no saved view "${id}": it may have been deleted.` } });
    expect((await api('GET', '/api/views')).body).toEqual({ results: [] });
    // The name is free again.
    expect((await api('POST', '/api/views', triage)).status).toBe(201);
  });

  it('refuses other sites (reads too), asks for the password when one is set, and keeps unknown /api paths JSON', async () => {
    const db = openAppDb(':memory:');
    open.push(db);
    const api = serverOver(db);
    for (const [method, body] of [['GET', undefined], ['POST', triage]] as const) {
      const res = await api(method, '/api/views', body, { 'sec-fetch-site': 'cross-site' });
      expect(`${method} ${res.status}`).toBe(`${method} 403`);
    }
    expect((await api('POST', '/api/views', triage, { 'sec-fetch-site': 'none', origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('GET', '/api/views')).body).toEqual({ results: [] });
    expect(await api('GET', '/api/nothing-here')).toMatchObject({ status: 404, body: { category: 'NOT_FOUND', message: 'There is no GET /api/nothing-here on this server.' } });
    expect(await api('PUT', '/api/views/1', { name: 'x' })).toMatchObject({ status: 404, body: { category: 'NOT_FOUND' } });

    const guarded = serverOver(db, { patch: { host: '0.0.0.0', adminPassword: PASSWORD } });
    expect((await guarded('GET', '/api/views')).status).toBe(401);
    const signedIn = await guarded('POST', '/api/views', triage, { authorization: `Basic ${btoa(`admin:${PASSWORD}`)}` });
    expect(signedIn.status).toBe(201);
  });

  it('answers a fault of the store with a 500 JSON message and a log line', async () => {
    const db = openAppDb(':memory:');
    const lines: string[] = [];
    const api = serverOver(db, { log: (line) => lines.push(line) });
    db.close();
    const res = await api('GET', '/api/views');
    expect(res).toMatchObject({ status: 500, body: { category: 'INTERNAL_ERROR', message: expect.stringMatching(/^The server could not complete the request/) as string } });
    expect(lines).toEqual([expect.stringMatching(/^\[api\] GET \/api\/views failed: /)]);
  });
});

describe('the app database file', () => {
  it('is created on first open, and views survive closing and reopening it', async () => {
    const file = path.join(temp, 'nested', 'app.sqlite');
    const first = openAppDb(file);
    const created = await serverOver(first)('POST', '/api/views', triage);
    first.close();

    const again = openAppDb(file);
    open.push(again);
    expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect((await serverOver(again)('GET', '/api/views')).body).toEqual({ results: [created.body] });
  });

  it('keeps a view the API acknowledged when the server process is killed with SIGKILL right after', async () => {
    const file = path.join(temp, 'killed.sqlite');
    const answer = await postThenSigkill(temp, file, '/api/views', triage);
    expect(answer).toMatch(/^201 /);

    const db = openAppDb(file);
    open.push(db);
    expect((await serverOver(db)('GET', '/api/views')).body).toEqual({ results: [JSON.parse(answer.slice(4))] });
  });
});
