/**
 * What calls hold in HubSpot now, in the journal's shape (call-values.ts), for the keys a change wrote: property
 * values with the calls batch read, association id sets with the v4 batch association read (100 calls per
 * request, four requests in flight). A call HubSpot no longer has is absent from the answer.
 */
import { batchReadAssociations } from '../../api/associations';
import { chunk } from '../../api/batch-runner';
import { batchReadCalls } from '../../api/calls';
import type { RecordType } from '../../api/records';
import type { CallValues } from './call-values';

const PER_REQUEST = 100;
const IN_FLIGHT = 4;

/** Runs `task` over `items`, at most IN_FLIGHT at a time. */
async function eachInFlight<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
}

/**
 * The current values of `callIds` for `properties` and the association types `associations`; calls HubSpot
 * does not have (deleted since) are missing from the map.
 */
export async function readCurrentValues(
  callIds: readonly string[],
  keys: { properties: readonly string[]; associations: readonly RecordType[] },
  signal?: AbortSignal,
): Promise<Map<string, CallValues>> {
  const current = new Map<string, CallValues>();
  const batches = chunk(callIds, PER_REQUEST);
  // At least one property, so a call's existence is read even when the change wrote only associations.
  const properties = keys.properties.length ? keys.properties : ['hs_object_id'];
  await eachInFlight(batches, async (ids) => {
    const res = await batchReadCalls(ids, properties, signal);
    for (const call of res.results) {
      current.set(call.id, Object.fromEntries(keys.properties.map((name) => [name, call.properties[name] ?? null])));
    }
  });
  const existing = [...current.keys()];
  for (const type of keys.associations) {
    await eachInFlight(chunk(existing, PER_REQUEST), async (ids) => {
      const map = await batchReadAssociations('calls', type, ids, signal);
      for (const id of ids) {
        const values = current.get(id);
        if (values) values[type] = [...new Set((map.get(id) ?? []).map((r) => r.toObjectId))];
      }
    });
  }
  return current;
}
