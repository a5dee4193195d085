import { describe, expect, it } from 'vitest';
import type { HubSpotObject } from '../../api/schemas';
import { buildRepairs, companyPhoneSpellings, contactFilterGroups, matchReason, normaliseNumber, repairChange } from './repair';

const obj = (id: string, properties: Record<string, string>): HubSpotObject => ({ id, properties, createdAt: '', updatedAt: '', archived: false }) as HubSpotObject;

describe('normalising a call’s number', () => {
  it('gives E.164 and the national digits HubSpot’s searchable phone properties hold, however it is written', () => {
    for (const raw of ['+1 617-234-5678', '(617) 234-5678', '617.234.5678', '+16172345678']) {
      expect(normaliseNumber(raw), raw).toMatchObject({ e164: '+16172345678', national: '6172345678', display: '+1 617 234 5678' });
    }
    expect(normaliseNumber('+33 6 55 55 55 55')).toMatchObject({ e164: '+33655555555', national: '655555555' });
  });

  it('has no number for what is not a valid phone number', () => {
    expect(normaliseNumber('')).toBeNull();
    expect(normaliseNumber(null)).toBeNull();
    expect(normaliseNumber('12345')).toBeNull();
    expect(normaliseNumber('call me')).toBeNull();
  });

  it('searches contacts on both calculated properties, companies on the spellings of their phone', () => {
    expect(contactFilterGroups(['6172345678'])).toEqual([
      { filters: [{ propertyName: 'hs_searchable_calculated_phone_number', operator: 'IN', values: ['6172345678'] }] },
      { filters: [{ propertyName: 'hs_searchable_calculated_mobile_number', operator: 'IN', values: ['6172345678'] }] },
    ]);
    const n = normaliseNumber('(617) 234-5678');
    expect(n && companyPhoneSpellings(n)).toEqual(expect.arrayContaining(['+16172345678', '+1 617 234 5678', '(617) 234-5678', '6172345678', '617-234-5678', '617.234.5678', '+1 617-234-5678']));
  });
});

describe('matching calls to records', () => {
  const outbound = (id: string, to: string) => obj(id, { hs_call_title: `Call ${id}`, hs_call_direction: 'OUTBOUND', hs_call_to_number: to, hs_call_from_number: '+16175550000' });
  const ada = obj('11', { firstname: 'Ada', lastname: 'Lovelace', phone: '+44 20 7946 0958', mobilephone: '(415) 555-0123' });
  const grace = obj('12', { firstname: 'Grace', lastname: 'Hopper', phone: '617.234.5678' });
  const placeholder = obj('90', { firstname: '+1 617-234-5678', phone: '+1 617-234-5678' });
  const acme = obj('500', { name: 'Acme', phone: '+1 617 234 5678' });

  it('proposes the records with the number, says why, and never the placeholder that carries it', () => {
    const [onPlaceholder, mobile, none, bad, inbound] = buildRepairs({
      calls: [outbound('1', '+16172345678'), outbound('2', '+1 415 555 0123'), outbound('3', '+1 512 555 0177'), outbound('4', '555'), obj('5', { hs_call_direction: 'INBOUND', hs_call_from_number: '(415) 555-0123', hs_call_to_number: '+16172345678' })],
      associations: new Map([['1', { contacts: ['90'], companies: [] }]]),
      currentContacts: new Map([['90', placeholder]]),
      foundContacts: [ada, grace, placeholder],
      foundCompanies: [acme],
    });
    expect(onPlaceholder?.status).toBe('several');
    expect(onPlaceholder?.placeholders).toEqual(['90']);
    expect(onPlaceholder?.candidates.map((c) => `${c.type}:${c.id}`)).toEqual(['contacts:12', 'companies:500']);
    expect(onPlaceholder?.number && onPlaceholder.candidates[0] && matchReason(onPlaceholder.number, onPlaceholder.candidates[0])).toBe('Phone +1 617 234 5678 matches contact Grace Hopper’s phone');
    expect(mobile?.status).toBe('single');
    expect(mobile?.number && mobile.candidates[0] && matchReason(mobile.number, mobile.candidates[0])).toBe('Phone +1 415 555 0123 matches contact Ada Lovelace’s mobile');
    expect(none?.status).toBe('no-match');
    expect(bad?.status).toBe('invalid-number');
    // inbound: the caller's number
    expect(inbound?.candidates.map((c) => c.id)).toEqual(['11']);
  });

  it('does not take a national number shared with another country for a match', () => {
    const london = obj('13', { firstname: 'Alan', lastname: 'Turing', phone: '+44 20 7946 0958' });
    const [r] = buildRepairs({ calls: [outbound('1', '+1 207 946 0958')], associations: new Map(), currentContacts: new Map(), foundContacts: [london], foundCompanies: [] });
    expect(r?.status).toBe('no-match');
  });

  it('moves a call off its placeholder onto the match, or adds the match to a call on no record', () => {
    const [onPlaceholder, orphan] = buildRepairs({
      calls: [outbound('1', '+16172345678'), outbound('2', '+14155550123')],
      associations: new Map([['1', { contacts: ['90', '77'], companies: ['501'] }], ['2', { contacts: [], companies: [] }]]),
      currentContacts: new Map([['90', placeholder], ['77', obj('77', { firstname: 'Real', lastname: 'Person' })]]),
      foundContacts: [ada, grace],
      foundCompanies: [acme],
    });
    if (!onPlaceholder?.candidates[0] || !onPlaceholder.candidates[1] || !orphan?.candidates[0]) throw new Error('candidates expected');
    expect(repairChange(onPlaceholder, onPlaceholder.candidates[0])).toEqual({ callId: '1', before: { contacts: ['90', '77'] }, after: { contacts: ['77', '12'] } });
    expect(repairChange(onPlaceholder, onPlaceholder.candidates[1])).toEqual({
      callId: '1',
      before: { contacts: ['90', '77'], companies: ['501'] },
      after: { contacts: ['77'], companies: ['501', '500'] },
    });
    expect(repairChange(orphan, orphan.candidates[0])).toEqual({ callId: '2', before: { contacts: [] }, after: { contacts: ['11'] } });
  });
});
