import { beforeAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../app';
import { fixedClock } from '../clock';
import { openMockDb } from '../store/index';
import { check, check204, checkError, checkValidation, createCall, getObject, NOW, parse, send, useHarness, walkList, type Harness, type Res } from './helpers';
import { errorBody, hubSpotObject, listPage, searchPage } from './schemas';

async function snapshot(h: Harness): Promise<string> {
  const ids = (await walkList(h, 'calls', 100)).flat();
  const search = check(await h.req('POST', '/crm/v3/objects/calls/search', { limit: 1 }), 200, searchPage);
  return JSON.stringify({ ids, total: search.total });
}

describe('validation errors: 400 with HubSpot’s body, naming the property, writing nothing', () => {
  const h = useHarness();
  let existing: string;
  let before: string;
  beforeAll(async () => {
    existing = (await createCall(h, { hs_call_title: 'Original', hs_call_duration: '1000', hs_call_status: 'COMPLETED' })).id;
    before = await snapshot(h);
  });

  async function expectUnchanged(): Promise<void> {
    expect(await snapshot(h)).toBe(before);
    const read = await getObject(h, 'calls', existing, {
      properties: ['hs_call_title', 'hs_call_duration', 'hs_call_status', 'hs_lastmodifieddate'],
      propertiesWithHistory: 'hs_call_title',
    });
    expect(read.properties.hs_call_title).toBe('Original');
    expect(read.properties.hs_call_duration).toBe('1000');
    expect(read.properties.hs_call_status).toBe('COMPLETED');
    expect(read.updatedAt).toBe(new Date(NOW).toISOString());
    expect(read.propertiesWithHistory?.hs_call_title?.map((v) => v.value)).toEqual(['Original']);
  }

  const create = (properties: Record<string, string>): Promise<Res> =>
    h.req('POST', '/crm/v3/objects/calls', { properties, associations: [] });
  const patch = (properties: Record<string, string>): Promise<Res> =>
    h.req('PATCH', `/crm/v3/objects/calls/${existing}`, { properties });

  it('rejects a create without hs_timestamp', async () => {
    checkValidation(await create({ hs_call_title: 'No timestamp' }), 'hs_timestamp');
    await expectUnchanged();
  });

  it('rejects an hs_timestamp that is neither ISO nor epoch milliseconds', async () => {
    checkValidation(await create({ hs_timestamp: 'yesterday at noon' }), 'hs_timestamp');
    checkValidation(await patch({ hs_timestamp: 'soon' }), 'hs_timestamp');
    await expectUnchanged();
  });

  it('rejects an unknown property on create and on update', async () => {
    checkValidation(await create({ hs_timestamp: String(NOW), not_a_real_property: 'x' }), 'not_a_real_property');
    checkValidation(await patch({ hs_call_title: 'Changed', not_a_real_property: 'x' }), 'not_a_real_property');
    await expectUnchanged();
  });

  it.each(['hs_object_id', 'hs_createdate', 'hs_lastmodifieddate'])('rejects the read-only property %s', async (name) => {
    checkValidation(await create({ hs_timestamp: String(NOW), [name]: '12345' }), name);
    checkValidation(await patch({ hs_call_title: 'Changed', [name]: '12345' }), name);
    await expectUnchanged();
  });

  it.each([
    ['hs_call_status', 'NOT_A_STATUS'],
    ['hs_call_direction', 'SIDEWAYS'],
    ['hs_call_status', 'completed'],
    ['hs_call_disposition', '00000000-0000-4000-8000-000000000000'],
  ])('rejects %s=%s, a value not among the property’s options', async (name, value) => {
    checkValidation(await create({ hs_timestamp: String(NOW), [name]: value }), name);
    checkValidation(await patch({ hs_call_title: 'Changed', [name]: value }), name);
    await expectUnchanged();
  });

  it.each(['abc', '1:02:03', '12ms'])('rejects a non-numeric hs_call_duration %j', async (value) => {
    checkValidation(await create({ hs_timestamp: String(NOW), hs_call_duration: value }), 'hs_call_duration');
    checkValidation(await patch({ hs_call_title: 'Changed', hs_call_duration: value }), 'hs_call_duration');
    await expectUnchanged();
  });

  it.each(['http://recordings.example.com/a.mp3', 'ftp://recordings.example.com/a.mp3', 'javascript:alert(1)', 'not a url'])(
    'rejects the non-https recording URL %j',
    async (value) => {
      checkValidation(await create({ hs_timestamp: String(NOW), hs_call_recording_url: value }), 'hs_call_recording_url');
      checkValidation(await patch({ hs_call_title: 'Changed', hs_call_recording_url: value }), 'hs_call_recording_url');
      await expectUnchanged();
    },
  );

  it('accepts an https recording URL', async () => {
    const c = await createCall(h, { hs_call_recording_url: 'https://recordings.example.com/a.mp3' });
    expect(c.properties.hs_call_recording_url).toBe('https://recordings.example.com/a.mp3');
    check204(await h.req('DELETE', `/crm/v3/objects/calls/${c.id}`));
  });

  it('answers malformed JSON with 400', async () => {
    checkError(await h.req('POST', '/crm/v3/objects/calls', '{"properties": {"hs_timestamp": '), 400);
    checkError(await h.req('PATCH', `/crm/v3/objects/calls/${existing}`, '{not json'), 400);
    checkError(await h.req('POST', '/crm/v3/objects/calls/search', '[1,2'), 400);
    checkError(await h.req('POST', '/crm/v3/objects/calls/batch/read', 'nope'), 400);
    await expectUnchanged();
  });

  it('answers bodies of the wrong shape with 400', async () => {
    checkError(await h.req('POST', '/crm/v3/objects/calls', 'null'), 400);
    checkError(await h.req('POST', '/crm/v3/objects/calls', '[]'), 400);
    checkError(await h.req('POST', '/crm/v3/objects/calls', { properties: 'hs_timestamp' }), 400);
    checkError(await h.req('PATCH', `/crm/v3/objects/calls/${existing}`, { properties: ['x'] }), 400);
    checkError(await h.req('PATCH', `/crm/v3/objects/calls/${existing}`, '"text"'), 400);
    await expectUnchanged();
  });

  it('answers a body over the size limit with 413', async () => {
    const huge = JSON.stringify({ properties: { hs_timestamp: String(NOW), hs_call_body: 'x'.repeat(20 * 1024 * 1024) }, associations: [] });
    const res = await h.req('POST', '/crm/v3/objects/calls', huge);
    checkError(res, 413);
    await expectUnchanged();
  });

  it('404s an unknown route with an error body', async () => {
    checkError(await h.req('GET', '/crm/v3/no-such-thing'), 404);
    checkError(await h.req('GET', '/crm/v3/objects/calls/1/not-a-subresource/at-all'), 404);
    checkError(await h.req('POST', '/totally/unknown', { a: 1 }), 404);
    const widgets = await h.req('GET', '/crm/v3/objects/widgets');
    expect([400, 404]).toContain(widgets.status);
    checkError(widgets, widgets.status);
    await expectUnchanged();
  });

  it('never answers 500 to odd input', async () => {
    const odd: [string, string, unknown][] = [
      ['GET', '/crm/v3/objects/calls?limit=abc', undefined],
      ['GET', '/crm/v3/objects/calls?limit=-5', undefined],
      ['GET', '/crm/v3/objects/calls?after=%00%ff', undefined],
      ['GET', `/crm/v3/objects/calls/${encodeURIComponent("1' OR '1'='1")}`, undefined],
      ['GET', '/crm/v3/objects/calls/%E2%82%AC', undefined],
      ['PATCH', `/crm/v3/objects/calls/${existing}`, { properties: { hs_call_title: { nested: true } } }],
      ['POST', '/crm/v3/objects/calls/search', { filterGroups: 'x' }],
      ['POST', '/crm/v3/objects/calls/search', { filterGroups: [{ filters: [{ propertyName: 'hs_call_title', operator: 'LIKE', value: 'x' }] }] }],
      ['POST', '/crm/v3/objects/calls/search', { sorts: [{ propertyName: "x'); DROP TABLE objects; --", direction: 'ASCENDING' }] }],
      ['POST', '/crm/v3/objects/calls/batch/read', { inputs: 'x' }],
      ['POST', '/crm/v3/objects/calls/batch/update', { inputs: [{}] }],
      ['PUT', `/crm/v4/objects/calls/${existing}/associations/contacts/1`, { not: 'an array' }],
    ];
    for (const [method, path, body] of odd) {
      const res = await h.req(method, path, body);
      expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(500);
      if (res.status >= 400) checkError(res, res.status);
    }
    await expectUnchanged();
  });
});

describe('authentication', () => {
  const h = useHarness();

  it('401s a request without a bearer token, with HubSpot’s body and nothing written', async () => {
    const res = await h.app.request('http://mock.test/crm/v3/objects/calls', { method: 'GET' });
    const r: Res = { status: res.status, headers: res.headers, text: await res.text(), body: undefined };
    r.body = JSON.parse(r.text);
    checkError(r, 401, 'INVALID_AUTHENTICATION');
    const post = await h.app.request('http://mock.test/crm/v3/objects/calls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { hs_timestamp: String(NOW) }, associations: [] }),
    });
    expect(post.status).toBe(401);
    expect(parse(errorBody, await post.json()).category).toBe('INVALID_AUTHENTICATION');
    const list = check(await h.req('POST', '/crm/v3/objects/calls/search', {}), 200, searchPage);
    expect(list.total).toBe(0);
  });

  it('401s the wrong token and an empty bearer', async () => {
    checkError(await h.req('GET', '/crm/v3/objects/calls', undefined, { authorization: 'Bearer wrong-token' }), 401, 'INVALID_AUTHENTICATION');
    checkError(await h.req('GET', '/crm/v3/objects/calls', undefined, { authorization: 'Bearer ' }), 401, 'INVALID_AUTHENTICATION');
    checkError(await h.req('GET', '/crm/v3/objects/calls', undefined, { authorization: 'Basic dXNlcjpwYXNz' }), 401, 'INVALID_AUTHENTICATION');
    checkError(await h.req('POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: String(NOW) } }, { authorization: 'Bearer nope' }), 401);
    const list = check(await h.req('POST', '/crm/v3/objects/calls/search', {}), 200, searchPage);
    expect(list.total).toBe(0);
  });

  it('accepts any non-empty bearer token when none is configured', async () => {
    const db = openMockDb({ file: ':memory:', seed: 'empty', clock: fixedClock(NOW) });
    try {
      const app = createMockApp({ db, clock: fixedClock(NOW) });
      const res = await send(app, 'GET', '/crm/v3/objects/calls', undefined, { authorization: 'Bearer anything-at-all' });
      check(res, 200, listPage);
      const created = await send(app, 'POST', '/crm/v3/objects/calls', { properties: { hs_timestamp: String(NOW) }, associations: [] }, {
        authorization: 'Bearer another-one',
      });
      check(created, 201, hubSpotObject);
      const none = await app.request('http://mock.test/crm/v3/objects/calls');
      expect(none.status).toBe(401);
    } finally {
      db.close();
    }
  });
});
