import { afterEach, describe, expect, it } from 'vitest';
import { createMockApp } from '../app';
import { fixedClock } from '../clock';
import { openMockDb, type MockDb } from '../store/index';

const auth = { authorization: 'Bearer t', 'content-type': 'application/json' };
let db: MockDb | undefined;

afterEach(() => db?.close());

function setup() {
  const clock = fixedClock(Date.UTC(2026, 0, 15, 12));
  db = openMockDb({ file: ':memory:', seed: 'empty', clock });
  const app = createMockApp({ db, clock });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, headers: auth, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };
  return { call, clock };
}

async function contactWithPinnedCall(call: ReturnType<typeof setup>['call']) {
  const contact = await call('POST', '/crm/v3/objects/contacts', { properties: { email: 'ada@example.com' } });
  const contactId = String(contact.body?.['id']);
  const created = await call('POST', '/crm/v3/objects/calls', {
    properties: { hs_timestamp: '2026-01-10T09:00:00Z' },
    associations: [{ to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
  });
  const callId = String(created.body?.['id']);
  const pinned = await call('PATCH', `/crm/v3/objects/contacts/${contactId}`, { properties: { hs_pinned_engagement_id: callId } });
  expect(pinned.status).toBe(200);
  return { contactId, callId };
}

async function pinOf(call: ReturnType<typeof setup>['call'], contactId: string): Promise<unknown> {
  const res = await call('GET', `/crm/v3/objects/contacts/${contactId}?properties=hs_pinned_engagement_id`);
  return (res.body?.['properties'] as Record<string, unknown>)['hs_pinned_engagement_id'];
}

describe('pins follow their call', () => {
  it('archiving the pinned call clears the pin', async () => {
    const { call } = setup();
    const { contactId, callId } = await contactWithPinnedCall(call);
    expect(await pinOf(call, contactId)).toBe(callId);
    expect((await call('DELETE', `/crm/v3/objects/calls/${callId}`)).status).toBe(204);
    expect(await pinOf(call, contactId)).toBeUndefined();
  });

  it('removing the association clears the pin on that record', async () => {
    const { call } = setup();
    const { contactId, callId } = await contactWithPinnedCall(call);
    expect((await call('DELETE', `/crm/v4/objects/calls/${callId}/associations/contacts/${contactId}`)).status).toBe(204);
    expect(await pinOf(call, contactId)).toBeUndefined();
  });

  it('the pin history shows the value and its clearing', async () => {
    const { call, clock } = setup();
    const { contactId, callId } = await contactWithPinnedCall(call);
    clock.advance(60_000);
    await call('DELETE', `/crm/v3/objects/calls/${callId}`);
    const res = await call('GET', `/crm/v3/objects/contacts/${contactId}?propertiesWithHistory=hs_pinned_engagement_id`);
    const history = (res.body?.['propertiesWithHistory'] as Record<string, { value: string; sourceType: string }[]>)['hs_pinned_engagement_id'];
    expect(history?.map((h) => h.value)).toEqual(['', callId]);
    expect(history?.every((h) => h.sourceType === 'API')).toBe(true);
  });
});

describe('batch writes', () => {
  it('rejects duplicate ids in a batch update with 400', async () => {
    const { call } = setup();
    const created = await call('POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: '1730030400000' } });
    const id = String(created.body?.['id']);
    const res = await call('POST', '/crm/v3/objects/calls/batch/update', {
      inputs: [
        { id, properties: { hs_call_title: 'a' } },
        { id, properties: { hs_call_title: 'b' } },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body?.['category']).toBe('VALIDATION_ERROR');
  });
});
