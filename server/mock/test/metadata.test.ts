import { describe, expect, it } from 'vitest';
import { check, checkError, DEFAULT_DISPOSITIONS, harness, NOW, OBJECT_TYPES, qs, RECORD_TYPES, TO_CALL, useHarness } from './helpers';
import { dispositionBetaList, dispositionList, listPage, owner, ownerPage, propertyDefinition, propertyList, searchPage, v4AssociationPage } from './schemas';

describe('properties API', () => {
  const h = useHarness();

  const spec = (path: string) => ({ file: 'properties.v3.json' as const, method: 'get', path });

  it.each(OBJECT_TYPES)('GET /crm/v3/properties/%s lists spec-valid definitions with unique names', async (type) => {
    const list = check(await h.req('GET', `/crm/v3/properties/${type}`), 200, propertyList, spec('/crm/v3/properties/{objectType}'));
    const names = list.results.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('hs_object_id');
    if (type !== 'calls') expect(names).toContain('hs_pinned_engagement_id');
    for (const p of list.results) if (p.type === 'enumeration' && p.name !== 'hubspot_owner_id') expect(p.options.length, p.name).toBeGreaterThan(0);
  });

  it('describes the call properties the app needs, with HubSpot’s option values', async () => {
    const list = check(await h.req('GET', '/crm/v3/properties/calls'), 200, propertyList);
    const byName = new Map(list.results.map((p) => [p.name, p]));
    for (const name of [
      'hs_timestamp',
      'hs_call_title',
      'hs_call_body',
      'hs_call_duration',
      'hs_call_direction',
      'hs_call_status',
      'hs_call_disposition',
      'hs_call_from_number',
      'hs_call_to_number',
      'hs_call_recording_url',
      'hubspot_owner_id',
      'hs_activity_type',
      'hs_createdate',
      'hs_lastmodifieddate',
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.get('hs_timestamp')?.type).toBe('datetime');
    expect(byName.get('hs_call_duration')?.type).toBe('number');
    expect(byName.get('hs_call_direction')?.options.map((o) => o.value).sort()).toEqual(['INBOUND', 'OUTBOUND']);
    expect(byName.get('hs_call_status')?.options.map((o) => o.value).sort()).toEqual(
      ['BUSY', 'CALLING_CRM_USER', 'CANCELED', 'COMPLETED', 'CONNECTING', 'FAILED', 'IN_PROGRESS', 'MISSED', 'NO_ANSWER', 'QUEUED', 'RINGING'].sort(),
    );
    const dispositionValues = byName.get('hs_call_disposition')?.options.map((o) => o.value) ?? [];
    for (const guid of Object.keys(DEFAULT_DISPOSITIONS)) expect(dispositionValues).toContain(guid);
    for (const name of ['hs_object_id', 'hs_createdate', 'hs_lastmodifieddate']) {
      expect(byName.get(name)?.modificationMetadata?.readOnlyValue, name).toBe(true);
    }
    expect(byName.get('hs_call_title')?.modificationMetadata?.readOnlyValue ?? false).toBe(false);
  });

  it('GET /crm/v3/properties/calls/{name} returns one definition; unknown names 404', async () => {
    const one = check(
      await h.req('GET', '/crm/v3/properties/calls/hs_call_status'),
      200,
      propertyDefinition,
      spec('/crm/v3/properties/{objectType}/{propertyName}'),
    );
    expect(one.name).toBe('hs_call_status');
    expect(one.type).toBe('enumeration');
    checkError(await h.req('GET', '/crm/v3/properties/calls/no_such_property'), 404);
  });

  it('404s properties of an unknown object type', async () => {
    const res = await h.req('GET', '/crm/v3/properties/not_an_object');
    expect([400, 404]).toContain(res.status);
    checkError(res, res.status);
  });
});

describe('owners, dispositions and the demo seed', () => {
  const h = useHarness({ seed: 'demo' });

  const ownersSpec = { file: 'owners.v3.json' as const, method: 'get', path: '/crm/v3/owners' };

  it('lists the 8 demo owners at /crm/v3/owners and at /crm/v3/owners/ (the official client’s path)', async () => {
    const a = check(await h.req('GET', '/crm/v3/owners'), 200, ownerPage, ownersSpec);
    const b = check(await h.req('GET', '/crm/v3/owners/'), 200, ownerPage, ownersSpec);
    expect(a.results).toHaveLength(8);
    expect(b.results.map((o) => o.id)).toEqual(a.results.map((o) => o.id));
    expect(new Set(a.results.map((o) => o.id)).size).toBe(8);
    for (const o of a.results) {
      expect(o.email).toMatch(/@/);
      expect(o.firstName).toBeTruthy();
      expect(o.archived).toBe(false);
    }
  });

  it('pages owners with limit and after, and filters by email', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = check(await h.req('GET', `/crm/v3/owners/${qs({ limit: 3, after })}`), 200, ownerPage, ownersSpec);
      seen.push(...page.results.map((o) => o.id));
      after = page.paging?.next.after;
      if (!after) break;
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    const all = check(await h.req('GET', '/crm/v3/owners'), 200, ownerPage);
    const email = all.results[3]?.email ?? '';
    const filtered = check(await h.req('GET', `/crm/v3/owners${qs({ email })}`), 200, ownerPage);
    expect(filtered.results.map((o) => o.email)).toEqual([email]);
  });

  it('reads one owner by id; an unknown owner 404s', async () => {
    const all = check(await h.req('GET', '/crm/v3/owners'), 200, ownerPage);
    const first = all.results[0];
    const one = check(await h.req('GET', `/crm/v3/owners/${first?.id}`), 200, owner, {
      file: 'owners.v3.json',
      method: 'get',
      path: '/crm/v3/owners/{ownerId}',
    });
    expect(one).toEqual(first);
    checkError(await h.req('GET', '/crm/v3/owners/999999'), 404);
  });

  it('the owner property offers every owner as an option', async () => {
    const owners = check(await h.req('GET', '/crm/v3/owners'), 200, ownerPage);
    const prop = check(await h.req('GET', '/crm/v3/properties/calls/hubspot_owner_id'), 200, propertyDefinition);
    const values = prop.options.map((o) => o.value);
    if (values.length > 0) expect(values.sort()).toEqual(owners.results.map((o) => o.id).sort());
  });

  it('GET /calling/v1/dispositions is a bare array: the six default GUIDs plus custom outcomes', async () => {
    const list = check(await h.req('GET', '/calling/v1/dispositions'), 200, dispositionList);
    expect(Array.isArray(list)).toBe(true);
    const byId = new Map(list.map((d) => [d.id, d.label]));
    for (const [guid, label] of Object.entries(DEFAULT_DISPOSITIONS)) expect(byId.get(guid)).toBe(label);
    expect(list.length).toBeGreaterThanOrEqual(8);
    expect(new Set(list.map((d) => d.id)).size).toBe(list.length);
  });

  it('demo calls use the account’s dispositions (active or archived) and owners', async () => {
    const all = check(await h.req('GET', '/crm/extensions/calling/2027-03-beta/dispositions?archived=true'), 200, dispositionBetaList);
    const dispositions = new Set(all.results.map((d) => d.id));
    const owners = new Set(check(await h.req('GET', '/crm/v3/owners'), 200, ownerPage).results.map((o) => o.id));
    const res = await h.req('POST', '/crm/v3/objects/calls/search', {
      limit: 200,
      properties: ['hs_call_disposition', 'hubspot_owner_id', 'hs_call_recording_url', 'hs_call_direction'],
    });
    const page = check(res, 200, searchPage);
    const directions = new Set<string>();
    for (const c of page.results) {
      const d = c.properties.hs_call_disposition;
      if (d) expect(dispositions.has(d), d).toBe(true);
      const o = c.properties.hubspot_owner_id;
      if (o) expect(owners.has(o), o).toBe(true);
      const url = c.properties.hs_call_recording_url;
      if (url) expect(url).toMatch(/^https:\/\//);
      if (c.properties.hs_call_direction) directions.add(c.properties.hs_call_direction);
    }
    expect([...directions].sort()).toEqual(['INBOUND', 'OUTBOUND']);
  });

  it('demo calls fall within the 12 months before the clock, and the seed is deterministic', async () => {
    /** The hs_timestamp of the first call of a search sorted by it. */
    const firstTimestamp = async (direction: 'ASCENDING' | 'DESCENDING', limit: number) => {
      const body = { limit, properties: ['hs_timestamp'], sorts: [{ propertyName: 'hs_timestamp', direction }] };
      const page = check(await h.req('POST', '/crm/v3/objects/calls/search', body), 200, searchPage);
      return Date.parse(page.results[0]?.properties.hs_timestamp ?? '');
    };
    expect(await firstTimestamp('ASCENDING', 200)).toBeGreaterThanOrEqual(NOW - 366 * 86_400_000);
    expect(await firstTimestamp('DESCENDING', 1)).toBeLessThanOrEqual(NOW);

    const again = harness({ seed: 'demo' });
    try {
      const path = '/crm/v3/objects/calls?limit=20&properties=hs_call_title,hs_timestamp,hs_call_disposition,hubspot_owner_id';
      const a = check(await h.req('GET', path), 200, listPage);
      const b = check(await again.req('GET', path), 200, listPage);
      expect(b.results.map((r) => [r.id, r.properties])).toEqual(a.results.map((r) => [r.id, r.properties]));
    } finally {
      again.close();
    }
  });

  it('demo pins name calls associated with the pinned record', async () => {
    let pins = 0;
    for (const type of RECORD_TYPES) {
      const pinned = check(
        await h.req('POST', `/crm/v3/objects/${type}/search`, {
          limit: 200,
          properties: ['hs_pinned_engagement_id'],
          filterGroups: [{ filters: [{ propertyName: 'hs_pinned_engagement_id', operator: 'HAS_PROPERTY' }] }],
        }),
        200,
        searchPage,
      );
      for (const record of pinned.results) {
        const callId = record.properties.hs_pinned_engagement_id ?? '';
        expect(callId).toMatch(/^\d+$/);
        const assoc = check(await h.req('GET', `/crm/v4/objects/${type}/${record.id}/associations/calls?limit=500`), 200, v4AssociationPage);
        const link = assoc.results.find((r) => r.toObjectId === callId);
        expect(link, `${type} ${record.id} pins call ${callId}, which must be associated`).toBeDefined();
        expect(link?.associationTypes).toContainEqual({ category: 'HUBSPOT_DEFINED', typeId: TO_CALL[type] });
        pins += 1;
      }
    }
    expect(pins).toBeGreaterThan(0);
  });

  it('demo calls carry associations to every record type', async () => {
    for (const type of RECORD_TYPES) {
      const page = check(await h.req('GET', `/crm/v3/objects/calls?limit=100&associations=${type}`), 200, listPage);
      const linked = page.results.filter((c) => (c.associations?.[type]?.results.length ?? 0) > 0);
      expect(linked.length, type).toBeGreaterThan(0);
    }
  });
});
