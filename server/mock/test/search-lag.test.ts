import { describe, expect, it } from 'vitest';
import { check, check204, checkError, createCall, getObject, NOW, useHarness } from './helpers';
import { hubSpotObject, listPage, searchPage } from './schemas';

const LAG = 1000;

/** HubSpot's search is eventually consistent: a write reaches search only after `searchLagMs`; reads by id and lists at once. */
describe('search lag', () => {
  const h = useHarness({ app: { searchLagMs: LAG } });

  async function search(query: string) {
    return check(await h.req('POST', '/crm/v3/objects/calls/search', { query, properties: ['hs_call_title'], limit: 100 }), 200, searchPage);
  }
  const titles = async (query: string) => (await search(query)).results.map((r) => r.properties.hs_call_title);

  it('a created record is read and listed at once, and found by search only once the lag has passed', async () => {
    const call = await createCall(h, { hs_call_title: 'lagcreate fresh' });
    expect((await getObject(h, 'calls', call.id, { properties: 'hs_call_title' })).properties.hs_call_title).toBe('lagcreate fresh');
    const listed = check(await h.req('GET', `/crm/v3/objects/calls?limit=1&after=${Number(call.id) - 1}`), 200, listPage);
    expect(listed.results.map((r) => r.id)).toEqual([call.id]);
    expect(await search('lagcreate')).toMatchObject({ total: 0, results: [] });
    h.clock.advance(LAG - 1);
    expect((await search('lagcreate')).total).toBe(0);
    h.clock.advance(1);
    expect(await titles('lagcreate')).toEqual(['lagcreate fresh']);
  });

  it('an updated record keeps its old values in search (matching and returned) until the lag has passed; totals agree', async () => {
    const call = await createCall(h, { hs_call_title: 'lagupdate before' });
    const other = await createCall(h, { hs_call_title: 'lagupdate unchanged' });
    h.clock.advance(LAG);
    expect(await titles('lagupdate')).toEqual(['lagupdate before', 'lagupdate unchanged']);

    check(await h.req('PATCH', `/crm/v3/objects/calls/${call.id}`, { properties: { hs_call_title: 'lagupdate after' } }), 200, hubSpotObject);
    expect((await getObject(h, 'calls', call.id, { properties: 'hs_call_title' })).properties.hs_call_title).toBe('lagupdate after');
    expect(await search('lagupdate')).toMatchObject({ total: 2 });
    expect(await titles('lagupdate before')).toEqual(['lagupdate before']);
    expect(await search('lagupdate after')).toMatchObject({ total: 0 });

    // a second write before the lag has passed pushes it back; search still has the first values
    h.clock.advance(LAG / 2);
    check(await h.req('PATCH', `/crm/v3/objects/calls/${call.id}`, { properties: { hs_call_title: 'lagupdate latest' } }), 200, hubSpotObject);
    h.clock.advance(LAG / 2);
    expect(await titles('lagupdate before')).toEqual(['lagupdate before']);
    h.clock.advance(LAG / 2);
    expect(await titles('lagupdate')).toEqual(['lagupdate latest', 'lagupdate unchanged']);
    expect((await search('lagupdate before')).total).toBe(0);
    expect(other.id).not.toBe(call.id);
  });

  it('a deleted record stays in search until the lag has passed, though reads by id no longer find it', async () => {
    const call = await createCall(h, { hs_call_title: 'lagdelete doomed' });
    h.clock.advance(LAG);
    check204(await h.req('DELETE', `/crm/v3/objects/calls/${call.id}`));
    checkError(await h.req('GET', `/crm/v3/objects/calls/${call.id}`), 404, 'OBJECT_NOT_FOUND');
    expect(await search('lagdelete')).toMatchObject({ total: 1 });
    h.clock.advance(LAG);
    expect(await search('lagdelete')).toMatchObject({ total: 0, results: [] });
  });

  it('filters and sorts see the lagged values too, page after page', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createCall(h, { hs_call_title: `lagpage ${i}`, hs_timestamp: String(NOW - i * 60_000), hs_call_direction: 'INBOUND' })).id);
    h.clock.advance(LAG);
    check(await h.req('PATCH', `/crm/v3/objects/calls/${ids[1]}`, { properties: { hs_call_direction: 'OUTBOUND' } }), 200, hubSpotObject);
    const body = (after?: string) => ({
      query: 'lagpage',
      filterGroups: [{ filters: [{ propertyName: 'hs_call_direction', operator: 'EQ', value: 'INBOUND' }] }],
      sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
      limit: 2,
      ...(after ? { after } : {}),
    });
    const first = check(await h.req('POST', '/crm/v3/objects/calls/search', body()), 200, searchPage);
    expect(first.total).toBe(3);
    const second = check(await h.req('POST', '/crm/v3/objects/calls/search', body(first.paging?.next.after)), 200, searchPage);
    expect([...first.results, ...second.results].map((r) => r.id)).toEqual(ids);
    h.clock.advance(LAG);
    const settled = check(await h.req('POST', '/crm/v3/objects/calls/search', { ...body(), limit: 10 }), 200, searchPage);
    expect(settled.results.map((r) => r.id)).toEqual([ids[0], ids[2]]);
  });
});

describe('without a search lag (the default)', () => {
  const h = useHarness();

  it('search sees a write at once', async () => {
    await createCall(h, { hs_call_title: 'nolag visible' });
    expect(check(await h.req('POST', '/crm/v3/objects/calls/search', { query: 'nolag' }), 200, searchPage).total).toBe(1);
  });
});
