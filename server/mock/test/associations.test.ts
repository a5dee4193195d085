import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CALL_TO, check, check204, checkError, createCall, createObject, getObject, qs, RECORD_TYPES, recordProps, SINGULAR, TO_CALL, useHarness, type RecordType } from './helpers';
import {
  defaultAssociationBatch,
  hubSpotObject,
  labelList,
  labelsBetweenObjectPair,
  v4AssociationPage,
  v4BatchCreate,
  v4BatchRead,
} from './schemas';

const v4List = { file: 'associations.v4.json', method: 'get', path: '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}' } as const;

describe('associations', () => {
  const h = useHarness();
  const records = {} as Record<RecordType, string[]>;

  async function v4(from: string, fromId: string, to: string, params: { limit?: number; after?: string } = {}) {
    return check(await h.req('GET', `/crm/v4/objects/${from}/${fromId}/associations/${to}${qs(params)}`), 200, v4AssociationPage, v4List);
  }
  async function v4All(from: string, fromId: string, to: string) {
    const out: z.infer<typeof v4AssociationPage>['results'] = [];
    let after: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await v4(from, fromId, to, { limit: 500, after });
      out.push(...page.results);
      after = page.paging?.next.after;
      if (!after) break;
    }
    return out;
  }
  async function v3Ids(type: string, id: string, to: string) {
    const obj = await getObject(h, type as 'calls', id, { associations: to });
    return obj.associations?.[to]?.results ?? [];
  }

  beforeAll(async () => {
    for (const type of RECORD_TYPES) {
      records[type] = [];
      for (let n = 0; n < 3; n++) records[type].push((await createObject(h, type, await recordProps(h, type, n))).id);
    }
  });

  it.each(RECORD_TYPES)('v3 per-call routes: PUT associates calls↔%s both ways (200), DELETE removes them (204)', async (type) => {
    const call = await createCall(h, { hs_call_title: `v3 ${type}` });
    const to = records[type][0] as string;
    const res = await h.req('PUT', `/crm/v3/objects/calls/${call.id}/associations/${SINGULAR[type]}/${to}/${CALL_TO[type]}`);
    check(res, 200, hubSpotObject, {
      file: 'objects.v3.pre-2025-10-21.json',
      method: 'put',
      path: '/crm/v3/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}/{associationType}',
    });
    expect(await v3Ids('calls', call.id, type)).toEqual([{ id: to, type: `call_to_${SINGULAR[type]}` }]);
    expect(await v3Ids(type, to, 'calls')).toContainEqual({ id: call.id, type: `${SINGULAR[type]}_to_call` });
    const reverse = await v4All(type, to, 'calls');
    expect(reverse.find((r) => r.toObjectId === call.id)?.associationTypes).toContainEqual({ category: 'HUBSPOT_DEFINED', typeId: TO_CALL[type] });

    check204(await h.req('DELETE', `/crm/v3/objects/calls/${call.id}/associations/${SINGULAR[type]}/${to}/${CALL_TO[type]}`));
    expect(await v3Ids('calls', call.id, type)).toEqual([]);
    expect((await v3Ids(type, to, 'calls')).map((a) => a.id)).not.toContain(call.id);
  });

  it('v3 per-call routes take plural object types and snake-case type names', async () => {
    const call = await createCall(h, { hs_call_title: 'snake' });
    const contact = records.contacts[1] as string;
    check(await h.req('PUT', `/crm/v3/objects/calls/${call.id}/associations/contacts/${contact}/call_to_contact`), 200, hubSpotObject);
    expect(await v3Ids('calls', call.id, 'contacts')).toEqual([{ id: contact, type: 'call_to_contact' }]);
    check204(await h.req('DELETE', `/crm/v3/objects/calls/${call.id}/associations/contacts/${contact}/call_to_contact`));
    expect(await v3Ids('calls', call.id, 'contacts')).toEqual([]);
  });

  it('associations given on create are readable from both sides', async () => {
    const call = await createCall(
      h,
      { hs_call_title: 'with associations' },
      RECORD_TYPES.map((t) => ({ to: { id: records[t][2] as string }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_TO[t] }] })),
    );
    const read = await getObject(h, 'calls', call.id, { associations: [...RECORD_TYPES] });
    for (const t of RECORD_TYPES) {
      expect(read.associations?.[t]?.results).toEqual([{ id: records[t][2], type: `call_to_${SINGULAR[t]}` }]);
      const back = await v4All(t, records[t][2] as string, 'calls');
      expect(back.map((r) => r.toObjectId)).toContain(call.id);
    }
    // comma-separated associations parameter works too
    const comma = check(await h.req('GET', `/crm/v3/objects/calls/${call.id}?associations=contacts,deals`), 200, hubSpotObject);
    expect(Object.keys(comma.associations ?? {}).sort()).toEqual(['contacts', 'deals']);
  });

  it.each(RECORD_TYPES)('v4 default association calls→%s (200) is visible both ways with HubSpot-defined type ids', async (type) => {
    const call = await createCall(h, { hs_call_title: `default ${type}` });
    const to = records[type][1] as string;
    const res = await h.req('PUT', `/crm/v4/objects/calls/${call.id}/associations/default/${type}/${to}`);
    const body = check(res, 200, defaultAssociationBatch, {
      file: 'associations.v4.json',
      method: 'put',
      path: '/crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}',
    });
    expect(body.results.map((r) => r.associationSpec.associationTypeId)).toContain(CALL_TO[type]);
    expect(await v4All('calls', call.id, type)).toEqual([{ toObjectId: to, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: CALL_TO[type] }] }]);
    const back = (await v4All(type, to, 'calls')).find((r) => r.toObjectId === call.id);
    expect(back?.associationTypes).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: TO_CALL[type] }]);
  });

  it('labels at both paths; a call pair has only its HUBSPOT_DEFINED types', async () => {
    const legacy = check(await h.req('GET', '/crm/v4/associations/calls/contacts/labels'), 200, labelList, {
      file: 'associations-schema.v4-labels-legacy-path.json',
      method: 'get',
      path: '/crm/v4/associations/{fromObjectType}/{toObjectType}/labels',
    });
    const current = check(await h.req('GET', '/crm/associations/v4/calls/contacts/labels'), 200, labelList, {
      file: 'associations-schema.v4.json',
      method: 'get',
      path: '/crm/associations/v4/{fromObjectType}/{toObjectType}/labels',
    });
    const pairs = (l: z.infer<typeof labelList>) => l.results.map((r) => `${r.category}:${r.typeId}:${r.label ?? ''}`).sort();
    expect(pairs(current)).toEqual(pairs(legacy));
    expect(pairs(legacy)).toEqual(['HUBSPOT_DEFINED:194:']);
    const reverseLabels = check(await h.req('GET', '/crm/v4/associations/contacts/calls/labels'), 200, labelList);
    expect(pairs(reverseLabels)).toEqual(['HUBSPOT_DEFINED:193:']);
  });

  it('v4 labelled create (201) with a custom contact→company label reads back from the company side', async () => {
    const made = await h.req('POST', '/crm/v4/associations/contacts/companies/labels', { name: 'billing_contact', label: 'Billing contact', inverseLabel: 'Billed company' });
    expect(made.status).toBe(200);
    const custom = check(await h.req('GET', '/crm/v4/associations/contacts/companies/labels'), 200, labelList).results.find((r) => r.label === 'Billing contact');
    expect(custom?.category).toBe('USER_DEFINED');
    const contact = records.contacts[2] as string;
    const company = records.companies[2] as string;
    const created = check(
      await h.req('PUT', `/crm/v4/objects/contacts/${contact}/associations/companies/${company}`, [{ associationCategory: 'USER_DEFINED', associationTypeId: custom?.typeId }]),
      201,
      labelsBetweenObjectPair,
      { file: 'associations.v4.json', method: 'put', path: '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}' },
    );
    expect(created).toMatchObject({ fromObjectTypeId: '0-1', fromObjectId: contact, toObjectTypeId: '0-2', toObjectId: company });
    expect(created.labels).toContain('Billing contact');
    const fromCompany = (await v4All('companies', company, 'contacts')).find((r) => r.toObjectId === contact);
    expect(fromCompany?.associationTypes).toContainEqual(expect.objectContaining({ category: 'USER_DEFINED', label: 'Billed company' }));
  });

  it('v4 create (201) from the contact side reads back from the call side; DELETE removes the pair both ways', async () => {
    const contact = records.contacts[2] as string;
    const call = await createCall(h, { hs_call_title: 'from contact side' });
    check(
      await h.req('PUT', `/crm/v4/objects/contacts/${contact}/associations/calls/${call.id}`, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 193 }]),
      201,
      labelsBetweenObjectPair,
    );
    expect(await v4All('calls', call.id, 'contacts')).toEqual([{ toObjectId: contact, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 194 }] }]);
    const fromContact = (await v4All('contacts', contact, 'calls')).find((r) => r.toObjectId === call.id);
    expect(fromContact?.associationTypes).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 193 }]);

    check204(await h.req('DELETE', `/crm/v4/objects/calls/${call.id}/associations/contacts/${contact}`));
    expect(await v4All('calls', call.id, 'contacts')).toEqual([]);
    expect((await v4All('contacts', contact, 'calls')).map((r) => r.toObjectId)).not.toContain(call.id);
  });

  it('rejects an unknown association type or target without writing anything', async () => {
    const call = await createCall(h, { hs_call_title: 'bad association' });
    const badType = await h.req('PUT', `/crm/v4/objects/calls/${call.id}/associations/contacts/${records.contacts[0]}`, [
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 987654 },
    ]);
    checkError(badType, 400);
    const badTarget = await h.req('PUT', `/crm/v4/objects/calls/${call.id}/associations/contacts/999999999`, [
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 },
    ]);
    expect([400, 404]).toContain(badTarget.status);
    checkError(badTarget, badTarget.status);
    const unknownCall = await h.req('PUT', `/crm/v4/objects/calls/999999999/associations/contacts/${records.contacts[0]}`, [
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 },
    ]);
    expect([400, 404]).toContain(unknownCall.status);
    checkError(unknownCall, unknownCall.status);
    expect(await v4All('calls', call.id, 'contacts')).toEqual([]);
    const v3Bad = await h.req('PUT', `/crm/v3/objects/calls/${call.id}/associations/contact/${records.contacts[0]}/987654`);
    checkError(v3Bad, 400);
    const v3Mismatch = await h.req('PUT', `/crm/v3/objects/calls/${call.id}/associations/contact/${records.contacts[0]}/206`);
    checkError(v3Mismatch, 400);
    expect(await v4All('calls', call.id, 'contacts')).toEqual([]);
    const createBad = await h.req('POST', '/crm/v3/objects/calls', {
      properties: { hs_timestamp: '1730030400000', hs_call_title: 'orphan' },
      associations: [{ to: { id: '999999999' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
    });
    expect([400, 404]).toContain(createBad.status);
    checkError(createBad, createBad.status);
    const search = await h.req('POST', '/crm/v3/objects/calls/search', { query: 'orphan' });
    expect(search.body).toMatchObject({ total: 0 });
  });

  it('v4 list pages with limit and after, visiting every association once', async () => {
    const call = await createCall(h, { hs_call_title: 'many contacts' });
    const ids: string[] = [];
    for (let n = 0; n < 7; n++) {
      const c = await createObject(h, 'contacts', { email: `many${n}@example.com` });
      ids.push(c.id);
      check(await h.req('PUT', `/crm/v4/objects/calls/${call.id}/associations/default/contacts/${c.id}`), 200, defaultAssociationBatch);
    }
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await v4('calls', call.id, 'contacts', { limit: 3, after });
      seen.push(...page.results.map((r) => r.toObjectId));
      after = page.paging?.next.after;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('v4 batch create (201), read (200), archive (204); a bad item makes a 207 with per-item errors', async () => {
    const calls = [await createCall(h, { hs_call_title: 'batch a' }), await createCall(h, { hs_call_title: 'batch b' })];
    const deals = records.deals;
    const created = check(
      await h.req('POST', '/crm/v4/associations/calls/deals/batch/create', {
        inputs: calls.map((c, i) => ({ from: { id: c.id }, to: { id: deals[i] }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 206 }] })),
      }),
      201,
      v4BatchCreate,
      { file: 'associations.v4.json', method: 'post', path: '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/create' },
    );
    expect(created.results).toHaveLength(2);
    expect(created.errors ?? []).toEqual([]);

    const read = check(
      await h.req('POST', '/crm/v4/associations/calls/deals/batch/read', { inputs: calls.map((c) => ({ id: c.id })) }),
      200,
      v4BatchRead,
      { file: 'associations.v4.json', method: 'post', path: '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read' },
    );
    const byFrom = new Map(read.results.map((r) => [r.from.id, r.to.map((t) => t.toObjectId)]));
    expect(byFrom.get(calls[0]?.id ?? '')).toEqual([deals[0]]);
    expect(byFrom.get(calls[1]?.id ?? '')).toEqual([deals[1]]);

    const partial = await h.req('POST', '/crm/v4/associations/calls/deals/batch/create', {
      inputs: [
        { from: { id: calls[0]?.id }, to: { id: deals[2] }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 206 }] },
        { from: { id: calls[0]?.id }, to: { id: '999999999' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 206 }] },
      ],
    });
    const p = check(partial, 207, v4BatchCreate, {
      file: 'associations.v4.json',
      method: 'post',
      path: '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/create',
    });
    expect(p.results).toHaveLength(1);
    expect(p.errors?.length).toBe(1);
    expect(p.numErrors).toBe(1);
    expect((await v4All('calls', calls[0]?.id ?? '', 'deals')).map((r) => r.toObjectId).sort()).toEqual([deals[0], deals[2]].sort());

    check204(
      await h.req('POST', '/crm/v4/associations/calls/deals/batch/archive', {
        inputs: [{ from: { id: calls[0]?.id }, to: [{ id: deals[0] }, { id: deals[2] }] }, { from: { id: calls[1]?.id }, to: [{ id: deals[1] }] }],
      }),
    );
    for (const c of calls) expect(await v4All('calls', c.id, 'deals')).toEqual([]);
    expect((await v4All('deals', deals[0] as string, 'calls')).map((r) => r.toObjectId)).not.toContain(calls[0]?.id);
  });

  it('v4 batch associate default (200)', async () => {
    const call = await createCall(h, { hs_call_title: 'batch default' });
    const res = await h.req('POST', '/crm/v4/associations/calls/tickets/batch/associate/default', {
      inputs: [{ from: { id: call.id }, to: { id: records.tickets[0] } }],
    });
    check(res, 200, defaultAssociationBatch, {
      file: 'associations.v4.json',
      method: 'post',
      path: '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/associate/default',
    });
    expect(await v4All('calls', call.id, 'tickets')).toEqual([{ toObjectId: records.tickets[0], associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 220 }] }]);
  });

  it('archiving a record hides its associations from reads on the other side', async () => {
    const company = await createObject(h, 'companies', { name: 'Soon Gone Ltd', domain: 'gone.example.com' });
    const call = await createCall(h, { hs_call_title: 'company to archive' }, [
      { to: { id: company.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 182 }] },
    ]);
    expect((await v3Ids('calls', call.id, 'companies')).map((a) => a.id)).toEqual([company.id]);
    check204(await h.req('DELETE', `/crm/v3/objects/companies/${company.id}`));
    expect(await v3Ids('calls', call.id, 'companies')).toEqual([]);
    expect(await v4All('calls', call.id, 'companies')).toEqual([]);
    // HubSpot answers 207 (with a "no associations" error) for an id with nothing associated; 200 is fine too
    const batchRes = await h.req('POST', '/crm/v4/associations/calls/companies/batch/read', { inputs: [{ id: call.id }] });
    expect([200, 207]).toContain(batchRes.status);
    const read = check(batchRes, batchRes.status, v4BatchRead);
    expect(read.results.flatMap((r) => r.to.map((t) => t.toObjectId))).not.toContain(company.id);

    // and archiving the call hides it from the record side
    const contact = records.contacts[0] as string;
    const call2 = await createCall(h, { hs_call_title: 'call to archive' }, [
      { to: { id: contact }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] },
    ]);
    expect((await v4All('contacts', contact, 'calls')).map((r) => r.toObjectId)).toContain(call2.id);
    check204(await h.req('DELETE', `/crm/v3/objects/calls/${call2.id}`));
    expect((await v4All('contacts', contact, 'calls')).map((r) => r.toObjectId)).not.toContain(call2.id);
    expect((await v3Ids('contacts', contact, 'calls')).map((a) => a.id)).not.toContain(call2.id);
  });
});
