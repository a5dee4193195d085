import { describe, expect, it } from 'vitest';
import { assertSpec, hasSpecs, type SpecFile } from './spec';
import { check, check204, checkError, checkValidation, createCall, getObject, NOW, useHarness, type Harness } from './helpers';
import { transcript, transcriptCreated } from './schemas';

/** The families of transcript paths; 2026-03 has no spec in ../shared, so it is checked against 2026-09's. */
const FAMILIES: { base: string; file: SpecFile; specBase: string }[] = [
  { base: '/crm/v3/extensions/calling/transcripts', file: 'transcriptions.v3.json', specBase: '/crm/v3/extensions/calling/transcripts' },
  { base: '/crm/extensions/calling/2026-09/transcripts', file: '2026-09/transcriptions.json', specBase: '/crm/extensions/calling/2026-09/transcripts' },
  { base: '/crm/extensions/calling/2026-03/transcripts', file: '2026-09/transcriptions.json', specBase: '/crm/extensions/calling/2026-09/transcripts' },
];
type Family = (typeof FAMILIES)[number];

const TRANSCRIPT_PROPERTIES = ['hs_call_has_transcript', 'hs_call_transcription_id'];

const utterances = [
  { speaker: { id: '11', name: 'Maya Patel', email: 'maya.patel@example.com' }, text: 'Hello. How are you?', languageCode: 'en-US', startTimeMillis: 1980, endTimeMillis: 2090 },
  { speaker: { id: '12', name: 'Ada Lovelace' }, text: 'Good, and you?', startTimeMillis: 2090, endTimeMillis: 3450 },
];

async function create(h: Harness, f: Family, body: unknown) {
  return check(await h.req('POST', f.base, body), 200, transcriptCreated, { file: f.file, method: 'post', path: f.specBase });
}

async function read(h: Harness, f: Family, id: string) {
  return check(await h.req('GET', `${f.base}/${id}`), 200, transcript, { file: f.file, method: 'get', path: `${f.specBase}/{transcriptId}` });
}

/** The call properties this account defines among hs_call_has_transcript / hs_call_transcription_id. */
async function definedTranscriptProperties(h: Harness): Promise<string[]> {
  const defined: string[] = [];
  for (const name of TRANSCRIPT_PROPERTIES) if ((await h.req('GET', `/crm/v3/properties/calls/${name}`)).status === 200) defined.push(name);
  return defined;
}

describe('transcripts API', () => {
  const h = useHarness();

  it.each(FAMILIES)('$base: create, read back exactly, delete, then 404', async (f) => {
    const call = await createCall(h, { hs_call_title: 'Transcribed call' });
    const { id } = await create(h, f, { engagementId: Number(call.id), transcriptCreateUtterances: utterances });
    const got = await read(h, f, id);
    expect(got).toEqual({
      id,
      engagementId: Number(call.id),
      transcriptSource: 'INTEGRATOR_GENERATED',
      transcriptUtterances: [
        { id: expect.stringMatching(/^\d+$/), ...utterances[0] },
        { id: expect.stringMatching(/^\d+$/), ...utterances[1] },
      ],
      createdAt: new Date(NOW).toISOString(),
      updatedAt: new Date(NOW).toISOString(),
    });
    expect(new Set(got.transcriptUtterances.map((u) => u.id)).size).toBe(2);

    const deleted = await h.req('DELETE', `${f.base}/${id}`);
    check204(deleted);
    for (const method of ['GET', 'DELETE']) {
      const gone = checkError(await h.req(method, `${f.base}/${id}`), 404, 'OBJECT_NOT_FOUND');
      expect(gone.message).toBe(`Transcript ${id} does not exist.`);
    }
  });

  it('serves one store under every family: created under v3, read under 2026-03 and 2026-09', async () => {
    const [v3, dated, older] = FAMILIES as [Family, Family, Family];
    const call = await createCall(h);
    const { id } = await create(h, v3, { engagementId: call.id, transcriptCreateUtterances: utterances.slice(0, 1) });
    const expected = await read(h, v3, id);
    expect(expected.engagementId).toBe(Number(call.id)); // a numeric string engagementId is taken, as HubSpot's JSON reader does
    expect(await read(h, dated, id)).toEqual(expected);
    expect(await read(h, older, id)).toEqual(expected);
  });

  it('takes a numeric speaker id (as HubSpot’s own example sends it) and answers it as a string', async () => {
    const call = await createCall(h);
    const f = FAMILIES[0] as Family;
    const { id } = await create(h, f, {
      engagementId: Number(call.id),
      transcriptCreateUtterances: [{ speaker: { id: 11, name: 'Speaker_NAME1' }, text: 'Hello.', startTimeMillis: 0, endTimeMillis: 900 }],
    });
    expect((await read(h, f, id)).transcriptUtterances[0]?.speaker).toEqual({ id: '11', name: 'Speaker_NAME1' });
  });

  it.each(['999999', 'abc', '0'])('answers 404 with HubSpot’s error body for transcript id %s', async (id) => {
    for (const f of FAMILIES) {
      const res = await h.req('GET', `${f.base}/${id}`);
      checkError(res, 404, 'OBJECT_NOT_FOUND');
      if (hasSpecs) assertSpec(f.file, 'get', `${f.specBase}/{transcriptId}`, 404, res.body);
    }
  });

  describe('refuses what HubSpot refuses, with a 400 naming the input, and stores nothing', () => {
    const f = FAMILIES[1] as Family;
    let callId = 0;
    const valid = () => ({ engagementId: callId, transcriptCreateUtterances: utterances });

    it('a call that does not exist, or was deleted', async () => {
      callId = Number((await createCall(h)).id);
      checkValidation(await h.req('POST', f.base, { ...valid(), engagementId: 987654321 }), 'engagementId');
      const deleted = await createCall(h);
      check204(await h.req('DELETE', `/crm/v3/objects/calls/${deleted.id}`));
      checkValidation(await h.req('POST', f.base, { ...valid(), engagementId: Number(deleted.id) }), 'engagementId');
    });

    it.each([
      ['engagementId missing', (b: Record<string, unknown>) => ({ transcriptCreateUtterances: b.transcriptCreateUtterances }), 'engagementId'],
      ['engagementId not a number', (b: Record<string, unknown>) => ({ ...b, engagementId: 'call-1' }), 'engagementId'],
      ['utterances missing', (b: Record<string, unknown>) => ({ engagementId: b.engagementId }), 'transcriptCreateUtterances'],
      ['no utterances', (b: Record<string, unknown>) => ({ ...b, transcriptCreateUtterances: [] }), 'transcriptCreateUtterances'],
      ['a speaker without a name', (b: Record<string, unknown>) => ({ ...b, transcriptCreateUtterances: [{ ...utterances[1], speaker: { id: '12' } }] }), 'transcriptCreateUtterances.0.speaker.name'],
      ['a negative start', (b: Record<string, unknown>) => ({ ...b, transcriptCreateUtterances: [{ ...utterances[1], startTimeMillis: -5 }] }), 'transcriptCreateUtterances.0.startTimeMillis'],
      ['an end before the start', (b: Record<string, unknown>) => ({ ...b, transcriptCreateUtterances: [utterances[0], { ...utterances[1], endTimeMillis: 2000 }] }), 'transcriptCreateUtterances.1.endTimeMillis'],
      ['an end equal to the start', (b: Record<string, unknown>) => ({ ...b, transcriptCreateUtterances: [{ ...utterances[1], endTimeMillis: 2090 }] }), 'transcriptCreateUtterances.0.endTimeMillis'],
      ['a time past int32 (2026-09 spec)', (b: Record<string, unknown>) => ({ ...b, transcriptCreateUtterances: [{ ...utterances[1], endTimeMillis: 2 ** 31 }] }), 'transcriptCreateUtterances.0.endTimeMillis'],
    ])('%s', async (_what, change, named) => {
      const before = await getObject(h, 'calls', String(callId), { properties: TRANSCRIPT_PROPERTIES });
      checkValidation(await h.req('POST', f.base, change(valid())), named);
      expect((await getObject(h, 'calls', String(callId), { properties: TRANSCRIPT_PROPERTIES })).updatedAt).toBe(before.updatedAt);
    });

    it('a body that is not JSON', async () => {
      const e = checkError(await h.req('POST', f.base, '{"engagementId": '), 400, 'VALIDATION_ERROR');
      expect(e.errors?.[0]?.code).toBe('INVALID_JSON');
    });
  });

  it('marks the call as having its transcript, where the account defines those properties', async () => {
    const defined = await definedTranscriptProperties(h);
    const f = FAMILIES[0] as Family;
    const call = await createCall(h);
    const { id } = await create(h, f, { engagementId: Number(call.id), transcriptCreateUtterances: utterances });
    const marked = (await getObject(h, 'calls', call.id, { properties: TRANSCRIPT_PROPERTIES })).properties;
    const expected = Object.fromEntries(
      Object.entries({ hs_call_has_transcript: 'true', hs_call_transcription_id: id }).filter(([name]) => defined.includes(name)),
    );
    // without a definition the mock invents no value
    expect(Object.fromEntries(TRANSCRIPT_PROPERTIES.flatMap((n) => (marked[n] === undefined ? [] : [[n, marked[n]]])))).toEqual(expected);
    check204(await h.req('DELETE', `${f.base}/${id}`));
    const after = (await getObject(h, 'calls', call.id, { properties: TRANSCRIPT_PROPERTIES })).properties;
    expect(after.hs_call_transcription_id).toBeUndefined();
  });
});

describe('demo transcripts', () => {
  const h = useHarness({ seed: 'demo' });
  const f = FAMILIES[1] as Family;

  it('some recorded demo calls have a transcript between their owner and contact, timed within the call', async () => {
    let found = 0;
    for (let id = 1; ; id++) {
      const res = await h.req('GET', `${f.base}/${id}`);
      if (res.status === 404) break;
      const t = check(res, 200, transcript, { file: f.file, method: 'get', path: `${f.specBase}/{transcriptId}` });
      found++;
      const call = await getObject(h, 'calls', String(t.engagementId), { properties: ['hs_call_recording_url', 'hs_call_duration'], associations: ['contacts'] });
      expect(call.properties.hs_call_recording_url).toMatch(/^https:\/\//);
      expect(t.transcriptUtterances.length).toBeGreaterThan(1);
      for (const u of t.transcriptUtterances) {
        expect(u.startTimeMillis).toBeLessThan(u.endTimeMillis);
        expect(u.endTimeMillis).toBeLessThanOrEqual(Number(call.properties.hs_call_duration));
        expect(u.text.length).toBeGreaterThan(0);
      }
      const contactId = call.associations?.contacts?.results[0]?.id;
      expect(t.transcriptUtterances.map((u) => u.speaker?.id)).toContain(contactId);
    }
    expect(found).toBeGreaterThanOrEqual(20);
  });

  it('a demo call names its transcript where the account defines the property', async () => {
    const defined = await definedTranscriptProperties(h);
    const t = await read(h, f, '1');
    const call = await getObject(h, 'calls', String(t.engagementId), { properties: TRANSCRIPT_PROPERTIES });
    expect(call.properties.hs_call_transcription_id).toBe(defined.includes('hs_call_transcription_id') ? '1' : undefined);
  });
});
