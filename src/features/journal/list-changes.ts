/**
 * The call list's bulk actions as journaled changes: each call's value before (its outcome, or "not deleted")
 * and after, as the journal records them (so an outcome change can be undone from the journal).
 */
import { callCount } from '../../lib/counts';
import { ARCHIVED } from './call-values';
import type { JournaledChange } from './run-change';

const OUTCOME = 'hs_call_disposition';

/** "Outcome → Connected on 12 calls": each call from its outcome before (by call id) to `outcome`. */
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
