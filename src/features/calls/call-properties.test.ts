import { describe, expect, it } from 'vitest';
import type { PropertyDefinition } from '../../api/schemas';
import {
  COLUMN_IDS,
  COLUMNS,
  dispositionLabels,
  htmlToText,
  optionLabel,
  optionLabels,
  outcomeLabel,
  ownerLabel,
  propertyLabel,
  type SortKey,
} from './call-properties';
import { formatCallValue } from './call-values';
import { buildCallSearchRequest } from './calls-queries';
import { groupProperties } from './detail/property-groups';
import { parseListState } from './list/list-state';

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
  dispositions: [
    { id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected', archived: false },
    { id: 'b2cf5968-551e-4856-9783-52b3da59a7d0', label: 'Left voicemail', archived: true },
  ],
  owners: [{ id: '7', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', archived: false }],
  timeZone: 'Europe/Berlin',
};

describe('formatCallValue', () => {
  it('shows labels, names, h:mm:ss and international numbers instead of raw values', () => {
    expect(formatCallValue('hs_call_disposition', 'f240bbac-87c9-4f6e-bf70-924b57d47db7', ctx)).toBe('Connected');
    expect(formatCallValue('hs_call_disposition', '00000000-0000-0000-0000-000000000000', ctx)).toBe('Unknown outcome');
    expect(formatCallValue('hs_call_disposition', 'b2cf5968-551e-4856-9783-52b3da59a7d0', ctx)).toBe('Left voicemail (archived)');
    expect(formatCallValue('hubspot_owner_id', '7', ctx)).toBe('Ada Lovelace');
    expect(formatCallValue('hubspot_owner_id', '8', ctx)).toBe('Unknown owner (8)');
    expect(formatCallValue('hs_call_duration', '245000', ctx)).toBe('0:04:05');
    expect(formatCallValue('hs_call_from_number', '+14155550123', ctx)).toBe('+1 415 555 0123');
    expect(formatCallValue('hs_call_status', 'NO_ANSWER', ctx)).toBe('No answer');
    expect(formatCallValue('hs_call_has_voicemail', 'true', ctx)).toBe('Yes');
    expect(formatCallValue('hs_attachment_ids', '1;2', ctx)).toBe('1, 2');
    expect(formatCallValue('hs_call_title', '', ctx)).toBe('');
  });

  it('shows times in the user time zone', () => {
    expect(formatCallValue('hs_timestamp', '2026-07-01T13:15:00.000Z', ctx)).toBe('1 Jul 2026, 15:15');
    expect(formatCallValue('hs_timestamp', '2026-07-01T13:15:00.000Z', { ...ctx, timeZone: 'America/New_York' })).toBe('1 Jul 2026, 09:15');
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

describe('call property registry', () => {
  const labels = new Map([['g-connected', 'Connected'], ['g-old', 'Left voicemail (archived)']]);

  it('names outcomes as the account does, says "…" while they load and flags GUIDs the account lacks', () => {
    expect(dispositionLabels([{ id: 'g-old', label: 'Left voicemail', archived: true }])?.get('g-old')).toBe('Left voicemail (archived)');
    expect(outcomeLabel('g-old', labels)).toEqual({ label: 'Left voicemail (archived)', unknown: false });
    expect(outcomeLabel('g-connected', labels)).toEqual({ label: 'Connected', unknown: false });
    expect(outcomeLabel('g-missing', labels)).toEqual({ label: 'Unknown outcome', unknown: true });
    expect(outcomeLabel('g-connected', undefined)).toEqual({ label: '…', unknown: false });
    expect(outcomeLabel('', labels)).toBeUndefined();
  });

  it('shows option labels, and a readable value when the account has no label for it', () => {
    expect(optionLabel('NO_ANSWER', optionLabels(definitions, 'hs_call_status'))).toBe('No answer');
    expect(optionLabel('CALLING_CRM_USER', undefined)).toBe('Calling crm user');
    expect(formatCallValue('hs_call_direction', 'OUTBOUND', ctx)).toBe('Outbound');
  });

  it('names owners, also while they load', () => {
    expect(ownerLabel('7', new Map([['7', 'Ada Lovelace']]))).toBe('Ada Lovelace');
    expect(ownerLabel('7', undefined)).toBe('Owner 7');
    expect(ownerLabel('8', new Map())).toBe('Unknown owner (8)');
  });

  it('gives every list column a header, and the list state accepts exactly the sortable columns from a URL', () => {
    expect(COLUMN_IDS.map((id) => COLUMNS[id].header)).toEqual([
      'Title', 'Time', 'Direction', 'Outcome', 'Status', 'Duration', 'Owner', 'From number', 'To number', 'Contacts', 'Companies', 'Recording',
    ]);
    const sortFromUrl = (key: string) => parseListState(new URLSearchParams({ sort: key })).sort?.field;
    // Outcome and owner are not: HubSpot's search orders them by the stored GUID or id, not by what the cell shows.
    expect(COLUMN_IDS.filter((id) => sortFromUrl(id) === id)).toEqual(['title', 'time', 'direction', 'status', 'duration']);
    expect(sortFromUrl('colour')).toBeUndefined();
  });

  it('sorts HubSpot search by the property behind the column', () => {
    const sorts = (field: SortKey) => buildCallSearchRequest({ pageSize: 25, sort: { field, direction: 'asc' } })?.sorts;
    expect(sorts('time')).toEqual([{ propertyName: 'hs_timestamp', direction: 'ASCENDING' }]);
    expect(sorts('duration')).toEqual([{ propertyName: 'hs_call_duration', direction: 'ASCENDING' }]);
    expect(sorts('direction')).toEqual([{ propertyName: 'hs_call_direction', direction: 'ASCENDING' }]);
  });
});
