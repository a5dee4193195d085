/**
 * The v4 batch read of associations pages per input, as HubSpot does: a record with more associations than
 * a page (500 here, as in HubSpot: crm/associations.ts) gets `paging.next.after` in its result, asked again
 * with `{id, after}`; a cursor HubSpot did not give is a 400.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { check, checkError, createCall, createObject, harness, useHarness } from './helpers';
import { batchObjects, v4BatchRead } from './schemas';

const PAGE = 500;
const LEGACY = '/crm/v4/associations/calls/contacts/batch/read';
const DATED = '/crm/associations/2026-09/calls/contacts/batch/read';
const legacySpec = { file: 'associations.v4.json', method: 'post', path: '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read' } as const;
const datedSpec = { file: '2026-09/associations.json', method: 'post', path: '/crm/associations/2026-09/{fromObjectType}/{toObjectType}/batch/read' } as const;

describe('v4 batch read pages each input', () => {
  const h = useHarness();
  const contactIds: string[] = [];
  let big = '';
  let small = '';

  beforeAll(async () => {
    for (let start = 0; start < PAGE + 3; start += 100) {
      const n = Math.min(100, PAGE + 3 - start);
      const inputs = Array.from({ length: n }, (_, i) => ({ properties: { email: `paged${start + i}@example.com` } }));
      const created = check(await h.req('POST', '/crm/v3/objects/contacts/batch/create', { inputs }), 201, batchObjects);
      contactIds.push(...created.results.map((r) => r.id));
    }
    big = (await createCall(h, { hs_call_title: 'more contacts than a page' })).id;
    const res = await h.req('POST', '/crm/v4/associations/calls/contacts/batch/associate/default', {
      inputs: contactIds.map((id) => ({ from: { id: big }, to: { id } })),
    });
    expect(res.status).toBe(200);
    small = (await createCall(h, { hs_call_title: 'one contact' }, [
      { to: { id: contactIds[0] as string }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] },
    ])).id;
  });

  it.each([
    ['legacy v4', LEGACY, legacySpec],
    ['2026-09', DATED, datedSpec],
  ] as const)('%s: a first page of 500 with paging.next.after, the rest when asked with {id, after}, together the full set', async (_, path, spec) => {
    const first = check(await h.req('POST', path, { inputs: [{ id: big }, { id: small }] }), 200, v4BatchRead, spec);
    const bigFirst = first.results.find((r) => r.from.id === big);
    const smallFirst = first.results.find((r) => r.from.id === small);
    expect(bigFirst?.to).toHaveLength(PAGE);
    const after = bigFirst?.paging?.next.after;
    expect(after).toEqual(expect.any(String));
    // a record with everything on its page has no paging at all (the spec: "only present if there are more pages")
    expect(smallFirst).toEqual({ from: { id: small }, to: [{ toObjectId: contactIds[0], associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 194 }] }] });

    const second = check(await h.req('POST', path, { inputs: [{ id: big, after }] }), 200, v4BatchRead, spec);
    expect(second.results).toHaveLength(1);
    expect(second.results[0]?.to).toHaveLength(3);
    expect(second.results[0]?.paging).toBeUndefined();

    const all = [...(bigFirst?.to ?? []), ...(second.results[0]?.to ?? [])].map((t) => t.toObjectId);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...contactIds].sort());
  });

  it('an after it did not give is a 400 VALIDATION_ERROR in HubSpot’s error body, for either family', async () => {
    for (const path of [LEGACY, DATED]) {
      const res = await h.req('POST', path, { inputs: [{ id: small }, { id: big, after: 'not-a-cursor!' }] });
      const e = checkError(res, 400, 'VALIDATION_ERROR');
      expect(e.message).toContain('not-a-cursor!');
    }
  });

  it('the page size is an option of the mock, for tests: three pages of 2 for a record with 5', async () => {
    const small2 = harness({ app: { associationPageSize: 2 } });
    try {
      const call = (await createCall(small2, { hs_call_title: 'five contacts' })).id;
      const ids: string[] = [];
      for (let n = 0; n < 5; n++) ids.push((await createObject(small2, 'contacts', { email: `five${n}@example.com` })).id);
      expect((await small2.req('POST', '/crm/v4/associations/calls/contacts/batch/associate/default', { inputs: ids.map((id) => ({ from: { id: call }, to: { id } })) })).status).toBe(200);
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = check(await small2.req('POST', LEGACY, { inputs: [after ? { id: call, after } : { id: call }] }), 200, v4BatchRead, legacySpec);
        seen.push(...(page.results[0]?.to ?? []).map((t) => t.toObjectId));
        after = page.results[0]?.paging?.next.after;
        pages += 1;
      } while (after && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(ids);
    } finally {
      small2.close();
    }
  });
});
