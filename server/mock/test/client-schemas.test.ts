/**
 * The app's client layer (src/api/schemas.ts) must accept what the mock sends: every endpoint the
 * client calls, parsed with the client's own zod schemas, on the demo seed.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  associationBatchReadSchema,
  associationLabelListSchema,
  batchResponseSchema,
  collectionSchema,
  dispositionCollectionSchema,
  hubSpotObjectSchema,
  legacyDispositionListSchema,
  ownerCollectionSchema,
  propertyCollectionSchema,
  propertyGroupCollectionSchema,
  searchCollectionSchema,
  standardErrorSchema,
} from '../../../src/api/schemas';
import { check, RECORD_TYPES, useHarness } from './helpers';
import { propertyList } from './schemas';

describe('the client layer’s schemas accept the mock’s answers', () => {
  const h = useHarness({ seed: 'demo' });

  async function get<S extends z.core.$ZodType>(schema: S, method: string, path: string, body?: unknown, status = 200): Promise<z.core.output<S>> {
    const res = await h.req(method, path, body);
    expect(res.status, `${method} ${path}: ${res.text.slice(0, 300)}`).toBe(status);
    return check(res, status, schema);
  }

  it('calls: list, search, read with history and associations, batch read, errors', async () => {
    const list = await get(collectionSchema, 'GET', '/crm/v3/objects/calls?limit=25&properties=hs_call_title,hs_timestamp&associations=contacts,companies');
    expect(list.results).toHaveLength(25);
    const search = await get(searchCollectionSchema, 'POST', '/crm/v3/objects/calls/search', {
      limit: 50,
      properties: ['hs_call_title', 'hs_call_disposition'],
      sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
    });
    expect(search.total).toBeGreaterThan(50);
    const id = search.results[0]?.id ?? '';
    const one = await get(
      hubSpotObjectSchema,
      'GET',
      `/crm/v3/objects/calls/${id}?properties=hs_call_title,hs_call_disposition&propertiesWithHistory=hs_call_title&associations=contacts,companies,deals,tickets`,
    );
    expect(one.id).toBe(id);
    const batch = await get(batchResponseSchema, 'POST', '/crm/v3/objects/calls/batch/read', {
      inputs: search.results.slice(0, 5).map((r) => ({ id: r.id })),
      properties: ['hs_call_title'],
      propertiesWithHistory: [],
    });
    expect(batch.results).toHaveLength(5);
    const partial = await get(
      batchResponseSchema,
      'POST',
      '/crm/v3/objects/calls/batch/read',
      { inputs: [{ id }, { id: '999999999' }], properties: [], propertiesWithHistory: [] },
      207,
    );
    expect(partial.errors?.[0]?.context?.ids).toEqual(['999999999']);
    const error = await get(standardErrorSchema, 'GET', '/crm/v3/objects/calls/999999999', undefined, 404);
    expect(error.category).toBe('OBJECT_NOT_FOUND');
  });

  it('records, associations and labels', async () => {
    for (const type of RECORD_TYPES) {
      const page = await get(searchCollectionSchema, 'POST', `/crm/v3/objects/${type}/search`, { limit: 10 });
      const first = page.results[0]?.id ?? '';
      await get(hubSpotObjectSchema, 'GET', `/crm/v3/objects/${type}/${first}?properties=hs_pinned_engagement_id`);
      await get(associationBatchReadSchema, 'POST', `/crm/v4/associations/${type}/calls/batch/read`, { inputs: [{ id: first }] });
      await get(associationLabelListSchema, 'GET', `/crm/v4/associations/calls/${type}/labels`);
    }
    const calls = await get(collectionSchema, 'GET', '/crm/v3/objects/calls?limit=20');
    // 207 when some of the calls have no contact, 200 otherwise; the client takes both
    const res = await h.req('POST', '/crm/v4/associations/calls/contacts/batch/read', { inputs: calls.results.map((c) => ({ id: c.id })) });
    expect([200, 207]).toContain(res.status);
    const read = check(res, res.status, associationBatchReadSchema);
    expect(read.results.length).toBeGreaterThan(0);
  });

  it('metadata: properties and their groups, owners, dispositions', async () => {
    for (const type of ['calls', ...RECORD_TYPES]) {
      const props = await get(propertyCollectionSchema, 'GET', `/crm/v3/properties/${type}`);
      const groups = check(await h.req('GET', `/crm/v3/properties/${type}/groups`), 200, propertyGroupCollectionSchema, {
        file: 'properties.v3.json',
        method: 'get',
        path: '/crm/v3/properties/{objectType}/groups',
      });
      const names = new Set(groups.results.map((g) => g.name));
      for (const p of props.results) expect(names.has(p.groupName), `${type}.${p.name} group ${p.groupName}`).toBe(true);
    }
    const strict = check(await h.req('GET', '/crm/v3/properties/calls'), 200, propertyList);
    expect(strict.results.length).toBeGreaterThan(10);
    const owners = await get(ownerCollectionSchema, 'GET', '/crm/v3/owners?limit=100');
    expect(owners.results).toHaveLength(8);
    const dispositions = await get(legacyDispositionListSchema, 'GET', '/calling/v1/dispositions');
    expect(dispositions.length).toBeGreaterThanOrEqual(8);
    const withArchived = await get(dispositionCollectionSchema, 'GET', '/crm/extensions/calling/2027-03-beta/dispositions?archived=true');
    expect(withArchived.results.filter((d) => d.archived).length).toBeGreaterThan(0);
  });
});
