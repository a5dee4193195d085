/** The proposed keeper ("most data") and what keeping a call of a duplicates group copies, adds and deletes. */
import { describe, expect, it } from 'vitest';
import { dataScore, hasValue, packChanges, planMerge, proposedKeeper, rankByData, type GroupCall } from './duplicate-merge';

const none = { contacts: [], companies: [], deals: [], tickets: [] };
const call = (id: string, properties: GroupCall['properties'], more: Partial<Omit<GroupCall, 'id' | 'properties'>> = {}): GroupCall => ({
  id,
  properties,
  createdAt: '2026-11-02T10:00:00.000Z',
  ...more,
  associations: { ...none, ...more.associations },
});

describe('most data', () => {
  it('counts a value only when it says something: no 0 s duration, no empty notes', () => {
    expect(hasValue('hs_call_duration', '0')).toBe(false);
    expect(hasValue('hs_call_duration', '61000')).toBe(true);
    expect(hasValue('hs_call_body', '<p> &nbsp;</p>')).toBe(false);
    expect(hasValue('hs_call_body', '<p>Asked for a quote</p>')).toBe(true);
    expect(hasValue('hs_call_title', '  ')).toBe(false);
    expect(hasValue('hubspot_owner_id', null)).toBe(false);
    expect(dataScore(call('1', { hs_call_title: 'A', hs_call_duration: '0', hs_call_body: '' }, { associations: { ...none, contacts: ['7'], deals: ['9'] } }))).toEqual({
      values: 1,
      records: 2,
    });
  });

  it('proposes the call with the most values, then the most records, then the oldest, then the lowest id', () => {
    const rich = call('30', { hs_call_title: 'A', hs_call_body: 'Notes', hs_call_disposition: 'x' });
    const onMore = call('20', { hs_call_title: 'A', hs_call_body: 'Notes' }, { associations: { ...none, contacts: ['1', '2'] } });
    const older = call('21', { hs_call_title: 'A', hs_call_body: 'Notes' }, { createdAt: '2026-11-01T10:00:00.000Z', associations: { ...none, contacts: ['1'] } });
    const newer = call('22', { hs_call_title: 'A', hs_call_body: 'Notes' }, { associations: { ...none, contacts: ['1'] } });
    const twin = call('23', { hs_call_title: 'A', hs_call_body: 'Notes' }, { associations: { ...none, contacts: ['1'] } });
    expect(rankByData([twin, newer, older, onMore, rich]).map((c) => c.id)).toEqual(['30', '20', '21', '22', '23']);
    expect(proposedKeeper([newer, twin])).toBe('22');
    expect(proposedKeeper([])).toBeUndefined();
  });
});

describe('the merge', () => {
  const original = call(
    '100',
    { hs_call_title: 'Pricing with Ada', hs_call_body: '<p>Wants a quote</p>', hs_call_disposition: 'connected', hs_call_duration: '125000', hubspot_owner_id: '7' },
    { associations: { ...none, contacts: ['1'], companies: ['50'] } },
  );
  const copy = call('101', { hs_call_title: 'Call with +16175550100', hs_call_body: '', hs_call_duration: '0', hubspot_owner_id: '7' }, { associations: { ...none, contacts: ['1'] } });
  const bare = call('102', { hs_call_title: 'Call with +16175550100', hs_call_recording_url: 'https://rec.example/1.mp3' }, { associations: { ...none, deals: ['9'] } });

  it('keeps the proposed call: copies only what it lacks, adds the others’ records, deletes the others, the kept call first', () => {
    const plan = planMerge([copy, bare, original], '100');
    expect(plan.copied).toEqual([{ name: 'hs_call_recording_url', value: 'https://rec.example/1.mp3', fromId: '102' }]);
    expect(plan.added).toEqual({ deals: ['9'] });
    expect(plan.archived.map((c) => c.id)).toEqual(['101', '102']);
    expect(plan.changes).toEqual([
      { callId: '100', before: { hs_call_recording_url: null, deals: [] }, after: { hs_call_recording_url: 'https://rec.example/1.mp3', deals: ['9'] } },
      { callId: '101', before: { archived: 'false' }, after: { archived: 'true' } },
      { callId: '102', before: { archived: 'false' }, after: { archived: 'true' } },
    ]);
  });

  it('keeps another call when asked: each missing value from the call with the most data that has it, the 0 s duration replaced', () => {
    const plan = planMerge([original, copy, bare], '101');
    expect(plan.copied).toEqual([
      { name: 'hs_call_body', value: '<p>Wants a quote</p>', fromId: '100' },
      { name: 'hs_call_disposition', value: 'connected', fromId: '100' },
      { name: 'hs_call_duration', value: '125000', fromId: '100' },
      { name: 'hs_call_recording_url', value: 'https://rec.example/1.mp3', fromId: '102' },
    ]);
    expect(plan.added).toEqual({ companies: ['50'], deals: ['9'] });
    expect(plan.changes[0]).toEqual({
      callId: '101',
      before: { hs_call_body: '', hs_call_disposition: null, hs_call_duration: '0', hs_call_recording_url: null, companies: [], deals: [] },
      after: { hs_call_body: '<p>Wants a quote</p>', hs_call_disposition: 'connected', hs_call_duration: '125000', hs_call_recording_url: 'https://rec.example/1.mp3', companies: ['50'], deals: ['9'] },
    });
    expect(plan.changes.slice(1).map((c) => c.callId)).toEqual(['100', '102']);
  });

  it('journals only the deletions when the kept call already has everything', () => {
    const plan = planMerge([original, call('103', { hs_call_title: 'Again' }, { associations: { ...none, contacts: ['1'] } })], '100');
    expect(plan.copied).toEqual([]);
    expect(plan.added).toEqual({});
    expect(plan.changes).toEqual([{ callId: '103', before: { archived: 'false' }, after: { archived: 'true' } }]);
  });

  it('refuses a keeper outside the group', () => {
    expect(() => planMerge([original, copy], '999')).toThrow(/not in the group/);
  });
});

describe('many groups at once', () => {
  const group = (first: number, size: number) =>
    Array.from({ length: size }, (_, k) => call(String(first + k), k === 0 ? { hs_call_title: 'Full', hs_call_body: 'Notes' } : { hs_call_title: 'Copy' }, { associations: { ...none, contacts: [String(first + k)] } }));
  const planOf = (calls: GroupCall[]) => planMerge(calls, proposedKeeper(calls) ?? '');

  it('packs whole groups into runs of at most the batch size, each kept call before its group’s deletions', () => {
    const plans = [planOf(group(1, 3)), planOf(group(10, 2)), planOf(group(20, 3)), planOf(group(30, 5))];
    const runs = packChanges(plans, 5);
    expect(runs.map((r) => r.map((c) => c.callId))).toEqual([
      ['1', '2', '3', '10', '11'],
      ['20', '21', '22'],
      ['30', '31', '32', '33', '34'],
    ]);
    expect(runs[0]?.[0]).toMatchObject({ callId: '1', after: { contacts: ['1', '2', '3'] } });
    expect(runs[0]?.[1]).toMatchObject({ callId: '2', after: { archived: 'true' } });
  });

  it('leaves out a group larger than a batch', () => {
    expect(packChanges([planOf(group(1, 4)), planOf(group(10, 2))], 3).map((r) => r.map((c) => c.callId))).toEqual([['10', '11']]);
  });
});
