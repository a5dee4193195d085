/**
 * The list's bulk actions bound to HubSpot's calls batch endpoints, for the runner in src/api/batch-runner.ts.
 */
import { batchArchiveCalls, batchUpdateCalls } from '../../../api/calls';
import type { ChunkWork } from '../../../api/batch-runner';
import type { HubSpotObject } from '../../../api/schemas';

/**
 * Sets `properties` on every call of the batch (a 207 names the failed ids; an all-or-nothing refusal
 * throws). `onSaved` receives the calls as HubSpot saved them.
 */
export function updateWork(properties: Record<string, string>, onSaved?: (calls: HubSpotObject[]) => void): ChunkWork {
  return async (ids) => {
    const res = await batchUpdateCalls(ids.map((id) => ({ id, properties })));
    onSaved?.(res.results);
    const failures = new Map<string, string>();
    for (const err of res.errors) {
      const named = err.ids.length ? err.ids : [];
      for (const id of named) failures.set(id, err.message);
    }
    const ok = new Set(res.results.map((r) => r.id));
    // An id HubSpot neither returned nor named in an error is not known to have changed.
    const unnamed = res.errors.find((e) => e.ids.length === 0)?.message ?? 'HubSpot did not confirm this change.';
    for (const id of ids) if (!ok.has(id) && !failures.has(id)) failures.set(id, unnamed);
    return failures;
  };
}

/** Moves every call of the batch to HubSpot's recycling bin (batch archive answers 204 or fails as a whole). */
export const archiveWork: ChunkWork = async (ids) => {
  await batchArchiveCalls(ids);
  return new Map();
};
