/**
 * The objects API of the date-versioned families (`/crm/objects/2026-03/...`,
 * `/crm/objects/2026-09/...`) for every object type: each answer against the family's published
 * spec (when ../shared is present) and our schemas.
 */
import { describe, expect, it } from 'vitest';
import { check, check204, NOW, OBJECT_TYPES, recordProps, useHarness, type ObjectType } from './helpers';
import { batchObjects, batchUpsert, errorBody, hubSpotObject, listPage, searchPage } from './schemas';
import { objectOp, VERSIONS } from './dated';

describe.each(VERSIONS)('objects API %s', (v) => {
  const h = useHarness();
  let n = 0;

  /** Properties of a new valid record, and the name of one of them that can be changed. */
  async function newRecord(type: ObjectType): Promise<{ properties: Record<string, string>; key: string }> {
    n += 1;
    if (type === 'calls') return { properties: { hs_timestamp: String(NOW - n * 1000), hs_call_title: `Dated ${v} ${n}` }, key: 'hs_call_title' };
    const properties = await recordProps(h, type, 500 + n);
    return { properties, key: Object.keys(properties)[0] ?? '' };
  }

  it.each(OBJECT_TYPES)('%s: create (201), read (200), list (200), update (200), search (200), archive (204), then 404', async (type) => {
    const base = `/crm/objects/${v}/${type}`;
    const { properties, key } = await newRecord(type);
    const created = check(await h.req('POST', base, { properties }), 201, hubSpotObject, objectOp(v, type, 'post', ''));
    const second = check(await h.req('POST', base, { properties: (await newRecord(type)).properties }), 201, hubSpotObject);

    const read = check(await h.req('GET', `${base}/${created.id}?properties=${key}`), 200, hubSpotObject, objectOp(v, type, 'get', '/{id}'));
    expect(read.properties[key]).toBe(properties[key]);

    const page = check(await h.req('GET', `${base}?limit=1&properties=${key}`), 200, listPage, objectOp(v, type, 'get', ''));
    expect(page.results).toHaveLength(1);
    expect(page.paging?.next.link).toMatch(new RegExp(`^/crm/objects/${v}/${type}\\?after=`));

    const value = type === 'calls' ? `Renamed ${v}` : `renamed-${v}-${n}@example.com`;
    const changed = type === 'contacts' ? 'email' : key;
    const updated = check(await h.req('PATCH', `${base}/${created.id}`, { properties: { [changed]: value } }), 200, hubSpotObject, objectOp(v, type, 'patch', '/{id}'));
    expect(updated.properties[changed]).toBe(value);

    const found = check(
      await h.req('POST', `${base}/search`, {
        filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'IN', values: [created.id, second.id] }] }],
        properties: [changed],
        limit: 1,
      }),
      200,
      searchPage,
      objectOp(v, type, 'post', '/search'),
    );
    expect(found.total).toBe(2);
    expect(found.paging?.next.link).toMatch(new RegExp(`^/crm/objects/${v}/${type}/search\\?after=1`));

    const archived = await h.req('DELETE', `${base}/${created.id}`);
    check204(archived);
    const gone = await h.req('GET', `${base}/${created.id}`);
    expect(check(gone, 404, errorBody, objectOp(v, type, 'get', '/{id}')).category).toBe('OBJECT_NOT_FOUND');
  });

  it.each(OBJECT_TYPES)('%s: batch create (201), read (200), update (200), upsert (200), archive (204)', async (type) => {
    const base = `/crm/objects/${v}/${type}/batch`;
    const records = [await newRecord(type), await newRecord(type)];
    const key = records[0]?.key ?? '';
    const created = check(
      await h.req('POST', `${base}/create`, { inputs: records.map((r) => ({ properties: r.properties })) }),
      201,
      batchObjects,
      objectOp(v, type, 'post', '/batch/create'),
    );
    const ids = created.results.map((r) => r.id);
    expect(ids).toHaveLength(2);

    const read = check(
      await h.req('POST', `${base}/read`, { inputs: ids.map((id) => ({ id })), properties: [key], propertiesWithHistory: [] }),
      200,
      batchObjects,
      objectOp(v, type, 'post', '/batch/read'),
    );
    expect(read.results.map((r) => r.properties[key]).sort()).toEqual(records.map((r) => r.properties[key]).sort());

    const changed = type === 'contacts' ? 'firstname' : key;
    const updated = check(
      await h.req('POST', `${base}/update`, { inputs: ids.map((id, i) => ({ id, properties: { [changed]: `Batch ${v} ${i}` } })) }),
      200,
      batchObjects,
      objectOp(v, type, 'post', '/batch/update'),
    );
    expect(updated.results.map((r) => r.properties[changed]).sort()).toEqual([`Batch ${v} 0`, `Batch ${v} 1`]);

    const upserted = check(
      await h.req('POST', `${base}/upsert`, { inputs: [{ id: ids[0], properties: { [changed]: `Upserted ${v}` } }] }),
      200,
      batchUpsert,
      objectOp(v, type, 'post', '/batch/upsert'),
    );
    expect(upserted.results[0]).toMatchObject({ id: ids[0], new: false });

    check204(await h.req('POST', `${base}/archive`, { inputs: ids.map((id) => ({ id })) }));
    const after = check(await h.req('POST', `${base}/read`, { inputs: ids.map((id) => ({ id })) }), v === '2026-09' ? 200 : 207, batchObjects);
    expect(after.results).toEqual([]);
  });

  it('a batch read naming a missing id: 207 in 2026-03 (as v3), 200 with the errors in 2026-09 (its spec lists no 207)', async () => {
    const { properties } = await newRecord('calls');
    const call = check(await h.req('POST', `/crm/objects/${v}/calls`, { properties }), 201, hubSpotObject);
    const res = await h.req('POST', `/crm/objects/${v}/calls/batch/read`, { inputs: [{ id: call.id }, { id: '999999999' }] });
    const status = v === '2026-09' ? 200 : 207;
    const body = check(res, status, batchObjects, objectOp(v, 'calls', 'post', '/batch/read'));
    expect(body.results.map((r) => r.id)).toEqual([call.id]);
    expect(body.numErrors).toBe(1);
    expect(body.errors?.[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['999999999'] } });
  });

  it('errors carry HubSpot’s body: malformed JSON (400), an unknown object type (404)', async () => {
    const bad = check(await h.req('POST', `/crm/objects/${v}/calls`, '{nope'), 400, errorBody, objectOp(v, 'calls', 'post', ''));
    expect(bad.category).toBe('VALIDATION_ERROR');
    const unknown = check(await h.req('GET', `/crm/objects/${v}/widgets`), 404, errorBody, objectOp(v, 'calls', 'get', ''));
    expect(unknown.category).toBe('OBJECT_NOT_FOUND');
  });
});
