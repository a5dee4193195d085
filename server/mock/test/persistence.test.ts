import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startCli, type CliServer } from './cli-process';
import { check, check204, checkError, type Res } from './helpers';
import { batchObjects, hubSpotObject, searchPage, v4AssociationPage } from './schemas';

const TOKEN = 'persist-token';

function call(base: string, method: string, path: string, body?: unknown): Promise<Res> {
  return request(base, method, path, TOKEN, body);
}

async function total(base: string, type: string): Promise<number> {
  return check(await call(base, 'POST', `/crm/v3/objects/${type}/search`, { limit: 1 }), 200, searchPage).total;
}

describe('file database through the CLI process', () => {
  let dir: string;
  const running: CliServer[] = [];
  async function start(db: string, args: string[] = []): Promise<CliServer> {
    const s = await startCli({ db, token: TOKEN, args });
    running.push(s);
    return s;
  }
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mock-persist-'));
  });
  afterAll(async () => {
    for (const s of running) await s.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('every write that got a success reply survives kill -9 and a restart', async () => {
    const db = path.join(dir, 'kill9.sqlite');
    let s = await start(db, ['--seed', 'empty']);
    const ids: string[] = [];
    for (let i = 0; i < 15; i++) {
      const c = check(
        await call(s.base, 'POST', '/crm/v3/objects/calls', {
          properties: { hs_timestamp: String(Date.UTC(2025, 0, 1 + i)), hs_call_title: `Durable ${i}`, hs_call_duration: String(1000 * i) },
          associations: [],
        }),
        201,
        hubSpotObject,
      );
      ids.push(c.id);
    }
    const contact = check(
      await call(s.base, 'POST', '/crm/v3/objects/contacts', { properties: { email: 'durable@example.com', firstname: 'Dee' }, associations: [] }),
      201,
      hubSpotObject,
    );
    expect(
      (await call(s.base, 'PUT', `/crm/v4/objects/calls/${ids[0]}/associations/contacts/${contact.id}`, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }]))
        .status,
    ).toBe(201);
    check(await call(s.base, 'PATCH', `/crm/v3/objects/contacts/${contact.id}`, { properties: { hs_pinned_engagement_id: ids[0] } }), 200, hubSpotObject);
    check(await call(s.base, 'PATCH', `/crm/v3/objects/calls/${ids[1]}`, { properties: { hs_call_title: 'Durable 1 (edited)', hs_call_body: '' } }), 200, hubSpotObject);
    check204(await call(s.base, 'DELETE', `/crm/v3/objects/calls/${ids[2]}`));
    const batch = await call(s.base, 'POST', '/crm/v3/objects/calls/batch/create', {
      inputs: [0, 1, 2].map((n) => ({ properties: { hs_timestamp: String(Date.UTC(2025, 5, 1 + n)), hs_call_title: `Batch durable ${n}` }, associations: [] })),
    });
    expect(check(batch, 201, batchObjects).results).toHaveLength(3);
    const last = check(
      await call(s.base, 'PATCH', `/crm/v3/objects/calls/${ids[14]}`, { properties: { hs_call_title: 'Last write before the crash' } }),
      200,
      hubSpotObject,
    );
    expect(last.properties.hs_call_title).toBe('Last write before the crash');
    await s.stop('SIGKILL');
    expect(s.proc.signalCode).toBe('SIGKILL');

    s = await start(db, ['--seed', 'empty']);
    expect(await total(s.base, 'calls')).toBe(15 - 1 + 3);
    for (const [i, id] of ids.entries()) {
      const res = await call(s.base, 'GET', `/crm/v3/objects/calls/${id}?properties=hs_call_title,hs_call_duration`);
      if (i === 2) {
        checkError(res, 404, 'OBJECT_NOT_FOUND');
        continue;
      }
      const c = check(res, 200, hubSpotObject);
      const title = i === 1 ? 'Durable 1 (edited)' : i === 14 ? 'Last write before the crash' : `Durable ${i}`;
      expect(c.properties.hs_call_title).toBe(title);
      expect(c.properties.hs_call_duration).toBe(String(1000 * i));
    }
    const batchFound = check(await call(s.base, 'POST', '/crm/v3/objects/calls/search', { query: 'Batch durable' }), 200, searchPage);
    expect(batchFound.total).toBe(3);
    const assoc = check(await call(s.base, 'GET', `/crm/v4/objects/contacts/${contact.id}/associations/calls`), 200, v4AssociationPage);
    expect(assoc.results.map((r) => r.toObjectId)).toEqual([ids[0]]);
    const pinned = check(await call(s.base, 'GET', `/crm/v3/objects/contacts/${contact.id}?properties=hs_pinned_engagement_id`), 200, hubSpotObject);
    expect(pinned.properties.hs_pinned_engagement_id).toBe(ids[0]);
    const history = check(await call(s.base, 'GET', `/crm/v3/objects/calls/${ids[1]}?propertiesWithHistory=hs_call_title`), 200, hubSpotObject);
    expect(history.propertiesWithHistory?.hs_call_title?.map((v) => v.value)).toEqual(['Durable 1 (edited)', 'Durable 1']);
    await s.stop('SIGKILL');
  }, 90_000);

  it('startup on an existing database does not reseed', async () => {
    const db = path.join(dir, 'demo.sqlite');
    let s = await start(db, ['--seed', 'demo']);
    const counts: Record<string, number> = {};
    for (const t of ['calls', 'contacts', 'companies', 'deals', 'tickets']) counts[t] = await total(s.base, t);
    expect(counts.calls).toBeGreaterThan(0);
    const first = check(await call(s.base, 'POST', '/crm/v3/objects/calls/search', { limit: 1 }), 200, searchPage).results[0];
    check204(await call(s.base, 'DELETE', `/crm/v3/objects/calls/${first?.id}`));
    const added = check(
      await call(s.base, 'POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: '2026-01-01T00:00:00Z', hs_call_title: 'Added after seeding' }, associations: [] }),
      201,
      hubSpotObject,
    );
    await s.stop('SIGTERM');

    s = await start(db, ['--seed', 'demo']);
    for (const t of ['calls', 'contacts', 'companies', 'deals', 'tickets']) expect(await total(s.base, t), t).toBe(counts[t]);
    checkError(await call(s.base, 'GET', `/crm/v3/objects/calls/${first?.id}`), 404, 'OBJECT_NOT_FOUND');
    expect(check(await call(s.base, 'GET', `/crm/v3/objects/calls/${added.id}?properties=hs_call_title`), 200, hubSpotObject).properties.hs_call_title).toBe(
      'Added after seeding',
    );
    await s.stop('SIGKILL');
  }, 90_000);

  it('parallel writes over HTTP lose nothing: 50 concurrent PATCHes of different properties, 40 concurrent creates', async () => {
    const db = path.join(dir, 'concurrent.sqlite');
    const s = await start(db, ['--seed', 'empty']);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push(
        check(
          await call(s.base, 'POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: String(Date.UTC(2025, 1, 1 + i)) }, associations: [] }),
          201,
          hubSpotObject,
        ).id,
      );
    }
    const props = ['hs_call_title', 'hs_call_body', 'hs_call_from_number', 'hs_call_to_number', 'hs_call_duration'] as const;
    const value = (id: string, p: string) => (p === 'hs_call_duration' ? String(Number(id) % 100_000) : `${p} of ${id}`);
    const patches = ids.flatMap((id) => props.map((p) => call(s.base, 'PATCH', `/crm/v3/objects/calls/${id}`, { properties: { [p]: value(id, p) } })));
    expect(patches).toHaveLength(50);
    const results = await Promise.all(patches);
    expect(results.map((r) => r.status)).toEqual(new Array(50).fill(200));
    for (const id of ids) {
      const c = check(await call(s.base, 'GET', `/crm/v3/objects/calls/${id}?properties=${props.join(',')}`), 200, hubSpotObject);
      for (const p of props) expect(c.properties[p], `${id} ${p}`).toBe(value(id, p));
    }

    const creates = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        call(s.base, 'POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: String(Date.UTC(2025, 2, 1)), hs_call_title: `Concurrent ${n}` }, associations: [] }),
      ),
    );
    expect(creates.map((r) => r.status)).toEqual(new Array(40).fill(201));
    const created = creates.map((r) => check(r, 201, hubSpotObject).id);
    expect(new Set(created).size).toBe(40);
    expect(await total(s.base, 'calls')).toBe(50);
    await s.stop('SIGKILL');
  }, 90_000);
});
