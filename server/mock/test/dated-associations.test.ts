/**
 * Associations and labels of the date-versioned families (`/crm/associations/{v}/...`,
 * `/crm/objects/{v}/{type}/{id}/associations/...`): each answer against the family's published
 * spec (when ../shared is present) and our schemas, and where they differ from v4.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CALL_TO, check, check204, createCall, createObject, RECORD_TYPES, recordProps, TO_CALL, useHarness, type RecordType } from './helpers';
import { batchVoid, defaultAssociationBatch, errorBody, labelList, labelsBetweenObjectPair, v4AssociationPage, v4BatchCreate, v4BatchRead } from './schemas';
import { associationOp, labelOp, VERSIONS } from './dated';

describe.each(VERSIONS)('associations %s', (v) => {
  const h = useHarness();
  const records = {} as Record<RecordType, string>;

  /** The call's associations to `type`, read through v4 (the same data whatever family wrote it). */
  async function v4Targets(callId: string, type: RecordType): Promise<string[]> {
    const page = check(await h.req('GET', `/crm/v4/objects/calls/${callId}/associations/${type}`), 200, v4AssociationPage);
    return page.results.map((r) => r.toObjectId);
  }

  beforeAll(async () => {
    for (const [n, type] of RECORD_TYPES.entries()) records[type] = (await createObject(h, type, await recordProps(h, type, 700 + n))).id;
  });

  it.each(RECORD_TYPES)('calls→%s per record: PUT with a body of types (201), PUT default (200), DELETE (204)', async (type) => {
    const call = await createCall(h, { hs_call_title: `${v} ${type}` });
    const to = records[type];
    const labelled = await h.req('PUT', `/crm/objects/${v}/calls/${call.id}/associations/${type}/${to}`, [
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_TO[type] },
    ]);
    const pair = check(labelled, 201, labelsBetweenObjectPair, associationOp(v, 'put', 'record'));
    expect(pair).toMatchObject({ fromObjectTypeId: '0-48', fromObjectId: call.id, toObjectId: to });
    expect(await v4Targets(call.id, type)).toEqual([to]);

    check204(await h.req('DELETE', `/crm/objects/${v}/calls/${call.id}/associations/${type}/${to}`));
    expect(await v4Targets(call.id, type)).toEqual([]);

    const byDefault = await h.req('PUT', `/crm/objects/${v}/${type}/${to}/associations/default/calls/${call.id}`);
    const out = check(byDefault, 200, defaultAssociationBatch, associationOp(v, 'put', 'default'));
    expect(out.results.map((r) => r.associationSpec.associationTypeId).sort()).toEqual([CALL_TO[type], TO_CALL[type]].sort());
    expect(await v4Targets(call.id, type)).toEqual([to]);
  });

  it(`the per-record list: ${v === '2026-03' ? 'GET (200) as in v4' : 'none in 2026-09’s spec, so 404 as for any unknown route'}`, async () => {
    const call = await createCall(h, { hs_call_title: `${v} list` }, [
      { to: { id: records.contacts }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_TO.contacts }] },
    ]);
    const res = await h.req('GET', `/crm/objects/${v}/calls/${call.id}/associations/contacts`);
    if (v === '2026-03') {
      const page = check(res, 200, v4AssociationPage, associationOp(v, 'get', 'list'));
      expect(page.results).toEqual([{ toObjectId: records.contacts, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: CALL_TO.contacts }] }]);
    } else {
      expect(check(res, 404, errorBody).category).toBe('RESOURCE_NOT_FOUND');
    }
  });

  it('batch create, read, associate/default, labels/archive and archive', async () => {
    const [a, b] = [await createCall(h, { hs_call_title: `${v} batch a` }), await createCall(h, { hs_call_title: `${v} batch b` })];
    const base = `/crm/associations/${v}/calls/contacts/batch`;
    const types = [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_TO.contacts }];

    // 2026-09's spec answers batch/create with 200; v4's and 2026-03's with 201
    const created = await h.req('POST', `${base}/create`, { inputs: [{ from: { id: a.id }, to: { id: records.contacts }, types }] });
    const pairs = check(created, v === '2026-09' ? 200 : 201, v4BatchCreate, associationOp(v, 'post', 'batch', 'create'));
    expect(pairs.results.map((r) => r.fromObjectId)).toEqual([a.id]);

    const defaults = await h.req('POST', `${base}/associate/default`, { inputs: [{ from: { id: b.id }, to: { id: records.contacts } }] });
    check(defaults, 200, defaultAssociationBatch, associationOp(v, 'post', 'batch', 'associate/default'));

    const read = await h.req('POST', `${base}/read`, { inputs: [{ id: a.id }, { id: b.id }] });
    const both = check(read, 200, v4BatchRead, associationOp(v, 'post', 'batch', 'read'));
    expect(both.results.map((r) => [r.from.id, r.to.map((t) => t.toObjectId)])).toEqual([
      [a.id, [records.contacts]],
      [b.id, [records.contacts]],
    ]);

    const unlabelled = await h.req('POST', `${base}/labels/archive`, { inputs: [{ from: { id: a.id }, to: { id: records.contacts }, types }] });
    expect(check(unlabelled, 200, batchVoid, associationOp(v, 'post', 'batch', 'labels/archive')).status).toBe('COMPLETE');
    expect(await v4Targets(a.id, 'contacts')).toEqual([]);

    const archived = await h.req('POST', `${base}/archive`, { inputs: [{ from: { id: b.id }, to: [{ id: records.contacts }] }] });
    expect(check(archived, 200, batchVoid, associationOp(v, 'post', 'batch', 'archive')).results).toEqual([]);
    expect(await v4Targets(b.id, 'contacts')).toEqual([]);
  });

  it('a batch read naming a missing record: 207 in 2026-03 (as v4), 200 with the errors in 2026-09', async () => {
    const call = await createCall(h, { hs_call_title: `${v} partial` });
    const res = await h.req('POST', `/crm/associations/${v}/calls/contacts/batch/read`, { inputs: [{ id: call.id }, { id: '999999999' }] });
    const body = check(res, v === '2026-09' ? 200 : 207, v4BatchRead, associationOp(v, 'post', 'batch', 'read'));
    expect(body.results).toEqual([{ from: { id: call.id }, to: [] }]);
    expect(body.errors?.[0]?.context.ids).toEqual(['999999999']);
  });

  it('labels: list (200), create (200), rename (204), delete (204), refusals with HubSpot’s error body', async () => {
    const base = `/crm/associations/${v}/contacts/companies/labels`;
    const listed = await h.req('GET', `/crm/associations/${v}/calls/contacts/labels`);
    const list = check(listed, 200, labelList, labelOp(v, 'get'));
    expect(list.results).toContainEqual(expect.objectContaining({ category: 'HUBSPOT_DEFINED', typeId: CALL_TO.contacts }));
    // 2026-09's label schema has no object type ids; 2026-03's has them, as v4's
    const typeIds = (listed.body as { results: Record<string, unknown>[] }).results.map((r) => [r.fromObjectTypeId, r.toObjectTypeId]);
    expect(new Set(typeIds.map(String))).toEqual(new Set([v === '2026-03' ? '0-48,0-1' : ',']));

    const name = `dated_${v.replace('-', '_')}`;
    const created = check(await h.req('POST', base, { name, label: `Partner ${v}`, inverseLabel: `Partner of ${v}` }), 200, labelList, labelOp(v, 'post'));
    const typeId = created.results.find((r) => r.label === `Partner ${v}`)?.typeId;
    expect(typeId).toBeTypeOf('number');

    check204(await h.req('PUT', base, { associationTypeId: typeId, label: `Renamed ${v}` }));
    const renamed = check(await h.req('GET', base), 200, labelList, labelOp(v, 'get'));
    expect(renamed.results).toContainEqual(expect.objectContaining({ typeId, label: `Renamed ${v}` }));
    // the same label through v4
    const v4 = check(await h.req('GET', '/crm/v4/associations/contacts/companies/labels'), 200, labelList);
    expect(v4.results).toContainEqual(expect.objectContaining({ typeId, label: `Renamed ${v}` }));

    check204(await h.req('DELETE', `${base}/${typeId}`));
    const deleted = check(await h.req('GET', base), 200, labelList);
    expect(deleted.results.map((r) => r.typeId)).not.toContain(typeId);

    const again = check(await h.req('DELETE', `${base}/${typeId}`), 404, errorBody, labelOp(v, 'delete', '/{associationTypeId}'));
    expect(again.category).toBe('OBJECT_NOT_FOUND');
    const defined = check(await h.req('PUT', base, { associationTypeId: 279, label: 'x' }), 400, errorBody, labelOp(v, 'put'));
    expect(defined.category).toBe('VALIDATION_ERROR');
  });
});
