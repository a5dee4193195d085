import { describe, expect, it } from 'vitest';
import { CALL_TO, check, check204, checkValidation, createCall, createObject, getObject, RECORD_TYPES, recordProps, useHarness } from './helpers';
import { batchObjects, hubSpotObject } from './schemas';

describe('pinning a call on a record (hs_pinned_engagement_id)', () => {
  const h = useHarness();

  it.each(RECORD_TYPES)('%s: pins an associated call, refuses unassociated or unknown calls, and "" clears', async (type) => {
    const record = await createObject(h, type, await recordProps(h, type, 500));
    const associated = await createCall(h, { hs_call_title: `pinned on ${type}` }, [
      { to: { id: record.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_TO[type] }] },
    ]);
    const stranger = await createCall(h, { hs_call_title: 'not associated' });
    const pin = (value: string) => h.req('PATCH', `/crm/v3/objects/${type}/${record.id}`, { properties: { hs_pinned_engagement_id: value } });
    const pinned = async () => (await getObject(h, type, record.id, { properties: 'hs_pinned_engagement_id' })).properties.hs_pinned_engagement_id ?? '';

    const ok = check(await pin(associated.id), 200, hubSpotObject);
    expect(ok.properties.hs_pinned_engagement_id).toBe(associated.id);
    expect(await pinned()).toBe(associated.id);

    const refused = checkValidation(await pin(stranger.id), 'hs_pinned_engagement_id');
    expect(refused.message.toLowerCase()).toMatch(/associat/);
    expect(await pinned()).toBe(associated.id);

    const unknown = checkValidation(await pin('999999999'), 'hs_pinned_engagement_id');
    expect(unknown.message).toMatch(/999999999|call|engagement/i);
    expect(await pinned()).toBe(associated.id);

    check(await pin(''), 200, hubSpotObject);
    expect(await pinned()).toBe('');
  });

  it('one pin per record: pinning another associated call replaces the first', async () => {
    const contact = await createObject(h, 'contacts', { email: 'pins@example.com' });
    const assoc = [{ to: { id: contact.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }];
    const a = await createCall(h, { hs_call_title: 'first pin' }, assoc);
    const b = await createCall(h, { hs_call_title: 'second pin' }, assoc);
    check(await h.req('PATCH', `/crm/v3/objects/contacts/${contact.id}`, { properties: { hs_pinned_engagement_id: a.id } }), 200, hubSpotObject);
    check(await h.req('PATCH', `/crm/v3/objects/contacts/${contact.id}`, { properties: { hs_pinned_engagement_id: b.id } }), 200, hubSpotObject);
    const read = await getObject(h, 'contacts', contact.id, { properties: 'hs_pinned_engagement_id' });
    expect(read.properties.hs_pinned_engagement_id).toBe(b.id);
  });

  it('refuses to pin an archived call', async () => {
    const deal = await createObject(h, 'deals', await recordProps(h, 'deals', 501));
    const call = await createCall(h, { hs_call_title: 'to be archived' }, [
      { to: { id: deal.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 206 }] },
    ]);
    check204(await h.req('DELETE', `/crm/v3/objects/calls/${call.id}`));
    checkValidation(
      await h.req('PATCH', `/crm/v3/objects/deals/${deal.id}`, { properties: { hs_pinned_engagement_id: call.id } }),
      'hs_pinned_engagement_id',
    );
  });

  it('pins through batch update under the same rules', async () => {
    const ticket = await createObject(h, 'tickets', await recordProps(h, 'tickets', 502));
    const call = await createCall(h, { hs_call_title: 'batch pin' }, [
      { to: { id: ticket.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 220 }] },
    ]);
    const stranger = await createCall(h, { hs_call_title: 'batch stranger' });
    const bad = await h.req('POST', '/crm/v3/objects/tickets/batch/update', {
      inputs: [{ id: ticket.id, properties: { hs_pinned_engagement_id: stranger.id } }],
    });
    expect([207, 400]).toContain(bad.status);
    expect((await getObject(h, 'tickets', ticket.id, { properties: 'hs_pinned_engagement_id' })).properties.hs_pinned_engagement_id ?? '').toBe('');
    const good = await h.req('POST', '/crm/v3/objects/tickets/batch/update', {
      inputs: [{ id: ticket.id, properties: { hs_pinned_engagement_id: call.id } }],
    });
    check(good, 200, batchObjects);
    expect((await getObject(h, 'tickets', ticket.id, { properties: 'hs_pinned_engagement_id' })).properties.hs_pinned_engagement_id).toBe(call.id);
  });
});
