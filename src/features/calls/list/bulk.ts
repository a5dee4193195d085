/**
 * What the list's bulk outcome change journals as each call's value before: its outcome now.
 */
import { chunk } from '../../../api/batch-runner';
import { batchReadCalls } from '../../../api/calls';

const OUTCOME = 'hs_call_disposition';
const READS_PER_REQUEST = 100;

/**
 * Each call's outcome now: from `known` (what the list has of it), the others read with the calls batch read,
 * 100 per request. A call HubSpot no longer has gets no value (its change then fails and is reported as such).
 */
export async function currentOutcomes(ids: readonly string[], known: ReadonlyMap<string, string | null> = new Map(), signal?: AbortSignal): Promise<Map<string, string | null>> {
  const outcomes = new Map<string, string | null>();
  const unknown = ids.filter((id) => {
    if (!known.has(id)) return true;
    outcomes.set(id, known.get(id) ?? null);
    return false;
  });
  for (const part of chunk(unknown, READS_PER_REQUEST)) {
    const res = await batchReadCalls(part, [OUTCOME], signal);
    for (const call of res.results) outcomes.set(call.id, call.properties[OUTCOME] ?? null);
  }
  for (const id of unknown) if (!outcomes.has(id)) outcomes.set(id, null);
  return outcomes;
}
