/**
 * The call properties of HubSpot's calls guide (the seed's create example, accepted as written) and the
 * ones calling integrations send today (notes §13), in the properties API, on write and in the demo data.
 */
import { describe, expect, it } from 'vitest';
import { check, checkValidation, createCall, createObject, getObject, useHarness, type Harness } from './helpers';
import { hubSpotObject, ownerPage, propertyList, searchPage } from './schemas';

const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';

/**
 * The create example of HubSpot's calls guide, as written there, with `"hs_activity_type": "Phone Call"`
 * (the call type the guide uses). The owner and the associated contact must be the account's own (HubSpot
 * refuses an owner id it does not know, too): the guide's "11349275740" and contact 500 are its account's.
 */
function guideExample(ownerId: string, contactId: string) {
  return {
    properties: {
      hs_timestamp: '2021-03-17T01:32:44.872Z',
      hs_call_title: 'Support call',
      hubspot_owner_id: ownerId,
      hs_call_body: 'Resolved issue',
      hs_call_duration: '3800',
      hs_call_from_number: '(857) 829 5489',
      hs_call_to_number: '(509) 999 9999',
      hs_call_recording_url: 'https://api.twilio.com/2010-04-01/Accounts/AC890b8e6fbe0d989bb9158e26046a8dde/Recordings/RE3079ac919116b2d22',
      hs_call_status: 'COMPLETED',
      hs_activity_type: 'Phone Call',
    },
    associations: [{ to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
  };
}

async function firstOwnerId(h: Harness): Promise<string> {
  const owners = check(await h.req('GET', '/crm/v3/owners'), 200, ownerPage);
  return owners.results[0]?.id ?? '';
}

describe('the calls guide’s properties', () => {
  const h = useHarness();

  it('accepts the guide’s create example as written (201) and reads every value back', async () => {
    const contact = await createObject(h, 'contacts', { firstname: 'Grace', lastname: 'Hopper' });
    const body = guideExample(await firstOwnerId(h), contact.id);
    const res = await h.req('POST', '/crm/v3/objects/calls', body);
    const created = check(res, 201, hubSpotObject, { file: 'calls.v3.json', method: 'post', path: '/crm/v3/objects/calls' });
    const read = await getObject(h, 'calls', created.id, { properties: Object.keys(body.properties), associations: 'contacts' });
    expect(read.properties).toMatchObject(body.properties);
    expect(read.associations?.contacts?.results.map((r) => r.id)).toEqual([contact.id]);
  });

  it('accepts every property of the guide’s property table, callee and source included', async () => {
    const contact = await createObject(h, 'contacts', { firstname: 'Ada', lastname: 'Lovelace' });
    const properties = {
      hs_timestamp: '2026-01-14T09:30:00.000Z',
      hs_call_body: '<p>Walked through the renewal.</p>',
      hs_call_callee_object_id: contact.id,
      hs_call_callee_object_type: 'CONTACT',
      hs_call_direction: 'OUTBOUND',
      hs_call_disposition: CONNECTED,
      hs_call_duration: '360000',
      hs_call_from_number: '+15551234567',
      hs_call_recording_url: 'https://example.com/recording.mp3',
      hs_call_status: 'COMPLETED',
      hs_call_title: 'Client call',
      hs_call_source: 'INTEGRATIONS_PLATFORM',
      hs_call_to_number: '+15559876543',
      hubspot_owner_id: await firstOwnerId(h),
      hs_activity_type: 'Phone Call',
      hs_attachment_ids: '123;456',
    };
    const created = await createCall(h, properties);
    const read = await getObject(h, 'calls', created.id, { properties: Object.keys(properties) });
    expect(read.properties).toEqual(expect.objectContaining(properties));
  });

  it('accepts the recordings guide’s call from an integration (external ids, app id) and today’s sources and statuses', async () => {
    const properties = {
      hs_call_source: 'INTEGRATIONS_PLATFORM',
      hs_call_app_id: 'test-app-01',
      hs_call_external_id: 'test-call-01',
      hs_call_external_account_id: 'test-account-01',
      hs_call_callee_object_type_id: '0-1',
      hs_call_summary: 'Customer asked for the renewal quote.',
      hs_call_has_transcript: 'true',
      hs_call_transcription_id: '88412',
      hs_call_recording_duration: '61000',
      hs_call_video_recording_url: 'https://zoom.example.com/rec/share/abc',
      hs_call_has_voicemail: 'true',
      hs_call_status: 'MISSED',
    };
    const created = await createCall(h, properties);
    const read = await getObject(h, 'calls', created.id, { properties: Object.keys(properties) });
    expect(read.properties).toEqual(expect.objectContaining(properties));
    for (const source of ['VOIP', 'ZOOM']) {
      const call = await createCall(h, { hs_call_source: source });
      expect((await getObject(h, 'calls', call.id, { properties: 'hs_call_source' })).properties.hs_call_source).toBe(source);
    }
  });

  it('refuses values the new properties cannot hold', async () => {
    checkValidation(await h.req('POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: '1700000000000', hs_call_source: 'SKYPE' } }), 'hs_call_source');
    checkValidation(
      await h.req('POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: '1700000000000', hs_call_video_recording_url: 'http://zoom.example.com/x' } }),
      'hs_call_video_recording_url',
    );
    checkValidation(
      await h.req('POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: '1700000000000', hs_call_recording_duration: 'long' } }),
      'hs_call_recording_duration',
    );
  });

  it('defines the integration properties, MISSED, the VoIP and Zoom sources and read-only hs_body_preview', async () => {
    const list = check(await h.req('GET', '/crm/v3/properties/calls'), 200, propertyList, {
      file: 'properties.v3.json',
      method: 'get',
      path: '/crm/v3/properties/{objectType}',
    });
    const byName = new Map(list.results.map((p) => [p.name, p]));
    const types = Object.fromEntries(
      [
        'hs_call_callee_object_type_id',
        'hs_call_external_id',
        'hs_call_external_account_id',
        'hs_call_app_id',
        'hs_call_has_voicemail',
        'hs_call_summary',
        'hs_call_has_transcript',
        'hs_call_transcription_id',
        'hs_call_recording_duration',
        'hs_call_video_recording_url',
        'hs_body_preview',
      ].map((name) => [name, byName.get(name)?.type]),
    );
    expect(types).toEqual({
      hs_call_callee_object_type_id: 'string',
      hs_call_external_id: 'string',
      hs_call_external_account_id: 'string',
      hs_call_app_id: 'string',
      hs_call_has_voicemail: 'bool',
      hs_call_summary: 'string',
      hs_call_has_transcript: 'bool',
      hs_call_transcription_id: 'string',
      hs_call_recording_duration: 'number',
      hs_call_video_recording_url: 'string',
      hs_body_preview: 'string',
    });
    expect(byName.get('hs_body_preview')?.modificationMetadata?.readOnlyValue).toBe(true);
    expect(byName.get('hs_call_summary')?.modificationMetadata?.readOnlyValue).toBe(false);
    expect(byName.get('hs_call_status')?.options.find((o) => o.value === 'MISSED')?.label).toBe('Missed');
    expect(byName.get('hs_call_source')?.options.map((o) => [o.value, o.label])).toEqual([
      ['INTEGRATIONS_PLATFORM', 'Integrations platform'],
      ['VOIP', 'VoIP'],
      ['ZOOM', 'Zoom'],
    ]);
    expect(byName.get('hs_activity_type')?.options.map((o) => o.value)).toContain('Phone Call');
  });
});

describe('the demo calls use today’s call properties', () => {
  const h = useHarness({ seed: 'demo' });

  const count = async (propertyName: string, operator: 'HAS_PROPERTY' | 'EQ', value?: string) => {
    const filters = [{ propertyName, operator, ...(value === undefined ? {} : { value }) }];
    return check(await h.req('POST', '/crm/v3/objects/calls/search', { limit: 1, filterGroups: [{ filters }] }), 200, searchPage).total;
  };

  it.each([
    'hs_call_callee_object_type_id',
    'hs_call_external_id',
    'hs_call_external_account_id',
    'hs_call_app_id',
    'hs_call_summary',
    'hs_call_recording_duration',
    'hs_call_video_recording_url',
  ])('some demo calls have %s', async (name) => {
    expect(await count(name, 'HAS_PROPERTY')).toBeGreaterThan(0);
  });

  it('some demo calls are missed, and come from VoIP and Zoom', async () => {
    expect(await count('hs_call_status', 'EQ', 'MISSED')).toBeGreaterThan(0);
    expect(await count('hs_call_source', 'EQ', 'VOIP')).toBeGreaterThan(0);
    expect(await count('hs_call_source', 'EQ', 'ZOOM')).toBeGreaterThan(0);
  });
});
