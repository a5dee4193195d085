import { describe, expect, it } from 'vitest';
import { check, check204, checkError, createCall, createObject, getObject, NOW, RECORD_TYPES, recordProps, useHarness, type Harness, type ObjectType } from './helpers';
import { batchObjects, listPage } from './schemas';

/** Every live record id of a type, read through the list endpoint. */
async function liveIds(h: Pick<Harness, 'req'>, type: ObjectType): Promise<string[]> {
  const out: string[] = [];
  let after: string | undefined;
  do {
    const page = check(await h.req('GET', `/crm/v3/objects/${type}?limit=100${after ? `&after=${after}` : ''}`), 200, listPage);
    out.push(...page.results.map((r) => r.id));
    after = page.paging?.next?.after;
  } while (after);
  return out;
}

/** HubSpot refuses a batch write with one bad input as a whole and applies nothing (the default batchMode). */
describe('batch writes are all-or-nothing', () => {
  const h = useHarness();

  it('update: one unknown id and one invalid value refuse the batch; errors name both; the good input is not applied', async () => {
    const a = await createCall(h, { hs_call_title: 'A', hs_call_status: 'COMPLETED' });
    const b = await createCall(h, { hs_call_title: 'B', hs_call_status: 'COMPLETED' });
    h.clock.advance(1000);
    const res = await h.req('POST', '/crm/v3/objects/calls/batch/update', {
      inputs: [
        { id: a.id, properties: { hs_call_title: 'A2' } },
        { id: '999999993', properties: { hs_call_title: 'ghost' } },
        { id: b.id, properties: { hs_call_status: 'NOPE' } },
      ],
    });
    const e = checkError(res, 404, 'OBJECT_NOT_FOUND');
    expect(e.message).toBe('Could not get some CALL objects, they may be deleted or not exist. Check that ids are valid.');
    expect(e.context?.ids).toEqual(['999999993', b.id]);
    expect(e.errors).toEqual([
      expect.objectContaining({ code: 'OBJECT_NOT_FOUND', context: expect.objectContaining({ ids: ['999999993'] }) }),
      expect.objectContaining({ code: 'INVALID_OPTION', in: 'hs_call_status', context: { propertyName: ['hs_call_status'], ids: [b.id] } }),
    ]);
    const readA = await getObject(h, 'calls', a.id, { properties: 'hs_call_title', propertiesWithHistory: 'hs_call_title' });
    expect(readA.properties.hs_call_title).toBe('A');
    expect(readA.updatedAt).toBe(a.updatedAt);
    expect(readA.propertiesWithHistory?.hs_call_title?.map((v) => v.value)).toEqual(['A']);
    expect((await getObject(h, 'calls', b.id, { properties: 'hs_call_status' })).properties.hs_call_status).toBe('COMPLETED');
  });

  it('update: an invalid value alone refuses the batch with 400 VALIDATION_ERROR naming the property and the input', async () => {
    const a = await createCall(h, { hs_call_title: 'kept' });
    const b = await createCall(h, { hs_call_title: 'also kept' });
    const res = await h.req('POST', '/crm/v3/objects/calls/batch/update', {
      inputs: [
        { id: a.id, properties: { hs_call_title: 'changed' } },
        { id: b.id, properties: { hs_call_duration: 'abc' } },
      ],
    });
    const e = checkError(res, 400, 'VALIDATION_ERROR');
    expect(e.context?.ids).toEqual([b.id]);
    expect(e.errors).toEqual([{ message: expect.any(String), code: 'INVALID_INTEGER', in: 'hs_call_duration', context: { propertyName: ['hs_call_duration'], ids: [b.id] } }]);
    expect((await getObject(h, 'calls', a.id, { properties: 'hs_call_title' })).properties.hs_call_title).toBe('kept');
  });

  it('create: one invalid input refuses the batch (its index named) and creates nothing', async () => {
    const before = await liveIds(h, 'calls');
    const res = await h.req('POST', '/crm/v3/objects/calls/batch/create', {
      inputs: [
        { properties: { hs_timestamp: String(NOW), hs_call_title: 'valid batch item' }, associations: [] },
        { properties: { hs_call_title: 'missing timestamp' }, associations: [] },
        { properties: { hs_timestamp: String(NOW), hs_call_direction: 'SIDEWAYS' }, associations: [] },
      ],
    });
    const e = checkError(res, 400, 'VALIDATION_ERROR');
    expect(e.context?.index).toEqual(['1', '2']);
    expect(e.errors?.map((d) => [d.code, d.in, d.context?.index])).toEqual([
      ['REQUIRED', 'hs_timestamp', ['1']],
      ['INVALID_OPTION', 'hs_call_direction', ['2']],
    ]);
    expect(await liveIds(h, 'calls')).toEqual(before);
  });

  it('create: two contacts with the same email conflict (409) and neither is created', async () => {
    const before = await liveIds(h, 'contacts');
    const res = await h.req('POST', '/crm/v3/objects/contacts/batch/create', {
      inputs: [
        { properties: { email: 'twice@example.com', firstname: 'One' }, associations: [] },
        { properties: { email: 'twice@example.com', firstname: 'Two' }, associations: [] },
      ],
    });
    const e = checkError(res, 409, 'CONFLICT');
    expect(e.context?.index).toEqual(['1']);
    expect(await liveIds(h, 'contacts')).toEqual(before);
  });

  for (const type of RECORD_TYPES) {
    it(`${type}: update with an unknown id refuses the batch; the known record keeps its values`, async () => {
      const props = await recordProps(h, type, 700);
      const rec = await createObject(h, type, props);
      const [name] = Object.keys(props);
      if (!name) throw new Error('no property');
      const res = await h.req('POST', `/crm/v3/objects/${type}/batch/update`, {
        inputs: [
          { id: rec.id, properties: { [name]: `${props[name] ?? ''}x` } },
          { id: '999999994', properties: { [name]: 'ghost' } },
        ],
      });
      expect(checkError(res, 404, 'OBJECT_NOT_FOUND').context?.ids).toEqual(['999999994']);
      expect((await getObject(h, type, rec.id, { properties: name })).properties[name]).toBe(props[name]);
    });
  }

  it('upsert: one bad input refuses the batch and nothing is created or updated', async () => {
    const existing = await createObject(h, 'contacts', { email: 'upsert-atomic@example.com', firstname: 'Old' });
    const before = await liveIds(h, 'contacts');
    const res = await h.req('POST', '/crm/v3/objects/contacts/batch/upsert', {
      inputs: [
        { id: 'upsert-atomic@example.com', idProperty: 'email', properties: { firstname: 'New' } },
        { id: 'fresh-atomic@example.com', idProperty: 'email', properties: { firstname: 'Fresh' } },
        { id: 'bad-atomic@example.com', idProperty: 'email', properties: { lifecyclestage: 'nonsense' } },
      ],
    });
    expect(checkError(res, 400, 'VALIDATION_ERROR').context?.ids).toEqual(['bad-atomic@example.com']);
    expect((await getObject(h, 'contacts', existing.id, { properties: 'firstname' })).properties.firstname).toBe('Old');
    expect(await liveIds(h, 'contacts')).toEqual(before);
  });

  it('a batch without bad inputs still applies every input (200)', async () => {
    const a = await createCall(h, { hs_call_title: 'one' });
    const b = await createCall(h, { hs_call_title: 'two' });
    const body = check(
      await h.req('POST', '/crm/v3/objects/calls/batch/update', { inputs: [{ id: a.id, properties: { hs_call_title: 'one!' } }, { id: b.id, properties: { hs_call_title: 'two!' } }] }),
      200,
      batchObjects,
      { file: 'calls.v3.json', method: 'post', path: '/crm/v3/objects/calls/batch/update' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.results.map((r) => r.properties.hs_call_title).sort()).toEqual(['one!', 'two!']);
  });

  it('archive: ids without a live record are skipped (204) and the others archived, as DELETE of a missing record answers 204', async () => {
    const a = await createCall(h, { hs_call_title: 'archive me' });
    const gone = await createCall(h, { hs_call_title: 'already gone' });
    check204(await h.req('DELETE', `/crm/v3/objects/calls/${gone.id}`));
    check204(await h.req('POST', '/crm/v3/objects/calls/batch/archive', { inputs: [{ id: a.id }, { id: '999999995' }, { id: gone.id }] }));
    checkError(await h.req('GET', `/crm/v3/objects/calls/${a.id}`), 404, 'OBJECT_NOT_FOUND');
    expect((await getObject(h, 'calls', a.id, { archived: true })).archived).toBe(true);
  });
});
