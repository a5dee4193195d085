/**
 * HubSpot's official Node client against a listening mock: proves the status codes and bodies
 * are what the SDK expects (it throws on any status other than the documented one).
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/calls/index.js';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../app';
import { fixedClock } from '../clock';
import { openMockDb } from '../store/index';
import { DEFAULT_DISPOSITIONS, NOW, TOKEN } from './helpers';

describe('@hubspot/api-client against the mock', () => {
  let server: ServerType;
  let db: ReturnType<typeof openMockDb>;
  let hubspot: Client;

  beforeAll(async () => {
    const clock = fixedClock(NOW);
    db = openMockDb({ file: ':memory:', seed: 'demo', clock });
    const app = createMockApp({ db, token: TOKEN, clock });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
    });
    hubspot = new Client({ accessToken: TOKEN, basePath: `http://127.0.0.1:${port}`, numberOfApiCallRetries: 0 });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    db.close();
  });

  it('calls: create, getById, update, getPage, doSearch, archive', async () => {
    const created = await hubspot.crm.objects.calls.basicApi.create({
      properties: { hs_timestamp: '2025-10-27T12:00:00Z', hs_call_title: 'SDK call zqxw', hs_call_direction: 'OUTBOUND', hs_call_duration: '4200' },
      associations: [],
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.properties.hs_call_title).toBe('SDK call zqxw');
    expect(created.createdAt).toBeInstanceOf(Date);

    const read = await hubspot.crm.objects.calls.basicApi.getById(created.id, ['hs_call_title', 'hs_call_duration', 'hs_timestamp']);
    expect(read.properties).toMatchObject({ hs_call_title: 'SDK call zqxw', hs_call_duration: '4200', hs_timestamp: '2025-10-27T12:00:00.000Z' });

    const updated = await hubspot.crm.objects.calls.basicApi.update(created.id, { properties: { hs_call_title: 'SDK call zqxw edited' } });
    expect(updated.properties.hs_call_title).toBe('SDK call zqxw edited');

    const page = await hubspot.crm.objects.calls.basicApi.getPage(10, undefined, ['hs_call_title']);
    expect(page.results).toHaveLength(10);
    const after = page.paging?.next?.after;
    expect(after).toBeTruthy();
    const next = await hubspot.crm.objects.calls.basicApi.getPage(10, after);
    expect(next.results.map((r) => r.id)).not.toContain(page.results[0]?.id);

    const found = await hubspot.crm.objects.calls.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'hs_call_direction', operator: FilterOperatorEnum.Eq, value: 'OUTBOUND' }] }],
      query: 'zqxw',
      sorts: [],
      properties: ['hs_call_title'],
      limit: 10,
      after: '0',
    });
    expect(found.total).toBe(1);
    expect(found.results[0]?.id).toBe(created.id);

    await hubspot.crm.objects.calls.basicApi.archive(created.id);
    await expect(hubspot.crm.objects.calls.basicApi.getById(created.id)).rejects.toMatchObject({ code: 404 });
  });

  it('surfaces a validation error as ApiException 400 with HubSpot’s body', async () => {
    const err: unknown = await hubspot.crm.objects.calls.basicApi.create({ properties: { hs_call_title: 'no timestamp' }, associations: [] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 400, body: { category: 'VALIDATION_ERROR', status: 'error' } });
  });

  it('batch: create (201), read with a missing id (207 is not an error for the SDK), archive (204)', async () => {
    const created = await hubspot.crm.objects.calls.batchApi.create({
      inputs: [
        { properties: { hs_timestamp: String(NOW), hs_call_title: 'SDK batch 1' }, associations: [] },
        { properties: { hs_timestamp: String(NOW), hs_call_title: 'SDK batch 2' }, associations: [] },
      ],
    });
    expect(created.results).toHaveLength(2);
    const ids = created.results.map((r) => r.id);
    const read = await hubspot.crm.objects.calls.batchApi.read({
      inputs: [...ids.map((id) => ({ id })), { id: '999999999' }],
      properties: ['hs_call_title'],
      propertiesWithHistory: [],
    });
    expect(read.results.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect('errors' in read && read.errors?.length).toBe(1);
    await hubspot.crm.objects.calls.batchApi.archive({ inputs: ids.map((id) => ({ id })) });
    await expect(hubspot.crm.objects.calls.basicApi.getById(ids[0] ?? '')).rejects.toMatchObject({ code: 404 });
  });

  it('associations v4: create (201) and getPage both ways', async () => {
    const contact = await hubspot.crm.contacts.basicApi.create({ properties: { email: 'sdk@example.com', firstname: 'Sdk' }, associations: [] });
    const call = await hubspot.crm.objects.calls.basicApi.create({ properties: { hs_timestamp: String(NOW) }, associations: [] });
    const labels = await hubspot.crm.associations.v4.basicApi.create('calls', call.id, 'contacts', contact.id, [
      { associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 194 },
    ]);
    expect(String(labels.fromObjectId)).toBe(call.id);
    const fromCall = await hubspot.crm.associations.v4.basicApi.getPage('calls', call.id, 'contacts');
    expect(fromCall.results.map((r) => String(r.toObjectId))).toEqual([contact.id]);
    expect(fromCall.results[0]?.associationTypes).toContainEqual(expect.objectContaining({ category: 'HUBSPOT_DEFINED', typeId: 194 }));
    const fromContact = await hubspot.crm.associations.v4.basicApi.getPage('contacts', contact.id, 'calls');
    expect(fromContact.results.map((r) => String(r.toObjectId))).toEqual([call.id]);
    await hubspot.crm.associations.v4.basicApi.archive('calls', call.id, 'contacts', contact.id);
    expect((await hubspot.crm.associations.v4.basicApi.getPage('calls', call.id, 'contacts')).results).toEqual([]);
    const defs = await hubspot.crm.associations.v4.schema.definitionsApi.getAll('calls', 'contacts');
    expect(defs.results.map((d) => d.typeId)).toContain(194);
  });

  it('owners getPage (trailing-slash path) and properties getAll', async () => {
    const owners = await hubspot.crm.owners.ownersApi.getPage();
    expect(owners.results).toHaveLength(8);
    const one = await hubspot.crm.owners.ownersApi.getById(Number(owners.results[0]?.id));
    expect(one.email).toBe(owners.results[0]?.email);
    const props = await hubspot.crm.properties.coreApi.getAll('calls');
    const disposition = props.results.find((p) => p.name === 'hs_call_disposition');
    expect(disposition?.options.map((o) => o.value)).toEqual(expect.arrayContaining(Object.keys(DEFAULT_DISPOSITIONS)));
    const status = await hubspot.crm.properties.coreApi.getByName('calls', 'hs_call_status');
    expect(status.type).toBe('enumeration');
  });
});
