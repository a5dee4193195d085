/**
 * The read cache (routes/cache.ts) is the mock's one piece of speed machinery; computing every answer
 * (`readCache: false`) is the reference. Two apps on the same database, one with the cache and one
 * without, must answer every read alike, before and after each kind of write.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../app';
import { fixedClock } from '../clock';
import { openMockDb } from '../store/index';
import { AUTH, NOW } from './helpers';

const clock = fixedClock(NOW);
const db = openMockDb({ file: ':memory:', seed: 'demo', seedCalls: 300, clock });
const cached = createMockApp({ db, clock });
const plain = createMockApp({ db, clock, readCache: false });
afterAll(() => db.close());

const json = { ...AUTH, 'content-type': 'application/json' };
const PROPS = 'hs_timestamp,hs_call_title,hs_call_direction,hs_call_disposition,hs_call_duration';

interface Read {
  path: string;
  body?: unknown;
}

async function answer(app: typeof plain, r: Read): Promise<string> {
  const res = await app.request(r.path, r.body === undefined ? { headers: AUTH } : { method: 'POST', headers: json, body: JSON.stringify(r.body) });
  // a correlation id is new on every answer
  return `${res.status} ${(await res.text()).replace(/"correlationId":"[^"]*"/, '"correlationId":"…"')}`;
}

/** The reads compared: list pages, reads by id (with history and associations), searches. */
async function reads(callId: string): Promise<Read[]> {
  const first = JSON.parse((await answer(plain, { path: `/crm/v3/objects/calls?limit=100&properties=${PROPS}` })).slice(4)) as {
    paging?: { next: { after: string } };
  };
  const after = first.paging?.next.after ?? '';
  return [
    { path: `/crm/v3/objects/calls?limit=100&properties=${PROPS}` },
    { path: `/crm/v3/objects/calls?limit=100&properties=${PROPS}&after=${after}` },
    { path: `/crm/v3/objects/calls?limit=5&archived=true` },
    { path: `/crm/v3/objects/calls/${callId}?properties=${PROPS}&propertiesWithHistory=hs_call_title&associations=contacts` },
    { path: '/crm/v3/objects/calls/999999999' },
    {
      path: '/crm/v3/objects/calls/search',
      body: {
        filterGroups: [{ filters: [{ propertyName: 'hs_call_direction', operator: 'EQ', value: 'OUTBOUND' }] }],
        sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
        properties: PROPS.split(','),
        limit: 100,
      },
    },
    { path: '/crm/v3/objects/calls/search', body: { query: 'renamed', properties: ['hs_call_title'], limit: 10 } },
  ];
}

async function expectSameAnswers(callId: string): Promise<void> {
  for (const r of await reads(callId)) {
    const reference = await answer(plain, r);
    // the second cached answer is the one served from the cache
    await answer(cached, r);
    expect(await answer(cached, r), r.path).toBe(reference);
  }
}

describe('cached reads', () => {
  it('answer exactly what computed reads answer, before and after every kind of write', async () => {
    const created = await cached.request('/crm/v3/objects/calls', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ properties: { hs_timestamp: new Date(NOW).toISOString(), hs_call_title: 'first', hs_call_direction: 'OUTBOUND' } }),
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    const contacts = (await (await plain.request('/crm/v3/objects/contacts?limit=1', { headers: AUTH })).json()) as { results: { id: string }[] };
    const contactId = contacts.results[0]?.id ?? '';
    await expectSameAnswers(id);

    const writes: (() => Response | Promise<Response>)[] = [
      () => cached.request(`/crm/v3/objects/calls/${id}`, { method: 'PATCH', headers: json, body: JSON.stringify({ properties: { hs_call_title: 'renamed' } }) }),
      () => plain.request(`/crm/v4/objects/calls/${id}/associations/default/contacts/${contactId}`, { method: 'PUT', headers: AUTH }),
      () => plain.request('/crm/v3/objects/calls/batch/update', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ inputs: [{ id, properties: { hs_call_direction: 'INBOUND' } }] }),
      }),
      () => cached.request(`/crm/v3/objects/calls/${id}`, { method: 'DELETE', headers: AUTH }),
    ];
    for (const write of writes) {
      expect((await write()).status).toBeLessThan(300);
      await expectSameAnswers(id);
    }
  });
});
