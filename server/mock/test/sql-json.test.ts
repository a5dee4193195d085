/**
 * List and search pages are written as JSON by SQLite (MockDb.listJson / searchJson), on reader
 * threads for a database file: every record in them must be exactly what a read by id (written
 * by objectToJson in JavaScript) answers, whatever the values hold, and a write must be visible
 * to the next page at once.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMockApp } from '../app';
import { fixedClock } from '../clock';
import { openMockDb } from '../store/index';
import { check, harness, NOW, send, TOKEN, type Harness, type MockApp } from './helpers';
import { hubSpotObject, listPage, searchPage } from './schemas';

/** Values JSON escapes differently in SQLite and JavaScript, or not at all. */
const AWKWARD = [
  'He said "hi" \\ then left',
  'line one\nline two\ttabbed\r\n',
  'control \u0001\u001f and \u007f',
  'accents: é, ß, 東京',
  'emoji 😀 and a lone part of one? no: 👩‍💻',
  'separators \u2028 and \u2029',
  '<b>bold</b> & <script>x</script>',
  '',
];

const PROPS = 'hs_call_title,hs_call_body,hs_call_direction,hs_call_status,hs_object_id,hs_createdate,hs_lastmodifieddate,hs_call_title,no_such_property';

/** The record as text, members in the order they came (JSON.parse keeps it). */
const canonical = (record: unknown): string => JSON.stringify(record);

async function createCalls(h: { req: Harness['req'] }, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const title = AWKWARD[i % AWKWARD.length] ?? '';
    const properties: Record<string, string> = {
      hs_timestamp: new Date(NOW - i * 3_600_123).toISOString(),
      hs_call_body: `<p>${AWKWARD[(i + 3) % AWKWARD.length] ?? ''}</p>`,
      hs_call_direction: i % 2 ? 'INBOUND' : 'OUTBOUND',
    };
    if (title) properties.hs_call_title = title;
    if (i % 3 === 0) properties.hs_call_status = 'COMPLETED';
    const r = await h.req('POST', '/crm/v3/objects/calls', { properties });
    ids.push(check(r, 201, hubSpotObject).id);
  }
  return ids;
}

async function expectSameAsReads(req: Harness['req'], records: unknown[], query: string): Promise<void> {
  expect(records.length).toBeGreaterThan(0);
  for (const record of records) {
    const { id } = z.object({ id: z.string() }).parse(record);
    const one = await req('GET', `/crm/v3/objects/calls/${id}?${query}`);
    expect(one.status).toBe(200);
    expect(canonical(record)).toBe(canonical(one.body));
  }
}

describe('list and search pages written by SQLite', () => {
  let h: Harness;
  let ids: string[];
  beforeAll(async () => {
    h = harness({ app: { readCache: false } });
    ids = await createCalls(h, 24);
    // an update and an archive, so modified and archived times differ from creation
    h.clock.advance(61_001);
    check(await h.req('PATCH', `/crm/v3/objects/calls/${ids[1] ?? ''}`, { properties: { hs_call_title: 'Renamed "again"' } }), 200, hubSpotObject);
    h.clock.advance(5_432);
    for (const id of ids.slice(20)) expect((await h.req('DELETE', `/crm/v3/objects/calls/${id}`)).status).toBe(204);
  });
  afterAll(() => h.close());

  it('a list page holds the same records, member for member, as reads by id', async () => {
    const page = check(await h.req('GET', `/crm/v3/objects/calls?limit=100&properties=${PROPS}`), 200, listPage);
    expect(page.results.map((r) => r.id)).toEqual(ids.slice(0, 20));
    await expectSameAsReads(h.req, page.results, `properties=${PROPS}`);
    // the default properties, when none are asked for
    const plain = check(await h.req('GET', '/crm/v3/objects/calls?limit=5'), 200, listPage);
    await expectSameAsReads(h.req, plain.results, '');
  });

  it('archived records carry archivedAt, as a read of an archived record does', async () => {
    const page = check(await h.req('GET', `/crm/v3/objects/calls?archived=true&properties=${PROPS}`), 200, listPage);
    expect(page.results.map((r) => r.id)).toEqual(ids.slice(20));
    expect(page.results.every((r) => r.archived && typeof r.archivedAt === 'string')).toBe(true);
    await expectSameAsReads(h.req, page.results, `archived=true&properties=${PROPS}`);
  });

  it('search results are the same records as reads by id, in the asked order', async () => {
    const r = await h.req('POST', '/crm/v3/objects/calls/search', {
      properties: PROPS.split(','),
      sorts: [{ propertyName: 'hs_timestamp', direction: 'ASCENDING' }],
      limit: 7,
      after: '3',
    });
    const page = check(r, 200, searchPage);
    expect(page.total).toBe(20);
    expect(page.results.map((x) => x.id)).toEqual(ids.slice(0, 20).reverse().slice(3, 10));
    expect(page.paging?.next.after).toBe('10');
    await expectSameAsReads(h.req, page.results, `properties=${PROPS}`);
  });

  it('paging cursors walk the list exactly once, and the last page has none', async () => {
    const seen: string[] = [];
    let after = '';
    for (let guard = 0; guard < 10; guard++) {
      const page = check(await h.req('GET', `/crm/v3/objects/calls?limit=4${after ? `&after=${after}` : ''}`), 200, listPage);
      seen.push(...page.results.map((r) => r.id));
      if (!page.paging) break;
      after = page.paging.next.after;
    }
    expect(seen).toEqual(ids.slice(0, 20));
    const empty = check(await h.req('GET', `/crm/v3/objects/calls?after=${ids[19] ?? ''}`), 200, listPage);
    expect(empty).toEqual({ results: [] });
  });

  it('many properties at once (SQLite writes up to 100, JavaScript beyond) answer as reads do', async () => {
    for (const n of [97, 130]) {
      const names = ['hs_call_title', 'hs_call_body', ...Array.from({ length: n - 2 }, (_, i) => `not_a_property_${i}`)].join(',');
      const page = check(await h.req('GET', `/crm/v3/objects/calls?limit=2&properties=${names}`), 200, listPage);
      expect(page.results[0]?.properties.hs_call_title).toBe(AWKWARD[0]);
      await expectSameAsReads(h.req, page.results, `properties=${names}`);
    }
  });

  it('names JavaScript would reorder (integer-like) still answer as a read does', async () => {
    const q = 'properties=123,hs_call_title';
    const page = check(await h.req('GET', `/crm/v3/objects/calls?limit=3&${q}`), 200, listPage);
    await expectSameAsReads(h.req, page.results, q);
  });
});

describe('reader threads on a database file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mock-readers-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const bodyOf = async (app: MockApp, method: string, p: string, body?: unknown): Promise<string> => {
    const r = await send(app, method, p, body);
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    return r.text;
  };

  it('answer exactly what the main thread answers, and see every write at once', async () => {
    const file = path.join(dir, 'readers.sqlite');
    const clock = fixedClock(NOW);
    const withReaders = openMockDb({ file, seed: 'demo', clock, readers: 1 });
    const pool = withReaders.startReaders(1);
    expect(pool).toBeDefined();
    await pool?.whenReady();
    expect(pool?.readyCount).toBe(1);
    const inline = openMockDb({ file, clock });
    try {
      const threaded = createMockApp({ db: withReaders, token: TOKEN, clock, readCache: false });
      const direct = createMockApp({ db: inline, token: TOKEN, clock, readCache: false });
      const search = {
        filterGroups: [{ filters: [{ propertyName: 'hs_call_direction', operator: 'EQ', value: 'INBOUND' }] }],
        sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
        properties: ['hs_call_title', 'hs_call_body', 'hs_timestamp'],
        limit: 50,
        after: '20',
      };
      for (const [method, p, body] of [
        ['GET', '/crm/v3/objects/calls?limit=100&properties=hs_call_title,hs_call_body,hs_call_disposition'],
        ['GET', '/crm/v3/objects/calls?limit=100&after=250'],
        ['GET', '/crm/v3/objects/contacts?limit=50'],
        ['POST', '/crm/v3/objects/calls/search', search],
      ] as const) {
        expect(await bodyOf(threaded, method, p, body)).toBe(await bodyOf(direct, method, p, body));
      }

      // read your writes: a PATCH answered by the main connection is on the very next page
      const first = check(await send(threaded, 'GET', '/crm/v3/objects/calls?limit=1'), 200, listPage).results[0];
      expect(first).toBeDefined();
      for (let i = 0; i < 25; i++) {
        const title = `Renamed ${i} "quoted"`;
        check(await send(threaded, 'PATCH', `/crm/v3/objects/calls/${first?.id ?? ''}`, { properties: { hs_call_title: title } }), 200, hubSpotObject);
        const listed = check(await send(threaded, 'GET', '/crm/v3/objects/calls?limit=1&properties=hs_call_title'), 200, listPage);
        expect(listed.results[0]?.properties.hs_call_title).toBe(title);
        const found = check(
          await send(threaded, 'POST', '/crm/v3/objects/calls/search', {
            filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: first?.id }] }],
            properties: ['hs_call_title'],
          }),
          200,
          searchPage,
        );
        expect(found.results[0]?.properties.hs_call_title).toBe(title);
      }
    } finally {
      withReaders.close();
      inline.close();
    }
    expect(pool?.readyCount).toBe(0);
  }, 60_000);

  it('a statement that fails on a reader rejects with SQLite\'s message, and the reader goes on', async () => {
    const db = openMockDb({ file: path.join(dir, 'failing.sqlite'), seed: 'empty', readers: 1 });
    try {
      const pool = db.startReaders(1);
      await pool?.whenReady();
      await expect(pool?.get('SELECT * FROM no_such_table', [])).rejects.toThrow(/no such table/);
      await expect(pool?.get('SELECT count(*) FROM objects WHERE type = ?', ['calls'])).resolves.toEqual([0]);
      expect(pool?.readyCount).toBe(1);
    } finally {
      db.close();
    }
  }, 60_000);

  it('pages are still answered once the readers are gone', async () => {
    const file = path.join(dir, 'closed-readers.sqlite');
    const db = openMockDb({ file, seed: 'demo', readers: 1 });
    try {
      const pool = db.startReaders(1);
      await pool?.whenReady();
      const app = createMockApp({ db, token: TOKEN, readCache: false });
      const before = await bodyOf(app, 'GET', '/crm/v3/objects/calls?limit=20');
      pool?.close();
      expect(pool?.readyCount).toBe(0);
      expect(await bodyOf(app, 'GET', '/crm/v3/objects/calls?limit=20')).toBe(before);
    } finally {
      db.close();
    }
  }, 60_000);
});

describe('schema version 5', () => {
  it('fills the ISO timestamps of records written before it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mock-v5-'));
    const file = path.join(dir, 'old.sqlite');
    try {
      const clock = fixedClock(NOW);
      const db = openMockDb({ file, seed: 'demo', clock });
      const app = createMockApp({ db, token: TOKEN, clock, readCache: false });
      const archivedId = check(await send(app, 'GET', '/crm/v3/objects/calls?limit=1'), 200, listPage).results[0]?.id ?? '';
      clock.advance(1_234);
      expect((await send(app, 'DELETE', `/crm/v3/objects/calls/${archivedId}`)).status).toBe(204);
      const pages = ['/crm/v3/objects/calls?limit=100', '/crm/v3/objects/calls?limit=100&archived=true', '/crm/v3/objects/deals?limit=100'];
      const before = await Promise.all(pages.map(async (p) => (await send(app, 'GET', p)).text));
      db.close();

      // the database as version 4 left it: no ISO columns
      const raw = new Database(file);
      raw.exec('ALTER TABLE objects DROP COLUMN created_iso; ALTER TABLE objects DROP COLUMN updated_iso; ALTER TABLE objects DROP COLUMN archived_iso;');
      raw.pragma('user_version = 4');
      raw.close();

      const migrated = openMockDb({ file, clock });
      try {
        const again = createMockApp({ db: migrated, token: TOKEN, clock, readCache: false });
        const after = await Promise.all(pages.map(async (p) => (await send(again, 'GET', p)).text));
        expect(after).toEqual(before);
        expect(after[1]).toContain('"archivedAt":"2026-01-15T12:00:01.234Z"');
      } finally {
        migrated.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
