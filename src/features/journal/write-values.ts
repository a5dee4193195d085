/**
 * Writes journaled values to HubSpot, one batch of calls at a time (a ChunkWork for src/api/batch-runner.ts):
 * forward (a change's `after`) to apply it, back (its `before`) to undo it. Associations are added and removed
 * with HubSpot's batch association endpoints, property values with the calls batch update, and a call whose
 * `after` is archived is deleted with the batch archive. HubSpot has no API to restore a deleted call, so
 * undoing a deletion fails for that call with a reason (restore it in HubSpot's recycling bin).
 */
import { batchAssociateCalls, batchUnassociateCalls } from '../../api/associations';
import type { ChunkWork } from '../../api/batch-runner';
import { batchArchiveCalls, batchUpdateCalls } from '../../api/calls';
import { RECORD_TYPES } from '../../api/records';
import type { HubSpotObject } from '../../api/schemas';
import { ARCHIVED, propertyKeys, type CallChange, type CallValues } from './call-values';

export type Direction = 'forward' | 'back';

export const CANNOT_RESTORE = 'HubSpot has no API to restore a deleted call: restore it from HubSpot’s recycling bin (within 90 days of its deletion).';

const ids = (v: CallValues[string] | undefined): string[] => (Array.isArray(v) ? v : []);

/** Why a call was not deleted: the call it depends on (`deleteOnlyAfter`) was not changed. */
const notDeletedReason = (keptId: string) => `Not deleted: call ${keptId}, which was to receive its data, could not be changed.`;

/** `onSaved` receives the calls as HubSpot saved them (batch update's answer), e.g. for the list's overlay of recent writes. */
export function writeWork(changes: ReadonlyMap<string, CallChange>, direction: Direction, onSaved?: (calls: HubSpotObject[]) => void): ChunkWork {
  /** The calls this change has written so far (earlier batches): a deletion that depends on one may go ahead. */
  const written = new Set<string>();
  return async (callIds) => {
    const failures = new Map<string, string>();
    const steps = callIds.flatMap((callId) => {
      const change = changes.get(callId);
      if (!change) {
        failures.set(callId, 'This call is not part of the change.');
        return [];
      }
      const [from, to] = direction === 'forward' ? [change.before, change.after] : [change.after, change.before];
      if (from[ARCHIVED] === 'true' && to[ARCHIVED] !== 'true') {
        failures.set(callId, CANNOT_RESTORE);
        return [];
      }
      return [{ callId, from, to }];
    });

    for (const type of RECORD_TYPES) {
      const adds = steps.flatMap(({ callId, from, to }) => (type in to ? ids(to[type]).filter((id) => !ids(from[type]).includes(id)).map((toId) => ({ callId, toId })) : []));
      const removes = steps
        .map(({ callId, from, to }) => ({ callId, toIds: type in to ? ids(from[type]).filter((id) => !ids(to[type]).includes(id)) : [] }))
        .filter((r) => r.toIds.length > 0);
      if (adds.length) await batchAssociateCalls(type, adds);
      if (removes.length) await batchUnassociateCalls(type, removes);
    }

    const updates = steps
      .map(({ callId, to }) => ({ id: callId, properties: Object.fromEntries(propertyKeys(to).map((key) => [key, String(to[key] ?? '')])) }))
      .filter((u) => Object.keys(u.properties).length > 0);
    if (updates.length) {
      const res = await batchUpdateCalls(updates);
      onSaved?.(res.results);
      const saved = new Set(res.results.map((r) => r.id));
      for (const err of res.errors) for (const id of err.ids) failures.set(id, err.message);
      const unnamed = res.errors.find((e) => e.ids.length === 0)?.message ?? 'HubSpot did not confirm this change.';
      for (const u of updates) if (!saved.has(u.id) && !failures.has(u.id)) failures.set(u.id, unnamed);
    }

    // Deletions last, and only once the call each depends on is written (in an earlier batch or in this one).
    const inBatch = new Set(steps.map((step) => step.callId));
    const archives = steps
      .filter(({ callId, to }) => to[ARCHIVED] === 'true' && !failures.has(callId))
      .filter(({ callId }) => {
        const kept = changes.get(callId)?.deleteOnlyAfter;
        if (kept === undefined || written.has(kept) || (inBatch.has(kept) && !failures.has(kept))) return true;
        failures.set(callId, notDeletedReason(kept));
        return false;
      })
      .map((step) => step.callId);
    if (archives.length) await batchArchiveCalls(archives);
    for (const { callId } of steps) if (!failures.has(callId)) written.add(callId);
    return failures;
  };
}
