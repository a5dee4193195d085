/**
 * The legacy (v3/v4) and date-versioned (2026-03, 2026-09) families are one CRM: what one writes
 * the others read. They differ only where HubSpot's specs do (association archives answer 200
 * with a batch response instead of 204). Also properties and owners of the date-versioned
 * families against their specs, and unknown versions.
 */
import { describe, expect, it } from 'vitest';
import { CALL_TO, check, check204, createObject, getObject, NOW, qs, recordProps, useHarness } from './helpers';
import { batchVoid, errorBody, hubSpotObject, listPage, ownerPage, owner, propertyBatch, propertyDefinition, propertyGroup, propertyGroupList, propertyList, searchPage, v4AssociationPage } from './schemas';
import { metadataOp, VERSIONS } from './dated';

describe('one CRM under every family', () => {
  const h = useHarness({ seed: 'demo' });

  it('a call created through 2026-09 reads the same through v3 and 2026-03; an update through 2026-03 shows everywhere', async () => {
    const properties = { hs_timestamp: String(NOW - 60_000), hs_call_title: 'Across families', hs_call_direction: 'INBOUND' };
    const created = check(await h.req('POST', '/crm/objects/2026-09/calls', { properties }), 201, hubSpotObject);
    const names = 'hs_call_title,hs_call_direction,hs_timestamp';
    const reads = await Promise.all(
      ['/crm/v3/objects', '/crm/objects/2026-03', '/crm/objects/2026-09'].map(async (base) => check(await h.req('GET', `${base}/calls/${created.id}?properties=${names}`), 200, hubSpotObject)),
    );
    expect(reads[0]?.properties).toMatchObject({ hs_call_title: 'Across families', hs_call_direction: 'INBOUND' });
    expect(reads[1]).toEqual(reads[0]);
    expect(reads[2]).toEqual(reads[0]);

    h.clock.advance(1000);
    check(await h.req('PATCH', `/crm/objects/2026-03/calls/${created.id}`, { properties: { hs_call_title: 'Renamed in 2026-03' } }), 200, hubSpotObject);
    expect((await getObject(h, 'calls', created.id, { properties: 'hs_call_title' })).properties.hs_call_title).toBe('Renamed in 2026-03');
    const search = { filterGroups: [{ filters: [{ propertyName: 'hs_call_title', operator: 'EQ', value: 'Renamed in 2026-03' }] }], properties: ['hs_call_title'] };
    const v3found = check(await h.req('POST', '/crm/v3/objects/calls/search', search), 200, searchPage);
    const datedFound = check(await h.req('POST', '/crm/objects/2026-09/calls/search', search), 200, searchPage);
    expect(v3found.results.map((r) => r.id)).toEqual([created.id]);
    expect(datedFound.results).toEqual(v3found.results);

    check204(await h.req('DELETE', `/crm/v3/objects/calls/${created.id}`));
    for (const v of VERSIONS) expect(check(await h.req('GET', `/crm/objects/${v}/calls/${created.id}`), 404, errorBody).category).toBe('OBJECT_NOT_FOUND');
    const archived = check(await h.req('GET', `/crm/objects/2026-09/calls/${created.id}?archived=true`), 200, hubSpotObject);
    expect(archived.archived).toBe(true);
  });

  it('lists page through the same records in every family, each paging link naming its own family', async () => {
    const ids = async (base: string) => {
      const out: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 5; i++) {
        const page = check(await h.req('GET', `${base}/contacts${qs({ limit: 7, after })}`), 200, listPage);
        out.push(...page.results.map((r) => r.id));
        after = page.paging?.next.after;
        if (page.paging) expect(page.paging.next.link?.startsWith(`${base}/contacts?after=`)).toBe(true);
      }
      return out;
    };
    const v3 = await ids('/crm/v3/objects');
    expect(v3).toHaveLength(35);
    expect(await ids('/crm/objects/2026-03')).toEqual(v3);
    expect(await ids('/crm/objects/2026-09')).toEqual(v3);
  });

  it('associations written through 2026-09 read through v4 and v3; association archives: 200 with a batch response, v4 204', async () => {
    const call = check(await h.req('POST', '/crm/objects/2026-09/calls', { properties: { hs_timestamp: String(NOW) } }), 201, hubSpotObject);
    const contacts = [await createObject(h, 'contacts', await recordProps(h, 'contacts', 901)), await createObject(h, 'contacts', await recordProps(h, 'contacts', 902))];
    const v4Targets = async () =>
      check(await h.req('GET', `/crm/v4/objects/calls/${call.id}/associations/contacts`), 200, v4AssociationPage).results.map((r) => r.toObjectId);
    const associate = async (contact: string) => {
      const types = [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_TO.contacts }];
      expect((await h.req('PUT', `/crm/objects/2026-09/calls/${call.id}/associations/contacts/${contact}`, types)).status).toBe(201);
    };
    const [first, second] = contacts.map((c) => c.id) as [string, string];
    await associate(first);
    await associate(second);
    expect(await v4Targets()).toEqual([first, second]);
    const v3 = await getObject(h, 'calls', call.id, { associations: 'contacts' });
    expect(v3.associations?.contacts?.results.map((r) => r.id)).toEqual([first, second]);

    const archive = (base: string, contact: string) => h.req('POST', `${base}/calls/contacts/batch/archive`, { inputs: [{ from: { id: call.id }, to: [{ id: contact }] }] });
    const dated = await archive('/crm/associations/2026-09', first);
    expect(check(dated, 200, batchVoid)).toMatchObject({ status: 'COMPLETE', results: [] });
    expect(await v4Targets()).toEqual([second]);
    check204(await archive('/crm/v4/associations', second));
    expect(await v4Targets()).toEqual([]);

    await associate(first);
    const types = [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_TO.contacts }];
    const labels = (base: string) => h.req('POST', `${base}/calls/contacts/batch/labels/archive`, { inputs: [{ from: { id: call.id }, to: { id: first }, types }] });
    expect(check(await labels('/crm/associations/2026-03'), 200, batchVoid).status).toBe('COMPLETE');
    expect(await v4Targets()).toEqual([]);
    check204(await labels('/crm/v4/associations'));
  });

  it('answers an unknown version, or a route its family lacks, with 404 and HubSpot’s error body', async () => {
    for (const path of [
      '/crm/objects/2025-01/calls',
      '/crm/objects/2026-10/calls/1',
      '/crm/associations/2025-01/calls/contacts/labels',
      '/crm/properties/2025-01/calls',
      '/crm/owners/2025-01',
      '/crm/objects/2026-09/calls/1/associations/contacts',
    ]) {
      expect(check(await h.req('GET', path), 404, errorBody).category, path).toBe('RESOURCE_NOT_FOUND');
    }
    const post = await h.req('POST', '/crm/associations/2025-01/calls/contacts/batch/read', { inputs: [{ id: '1' }] });
    expect(check(post, 404, errorBody).category).toBe('RESOURCE_NOT_FOUND');
  });
});

describe.each(VERSIONS)('properties and owners %s', (v) => {
  const h = useHarness({ seed: 'demo' });

  it('serve what v3 serves, validated against the spec', async () => {
    const base = `/crm/properties/${v}/calls`;
    const all = check(await h.req('GET', base), 200, propertyList, metadataOp(v, 'properties', 'get', ''));
    expect(all).toEqual(check(await h.req('GET', '/crm/v3/properties/calls'), 200, propertyList));
    const one = check(await h.req('GET', `${base}/hs_call_disposition`), 200, propertyDefinition, metadataOp(v, 'properties', 'get', '/{propertyName}'));
    expect(one.options.length).toBeGreaterThan(0);
    const groups = check(await h.req('GET', `${base}/groups`), 200, propertyGroupList, metadataOp(v, 'properties', 'get', '/groups'));
    const group = groups.results[0]?.name ?? '';
    check(await h.req('GET', `${base}/groups/${group}`), 200, propertyGroup, metadataOp(v, 'properties', 'get', '/groups/{groupName}'));
    const missing = check(await h.req('GET', `${base}/nope`), 404, errorBody, metadataOp(v, 'properties', 'get', '/{propertyName}'));
    expect(missing.category).toBe('OBJECT_NOT_FOUND');

    // an unknown name in a batch read: 207 where the family has it (as v3), else 200 with the errors
    const read = await h.req('POST', `${base}/batch/read`, { inputs: [{ name: 'hs_call_title' }, { name: 'nope' }] });
    const batch = check(read, v === '2026-09' ? 200 : 207, propertyBatch, metadataOp(v, 'properties', 'post', '/batch/read'));
    expect(batch.results.map((p) => p.name)).toEqual(['hs_call_title']);
    expect(batch.errors?.[0]?.context.properties).toEqual(['nope']);

    const owners = check(await h.req('GET', `/crm/owners/${v}?limit=3`), 200, ownerPage, metadataOp(v, 'owners', 'get', ''));
    expect(owners.paging?.next.link).toMatch(new RegExp(`^/crm/owners/${v}/\\?after=`));
    const next = check(await h.req('GET', `/crm/owners/${v}${qs({ limit: 3, after: owners.paging?.next.after })}`), 200, ownerPage);
    const v3 = check(await h.req('GET', '/crm/v3/owners?limit=6'), 200, ownerPage);
    expect([...owners.results, ...next.results]).toEqual(v3.results);
    const first = owners.results[0]?.id ?? '';
    expect(check(await h.req('GET', `/crm/owners/${v}/${first}`), 200, owner, metadataOp(v, 'owners', 'get', '/{ownerId}')).id).toBe(first);
    check(await h.req('GET', `/crm/owners/${v}/999999`), 404, errorBody, metadataOp(v, 'owners', 'get', '/{ownerId}'));
  });
});
