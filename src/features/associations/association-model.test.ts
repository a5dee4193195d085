import { describe, expect, it } from 'vitest';
import {
  associationLabelTexts,
  hubspotRecordUrl,
  labelOptions,
  pickedToAssociationInputs,
  pinState,
  withAdded,
  type AssociatedEntry,
} from './association-model';

const entry = (pinned: string | null): AssociatedEntry => ({
  type: 'contacts',
  id: '5',
  associationTypes: [],
  record: { id: '5', properties: { hs_pinned_engagement_id: pinned }, createdAt: '', updatedAt: '', archived: false },
});

describe('association model', () => {
  it('offers HubSpot’s default first, then the account’s labelled types once each', () => {
    const options = labelOptions('deals', [
      { category: 'HUBSPOT_DEFINED', typeId: 206 },
      { category: 'USER_DEFINED', typeId: 12, label: 'Champion' },
      { category: 'USER_DEFINED', typeId: 12, label: 'Champion' },
      { category: 'USER_DEFINED', typeId: 13, label: null },
    ]);
    expect(options.map((o) => [o.typeId, o.text])).toEqual([
      [206, 'No label (HubSpot default)'],
      [12, 'Champion'],
    ]);
  });

  it('shows named labels only', () => {
    expect(
      associationLabelTexts([
        { category: 'HUBSPOT_DEFINED', typeId: 194 },
        { category: 'USER_DEFINED', typeId: 9, label: 'Billing contact' },
      ]),
    ).toEqual(['Billing contact']);
  });

  it('sends a custom label together with the default association', () => {
    expect(
      pickedToAssociationInputs([
        { type: 'tickets', id: '1', name: 'T', associationTypeId: 220, associationCategory: 'HUBSPOT_DEFINED' },
        { type: 'contacts', id: '2', name: 'C', associationTypeId: 9, associationCategory: 'USER_DEFINED' },
      ]),
    ).toEqual([
      { to: { id: '1' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 220 }] },
      {
        to: { id: '2' },
        types: [
          { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 },
          { associationCategory: 'USER_DEFINED', associationTypeId: 9 },
        ],
      },
    ]);
  });

  it('merges a new label into an existing association instead of duplicating the record', () => {
    const list = withAdded([{ ...entry(''), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 194 }] }], [
      { type: 'contacts', id: '5', name: 'X', associationTypeId: 9, associationCategory: 'USER_DEFINED' },
      { type: 'contacts', id: '6', name: 'New person', associationTypeId: 194, associationCategory: 'HUBSPOT_DEFINED' },
    ]);
    expect(list.map((e) => [e.id, e.associationTypes.map((t) => t.typeId), e.pending ?? false])).toEqual([
      ['5', [194, 9], false],
      ['6', [194], true],
    ]);
  });

  it('tells this call’s pin from another activity’s', () => {
    expect(pinState(entry('42'), '42')).toEqual({ kind: 'this-call' });
    expect(pinState(entry('41'), '42')).toEqual({ kind: 'other', activityId: '41' });
    expect(pinState(entry(''), '42')).toEqual({ kind: 'none' });
    expect(pinState(entry(null), '42')).toEqual({ kind: 'none' });
  });

  it('links to the record in the HubSpot app of the account', () => {
    expect(hubspotRecordUrl({ portalId: 123, uiDomain: 'app-eu1.hubspot.com' }, 'tickets', '9')).toBe(
      'https://app-eu1.hubspot.com/contacts/123/record/0-5/9',
    );
    expect(hubspotRecordUrl({ portalId: 123 }, 'contacts', '9')).toBe('https://app.hubspot.com/contacts/123/record/0-1/9');
  });
});
