import { describe, expect, it } from 'vitest';
import type { PropertyDefinition } from '../../../api/schemas';
import { groupProperties } from '../detail/property-groups';
import { formatPropertyValue, htmlToText, propertyLabel } from './property-format';

const def = (name: string, label: string, groupName: string, extra: Partial<PropertyDefinition> = {}): PropertyDefinition => ({
  name,
  label,
  groupName,
  type: 'string',
  fieldType: 'text',
  description: '',
  options: [],
  ...extra,
});

const definitions: PropertyDefinition[] = [
  def('hs_call_title', 'Call title', 'call_information', { displayOrder: 1 }),
  def('hs_call_status', 'Call status', 'call_information', {
    type: 'enumeration',
    fieldType: 'select',
    displayOrder: 2,
    options: [{ label: 'No answer', value: 'NO_ANSWER', hidden: false }],
  }),
  def('hs_timestamp', 'Activity date', 'engagement', { type: 'datetime' }),
  def('hs_object_id', 'Record ID', 'system', { type: 'number' }),
  def('hs_call_has_voicemail', 'Has voicemail', 'call_information', { type: 'bool', displayOrder: 3 }),
];

const ctx = {
  definitions,
  dispositions: [{ id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected' }],
  owners: [{ id: '7', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', archived: false }],
  timeZone: 'Europe/Berlin',
};

describe('formatPropertyValue', () => {
  it('shows labels, names, h:mm:ss and international numbers instead of raw values', () => {
    expect(formatPropertyValue('hs_call_disposition', 'f240bbac-87c9-4f6e-bf70-924b57d47db7', ctx)).toBe('Connected');
    expect(formatPropertyValue('hs_call_disposition', '00000000-0000-0000-0000-000000000000', ctx)).toBe('Unknown outcome');
    expect(formatPropertyValue('hubspot_owner_id', '7', ctx)).toBe('Ada Lovelace');
    expect(formatPropertyValue('hubspot_owner_id', '8', ctx)).toBe('Unknown owner (8)');
    expect(formatPropertyValue('hs_call_duration', '245000', ctx)).toBe('0:04:05');
    expect(formatPropertyValue('hs_call_from_number', '+14155550123', ctx)).toBe('+1 415 555 0123');
    expect(formatPropertyValue('hs_call_status', 'NO_ANSWER', ctx)).toBe('No answer');
    expect(formatPropertyValue('hs_call_has_voicemail', 'true', ctx)).toBe('Yes');
    expect(formatPropertyValue('hs_attachment_ids', '1;2', ctx)).toBe('1, 2');
    expect(formatPropertyValue('hs_call_title', '', ctx)).toBe('');
  });

  it('shows times in the user time zone', () => {
    expect(formatPropertyValue('hs_timestamp', '2026-07-01T13:15:00.000Z', ctx)).toBe('1 Jul 2026, 15:15');
    expect(formatPropertyValue('hs_timestamp', '2026-07-01T13:15:00.000Z', { ...ctx, timeZone: 'America/New_York' })).toBe('1 Jul 2026, 09:15');
  });

  it('turns notes HTML into text for previews', () => {
    expect(htmlToText('<p>One &amp; two</p><p>three<br>four</p>')).toBe('One & two\nthree\nfour');
  });

  it('labels from the account, with fallbacks', () => {
    expect(propertyLabel('hs_call_title', definitions)).toBe('Call title');
    expect(propertyLabel('hs_call_duration', undefined)).toBe('Call duration');
    expect(propertyLabel('custom_x', definitions)).toBe('custom_x');
  });
});

describe('groupProperties', () => {
  it('groups as HubSpot does: call information, activity, system, then unknown properties', () => {
    const groups = groupProperties(
      { hs_object_id: '1', hs_timestamp: 'x', hs_call_status: 'NO_ANSWER', hs_call_title: 't', custom_x: 'y', hs_call_has_voicemail: 'false' },
      definitions,
    );
    expect(groups.map((g) => [g.label, g.properties.map((p) => p.label)])).toEqual([
      ['Call information', ['Call title', 'Call status', 'Has voicemail']],
      ['Activity information', ['Activity date']],
      ['System information', ['Record ID']],
      ['Other properties', ['custom_x']],
    ]);
  });
  it("uses the account's group labels and order when it has them", () => {
    const groups = groupProperties({ hs_object_id: '1', hs_call_title: 't', hs_timestamp: 'x' }, definitions, [
      { name: 'engagement', label: 'When it happened', displayOrder: 0 },
      { name: 'call_information', label: 'Call details', displayOrder: 1 },
      { name: 'callinformation', label: 'Call details', displayOrder: 1 },
    ]);
    expect(groups.map((g) => g.label).slice(0, 2)).toEqual(['When it happened', 'Call details']);
  });
});
