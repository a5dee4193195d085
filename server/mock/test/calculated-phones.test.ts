import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../app';
import { fixedClock } from '../clock';
import { openMockDb } from '../store/index';
import { check, checkValidation, createObject, getObject, NOW, send, useHarness } from './helpers';
import { hubSpotObject, propertyDefinition, searchPage } from './schemas';

/**
 * Contacts' calculated phone properties: HubSpot derives hs_searchable_calculated_phone_number from `phone` and
 * hs_searchable_calculated_mobile_number from `mobilephone` (the national number, digits only, no country
 * code), returns them on read, finds contacts by them in search, and refuses writes to them.
 */
describe('contacts: searchable calculated phone numbers', () => {
  const h = useHarness();
  const PROPS = 'phone,mobilephone,hs_searchable_calculated_phone_number,hs_searchable_calculated_mobile_number';

  async function search(filters: unknown[]): Promise<string[]> {
    const page = check(await h.req('POST', '/crm/v3/objects/contacts/search', { filterGroups: [{ filters }], limit: 100 }), 200, searchPage);
    return page.results.map((r) => r.id).sort();
  }

  it('are computed from phone and mobilephone however the number is written, and follow every write', async () => {
    const ada = await createObject(h, 'contacts', { firstname: 'Ada', phone: '+1 617-234-5678', mobilephone: '(415) 555-0123' });
    const marie = await createObject(h, 'contacts', { firstname: 'Marie', phone: '+33 6 55 55 55 55' });
    const odd = await createObject(h, 'contacts', { firstname: 'Odd', phone: '00004' });
    let read = await getObject(h, 'contacts', ada.id, { properties: PROPS });
    expect(read.properties.hs_searchable_calculated_phone_number).toBe('6172345678');
    expect(read.properties.hs_searchable_calculated_mobile_number).toBe('4155550123');
    expect((await getObject(h, 'contacts', marie.id, { properties: PROPS })).properties.hs_searchable_calculated_phone_number).toBe('655555555');
    // not a number of any country: its digits without leading zeros
    expect((await getObject(h, 'contacts', odd.id, { properties: PROPS })).properties.hs_searchable_calculated_phone_number).toBe('4');

    check(await h.req('PATCH', `/crm/v3/objects/contacts/${ada.id}`, { properties: { phone: '617.987.6543', mobilephone: '' } }), 200, hubSpotObject);
    read = await getObject(h, 'contacts', ada.id, { properties: PROPS });
    expect(read.properties.hs_searchable_calculated_phone_number).toBe('6179876543');
    expect(read.properties.hs_searchable_calculated_mobile_number ?? null).toBeNull();
  });

  it('are searchable with EQ and IN, whatever spelling the contact was saved with', async () => {
    const a = await createObject(h, 'contacts', { firstname: 'A', phone: '(212) 555-0101' });
    const b = await createObject(h, 'contacts', { firstname: 'B', phone: '+12125550102' });
    const c = await createObject(h, 'contacts', { firstname: 'C', mobilephone: '212.555.0101' });
    expect(await search([{ propertyName: 'hs_searchable_calculated_phone_number', operator: 'EQ', value: '2125550101' }])).toEqual([a.id]);
    expect(await search([{ propertyName: 'hs_searchable_calculated_phone_number', operator: 'IN', values: ['2125550101', '2125550102'] }])).toEqual([a.id, b.id].sort());
    expect(await search([{ propertyName: 'hs_searchable_calculated_mobile_number', operator: 'IN', values: ['2125550101'] }])).toEqual([c.id]);
    // the value holds no country code: the E.164 spelling matches nothing
    expect(await search([{ propertyName: 'hs_searchable_calculated_phone_number', operator: 'EQ', value: '+12125550101' }])).toEqual([]);
  });

  it('are read-only: HubSpot refuses to set them, on create and on update', async () => {
    const contact = await createObject(h, 'contacts', { firstname: 'Grace', phone: '+16175550100' });
    for (const res of [
      await h.req('PATCH', `/crm/v3/objects/contacts/${contact.id}`, { properties: { hs_searchable_calculated_phone_number: '1' } }),
      await h.req('POST', '/crm/v3/objects/contacts', { properties: { firstname: 'X', hs_searchable_calculated_mobile_number: '1' } }),
    ]) {
      const name = res.text.includes('mobile') ? 'hs_searchable_calculated_mobile_number' : 'hs_searchable_calculated_phone_number';
      expect(checkValidation(res, name).errors?.[0]?.code).toBe('READ_ONLY_VALUE');
    }
    const res = await h.req('GET', '/crm/v3/properties/contacts/hs_searchable_calculated_phone_number');
    check(res, 200, propertyDefinition);
    expect(res.body).toMatchObject({ calculated: true, modificationMetadata: { readOnlyValue: true } });
    expect((await getObject(h, 'contacts', contact.id, { properties: PROPS })).properties.hs_searchable_calculated_phone_number).toBe('6175550100');
  });
});

describe('a database from before contacts had calculated phone numbers', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mock-calculated-phones-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gets them when opened', async () => {
    const file = path.join(dir, 'old.sqlite');
    const clock = fixedClock(NOW);
    const first = openMockDb({ file, seed: 'empty', clock });
    const created = await send(createMockApp({ db: first, clock }), 'POST', '/crm/v3/objects/contacts', { properties: { firstname: 'Old', phone: '(617) 234-5678' } });
    const id = String((created.body as { id: string }).id);
    // what schema version 9 stored: no calculated phone numbers
    first.sqlite.exec(`UPDATE objects SET props = json_remove(props, '$.hs_searchable_calculated_phone_number')`);
    first.sqlite.pragma('user_version = 9');
    first.close();

    const db = openMockDb({ file, clock });
    try {
      const found = await send(createMockApp({ db, clock }), 'POST', '/crm/v3/objects/contacts/search', {
        filterGroups: [{ filters: [{ propertyName: 'hs_searchable_calculated_phone_number', operator: 'EQ', value: '6172345678' }] }],
      });
      expect((found.body as { results: { id: string }[] }).results.map((r) => r.id)).toEqual([id]);
    } finally {
      db.close();
    }
  });
});
