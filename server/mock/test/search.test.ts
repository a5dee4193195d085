import { beforeAll, describe, expect, it } from 'vitest';
import { CALL_TO, check, check204, checkError, createCall, createObject, RECORD_TYPES, recordProps, useHarness } from './helpers';
import { labelsBetweenObjectPair, searchPage } from './schemas';
import { objectSpec } from './spec';

type Filter = { propertyName: string; operator: string; value?: string; highValue?: string; values?: string[] };
type Body = {
  filterGroups?: { filters: Filter[] }[];
  sorts?: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }[];
  query?: string;
  properties?: string[];
  limit?: number;
  after?: string;
};

const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const day = (iso: string): number => Date.parse(`${iso}T00:00:00.000Z`);

/** A call's properties: its title, direction, status and day, and any others. */
function call(hs_call_title: string, hs_call_direction: string, hs_call_status: string, date: string, more: Record<string, string> = {}): Record<string, string> {
  return { hs_call_title, hs_call_direction, hs_call_status, hs_timestamp: String(day(date)), ...more };
}

/** Six calls with known values; `id[n]` is call n. */
const CALLS: Record<string, string>[] = [
  call('Quarterly pricing review', 'OUTBOUND', 'COMPLETED', '2025-01-01', { hs_call_duration: '900', hs_call_recording_url: 'https://rec.example.com/0.mp3', hs_call_disposition: CONNECTED }),
  call('Pricing follow-up with Ada', 'INBOUND', 'NO_ANSWER', '2025-02-01', { hs_call_duration: '10000' }),
  call('Onboarding kickoff', 'OUTBOUND', 'BUSY', '2025-03-01', { hs_call_duration: '60000', hs_call_recording_url: 'https://rec.example.com/2.mp3' }),
  call('Renewal discussion', 'INBOUND', 'COMPLETED', '2025-04-01', { hs_call_body: '<p>Discussed the <b>enterprise</b> plan</p>', hs_call_duration: '3600000' }),
  call('Support escalation', 'OUTBOUND', 'FAILED', '2025-05-01', { hs_call_duration: '0' }),
  call('Cold call', 'OUTBOUND', 'COMPLETED', '2025-06-01'),
];

describe('calls search', () => {
  const h = useHarness();
  const id: string[] = [];
  let contactId: string;

  async function search(body: Body) {
    const spec = objectSpec('calls');
    return check(await h.req('POST', '/crm/v3/objects/calls/search', body), 200, searchPage, {
      file: spec.file,
      method: 'post',
      path: `${spec.base}/search`,
    });
  }
  async function matching(filters: Filter[] | Filter[][]): Promise<number[]> {
    const groups = Array.isArray(filters[0]) ? (filters as Filter[][]) : [filters as Filter[]];
    const page = await search({ filterGroups: groups.map((f) => ({ filters: f })), limit: 200 });
    expect(page.total).toBe(page.results.length);
    return page.results.map((r) => id.indexOf(r.id)).sort((a, b) => a - b);
  }

  beforeAll(async () => {
    for (const props of CALLS) {
      h.clock.advance(1_000);
      id.push((await createCall(h, props)).id);
    }
    h.clock.advance(1_000);
    const gone = await createCall(h, { hs_call_title: 'Pricing archived', hs_call_direction: 'INBOUND', hs_call_duration: '10' });
    check204(await h.req('DELETE', `/crm/v3/objects/calls/${gone.id}`));
    const contact = await createObject(h, 'contacts', { email: 'ada@example.com', firstname: 'Ada' });
    contactId = contact.id;
    for (const n of [0, 3]) {
      const res = await h.req('PUT', `/crm/v4/objects/calls/${id[n]}/associations/contacts/${contactId}`, [
        { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_TO.contacts },
      ]);
      check(res, 201, labelsBetweenObjectPair);
    }
  });

  it('returns every live call, oldest first, with total, when unfiltered (archived ones never appear)', async () => {
    const page = await search({});
    expect(page.total).toBe(6);
    expect(page.results.map((r) => r.id)).toEqual(id);
  });

  it('returns the default property set, or the requested properties', async () => {
    const plain = await search({ limit: 1 });
    expect(Object.keys(plain.results[0]?.properties ?? {}).sort()).toEqual(['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id']);
    const asked = await search({ limit: 1, properties: ['hs_call_title', 'hs_call_duration'] });
    expect(asked.results[0]?.properties).toMatchObject({ hs_call_title: 'Quarterly pricing review', hs_call_duration: '900' });
  });

  it('EQ: enumeration exact, strings case-insensitive', async () => {
    expect(await matching([{ propertyName: 'hs_call_direction', operator: 'EQ', value: 'INBOUND' }])).toEqual([1, 3]);
    expect(await matching([{ propertyName: 'hs_call_title', operator: 'EQ', value: 'onboarding KICKOFF' }])).toEqual([2]);
    expect(await matching([{ propertyName: 'hs_call_disposition', operator: 'EQ', value: CONNECTED }])).toEqual([0]);
  });

  it('NEQ', async () => {
    expect(await matching([{ propertyName: 'hs_call_direction', operator: 'NEQ', value: 'INBOUND' }])).toEqual([0, 2, 4, 5]);
  });

  it('LT / LTE / GT / GTE compare numbers numerically', async () => {
    const d = 'hs_call_duration';
    expect(await matching([{ propertyName: d, operator: 'LT', value: '10000' }])).toEqual([0, 4]);
    expect(await matching([{ propertyName: d, operator: 'LTE', value: '10000' }])).toEqual([0, 1, 4]);
    expect(await matching([{ propertyName: d, operator: 'GT', value: '10000' }])).toEqual([2, 3]);
    expect(await matching([{ propertyName: d, operator: 'GTE', value: '60000' }])).toEqual([2, 3]);
  });

  it('BETWEEN is inclusive on numbers and on datetimes given as epoch ms', async () => {
    expect(await matching([{ propertyName: 'hs_call_duration', operator: 'BETWEEN', value: '900', highValue: '60000' }])).toEqual([0, 1, 2]);
    expect(
      await matching([
        { propertyName: 'hs_timestamp', operator: 'BETWEEN', value: String(day('2025-02-01')), highValue: String(day('2025-04-01')) },
      ]),
    ).toEqual([1, 2, 3]);
  });

  it('compares datetimes given as epoch ms', async () => {
    expect(await matching([{ propertyName: 'hs_timestamp', operator: 'GT', value: String(day('2025-03-15')) }])).toEqual([3, 4, 5]);
    expect(await matching([{ propertyName: 'hs_timestamp', operator: 'LTE', value: String(day('2025-02-01')) }])).toEqual([0, 1]);
    expect(await matching([{ propertyName: 'hs_timestamp', operator: 'EQ', value: String(day('2025-05-01')) }])).toEqual([4]);
  });

  it('IN / NOT_IN', async () => {
    expect(await matching([{ propertyName: 'hs_call_status', operator: 'IN', values: ['BUSY', 'FAILED'] }])).toEqual([2, 4]);
    expect(await matching([{ propertyName: 'hs_call_status', operator: 'NOT_IN', values: ['COMPLETED'] }])).toEqual([1, 2, 4]);
  });

  it('HAS_PROPERTY / NOT_HAS_PROPERTY', async () => {
    expect(await matching([{ propertyName: 'hs_call_recording_url', operator: 'HAS_PROPERTY' }])).toEqual([0, 2]);
    expect(await matching([{ propertyName: 'hs_call_duration', operator: 'NOT_HAS_PROPERTY' }])).toEqual([5]);
  });

  it('CONTAINS_TOKEN / NOT_CONTAINS_TOKEN match whole words, case-insensitively, with * wildcards', async () => {
    expect(await matching([{ propertyName: 'hs_call_title', operator: 'CONTAINS_TOKEN', value: 'pricing' }])).toEqual([0, 1]);
    expect(await matching([{ propertyName: 'hs_call_title', operator: 'CONTAINS_TOKEN', value: 'PRICING' }])).toEqual([0, 1]);
    expect(await matching([{ propertyName: 'hs_call_title', operator: 'CONTAINS_TOKEN', value: 'kick*' }])).toEqual([2]);
    expect(await matching([{ propertyName: 'hs_call_title', operator: 'NOT_CONTAINS_TOKEN', value: 'pricing' }])).toEqual([2, 3, 4, 5]);
  });

  it('ANDs filters within a group and ORs groups', async () => {
    expect(
      await matching([
        { propertyName: 'hs_call_direction', operator: 'EQ', value: 'OUTBOUND' },
        { propertyName: 'hs_call_status', operator: 'EQ', value: 'COMPLETED' },
      ]),
    ).toEqual([0, 5]);
    expect(
      await matching([
        [{ propertyName: 'hs_call_direction', operator: 'EQ', value: 'INBOUND' }],
        [{ propertyName: 'hs_call_status', operator: 'EQ', value: 'BUSY' }],
      ]),
    ).toEqual([1, 2, 3]);
  });

  it('filters on associations.contact', async () => {
    expect(await matching([{ propertyName: 'associations.contact', operator: 'EQ', value: contactId }])).toEqual([0, 3]);
  });

  it('free-text query over the title and body preview', async () => {
    const byTitle = await search({ query: 'pricing' });
    expect(byTitle.results.map((r) => id.indexOf(r.id)).sort()).toEqual([0, 1]);
    expect(byTitle.total).toBe(2);
    const byBody = await search({ query: 'enterprise' });
    expect(byBody.results.map((r) => id.indexOf(r.id))).toEqual([3]);
    const none = await search({ query: 'zebra-nothing-matches' });
    expect(none.total).toBe(0);
    expect(none.results).toEqual([]);
    const combined = await search({ query: 'pricing', filterGroups: [{ filters: [{ propertyName: 'hs_call_direction', operator: 'EQ', value: 'INBOUND' }] }] });
    expect(combined.results.map((r) => id.indexOf(r.id))).toEqual([1]);
  });

  it('sorts by a number both ways (numerically) and by a datetime', async () => {
    const has = [{ filters: [{ propertyName: 'hs_call_duration', operator: 'HAS_PROPERTY' }] }];
    const asc = await search({ filterGroups: has, sorts: [{ propertyName: 'hs_call_duration', direction: 'ASCENDING' }] });
    expect(asc.results.map((r) => id.indexOf(r.id))).toEqual([4, 0, 1, 2, 3]);
    const desc = await search({ filterGroups: has, sorts: [{ propertyName: 'hs_call_duration', direction: 'DESCENDING' }] });
    expect(desc.results.map((r) => id.indexOf(r.id))).toEqual([3, 2, 1, 0, 4]);
    const byTime = await search({ sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }] });
    expect(byTime.results.map((r) => id.indexOf(r.id))).toEqual([5, 4, 3, 2, 1, 0]);
  });

  it('pages with a numeric after and visits every result exactly once, including under a sort', async () => {
    for (const sorts of [undefined, [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' as const }]]) {
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await search({ limit: 4, after, sorts });
        expect(page.total).toBe(6);
        seen.push(...page.results.map((r) => r.id));
        after = page.paging?.next.after;
        if (after) expect(after).toMatch(/^\d+$/);
        pages += 1;
      } while (after && pages < 10);
      expect(pages).toBe(2);
      expect(new Set(seen).size).toBe(6);
    }
  });

  it('filters on hs_object_id and on the maintained datetimes', async () => {
    expect(await matching([{ propertyName: 'hs_object_id', operator: 'EQ', value: id[3] as string }])).toEqual([3]);
    expect(await matching([{ propertyName: 'hs_object_id', operator: 'IN', values: [id[1] as string, id[4] as string] }])).toEqual([1, 4]);
    // calls were created one second apart on the test clock, starting at NOW + 1 s
    const third = await search({ limit: 1, after: '2', properties: ['hs_createdate'] });
    const createdAt = Date.parse(third.results[0]?.properties.hs_createdate ?? '');
    expect(await matching([{ propertyName: 'hs_createdate', operator: 'GTE', value: String(createdAt) }])).toEqual([2, 3, 4, 5]);
    expect(await matching([{ propertyName: 'hs_lastmodifieddate', operator: 'LT', value: String(createdAt) }])).toEqual([0, 1]);
  });

  it('pages through ties in the sort key without skipping or repeating', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await search({ limit: 2, after, sorts: [{ propertyName: 'hs_call_direction', direction: 'ASCENDING' }], properties: ['hs_call_direction'] });
      seen.push(...page.results.map((r) => r.id));
      after = page.paging?.next.after;
      if (!after) break;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    // INBOUND sorts before OUTBOUND
    expect(seen.slice(0, 2).map((x) => id.indexOf(x)).sort()).toEqual([1, 3]);
  });

  it('rejects an unknown operator with 400 VALIDATION_ERROR', async () => {
    checkError(
      await h.req('POST', '/crm/v3/objects/calls/search', {
        filterGroups: [{ filters: [{ propertyName: 'hs_call_title', operator: 'LIKE', value: 'x' }] }],
      }),
      400,
      'VALIDATION_ERROR',
    );
  });

  it('enforces the filter limits: at most 5 groups, 6 filters per group, 18 filters in all', async () => {
    const f = (n: number): Filter[] =>
      Array.from({ length: n }, (_, i) => ({ propertyName: 'hs_call_duration', operator: 'GTE', value: String(-i - 1) }));
    const groups = (sizes: number[]) => ({ filterGroups: sizes.map((n) => ({ filters: f(n) })) });
    expect((await search(groups([1, 1, 1, 1, 1]))).total).toBe(5);
    expect((await search(groups([6]))).total).toBe(5);
    expect((await search(groups([6, 6, 6]))).total).toBe(5);
    checkError(await h.req('POST', '/crm/v3/objects/calls/search', groups([1, 1, 1, 1, 1, 1, 1])), 400, 'VALIDATION_ERROR');
    checkError(await h.req('POST', '/crm/v3/objects/calls/search', groups([7])), 400, 'VALIDATION_ERROR');
    checkError(await h.req('POST', '/crm/v3/objects/calls/search', groups([5, 5, 5, 4])), 400, 'VALIDATION_ERROR');
  });

  it('rejects a query over 3,000 characters', async () => {
    checkError(await h.req('POST', '/crm/v3/objects/calls/search', { query: 'a'.repeat(3001) }), 400, 'VALIDATION_ERROR');
    expect((await search({ query: 'a'.repeat(3000) })).total).toBe(0);
  });
});

describe('search over many calls: limits and the 10,000-result cap', () => {
  const h = useHarness({ seedCalls: 10_050 });

  async function post(body: Body) {
    return h.req('POST', '/crm/v3/objects/calls/search', body);
  }

  it('defaults to 10 per page and returns at most 200', async () => {
    const def = check(await post({}), 200, searchPage);
    expect(def.results).toHaveLength(10);
    expect(def.total).toBe(10_050);
    const max = check(await post({ limit: 200 }), 200, searchPage);
    expect(max.results).toHaveLength(200);
    expect(max.paging?.next.after).toBe('200');
    const over = await post({ limit: 201 });
    if (over.status === 200) expect(check(over, 200, searchPage).results.length).toBeLessThanOrEqual(200);
    else checkError(over, 400, 'VALIDATION_ERROR');
  });

  it('pages up to 10,000 results and answers 400 beyond', async () => {
    const last = check(await post({ limit: 200, after: '9800' }), 200, searchPage);
    expect(last.results).toHaveLength(200);
    checkError(await post({ limit: 10, after: '10000' }), 400);
    checkError(await post({ limit: 100, after: '20000' }), 400);
  });
});

describe('search on record types', () => {
  const h = useHarness();

  it.each(RECORD_TYPES)('%s: query finds a record by its display fields, with total', async (type) => {
    const props = await recordProps(h, type, 77);
    const created = await createObject(h, type, props);
    await createObject(h, type, await recordProps(h, type, 12));
    const word = { contacts: 'Lovelace77', companies: 'Engines', deals: 'Deal', tickets: 'Ticket' }[type];
    const spec = objectSpec(type);
    const res = await h.req('POST', `/crm/v3/objects/${type}/search`, { query: word, limit: 10, properties: Object.keys(props) });
    const page = check(res, 200, searchPage, { file: spec.file, method: 'post', path: `${spec.base}/search` });
    expect(page.results.map((r) => r.id)).toContain(created.id);
    expect(page.total).toBe(page.results.length);
    const hit = page.results.find((r) => r.id === created.id);
    for (const [k, v] of Object.entries(props)) expect(hit?.properties[k]).toBe(v);
  });
});
