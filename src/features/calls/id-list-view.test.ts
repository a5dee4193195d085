import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchCalls } from '../../api/calls';
import { QueryClient } from '@tanstack/react-query';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { buildCallSearchRequest, callQueries, type CallListParams } from './calls-queries';
import { idRule } from './id-list-view';

const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
let hs: HubSpotFake;
let ids: string[];
const TITLES = ['alpha', 'Bravo', 'charlie', 'Delta', 'echo'];

beforeAll(async () => {
  hs = installHubSpot();
  const all: string[] = [];
  // 260 calls; some share a time, so ties are broken by id as HubSpot's search breaks them.
  for (let i = 0; i < 260; i += 1) {
    const minute = String(Math.floor(i / 2) % 60).padStart(2, '0');
    const hour = String(Math.floor(i / 120)).padStart(2, '0');
    all.push(
      await hs.create('calls', {
        hs_call_title: `${TITLES[i % TITLES.length]} ${i % 7}`,
        hs_timestamp: `2026-11-0${1 + (i % 3)}T${hour}:${minute}:00.000Z`,
        hs_call_direction: i % 4 === 0 ? 'OUTBOUND' : 'INBOUND',
        hs_call_duration: String((i * 7919) % 600000),
      }),
    );
  }
  // The id list: 230 of them, in no particular order (every call but each ninth).
  ids = all.filter((_, i) => i % 9 !== 0).reverse();
});
afterAll(() => uninstallHubSpot(hs));

/** HubSpot's own order for the view over every call (two pages of 200), narrowed to the id list. */
async function expected(p: Omit<CallListParams, 'groups' | 'pageSize'>): Promise<string[]> {
  const wanted = new Set(ids);
  const found: string[] = [];
  for (let after = 0; ; after += 200) {
    const req = buildCallSearchRequest({ ...p, pageSize: 200 });
    const page = await searchCalls({ ...req!, limit: 200, ...(after ? { after: String(after) } : {}) });
    found.push(...page.results.map((c) => c.id).filter((id) => wanted.has(id)));
    if (page.results.length < 200) return found;
  }
}

async function readAll(p: Omit<CallListParams, 'groups' | 'pageSize'>): Promise<{ ids: string[]; totals: (number | undefined)[] }> {
  const qc = newClient();
  const seen: string[] = [];
  const totals: (number | undefined)[] = [];
  let after: string | undefined;
  do {
    const page = await qc.fetchQuery(callQueries.list({ ...p, groups: idRule(ids), pageSize: 50, ...(after ? { after } : {}) }));
    seen.push(...page.results.map((c) => c.id));
    totals.push(page.total);
    after = page.nextAfter;
  } while (after);
  return { ids: seen, totals };
}

describe('a view over an id list longer than one IN filter takes', () => {
  it('pages through every listed call in HubSpot’s order, newest first, with the exact total', async () => {
    const want = await expected({});
    expect(want).toHaveLength(ids.length);
    const got = await readAll({});
    expect(got.ids).toEqual(want);
    expect(new Set(got.totals)).toEqual(new Set([ids.length]));
  });

  it('applies the view’s filters, search and sort to the listed calls only', async () => {
    for (const view of [
      { filters: { direction: 'INBOUND' }, sort: { field: 'title', direction: 'asc' } },
      { search: 'bravo', sort: { field: 'duration', direction: 'desc' } },
      { sort: { field: 'time', direction: 'asc' } },
    ] as const) {
      const want = await expected(view);
      const got = await readAll(view);
      expect(got.ids, JSON.stringify(view)).toEqual(want);
      expect(got.totals[0]).toBe(want.length);
    }
  });

  it('asks HubSpot one search per 100 ids, and pages the view without asking again', async () => {
    const qc = newClient();
    const before = hs.requests.filter((r) => r.path.endsWith('/search')).length;
    const first = await qc.fetchQuery(callQueries.list({ groups: idRule(ids), pageSize: 50 }));
    await qc.fetchQuery(callQueries.list({ groups: idRule(ids), pageSize: 50, after: first.nextAfter }));
    const searches = hs.requests.filter((r) => r.path.endsWith('/search')).slice(before);
    expect(searches).toHaveLength(3);
    for (const s of searches) {
      const values = (s.body as { filterGroups: { filters: { propertyName: string; values?: string[] }[] }[] }).filterGroups[0]?.filters.find((f) => f.propertyName === 'hs_object_id')?.values;
      expect(values?.length).toBeLessThanOrEqual(100);
    }
  });

  it('says a page link that is not an offset is not valid', async () => {
    const qc = newClient();
    await expect(qc.fetchQuery({ ...callQueries.list({ groups: idRule(ids), pageSize: 50, after: 'x' }), retry: false })).rejects.toThrow(/not valid/);
  });
});
