/**
 * batchReadAssociations reads every association of each record, following HubSpot's per-input paging of the
 * batch read (the mock pages as HubSpot does: 500 a page, or a smaller page where a test sets one).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../test/hubspot';
import { batchReadAssociations, CALL_ASSOCIATION_TYPE_IDS, listAssociations } from './associations';

let hs: HubSpotFake | undefined;
afterEach(() => uninstallHubSpot(hs));

/** Creates `n` contacts (batches of 100, as HubSpot takes) and returns their ids. */
async function contacts(fake: HubSpotFake, n: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < n; start += 100) {
    const inputs = Array.from({ length: Math.min(100, n - start) }, (_, i) => ({ properties: { email: `${tag}${start + i}@example.com` } }));
    const res = await fake.api<{ results: { id: string }[] }>('POST', `${fake.paths.objects('contacts')}/batch/create`, { inputs });
    expect(res.status).toBeLessThan(300);
    ids.push(...res.body.results.map((r) => r.id));
  }
  return ids;
}

/** A call associated with the given contacts (one batch request). */
async function callWith(fake: HubSpotFake, contactIds: readonly string[]): Promise<string> {
  const call = await fake.create('calls', { hs_timestamp: '1767225600000', hs_call_title: `${contactIds.length} contacts` });
  if (contactIds.length) {
    const res = await fake.api('POST', fake.paths.associationBatchWrite('calls', 'contacts', 'create'), {
      inputs: contactIds.map((id) => ({ from: { id: call }, to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_ASSOCIATION_TYPE_IDS.contacts }] })),
    });
    expect(res.status).toBeLessThan(300);
  }
  return call;
}

const ids = (map: Map<string, { toObjectId: string }[]>, id: string) => (map.get(id) ?? []).map((r) => r.toObjectId).sort();
const batchReads = (fake: HubSpotFake) => fake.requests.filter((r) => r.path.endsWith('/batch/read'));

describe('batchReadAssociations', () => {
  it('returns all of a call’s 503 contacts (HubSpot pages at 500): a second request, for that call only', async () => {
    hs = installHubSpot();
    const many = await contacts(hs, 503, 'many');
    const big = await callWith(hs, many);
    const small = await callWith(hs, many.slice(0, 1));

    const map = await batchReadAssociations('calls', 'contacts', [big, small]);

    expect(ids(map, big)).toEqual([...many].sort());
    expect(ids(map, small)).toEqual([many[0]]);
    const reads = batchReads(hs);
    expect(reads).toHaveLength(2);
    expect(reads[1]?.body).toEqual({ inputs: [{ id: big, after: expect.any(String) }] });
  });

  it('asks again only for the calls with more, all of them in one request per round', async () => {
    hs = installHubSpot({ associationPageSize: 2 });
    const pool = await contacts(hs, 5, 'pool');
    const five = await callWith(hs, pool);
    const three = await callWith(hs, pool.slice(0, 3));
    const one = await callWith(hs, pool.slice(0, 1));
    const none = await callWith(hs, []);

    const map = await batchReadAssociations('calls', 'contacts', [five, three, one, none]);

    expect(ids(map, five)).toEqual([...pool].sort());
    expect(ids(map, three)).toEqual(pool.slice(0, 3).sort());
    expect(ids(map, one)).toEqual([pool[0]]);
    expect(ids(map, none)).toEqual([]);
    const bodies = batchReads(hs).map((r) => (r.body as { inputs: { id: string; after?: string }[] }).inputs.map((i) => (i.after ? `${i.id}+after` : i.id)));
    expect(bodies).toEqual([[five, three, one, none], [`${five}+after`, `${three}+after`], [`${five}+after`]]);
    expect(await listAssociations('calls', five, 'contacts')).toHaveLength(5);
  });

  it('is one request when no call has more than a page, and splits more than 1000 calls (HubSpot’s most) into requests of 1000', async () => {
    hs = installHubSpot();
    const [contact] = await contacts(hs, 1, 'one');
    const call = await callWith(hs, [contact as string]);
    expect(ids(await batchReadAssociations('calls', 'contacts', [call]), call)).toEqual([contact]);
    expect(batchReads(hs)).toHaveLength(1);

    hs.requests.length = 0;
    // ids of calls that do not exist: HubSpot answers them with an OBJECT_NOT_FOUND error entry, no result
    const others = Array.from({ length: 1000 }, (_, i) => String(900_000_000 + i));
    const map = await batchReadAssociations('calls', 'contacts', [call, ...others]);
    expect(ids(map, call)).toEqual([contact]);
    expect(batchReads(hs).map((r) => (r.body as { inputs: unknown[] }).inputs.length)).toEqual([1000, 1]);
  });
});
