import { describe, expect, it } from 'vitest';
import { check, check204, checkError, createCall, getObject, qs, RECORD_TYPES, useHarness } from './helpers';
import { batchObjects, hubSpotObject, labelList, listPage } from './schemas';

/** Points where HubSpot is stricter or different than a kind mock (hubspot-api-notes.md §13). */
describe('HubSpot strictness', () => {
  const h = useHarness();

  it('DELETE of a record that does not exist answers 204, as HubSpot does, and changes nothing', async () => {
    const kept = await createCall(h, { hs_call_title: 'still here' });
    check204(await h.req('DELETE', '/crm/v3/objects/calls/999999990'));
    check204(await h.req('DELETE', '/crm/v3/objects/contacts/not-a-number'));
    checkError(await h.req('GET', '/crm/v3/objects/calls/999999990?archived=true'), 404, 'OBJECT_NOT_FOUND');
    expect((await getObject(h, 'calls', kept.id, { properties: 'hs_call_title' })).properties.hs_call_title).toBe('still here');
  });

  it('propertiesWithHistory limits a list page to 50 records: 400 above', async () => {
    const call = await createCall(h, { hs_call_title: 'with history' });
    const after = String(Number(call.id) - 1);
    const over = await h.req('GET', `/crm/v3/objects/calls${qs({ limit: 51, after, propertiesWithHistory: 'hs_call_title' })}`);
    const e = checkError(over, 400, 'VALIDATION_ERROR');
    expect(e.message).toBe('Paging limit with propertiesWithHistory is 50; requested 51.');
    expect(e.errors?.[0]).toMatchObject({ code: 'INVALID_LIMIT', in: 'limit' });
    const page = check(await h.req('GET', `/crm/v3/objects/calls${qs({ limit: 50, after, propertiesWithHistory: 'hs_call_title' })}`), 200, listPage);
    expect(page.results[0]?.propertiesWithHistory?.hs_call_title?.[0]?.value).toBe('with history');
    // without history, 100 a page as before
    check(await h.req('GET', `/crm/v3/objects/calls${qs({ limit: 100 })}`), 200, listPage);
  });

  it('updatedAt and hs_lastmodifieddate move strictly forward on every write, even within one millisecond', async () => {
    const call = await createCall(h, { hs_call_title: 'v0' });
    const seen = [call.updatedAt];
    for (const title of ['v1', 'v2']) {
      const res = await h.req('PATCH', `/crm/v3/objects/calls/${call.id}`, { properties: { hs_call_title: title } });
      seen.push(check(res, 200, hubSpotObject).updatedAt);
    }
    const batch = check(await h.req('POST', '/crm/v3/objects/calls/batch/update', { inputs: [{ id: call.id, properties: { hs_call_title: 'v3' } }] }), 200, batchObjects);
    seen.push(batch.results[0]?.updatedAt ?? '');
    const read = await getObject(h, 'calls', call.id, { properties: 'hs_lastmodifieddate' });
    expect(read.updatedAt).toBe(seen[seen.length - 1]);
    expect(read.properties.hs_lastmodifieddate).toBe(read.updatedAt);
    const times = seen.map((iso) => Date.parse(iso));
    for (let i = 1; i < times.length; i++) expect(times[i], `write ${i}`).toBeGreaterThan(times[i - 1] ?? Infinity);

    check204(await h.req('DELETE', `/crm/v3/objects/calls/${call.id}`));
    const archived = await getObject(h, 'calls', call.id, { archived: true });
    expect(Date.parse(archived.updatedAt)).toBeGreaterThan(times[times.length - 1] ?? Infinity);
  });

  describe('association labels exist only between contacts, companies, deals and tickets', () => {
    const refused = (res: Awaited<ReturnType<typeof h.req>>, from: string, to: string) => {
      const e = checkError(res, 400, 'VALIDATION_ERROR');
      expect(e.message).toContain(`between ${from} and ${to}`);
      expect(e.errors?.[0]?.context).toEqual({ fromObjectType: [from], toObjectType: [to] });
    };

    for (const type of RECORD_TYPES) {
      it(`calls ↔ ${type}: the labels list only the HUBSPOT_DEFINED type; create, update and delete are refused`, async () => {
        for (const [from, to] of [['calls', type], [type, 'calls']] as const) {
          const before = check(await h.req('GET', `/crm/v4/associations/${from}/${to}/labels`), 200, labelList);
          expect(before.results.map((r) => r.category)).toEqual(['HUBSPOT_DEFINED']);
          expect(before.results[0]?.label).toBeUndefined();
          refused(await h.req('POST', `/crm/v4/associations/${from}/${to}/labels`, { name: 'champion', label: 'Champion' }), from, to);
          refused(await h.req('PUT', `/crm/associations/v4/${from}/${to}/labels`, { associationTypeId: before.results[0]?.typeId, label: 'Renamed' }), from, to);
          refused(await h.req('DELETE', `/crm/v4/associations/${from}/${to}/labels/${before.results[0]?.typeId}`), from, to);
          expect(check(await h.req('GET', `/crm/v4/associations/${from}/${to}/labels`), 200, labelList)).toEqual(before);
        }
      });
    }

    it('between records a custom label can be created, renamed and deleted', async () => {
      const made = await h.req('POST', '/crm/v4/associations/deals/tickets/labels', { name: 'escalation', label: 'Escalation' });
      expect(made.status).toBe(200);
      const find = async () =>
        check(await h.req('GET', '/crm/v4/associations/deals/tickets/labels'), 200, labelList).results.find((r) => r.category === 'USER_DEFINED');
      const custom = await find();
      expect(custom?.label).toBe('Escalation');
      check204(await h.req('PUT', '/crm/v4/associations/deals/tickets/labels', { associationTypeId: custom?.typeId, label: 'Escalated' }));
      expect((await find())?.label).toBe('Escalated');
      check204(await h.req('DELETE', `/crm/v4/associations/deals/tickets/labels/${custom?.typeId}`));
      expect(await find()).toBeUndefined();
    });
  });
});
