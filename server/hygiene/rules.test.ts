/** The queue rules without a database: what each queue would show for a handful of calls. */
import { describe, expect, it } from 'vitest';
import { duplicateGroups, isPlaceholderContact, missedWithoutCallback, withoutAssociation, withPlaceholderContact } from './classify.ts';
import { toScannedCall, toScannedContact, type ScannedCall } from './model.ts';
import { phoneKey, toE164 } from './phones.ts';
import { looksLikePhoneNumber } from '../../src/lib/placeholder-contact.ts';
import { QUEUE_IDS, QUEUES, searchFilterGroups } from './queues.ts';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const DAY = 86_400_000;

let nextId = 1;
function call(props: Record<string, string>, assoc: { contacts?: string[]; companies?: string[] } = { contacts: ['900'] }): ScannedCall {
  return toScannedCall(String(nextId++), props, assoc.contacts ?? [], assoc.companies ?? []);
}
const ids = (calls: ScannedCall[]) => calls.map((c) => c.id);

describe('phone numbers', () => {
  it('compare equal however they are spelled, in E.164', () => {
    expect(toE164('+1 (415) 555-0123')).toBe('+14155550123');
    expect(toE164('(415) 555-0123', 'US')).toBe('+14155550123');
    expect(toE164('(415) 555-0123')).toBeNull();
    expect(phoneKey('+44 20 7946 0958')).toBe(phoneKey('+442079460958'));
    // Not a valid number anywhere (the seed's 555 numbers): its digits still match another spelling of it.
    expect(phoneKey('+1 201 555 1234')).toBe(phoneKey('+12015551234'));
    expect(phoneKey('')).toBeNull();
  });

  it('tell a phone number from a name', () => {
    expect(looksLikePhoneNumber('+1 415-555-0123')).toBe(true);
    expect(looksLikePhoneNumber('(415) 555 0123')).toBe(true);
    expect(looksLikePhoneNumber('Room 101')).toBe(false);
    expect(looksLikePhoneNumber('42')).toBe(false);
  });
});

describe('queue definitions', () => {
  it('are the eight queues of issue 14, each with a title and a rule', () => {
    expect(QUEUES.map((q) => q.id)).toEqual([...QUEUE_IDS]);
    for (const q of QUEUES) expect(q.title.length * q.rule.length).toBeGreaterThan(0);
  });

  it('give search filters for the search-expressible queues only', () => {
    const facts = { activeOutcomeIds: ['F240BBAC-87C9-4F6E-BF70-924B57D47DB7', '73a0d17f-1163-4015-bdd5-ec830791da20'], deactivatedOwnerIds: ['77'] };
    expect(searchFilterGroups('no-outcome', facts)).toEqual([{ filters: [{ propertyName: 'hs_call_disposition', operator: 'NOT_HAS_PROPERTY' }] }]);
    expect(searchFilterGroups('unknown-outcome', facts)).toEqual([
      {
        filters: [
          { propertyName: 'hs_call_disposition', operator: 'HAS_PROPERTY' },
          { propertyName: 'hs_call_disposition', operator: 'NOT_IN', values: ['f240bbac-87c9-4f6e-bf70-924b57d47db7', '73a0d17f-1163-4015-bdd5-ec830791da20'] },
        ],
      },
    ]);
    expect(searchFilterGroups('no-owner', facts)).toEqual([
      { filters: [{ propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' }] },
      { filters: [{ propertyName: 'hubspot_owner_id', operator: 'IN', values: ['77'] }] },
    ]);
    // No deactivated owner: an IN with no values would be refused by HubSpot, so the group is left out.
    expect(searchFilterGroups('no-owner', { ...facts, deactivatedOwnerIds: [] })).toHaveLength(1);
    expect(searchFilterGroups('zero-duration', facts)).toEqual([
      { filters: [{ propertyName: 'hs_call_status', operator: 'EQ', value: 'COMPLETED' }, { propertyName: 'hs_call_duration', operator: 'EQ', value: '0' }] },
      { filters: [{ propertyName: 'hs_call_status', operator: 'EQ', value: 'COMPLETED' }, { propertyName: 'hs_call_duration', operator: 'NOT_HAS_PROPERTY' }] },
    ]);
    for (const id of QUEUE_IDS) {
      const source = QUEUES.find((q) => q.id === id)?.source;
      expect(`${id}: ${searchFilterGroups(id, facts) === null ? 'scan' : 'search'}`).toBe(`${id}: ${source}`);
    }
  });
});

describe('queue 3, no contact or company', () => {
  it('holds calls with neither; a company alone or a contact alone is enough to leave it', () => {
    const orphan = call({ hs_timestamp: String(T0) }, {});
    const withCompany = call({}, { companies: ['5'] });
    const withContact = call({}, { contacts: ['6'] });
    expect(ids(withoutAssociation([orphan, withCompany, withContact]))).toEqual([orphan.id]);
  });
});

describe('queue 4, placeholder contact', () => {
  const contact = (id: string, firstname: string, lastname = '') => toScannedContact(id, { firstname, lastname, phone: '+14155550123' });

  it.each([
    ['no name', '', ''],
    ['a phone number as the name', '+1 415 555 0123', ''],
    ['a phone number split over first and last name', '(415)', '555-0123'],
    ['the dialer default "Caller …"', 'Caller', '+1 415 555 0123'],
    ['"New contact"', 'New contact', ''],
    ['"Unknown"', 'Unknown', ''],
    ['"Unknown caller"', 'unknown', 'caller'],
  ])('counts a contact with %s', (_what, first, last) => {
    expect(isPlaceholderContact(contact('1', first, last))).toBe(true);
  });

  it.each([['Ada', 'Lovelace'], ['Callerman', ''], ['Unknown', 'Pleasures'], ['Room 101', '']])('does not count "%s %s"', (first, last) => {
    expect(isPlaceholderContact(contact('1', first, last))).toBe(false);
  });

  it('holds calls with at least one placeholder contact among their contacts', () => {
    const contacts = new Map([['1', contact('1', 'Ada', 'Lovelace')], ['2', contact('2', 'Caller +1 415 555 0123')]]);
    const real = call({}, { contacts: ['1'] });
    const both = call({}, { contacts: ['1', '2'] });
    const unknownContact = call({}, { contacts: ['3'] });
    expect(ids(withPlaceholderContact([real, both, unknownContact], contacts))).toEqual([both.id]);
  });
});

describe('queue 7, probable duplicates', () => {
  const base = { hs_call_from_number: '+1 415 555 0100', hs_call_to_number: '+14155550199', hs_call_direction: 'OUTBOUND', hubspot_owner_id: '7' };

  it('groups calls with the same numbers (however spelled), direction and owner a few seconds apart', () => {
    const a = call({ ...base, hs_timestamp: String(T0) });
    const b = call({ ...base, hs_call_from_number: '+14155550100', hs_timestamp: new Date(T0 + 4000).toISOString() });
    const c = call({ ...base, hs_timestamp: String(T0 + 12_000) }); // 8 s after b: chained into the group
    const later = call({ ...base, hs_timestamp: String(T0 + 60_000) });
    const otherOwner = call({ ...base, hubspot_owner_id: '8', hs_timestamp: String(T0 + 1000) });
    const inbound = call({ ...base, hs_call_direction: 'INBOUND', hs_timestamp: String(T0 + 1000) });
    expect(duplicateGroups([a, b, c, later, otherOwner, inbound]).map(ids)).toEqual([[c.id, b.id, a.id]]);
  });

  it('groups calls with the same external id whatever their times, one group per id, newest group first', () => {
    const x1 = call({ hs_call_external_id: 'dialer-1', hs_timestamp: String(T0) });
    const x2 = call({ hs_call_external_id: 'dialer-1', hs_timestamp: String(T0 + DAY) });
    const y1 = call({ hs_call_external_id: 'dialer-2', hs_timestamp: String(T0 + 2 * DAY) });
    const y2 = call({ hs_call_external_id: 'dialer-2', hs_timestamp: String(T0 + 3 * DAY) });
    const alone = call({ hs_call_external_id: 'dialer-3', hs_timestamp: String(T0) });
    expect(duplicateGroups([x1, x2, y1, y2, alone]).map(ids)).toEqual([[y2.id, y1.id], [x2.id, x1.id]]);
  });
});

describe('queue 8, missed inbound calls with no call back', () => {
  const missed = (from: string, at: number, extra: Record<string, string> = {}) =>
    call({ hs_call_direction: 'INBOUND', hs_call_status: 'NO_ANSWER', hs_call_from_number: from, hs_timestamp: String(at), ...extra });
  const outbound = (to: string, at: number) => call({ hs_call_direction: 'OUTBOUND', hs_call_status: 'COMPLETED', hs_call_to_number: to, hs_timestamp: String(at) });

  it('holds a missed call until an outbound call to that number follows within N days', () => {
    const calledBack = missed('+1 415 555 0101', T0);
    const callback = outbound('+14155550101', T0 + DAY);
    const tooLate = missed('+1 415 555 0102', T0);
    const lateCallback = outbound('+14155550102', T0 + 3 * DAY);
    const calledBefore = missed('+1 415 555 0103', T0);
    const earlierCall = outbound('+14155550103', T0 - DAY);
    const all = [calledBack, callback, tooLate, lateCallback, calledBefore, earlierCall];
    expect(ids(missedWithoutCallback(all, { days: 2 }))).toEqual([tooLate.id, calledBefore.id].sort((a, b) => Number(b) - Number(a)));
    expect(ids(missedWithoutCallback(all, { days: 5 }))).toEqual([calledBefore.id]);
  });

  it('counts busy, missed and voicemail, not answered inbound calls, and leaves out calls marked handled', () => {
    const busy = missed('+1 415 555 0111', T0, { hs_call_status: 'BUSY' });
    const voicemail = missed('+1 415 555 0112', T0 + 1, { hs_call_status: 'COMPLETED', hs_call_has_voicemail: 'true' });
    const answered = missed('+1 415 555 0113', T0 + 2, { hs_call_status: 'COMPLETED' });
    const handled = missed('+1 415 555 0114', T0 + 3, { hs_call_status: 'MISSED' });
    expect(ids(missedWithoutCallback([busy, voicemail, answered, handled], { days: 2, handled: new Set([handled.id]) }))).toEqual([voicemail.id, busy.id]);
  });
});
