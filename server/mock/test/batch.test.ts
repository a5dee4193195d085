import { describe, expect, it } from 'vitest';
import { check, check204, checkError, createCall, createObject, getObject, NOW, OBJECT_TYPES, recordProps, useHarness, type Harness } from './helpers';
import { batchObjects, batchUpsert, searchPage } from './schemas';
import { objectSpec } from './spec';

async function total(h: Pick<Harness, 'req'>, type = 'calls'): Promise<number> {
  return check(await h.req('POST', `/crm/v3/objects/${type}/search`, { limit: 1 }), 200, searchPage).total;
}

describe('batch API', () => {
  const h = useHarness();

  for (const type of OBJECT_TYPES) {
    it(`${type}: batch create (201), read (200), update (200), archive (204)`, async () => {
      const spec = objectSpec(type);
      const at = (op: string) => ({ file: spec.file, method: 'post', path: `${spec.base}/batch/${op}` });
      const inputs: { properties: Record<string, string>; associations: never[] }[] = [];
      for (let n = 0; n < 3; n++) {
        const properties = type === 'calls' ? { hs_timestamp: String(NOW - n * 1000), hs_call_title: `Batch ${n}` } : await recordProps(h, type, 100 + n);
        inputs.push({ properties, associations: [] });
      }
      const created = check(await h.req('POST', `/crm/v3/objects/${type}/batch/create`, { inputs }), 201, batchObjects, at('create'));
      expect(created.status).toBe('COMPLETE');
      expect(created.results).toHaveLength(3);
      const ids = created.results.map((r) => r.id);
      expect(new Set(ids).size).toBe(3);

      const titleProp = type === 'calls' ? 'hs_call_title' : Object.keys(inputs[0]?.properties ?? {})[0] ?? '';
      const read = check(
        await h.req('POST', `/crm/v3/objects/${type}/batch/read`, { inputs: ids.map((id) => ({ id })), properties: [titleProp], propertiesWithHistory: [] }),
        200,
        batchObjects,
        at('read'),
      );
      expect(read.results.map((r) => r.id).sort()).toEqual([...ids].sort());
      for (const r of read.results) {
        const i = ids.indexOf(r.id);
        expect(r.properties[titleProp]).toBe(inputs[i]?.properties[titleProp]);
      }

      const updated = check(
        await h.req('POST', `/crm/v3/objects/${type}/batch/update`, {
          inputs: ids.map((id, i) => ({ id, properties: { [titleProp]: `Updated ${type} ${i}` } })),
        }),
        200,
        batchObjects,
        at('update'),
      );
      expect(updated.results).toHaveLength(3);
      for (const [i, id] of ids.entries()) {
        expect((await getObject(h, type, id, { properties: titleProp })).properties[titleProp]).toBe(`Updated ${type} ${i}`);
      }

      check204(await h.req('POST', `/crm/v3/objects/${type}/batch/archive`, { inputs: ids.map((id) => ({ id })) }));
      for (const id of ids) checkError(await h.req('GET', `/crm/v3/objects/${type}/${id}`), 404, 'OBJECT_NOT_FOUND');
    });
  }

  it('batch read with unknown ids answers 207 with the found ones and an OBJECT_NOT_FOUND error naming the missing ids', async () => {
    const a = await createCall(h, { hs_call_title: 'found' });
    const res = await h.req('POST', '/crm/v3/objects/calls/batch/read', {
      inputs: [{ id: a.id }, { id: '999999991' }, { id: '999999992' }],
      properties: ['hs_call_title'],
      propertiesWithHistory: [],
    });
    const body = check(res, 207, batchObjects, { file: 'calls.v3.json', method: 'post', path: '/crm/v3/objects/calls/batch/read' });
    expect(body.results.map((r) => r.id)).toEqual([a.id]);
    expect(body.results[0]?.properties.hs_call_title).toBe('found');
    expect(body.numErrors).toBe(body.errors?.length);
    const notFound = body.errors?.filter((e) => e.category === 'OBJECT_NOT_FOUND') ?? [];
    expect(notFound.flatMap((e) => e.context.ids ?? []).sort()).toEqual(['999999991', '999999992']);
  });

  it('batch read returns propertiesWithHistory when asked', async () => {
    const a = await createCall(h, { hs_call_title: 'first' });
    h.clock.advance(1000);
    await h.req('PATCH', `/crm/v3/objects/calls/${a.id}`, { properties: { hs_call_title: 'second' } });
    const body = check(
      await h.req('POST', '/crm/v3/objects/calls/batch/read', { inputs: [{ id: a.id }], properties: [], propertiesWithHistory: ['hs_call_title'] }),
      200,
      batchObjects,
    );
    expect(body.results[0]?.propertiesWithHistory?.hs_call_title?.map((v) => v.value)).toEqual(['second', 'first']);
  });

  it('batch upsert (200) updates by id and by a unique idProperty, creating what is new', async () => {
    const a = await createCall(h, { hs_call_title: 'upsert me' });
    const byId = check(
      await h.req('POST', '/crm/v3/objects/calls/batch/upsert', { inputs: [{ id: a.id, properties: { hs_call_title: 'upserted' } }] }),
      200,
      batchUpsert,
      { file: 'calls.v3.json', method: 'post', path: '/crm/v3/objects/calls/batch/upsert' },
    );
    expect(byId.results).toMatchObject([{ id: a.id, new: false }]);
    expect((await getObject(h, 'calls', a.id, { properties: 'hs_call_title' })).properties.hs_call_title).toBe('upserted');

    const existing = await createObject(h, 'contacts', { email: 'upsert@example.com', firstname: 'Old' });
    const contacts = check(
      await h.req('POST', '/crm/v3/objects/contacts/batch/upsert', {
        inputs: [
          { id: 'upsert@example.com', idProperty: 'email', properties: { firstname: 'New' } },
          { id: 'fresh@example.com', idProperty: 'email', properties: { firstname: 'Fresh' } },
        ],
      }),
      200,
      batchUpsert,
      { file: 'contacts.v3.json', method: 'post', path: '/crm/v3/objects/contacts/batch/upsert' },
    );
    const old = contacts.results.find((r) => r.id === existing.id);
    expect(old?.new).toBe(false);
    const fresh = contacts.results.find((r) => r.id !== existing.id);
    expect(fresh?.new).toBe(true);
    expect((await getObject(h, 'contacts', existing.id, { properties: 'firstname' })).properties.firstname).toBe('New');
    const freshRead = await getObject(h, 'contacts', 'fresh@example.com', { idProperty: 'email', properties: ['firstname', 'email'] });
    expect(freshRead.properties).toMatchObject({ firstname: 'Fresh', email: 'fresh@example.com' });
  });

  it('batch archive hides every record from reads, lists and search', async () => {
    const a = await createCall(h, { hs_call_title: 'zzbatcharchive one' });
    const b = await createCall(h, { hs_call_title: 'zzbatcharchive two' });
    const before = await total(h);
    check204(await h.req('POST', '/crm/v3/objects/calls/batch/archive', { inputs: [{ id: a.id }, { id: b.id }] }));
    expect(await total(h)).toBe(before - 2);
    const search = check(await h.req('POST', '/crm/v3/objects/calls/search', { query: 'zzbatcharchive' }), 200, searchPage);
    expect(search.total).toBe(0);
    const archived = check(
      await h.req('POST', '/crm/v3/objects/calls/batch/read?archived=true', { inputs: [{ id: a.id }], properties: [], propertiesWithHistory: [] }),
      200,
      batchObjects,
    );
    expect(archived.results[0]).toMatchObject({ id: a.id, archived: true });
  });

  it('rejects a malformed batch body with 400 and writes nothing', async () => {
    const before = await total(h);
    checkError(await h.req('POST', '/crm/v3/objects/calls/batch/create', { inputs: 'nope' }), 400);
    checkError(await h.req('POST', '/crm/v3/objects/calls/batch/create', {}), 400);
    checkError(await h.req('POST', '/crm/v3/objects/calls/batch/archive', { inputs: [{}] }), 400);
    expect(await total(h)).toBe(before);
  });
});

describe('batch API with batchMode per-item (lenient: the good inputs are applied, 207)', () => {
  const h = useHarness({ app: { batchMode: 'per-item' } });

  it('batch create with an invalid item answers 207: the valid item is created, the invalid one is not', async () => {
    const before = await total(h);
    const res = await h.req('POST', '/crm/v3/objects/calls/batch/create', {
      inputs: [
        { properties: { hs_timestamp: String(NOW), hs_call_title: 'valid batch item' }, associations: [] },
        { properties: { hs_call_title: 'missing timestamp' }, associations: [] },
      ],
    });
    const body = check(res, 207, batchObjects, { file: 'calls.v3.json', method: 'post', path: '/crm/v3/objects/calls/batch/create' });
    expect(body.results.map((r) => r.properties.hs_call_title)).toEqual(['valid batch item']);
    expect(body.errors?.[0]?.category).toBe('VALIDATION_ERROR');
    expect(await total(h)).toBe(before + 1);
    const search = check(await h.req('POST', '/crm/v3/objects/calls/search', { query: 'missing timestamp' }), 200, searchPage);
    expect(search.total).toBe(0);
  });

  it('batch update with an unknown id and an invalid value answers 207 and applies only the good item', async () => {
    const a = await createCall(h, { hs_call_title: 'A', hs_call_status: 'COMPLETED' });
    const b = await createCall(h, { hs_call_title: 'B', hs_call_status: 'COMPLETED' });
    const res = await h.req('POST', '/crm/v3/objects/calls/batch/update', {
      inputs: [
        { id: a.id, properties: { hs_call_title: 'A2' } },
        { id: '999999993', properties: { hs_call_title: 'ghost' } },
        { id: b.id, properties: { hs_call_status: 'NOPE' } },
      ],
    });
    const body = check(res, 207, batchObjects, { file: 'calls.v3.json', method: 'post', path: '/crm/v3/objects/calls/batch/update' });
    expect(body.results.map((r) => r.id)).toEqual([a.id]);
    expect(body.errors?.map((e) => e.category).sort()).toEqual(['OBJECT_NOT_FOUND', 'VALIDATION_ERROR']);
    expect((await getObject(h, 'calls', a.id, { properties: 'hs_call_title' })).properties.hs_call_title).toBe('A2');
    expect((await getObject(h, 'calls', b.id, { properties: 'hs_call_status' })).properties.hs_call_status).toBe('COMPLETED');
  });
});
