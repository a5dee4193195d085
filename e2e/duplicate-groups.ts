/**
 * The probable duplicates as the e2e specs check them: a scan started from the page, the groups of the last scan
 * (our server's API), and a group's calls as HubSpot has them (read back through the proxy).
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, type HubSpotApi } from './fixtures';

export const MERGED = [
  'hs_call_title',
  'hs_call_body',
  'hs_call_disposition',
  'hs_call_duration',
  'hs_call_recording_url',
  'hubspot_owner_id',
  'hs_call_status',
  'hs_call_direction',
  'hs_call_from_number',
  'hs_call_to_number',
] as const;
export const TYPES = ['contacts', 'companies', 'deals', 'tickets'] as const;

export interface Call {
  id: string;
  properties: Record<string, string | null | undefined>;
  records: Record<(typeof TYPES)[number], string[]>;
}

/** A value that counts as data (as the app counts it): not empty, not a 0 s duration, notes with text. */
export const hasValue = (name: string, v: string | null | undefined) => {
  const s = (v ?? '').trim();
  if (name === 'hs_call_duration') return s !== '' && Number(s) !== 0;
  if (name === 'hs_call_body') return s.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim() !== '';
  return s !== '';
};

/** A call as HubSpot has it now, with its records; null when it is deleted (404). */
export async function readCall(api: HubSpotApi, id: string): Promise<Call | null> {
  const res = await api.request<{ properties: Record<string, string | null> }>('GET', `${api.paths.object('calls', id)}?properties=${MERGED.join(',')}`);
  if (res.status === 404) return null;
  expect(res.status, `GET call ${id}`).toBe(200);
  const records = {} as Call['records'];
  for (const type of TYPES) {
    const a = await api.request<{ results: { to: { toObjectId: string | number }[] }[] }>('POST', api.paths.associationBatchRead('calls', type), { inputs: [{ id }] });
    expect(a.status, `associations of call ${id} to ${type}`).toBe(200);
    records[type] = [...new Set(a.body.results.flatMap((r) => r.to.map((t) => String(t.toObjectId))))].sort();
  }
  return { id, properties: res.body.properties, records };
}

/** The duplicates queue's groups of call ids, from the last scan. */
export async function duplicateGroups(request: APIRequestContext): Promise<string[][]> {
  const res = await request.get('/api/hygiene/queues/duplicates/calls');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { groups: string[][] }).groups;
}

/** Starts a scan of every call on Needs attention (Scan now, or Full scan after one) and waits until the page says one finished. */
