import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../app';
import { fixedClock } from '../clock';
import { openMockDb } from '../store/index';
import { check, checkValidation, createCall, createObject, getObject, NOW, send, useHarness } from './helpers';
import { hubSpotObject, searchPage } from './schemas';

/** Free-text `query` (HubSpot's search guide): words of the default searchable properties only. */
describe('search query matches words of the default searchable properties', () => {
  const h = useHarness();

  async function ids(type: string, query: string): Promise<string[]> {
    const page = check(await h.req('POST', `/crm/v3/objects/${type}/search`, { query, limit: 100 }), 200, searchPage);
    expect(page.total).toBe(page.results.length);
    return page.results.map((r) => r.id).sort();
  }

  it('calls: the title and the plain text of the notes, by word or word prefix, not phone numbers or markup', async () => {
    const call = await createCall(h, {
      hs_call_title: 'Quarterly review with Alexander',
      hs_call_body: '<p>Spoke with <strong>Grace</strong> about the <a href="https://pricing.example.com">renewal</a>.</p>',
      hs_call_to_number: '+16175550123',
      hs_call_from_number: '+14155559876',
    });
    for (const q of ['quarterly', 'QUART', 'alexander', 'grace', 'renewal', 'review grace']) expect(await ids('calls', q), q).toEqual([call.id]);
    // not inside a word, not the phone numbers, not tags, attributes or the link's address
    for (const q of ['ander', '555', '6175550123', '+16175550123', '0123', 'strong', 'href', 'pricing', 'example', 'review zebra']) {
      expect(await ids('calls', q), q).toEqual([]);
    }
  });

  it('contacts, companies, deals and tickets: their default searchable properties, not others', async () => {
    const contact = await createObject(h, 'contacts', { firstname: 'Hedy', lastname: 'Lamarr', email: 'hedy.lamarr@frequency.example.com', jobtitle: 'Inventor' });
    expect(await ids('contacts', 'lamarr')).toEqual([contact.id]);
    expect(await ids('contacts', 'hedy.lamarr@frequency.example.com')).toEqual([contact.id]);
    expect(await ids('contacts', 'frequency')).toEqual([contact.id]);
    expect(await ids('contacts', 'amarr')).toEqual([]); // inside a word
    expect(await ids('contacts', 'inventor')).toEqual([]); // jobtitle is not a default searchable property
    const company = await createObject(h, 'companies', { name: 'Zeppelin Works', domain: 'zeppelin.example.com', city: 'Friedrichshafen' });
    expect(await ids('companies', 'zeppelin')).toEqual([company.id]);
    expect(await ids('companies', 'friedrichshafen')).toEqual([]);
    const deal = await createObject(h, 'deals', { dealname: 'Hovercraft fleet', amount: '4242' });
    expect(await ids('deals', 'hovercraft')).toEqual([deal.id]);
    expect(await ids('deals', '4242')).toEqual([]);
    const ticket = await createObject(h, 'tickets', { subject: 'Periscope jammed', content: 'Stuck since Tuesday', hs_ticket_priority: 'URGENT' });
    expect(await ids('tickets', 'periscope tuesday')).toEqual([ticket.id]);
    expect(await ids('tickets', 'urgent')).toEqual([]);
  });

  it('hs_body_preview: HubSpot computes it from the notes on every write; reads return it; writes of it are refused', async () => {
    const call = await createCall(h, { hs_call_body: '<p>Q&amp;A with <em>Ada</em>&nbsp;&#8212; next&nbsp;steps</p><ul><li>one</li><li>two</li></ul>' });
    const read = await getObject(h, 'calls', call.id, { properties: 'hs_body_preview' });
    expect(read.properties.hs_body_preview).toBe('Q&A with Ada \u2014 next steps one two');

    check(await h.req('PATCH', `/crm/v3/objects/calls/${call.id}`, { properties: { hs_call_body: `<div>${'x'.repeat(10_050)}</div>` } }), 200, hubSpotObject);
    expect((await getObject(h, 'calls', call.id, { properties: 'hs_body_preview' })).properties.hs_body_preview).toBe('x'.repeat(10_000));

    check(await h.req('PATCH', `/crm/v3/objects/calls/${call.id}`, { properties: { hs_call_body: '' } }), 200, hubSpotObject);
    expect((await getObject(h, 'calls', call.id, { properties: 'hs_body_preview' })).properties.hs_body_preview).toBeUndefined();

    for (const res of [
      await h.req('PATCH', `/crm/v3/objects/calls/${call.id}`, { properties: { hs_body_preview: 'mine' } }),
      await h.req('POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: String(NOW), hs_body_preview: 'mine' } }),
    ]) {
      expect(checkValidation(res, 'hs_body_preview').errors?.[0]?.code).toBe('READ_ONLY_VALUE');
    }
    const page = check(
      await h.req('POST', '/crm/v3/objects/calls/search', {
        filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: call.id }] }],
        properties: ['hs_body_preview', 'hs_call_body'],
      }),
      200,
      searchPage,
    );
    expect(page.results[0]?.properties.hs_body_preview).toBeUndefined();
  });
});

describe('a database from before the search rules changed', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mock-search-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gets hs_body_preview and word search on open', async () => {
    const file = path.join(dir, 'old.sqlite');
    const clock = fixedClock(NOW);
    const first = openMockDb({ file, seed: 'empty', clock });
    const app = createMockApp({ db: first, clock });
    const created = await send(app, 'POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: String(NOW), hs_call_title: 'Legacy', hs_call_body: '<b>Migrated</b> notes' } });
    const id = String((created.body as { id: string }).id);
    // what schema version 8 stored: no preview, the raw lower-cased text of the old searchable properties
    first.sqlite.exec(`UPDATE objects SET props = json_remove(props, '$.hs_body_preview'), search = 'legacy' || char(10) || '<b>migrated</b> notes'`);
    first.sqlite.pragma('user_version = 8');
    first.close();

    const db = openMockDb({ file, clock });
    try {
      const again = createMockApp({ db, clock });
      const read = await send(again, 'GET', `/crm/v3/objects/calls/${id}?properties=hs_body_preview`);
      expect((read.body as { properties: Record<string, string> }).properties.hs_body_preview).toBe('Migrated notes');
      const found = await send(again, 'POST', '/crm/v3/objects/calls/search', { query: 'migrated' });
      expect((found.body as { total: number }).total).toBe(1);
      const tag = await send(again, 'POST', '/crm/v3/objects/calls/search', { query: 'b' });
      expect((tag.body as { total: number }).total).toBe(0);
    } finally {
      db.close();
    }
  });
});
