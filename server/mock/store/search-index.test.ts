import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../app';
import { fixedClock } from '../clock';
import { openMockDb, type MockDb } from './index';

const headers = { authorization: 'Bearer t', 'content-type': 'application/json' };
const clock = fixedClock(Date.UTC(2026, 0, 15, 12));
let db: MockDb;
let app: ReturnType<typeof createMockApp>;

interface Row {
  id: string;
  properties: Record<string, string>;
}

async function search(body: unknown): Promise<{ total: number; results: Row[]; paging?: { next: { after: string } } }> {
  const res = await app.request('/crm/v3/objects/calls/search', { method: 'POST', headers, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; results: Row[]; paging?: { next: { after: string } } };
}

/** Every call, read through the list endpoint (the reference the searches are checked against). */
async function everyCall(props: string[]): Promise<Row[]> {
  const out: Row[] = [];
  let after: string | undefined;
  do {
    const res = await app.request(`/crm/v3/objects/calls?limit=100&properties=${props.join(',')}${after ? `&after=${after}` : ''}`, { headers });
    const page = (await res.json()) as { results: Row[]; paging?: { next: { after: string } } };
    out.push(...page.results);
    after = page.paging?.next.after;
  } while (after);
  return out;
}

beforeAll(() => {
  // enough calls that searches switch to walking the sort index (more than 2,000 matches)
  db = openMockDb({ file: ':memory:', seed: 'empty', seedCalls: 6000, clock });
  app = createMockApp({ db, clock });
});

afterAll(() => db.close());

describe('search over thousands of calls', () => {
  it('a range filter sorted by hs_timestamp returns exactly the matching calls, newest first, page after page', async () => {
    const props = ['hs_timestamp', 'hs_call_duration'];
    const expected = (await everyCall(props))
      .filter((r) => Number(r.properties['hs_call_duration'] ?? 'NaN') > 30_000)
      .sort((a, b) => (b.properties['hs_timestamp'] ?? '').localeCompare(a.properties['hs_timestamp'] ?? '') || Number(b.id) - Number(a.id))
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(2000);
    const got: string[] = [];
    let after: string | undefined = '0';
    while (after !== undefined && got.length < 600) {
      const page = await search({
        filterGroups: [{ filters: [{ propertyName: 'hs_call_duration', operator: 'GT', value: '30000' }] }],
        sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
        properties: props,
        limit: 200,
        after,
      });
      expect(page.total).toBe(expected.length);
      got.push(...page.results.map((r) => r.id));
      after = page.paging?.next.after;
    }
    expect(got).toEqual(expected.slice(0, got.length));
  });

  it('sorting by outcome groups equal outcomes newest first', async () => {
    const page = await search({ sorts: [{ propertyName: 'hs_call_disposition', direction: 'ASCENDING' }], properties: ['hs_call_disposition', 'hs_timestamp'], limit: 200 });
    const rows = page.results.map((r) => [r.properties['hs_call_disposition'] ?? '', r.properties['hs_timestamp'] ?? ''] as const);
    const sorted = [...rows].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
    expect(rows).toEqual(sorted);
  });
});

describe('search totals of one equality or range filter', () => {
  it('match the calls that satisfy the filter, before and after writes, with the response cache off', async () => {
    const coldApp = createMockApp({ db, clock, readCache: false });
    const count = async (filter: Record<string, string>) => {
      const res = await coldApp.request('/crm/v3/objects/calls/search', {
        method: 'POST',
        headers,
        body: JSON.stringify({ filterGroups: [{ filters: [filter] }], limit: 1 }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { total: number }).total;
    };
    const check = async () => {
      const calls = await everyCall(['hs_timestamp', 'hs_call_disposition']);
      const ts = calls.map((r) => r.properties['hs_timestamp'] ?? '').sort();
      const cut = ts[Math.floor(ts.length / 3)] ?? '';
      const high = ts[Math.floor((ts.length * 2) / 3)] ?? '';
      const outcome = calls[7]?.properties['hs_call_disposition'] ?? '';
      // repeated, so later totals come from the count kept until the next write
      for (let round = 0; round < 3; round++) {
        expect(await count({ propertyName: 'hs_timestamp', operator: 'GTE', value: cut })).toBe(ts.filter((t) => t >= cut).length);
        expect(await count({ propertyName: 'hs_timestamp', operator: 'GT', value: String(Date.parse(cut)) })).toBe(ts.filter((t) => t > cut).length);
        expect(await count({ propertyName: 'hs_timestamp', operator: 'LT', value: cut })).toBe(ts.filter((t) => t < cut).length);
        expect(await count({ propertyName: 'hs_timestamp', operator: 'LTE', value: cut })).toBe(ts.filter((t) => t <= cut).length);
        expect(await count({ propertyName: 'hs_timestamp', operator: 'BETWEEN', value: cut, highValue: high })).toBe(
          ts.filter((t) => t >= cut && t <= high).length,
        );
        expect(await count({ propertyName: 'hs_call_disposition', operator: 'EQ', value: outcome })).toBe(
          calls.filter((r) => r.properties['hs_call_disposition'] === outcome).length,
        );
      }
      return cut;
    };
    const cut = await check();
    const before = await count({ propertyName: 'hs_timestamp', operator: 'GTE', value: cut });
    const created = await coldApp.request('/crm/v3/objects/calls', {
      method: 'POST',
      headers,
      body: JSON.stringify({ properties: { hs_timestamp: '2030-01-01T00:00:00Z', hs_call_title: 'future call' } }),
    });
    expect(created.status).toBe(201);
    expect(await count({ propertyName: 'hs_timestamp', operator: 'GTE', value: cut })).toBe(before + 1);
    await check();
  });
});

describe('cached reads', () => {
  it('see writes made by another process on the same database file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mock-cache-'));
    const file = path.join(dir, 'shared.sqlite');
    const first = openMockDb({ file, seed: 'empty', clock });
    const second = openMockDb({ file, clock });
    try {
      const reader = createMockApp({ db: first, clock });
      const writer = createMockApp({ db: second, clock });
      const created = await writer.request('/crm/v3/objects/calls', {
        method: 'POST',
        headers,
        body: JSON.stringify({ properties: { hs_timestamp: '2026-01-10T10:00:00Z', hs_call_title: 'before' } }),
      });
      const id = ((await created.json()) as { id: string }).id;
      const read = async () => {
        const res = await reader.request(`/crm/v3/objects/calls/${id}?properties=hs_call_title`, { headers });
        return ((await res.json()) as Row).properties['hs_call_title'];
      };
      expect(await read()).toBe('before');
      await writer.request(`/crm/v3/objects/calls/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ properties: { hs_call_title: 'after' } }) });
      expect(await read()).toBe('after');
    } finally {
      first.close();
      second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
