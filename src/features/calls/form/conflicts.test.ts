import { describe, expect, it } from 'vitest';
import { changedProperties, propertiesToFormValues } from './call-form-mapping';
import { changedSince, conflictRows, defaultChoices, resolveConflict } from './conflicts';

const base = {
  updatedAt: '2026-11-24T08:00:00.000Z',
  properties: {
    hs_call_title: 'Intro',
    hs_timestamp: '2026-11-20T10:00:00.000Z',
    hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
    hs_call_duration: '60000',
    hs_call_status: 'COMPLETED',
    hs_lastmodifieddate: '2026-11-24T08:00:00.000Z',
  },
};
const fresh = {
  updatedAt: '2026-11-24T08:05:00.000Z',
  properties: {
    ...base.properties,
    hs_call_title: 'Intro (renamed in HubSpot)',
    hs_call_status: 'NO_ANSWER',
    hs_lastmodifieddate: '2026-11-24T08:05:00.000Z',
  },
};

describe('conflict detection', () => {
  const initial = propertiesToFormValues(base.properties, 'UTC');

  it('notices a change by updatedAt or hs_lastmodifieddate', () => {
    expect(changedSince(base, base)).toBe(false);
    expect(changedSince(base, fresh)).toBe(true);
    expect(changedSince(base, { ...base, properties: { ...base.properties, hs_lastmodifieddate: 'x' } })).toBe(true);
  });

  it('lists the form properties HubSpot changed, with your value and whether you changed it', () => {
    const mine = { ...initial, title: 'Intro call', duration: '2:00' };
    const rows = conflictRows(base.properties, fresh.properties, initial, mine);
    expect(rows).toEqual([
      { field: 'title', property: 'hs_call_title', server: 'Intro (renamed in HubSpot)', mine: 'Intro call', youChanged: true },
      { field: 'status', property: 'hs_call_status', server: 'NO_ANSWER', mine: 'COMPLETED', youChanged: false },
    ]);
    expect(defaultChoices(rows)).toEqual({ title: 'mine', status: 'theirs' });
  });

  it('saves your changes plus the choices, against the fresh values', () => {
    const mine = { ...initial, title: 'Intro call', duration: '2:00' };
    const freshValues = propertiesToFormValues(fresh.properties, 'UTC');
    const keepMine = resolveConflict(mine, freshValues, { title: 'mine', status: 'theirs' });
    expect(changedProperties(freshValues, keepMine)).toEqual({ hs_call_title: 'Intro call', hs_call_duration: '120000' });

    const takeTheirs = resolveConflict(mine, freshValues, { title: 'theirs', status: 'theirs' });
    expect(changedProperties(freshValues, takeTheirs)).toEqual({ hs_call_duration: '120000' });

    const overwrite = resolveConflict(mine, freshValues, { title: 'mine', status: 'mine' });
    expect(changedProperties(freshValues, overwrite)).toEqual({
      hs_call_title: 'Intro call',
      hs_call_status: 'COMPLETED',
      hs_call_duration: '120000',
    });
  });
});
