/**
 * One property of calls read by id (HubSpot's batch read, 100 a request): what a fix records as each call's value
 * before it changes it. Reads by id are immediate, unlike search, which lags behind writes. Calls HubSpot does not
 * find (deleted since) are absent from the answer.
 */
import { batchReadCalls } from '../../api/calls';

const IDS_PER_READ = 100;

export async function readCallValues(ids: readonly string[], property: string, signal?: AbortSignal): Promise<Map<string, string | null>> {
  const values = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += IDS_PER_READ) {
    const res = await batchReadCalls(ids.slice(i, i + IDS_PER_READ), [property], signal);
    for (const call of res.results) values.set(call.id, call.properties[property] || null);
  }
  return values;
}
