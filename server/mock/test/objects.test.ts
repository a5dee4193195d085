import { beforeAll, describe, expect, it } from 'vitest';
import { check, check204, checkError, createCall, createObject, getObject, NOW, OBJECT_TYPES, qs, RECORD_TYPES, recordProps, useHarness, walkList } from './helpers';
import { hubSpotObject, listPage, searchPage } from './schemas';
import { objectSpec } from './spec';

const DEFAULT_PROPS: Record<string, string[]> = {
  calls: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  contacts: ['firstname', 'lastname', 'email', 'lastmodifieddate', 'hs_object_id', 'createdate'],
  companies: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  deals: ['dealname', 'amount', 'closedate', 'pipeline', 'dealstage', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  tickets: ['content', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_category', 'hs_ticket_priority', 'subject', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};

describe('objects API: create, read, update, archive, list', () => {
  const h = useHarness();

  for (const type of OBJECT_TYPES) {
    describe(type, () => {
      const spec = objectSpec(type);
      const one = `${spec.base}/${spec.idParam}`;

      it('creates (201), reads (200), updates (200), archives (204), then 404s and lists only with archived=true', async () => {
        const props = type === 'calls' ? { hs_timestamp: '2026-01-10T09:30:00.000Z', hs_call_title: 'Intro call' } : await recordProps(h, type, 1);
        const created = await createObject(h, type, props);
        expect(created.archived).toBe(false);
        expect(created.properties.hs_object_id).toBe(created.id);
        for (const [k, v] of Object.entries(props)) expect(created.properties[k]).toBe(v);

        const read = await getObject(h, type, created.id, { properties: Object.keys(props) });
        for (const [k, v] of Object.entries(props)) expect(read.properties[k]).toBe(v);
        expect(read.createdAt).toBe(created.createdAt);

        const changeKey = Object.keys(props).find((k) => k !== 'hs_timestamp' && !['pipeline', 'dealstage', 'hs_pipeline', 'hs_pipeline_stage'].includes(k));
        expect(changeKey).toBeDefined();
        const patch = { [changeKey as string]: `changed-${type}` };
        h.clock.advance(60_000);
        const updated = check(await h.req('PATCH', `/crm/v3/objects/${type}/${created.id}`, { properties: patch }), 200, hubSpotObject, {
          file: spec.file,
          method: 'patch',
          path: one,
        });
        expect(updated.properties[changeKey as string]).toBe(patch[changeKey as string]);
        expect(Date.parse(updated.updatedAt)).toBe(h.clock.now());
        const reread = await getObject(h, type, created.id, { properties: Object.keys(props) });
        expect(reread.properties[changeKey as string]).toBe(patch[changeKey as string]);
        // partial update: the other properties are unchanged
        for (const [k, v] of Object.entries(props)) if (k !== changeKey) expect(reread.properties[k]).toBe(v);

        h.clock.advance(60_000);
        const archivedAt = new Date(h.clock.now()).toISOString();
        check204(await h.req('DELETE', `/crm/v3/objects/${type}/${created.id}`));
        checkError(await h.req('GET', `/crm/v3/objects/${type}/${created.id}`), 404, 'OBJECT_NOT_FOUND');
        checkError(await h.req('PATCH', `/crm/v3/objects/${type}/${created.id}`, { properties: patch }), 404, 'OBJECT_NOT_FOUND');

        const active = check(await h.req('GET', `/crm/v3/objects/${type}${qs({ limit: 100 })}`), 200, listPage, {
          file: spec.file,
          method: 'get',
          path: spec.base,
        });
        expect(active.results.map((r) => r.id)).not.toContain(created.id);
        const archived = check(await h.req('GET', `/crm/v3/objects/${type}${qs({ limit: 100, archived: true })}`), 200, listPage, {
          file: spec.file,
          method: 'get',
          path: spec.base,
        });
        expect(archived.results.every((r) => r.archived)).toBe(true);
        const gone = archived.results.find((r) => r.id === created.id);
        expect(gone?.archived).toBe(true);
        expect(gone?.archivedAt).toBe(archivedAt);
        const byIdArchived = await getObject(h, type, created.id, { archived: true });
        expect(byIdArchived.archived).toBe(true);
      });

      it('returns HubSpot’s default property set when no properties are requested', async () => {
        const props = type === 'calls' ? { hs_timestamp: String(NOW), hs_call_title: 'Defaults' } : await recordProps(h, type, 2);
        const created = await createObject(h, type, props);
        const read = await getObject(h, type, created.id);
        const keys = Object.keys(read.properties);
        const defaults = DEFAULT_PROPS[type] ?? [];
        for (const k of keys) expect(defaults, `unexpected default property ${k}`).toContain(k);
        expect(keys).toContain('hs_object_id');
        for (const k of Object.keys(props)) if (defaults.includes(k)) expect(read.properties[k]).toBe(props[k]);
        const listed = check(await h.req('GET', `/crm/v3/objects/${type}${qs({ limit: 100 })}`), 200, listPage);
        const inList = listed.results.find((r) => r.id === created.id);
        expect(inList).toBeDefined();
        for (const k of Object.keys(inList?.properties ?? {})) expect(defaults).toContain(k);
      });

      it('404s OBJECT_NOT_FOUND on read and update of an unknown id; its archive answers 204 as HubSpot does', async () => {
        checkError(await h.req('GET', `/crm/v3/objects/${type}/999999999`), 404, 'OBJECT_NOT_FOUND');
        checkError(await h.req('PATCH', `/crm/v3/objects/${type}/999999999`, { properties: {} }), 404, 'OBJECT_NOT_FOUND');
        check204(await h.req('DELETE', `/crm/v3/objects/${type}/999999999`));
      });
    });
  }
});

describe('calls: values, maintained properties and history', () => {
  const h = useHarness();

  it('accepts hs_timestamp as epoch ms or ISO and returns ISO-8601 UTC; maintains hs_createdate / hs_lastmodifieddate', async () => {
    const epoch = Date.UTC(2025, 9, 27, 12, 0, 0);
    const a = await createCall(h, { hs_timestamp: String(epoch) });
    expect(a.properties.hs_timestamp).toBe(new Date(epoch).toISOString());
    const b = await createCall(h, { hs_timestamp: '2025-10-27T12:00:00Z' });
    expect(Date.parse(b.properties.hs_timestamp ?? '')).toBe(epoch);
    expect(b.properties.hs_timestamp).toMatch(/Z$/);
    const read = await getObject(h, 'calls', a.id, { properties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_timestamp'] });
    expect(read.properties.hs_createdate).toBe(new Date(NOW).toISOString());
    expect(read.createdAt).toBe(new Date(NOW).toISOString());
    h.clock.advance(5_000);
    await h.req('PATCH', `/crm/v3/objects/calls/${a.id}`, { properties: { hs_call_title: 'later' } });
    const after = await getObject(h, 'calls', a.id, { properties: ['hs_lastmodifieddate', 'hs_createdate'] });
    expect(after.properties.hs_lastmodifieddate).toBe(new Date(h.clock.now()).toISOString());
    expect(after.updatedAt).toBe(new Date(h.clock.now()).toISOString());
    expect(after.properties.hs_createdate).toBe(new Date(NOW).toISOString());
  });

  it('normalises an hs_timestamp with a UTC offset to ISO-8601 UTC', async () => {
    const c = await createCall(h, { hs_timestamp: '2025-10-27T14:00:00+02:00' });
    expect(c.properties.hs_timestamp).toBe('2025-10-27T12:00:00.000Z');
    const read = await getObject(h, 'calls', c.id, { properties: 'hs_timestamp' });
    expect(read.properties.hs_timestamp).toBe('2025-10-27T12:00:00.000Z');
  });

  it('lists with propertiesWithHistory', async () => {
    const c = await createCall(h, { hs_call_title: 'listed v1' });
    h.clock.advance(1_000);
    await h.req('PATCH', `/crm/v3/objects/calls/${c.id}`, { properties: { hs_call_title: 'listed v2' } });
    const after = String(Number(c.id) - 1);
    const page = check(await h.req('GET', `/crm/v3/objects/calls${qs({ limit: 50, after, propertiesWithHistory: 'hs_call_title' })}`), 200, listPage);
    const hit = page.results.find((r) => r.id === c.id);
    expect(hit?.propertiesWithHistory?.hs_call_title?.map((v) => v.value)).toEqual(['listed v2', 'listed v1']);
  });

  it('keeps numbers as strings on the wire (hs_call_duration in ms)', async () => {
    const c = await createCall(h, { hs_call_duration: '3800' });
    const read = await getObject(h, 'calls', c.id, { properties: 'hs_call_duration' });
    expect(read.properties.hs_call_duration).toBe('3800');
  });

  it('clears a value with "" on PATCH (and search no longer sees it)', async () => {
    const c = await createCall(h, { hs_call_title: 'To be cleared', hs_call_body: 'keep me', hs_call_duration: '5' });
    check(await h.req('PATCH', `/crm/v3/objects/calls/${c.id}`, { properties: { hs_call_title: '', hs_call_duration: '' } }), 200, hubSpotObject);
    const read = await getObject(h, 'calls', c.id, { properties: ['hs_call_title', 'hs_call_body', 'hs_call_duration'] });
    expect(read.properties.hs_call_title ?? '').toBe('');
    expect(read.properties.hs_call_duration ?? '').toBe('');
    expect(read.properties.hs_call_body).toBe('keep me');
    /** How many calls search finds that are this one and match `propertyName operator`. */
    const totalOf = async (propertyName: string, operator: string) => {
      const filters = [{ propertyName: 'hs_object_id', operator: 'EQ', value: c.id }, { propertyName, operator }];
      return check(await h.req('POST', '/crm/v3/objects/calls/search', { filterGroups: [{ filters }] }), 200, searchPage).total;
    };
    expect(await totalOf('hs_call_duration', 'HAS_PROPERTY')).toBe(0);
    expect(await totalOf('hs_call_title', 'NOT_HAS_PROPERTY')).toBe(1);
  });

  it('returns propertiesWithHistory, newest first, after updates', async () => {
    const c = await createCall(h, { hs_call_title: 'v1' });
    h.clock.advance(1_000);
    await h.req('PATCH', `/crm/v3/objects/calls/${c.id}`, { properties: { hs_call_title: 'v2' } });
    h.clock.advance(1_000);
    await h.req('PATCH', `/crm/v3/objects/calls/${c.id}`, { properties: { hs_call_title: 'v3' } });
    const read = await getObject(h, 'calls', c.id, { propertiesWithHistory: 'hs_call_title' });
    const history = read.propertiesWithHistory?.hs_call_title ?? [];
    expect(history.map((x) => x.value)).toEqual(['v3', 'v2', 'v1']);
    expect(Date.parse(history[0]?.timestamp ?? '')).toBe(h.clock.now());
    expect(Date.parse(history[2]?.timestamp ?? '')).toBe(h.clock.now() - 2_000);
    // propertiesWithHistory does not leak into properties it was not asked for
    expect(Object.keys(read.propertiesWithHistory ?? {})).toEqual(['hs_call_title']);
  });

  it('accepts array query parameters comma-separated and repeated', async () => {
    const c = await createCall(h, { hs_call_title: 'Arrays', hs_call_body: 'Body', hs_call_direction: 'INBOUND' });
    const comma = check(await h.req('GET', `/crm/v3/objects/calls/${c.id}?properties=hs_call_title,hs_call_body,hs_call_direction`), 200, hubSpotObject);
    const repeated = check(
      await h.req('GET', `/crm/v3/objects/calls/${c.id}?properties=hs_call_title&properties=hs_call_body&properties=hs_call_direction`),
      200,
      hubSpotObject,
    );
    for (const r of [comma, repeated]) {
      expect(r.properties.hs_call_title).toBe('Arrays');
      expect(r.properties.hs_call_body).toBe('Body');
      expect(r.properties.hs_call_direction).toBe('INBOUND');
    }
    const listed = check(await h.req('GET', `/crm/v3/objects/calls?limit=100&properties=hs_call_title,hs_call_direction`), 200, listPage);
    expect(listed.results.find((r) => r.id === c.id)?.properties.hs_call_direction).toBe('INBOUND');
  });

  it('ignores requested properties that do not exist', async () => {
    const c = await createCall(h, { hs_call_title: 'Known' });
    const read = await getObject(h, 'calls', c.id, { properties: ['hs_call_title', 'no_such_property_xyz'] });
    expect(read.properties.hs_call_title).toBe('Known');
    expect(read.properties.no_such_property_xyz).toBeUndefined();
  });

  it('reads a contact by a unique property with idProperty', async () => {
    const created = await createObject(h, 'contacts', { email: 'grace@example.com', firstname: 'Grace' });
    const read = await getObject(h, 'contacts', 'grace@example.com', { idProperty: 'email', properties: 'firstname' });
    expect(read.id).toBe(created.id);
    expect(read.properties.firstname).toBe('Grace');
    const patched = check(
      await h.req('PATCH', `/crm/v3/objects/contacts/grace@example.com?idProperty=email`, { properties: { firstname: 'Grace B.' } }),
      200,
      hubSpotObject,
    );
    expect(patched.id).toBe(created.id);
    expect((await getObject(h, 'contacts', created.id, { properties: 'firstname' })).properties.firstname).toBe('Grace B.');
    checkError(await h.req('GET', '/crm/v3/objects/contacts/nobody@example.com?idProperty=email'), 404, 'OBJECT_NOT_FOUND');
  });
});

describe('list paging', () => {
  const h = useHarness();
  beforeAll(async () => {
    for (let i = 0; i < 23; i++) await createCall(h, { hs_call_title: `Paging ${i}` });
  });

  it('visits every record exactly once with an opaque after cursor, and omits paging on the last page', async () => {
    const pages = await walkList(h, 'calls', 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(23);
  });

  it('defaults limit to 10', async () => {
    const page = check(await h.req('GET', '/crm/v3/objects/calls'), 200, listPage);
    expect(page.results).toHaveLength(10);
    expect(page.paging?.next.after).toBeTruthy();
  });

  it('does not skip or repeat records created or archived between pages', async () => {
    const first = check(await h.req('GET', `/crm/v3/objects/calls${qs({ limit: 10 })}`), 200, listPage);
    const seen = first.results.map((r) => r.id);
    const archivedId = seen[0] as string;
    check204(await h.req('DELETE', `/crm/v3/objects/calls/${archivedId}`));
    const rest: string[] = [];
    let after = first.paging?.next.after;
    while (after) {
      const p = check(await h.req('GET', `/crm/v3/objects/calls${qs({ limit: 10, after })}`), 200, listPage);
      rest.push(...p.results.map((r) => r.id));
      after = p.paging?.next.after;
    }
    expect(new Set([...seen, ...rest]).size).toBe(seen.length + rest.length);
    expect(seen.length + rest.length).toBe(23);
  });

  it('caps list pages at 100', async () => {
    for (let i = 0; i < 90; i++) await createCall(h, { hs_call_title: `More ${i}` });
    const res = await h.req('GET', `/crm/v3/objects/calls${qs({ limit: 500 })}`);
    if (res.status === 200) {
      const page = check(res, 200, listPage);
      expect(page.results.length).toBe(100);
      expect(page.paging?.next.after).toBeTruthy();
    } else {
      checkError(res, 400, 'VALIDATION_ERROR');
    }
  });
});

describe('list paging over the demo seed', () => {
  const h = useHarness({ seed: 'demo' });

  it('visits every demo record exactly once for every object type, matching the search total', async () => {
    for (const type of OBJECT_TYPES) {
      const ids = (await walkList(h, type, 100)).flat();
      expect(new Set(ids).size, type).toBe(ids.length);
      const search = check(await h.req('POST', `/crm/v3/objects/${type}/search`, { limit: 1 }), 200, searchPage);
      expect(search.total, type).toBe(ids.length);
    }
  });

  it('seeds the documented demo volumes', async () => {
    const counts: Record<string, number> = {};
    for (const type of OBJECT_TYPES) counts[type] = (await walkList(h, type, 100)).flat().length;
    expect(counts).toMatchObject({ contacts: 212, companies: 50, deals: 40, tickets: 30 });
    expect(counts.calls).toBeGreaterThanOrEqual(400);
    expect(counts.calls).toBeLessThanOrEqual(600);
  });

  it.each(RECORD_TYPES)('%s objects come back spec-valid from list and read', async (type) => {
    const spec = objectSpec(type);
    const page = check(await h.req('GET', `/crm/v3/objects/${type}${qs({ limit: 3, associations: 'calls' })}`), 200, listPage, {
      file: spec.file,
      method: 'get',
      path: spec.base,
    });
    const first = page.results[0];
    expect(first).toBeDefined();
    await getObject(h, type, first?.id ?? '', { associations: 'calls' });
  });
});
