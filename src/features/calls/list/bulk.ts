/**
 * The list's bulk actions as journaled changes (src/features/journal): each call's value before (its outcome, or
 * "not deleted") and after are written to our server's journal first, so the change can be undone from the
 * journal, then applied in HubSpot's batches.
 */
import { chunk } from '../../../api/batch-runner';
import { batchReadCalls } from '../../../api/calls';
import { callCount } from '../../../lib/counts';
import { ARCHIVED, type JournaledChange } from '../../journal';

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

/** "Outcome → Connected on 12 calls": each call from its outcome before to `outcome`. */
export function outcomeChange(before: ReadonlyMap<string, string | null>, outcome: string, outcomeLabel: string): JournaledChange {
  return {
    kind: 'outcome',
    summary: `Outcome → ${outcomeLabel || outcome} on ${callCount(before.size)}`,
    changes: [...before].map(([callId, was]) => ({ callId, before: { [OUTCOME]: was }, after: { [OUTCOME]: outcome } })),
  };
}

/** "Deleted 12 calls": each call to HubSpot's recycling bin. */
export function deleteChange(ids: readonly string[]): JournaledChange {
  return {
    kind: 'archive',
    summary: `Deleted ${callCount(ids.length)}`,
    changes: ids.map((callId) => ({ callId, before: { [ARCHIVED]: 'false' }, after: { [ARCHIVED]: 'true' } })),
  };
}
