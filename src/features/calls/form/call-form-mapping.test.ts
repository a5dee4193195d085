import { describe, expect, it } from 'vitest';
import { dayjs } from '../../../lib/datetime';
import {
  callFormSchema,
  changedProperties,
  emptyCallFormValues,
  fieldForProperty,
  formValuesToProperties,
  normalizeAttachmentIds,
  propertiesToFormValues,
  type CallFormValues,
} from './call-form-mapping';

const stored = {
  hs_call_title: 'Discovery call',
  hs_timestamp: '2026-03-29T00:30:00.000Z',
  hs_call_direction: 'OUTBOUND',
  hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
  hs_call_status: 'COMPLETED',
  hs_activity_type: 'Discovery',
  hs_call_duration: '3723000',
  hs_call_from_number: '+14155550123',
  hs_call_to_number: '+442071838750',
  hs_call_recording_url: 'https://media.example.com/rec/1.mp3',
  hubspot_owner_id: '101',
  hs_call_body: '<p>Line one</p>\n<p>Line <b>two</b></p>',
  hs_attachment_ids: '11;22',
  hs_call_source: 'INTEGRATIONS_PLATFORM',
  hs_call_callee_object_type: 'CONTACT',
  hs_call_callee_object_id: '4711',
  hs_object_id: '9001',
};

function issuesOf(values: CallFormValues, initial?: CallFormValues): Record<string, string> {
  const result = callFormSchema(initial).safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('HubSpot properties -> form values', () => {
  it('turns milliseconds into h:mm:ss and keeps every other text as stored', () => {
    const v = propertiesToFormValues(stored, 'UTC');
    expect(v.duration).toBe('1:02:03');
    expect(v.title).toBe('Discovery call');
    expect(v.disposition).toBe('f240bbac-87c9-4f6e-bf70-924b57d47db7');
    expect(v.body).toBe('<p>Line one</p>\n<p>Line <b>two</b></p>');
    expect(v.attachmentIds).toBe('11;22');
    expect(v.ownerId).toBe('101');
  });

  it('shows the UTC time in the user time zone (Berlin switches to summer time that night)', () => {
    const v = propertiesToFormValues(stored, 'Europe/Berlin');
    expect(v.timestamp?.format('YYYY-MM-DD HH:mm')).toBe('2026-03-29 01:30');
    const later = propertiesToFormValues({ hs_timestamp: '2026-03-29T01:30:00.000Z' }, 'Europe/Berlin');
    expect(later.timestamp?.format('YYYY-MM-DD HH:mm Z')).toBe('2026-03-29 03:30 +02:00');
  });

  it('reads epoch-millisecond timestamps too, and treats missing values as empty', () => {
    const v = propertiesToFormValues({ hs_timestamp: '1700000000000', hs_call_title: null }, 'Asia/Tokyo');
    expect(v.timestamp?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(v.timestamp?.format('HH:mm')).toBe('07:13');
    expect(v.title).toBe('');
    expect(v.duration).toBe('');
    expect(propertiesToFormValues({}, 'UTC').timestamp).toBeNull();
  });
});

describe('form values -> HubSpot properties', () => {
  it('round-trips every field of a stored call', () => {
    const props = formValuesToProperties(propertiesToFormValues(stored, 'America/Los_Angeles'));
    const { hs_object_id: _id, ...expected } = stored;
    expect(props).toEqual(expected);
  });

  it('sends a time picked in New York as UTC ISO', () => {
    const v = { ...emptyCallFormValues('UTC'), timestamp: dayjs.tz('2026-07-01 09:15', 'America/New_York') };
    expect(formValuesToProperties(v).hs_timestamp).toBe('2026-07-01T13:15:00.000Z');
  });

  it('stores typed durations as milliseconds, phone numbers as E.164, attachment ids ;-separated', () => {
    const v: CallFormValues = {
      ...emptyCallFormValues('UTC'),
      duration: '4:05',
      fromNumber: ' +1 (415) 555-0123 ',
      toNumber: '+44 20 7183 8750',
      attachmentIds: '1, 2 ;3',
      title: '  Trim me ',
    };
    const p = formValuesToProperties(v);
    expect(p.hs_call_duration).toBe('245000');
    expect(p.hs_call_from_number).toBe('+14155550123');
    expect(p.hs_call_to_number).toBe('+442071838750');
    expect(p.hs_attachment_ids).toBe('1;2;3');
    expect(p.hs_call_title).toBe('Trim me');
    expect(formValuesToProperties({ ...v, duration: '1:00:00' }).hs_call_duration).toBe('3600000');
  });

  it('leaves empty fields out of a create; the default time is now, to the minute', () => {
    const now = dayjs('2026-01-02T03:04:05.678Z');
    expect(formValuesToProperties(emptyCallFormValues('UTC', now))).toEqual({ hs_timestamp: '2026-01-02T03:04:00.000Z' });
  });

  it('keeps notes exactly as typed, line breaks and markup included', () => {
    const body = 'First line\n\n  <b>second</b>  ';
    expect(formValuesToProperties({ ...emptyCallFormValues('UTC'), body }).hs_call_body).toBe(body);
  });

  it('normalizes attachment id separators', () => {
    expect(normalizeAttachmentIds(' 5;;6 ,7 ')).toBe('5;6;7');
    expect(normalizeAttachmentIds('')).toBe('');
  });
});

describe('changed properties for an edit', () => {
  const initial = propertiesToFormValues(stored, 'Europe/Berlin');

  it('sends nothing when nothing changed, even where re-encoding would differ', () => {
    const legacy = propertiesToFormValues({ ...stored, hs_call_from_number: '(415) 555-0123', hs_attachment_ids: '1, 2' }, 'UTC');
    expect(changedProperties(legacy, { ...legacy })).toEqual({});
    expect(changedProperties(initial, { ...initial, timestamp: initial.timestamp!.tz('UTC') })).toEqual({});
  });

  it('sends only the changed properties, converted', () => {
    const edited = { ...initial, duration: '0:10:00', disposition: '73a0d17f-1163-4015-bdd5-ec830791da20' };
    expect(changedProperties(initial, edited)).toEqual({
      hs_call_duration: '600000',
      hs_call_disposition: '73a0d17f-1163-4015-bdd5-ec830791da20',
    });
  });

  it('sends an empty string for a cleared field', () => {
    expect(changedProperties(initial, { ...initial, recordingUrl: '', duration: '', ownerId: '' })).toEqual({
      hs_call_recording_url: '',
      hs_call_duration: '',
      hubspot_owner_id: '',
    });
  });

  it('sends a moved time as UTC', () => {
    const moved = { ...initial, timestamp: initial.timestamp!.add(90, 'minute') };
    expect(changedProperties(initial, moved)).toEqual({ hs_timestamp: '2026-03-29T02:00:00.000Z' });
  });
});

describe('form rules', () => {
  const valid: CallFormValues = { ...propertiesToFormValues(stored, 'UTC') };

  it('accepts a complete call', () => {
    expect(issuesOf(valid)).toEqual({});
  });

  it('requires a time', () => {
    expect(issuesOf({ ...valid, timestamp: null })).toEqual({ timestamp: 'Enter when the call happened' });
    expect(issuesOf({ ...valid, timestamp: dayjs('nonsense') }).timestamp).toMatch(/complete date and time/);
  });

  it('rejects a non-https recording URL', () => {
    expect(issuesOf({ ...valid, recordingUrl: 'http://media.example.com/a.mp3' }).recordingUrl).toMatch(/https/);
    expect(issuesOf({ ...valid, recordingUrl: 'javascript:alert(1)' }).recordingUrl).toMatch(/https/);
  });

  it('asks for international phone numbers with a helpful message', () => {
    expect(issuesOf({ ...valid, fromNumber: '415 555 0123' }).fromNumber).toMatch(/international format/);
    expect(issuesOf({ ...valid, toNumber: '+1 555' }).toNumber).toMatch(/not a valid phone number/);
  });

  it('rejects durations that are not h:mm:ss or mm:ss', () => {
    expect(issuesOf({ ...valid, duration: '4:75' }).duration).toMatch(/h:mm:ss or mm:ss/);
    expect(issuesOf({ ...valid, duration: 'ten minutes' }).duration).toMatch(/h:mm:ss or mm:ss/);
    expect(issuesOf({ ...valid, duration: '12:34' })).toEqual({});
  });

  it('needs both halves of a changed callee (its type and its id)', () => {
    expect(issuesOf({ ...valid, calleeType: 'COMPANY', calleeId: '' }).calleeId).toMatch(/both its type and its id/);
    expect(issuesOf({ ...valid, calleeType: '', calleeId: '' })).toEqual({});
    const halfFromHubSpot = { ...valid, calleeType: '' };
    expect(issuesOf(halfFromHubSpot, halfFromHubSpot)).toEqual({});
  });

  it('rejects attachment ids that are not numbers', () => {
    expect(issuesOf({ ...valid, attachmentIds: '12;abc' }).attachmentIds).toMatch(/numbers separated by ;/);
  });

  it('lets values that came from HubSpot unchanged pass on edit, but not new ones', () => {
    const legacy = { ...valid, fromNumber: '415 555 0123', recordingUrl: 'http://old.example.com/r.mp3' };
    expect(issuesOf(legacy, legacy)).toEqual({});
    expect(issuesOf({ ...legacy, fromNumber: '415 555 9999' }, legacy).fromNumber).toMatch(/international format/);
  });
});

describe('HubSpot property names -> form fields', () => {
  it('maps the properties the form edits and nothing else', () => {
    expect(fieldForProperty('hs_call_recording_url')).toBe('recordingUrl');
    expect(fieldForProperty('hubspot_owner_id')).toBe('ownerId');
    expect(fieldForProperty('hs_call_source')).toBe('source');
    expect(fieldForProperty('hs_call_callee_object_id')).toBe('calleeId');
    expect(fieldForProperty('hs_createdate')).toBeUndefined();
  });
});
