/**
 * A duplicates group as it is in HubSpot now, for resolving it: the calls by batch read (up to 100 ids, one
 * request) with the properties a merge compares, and their contacts, companies, deals and tickets by one
 * association batch read per type. The names of the records a merge adds, by batch read per type. A call
 * deleted since the scan is left out. These are the `before` values the journal keeps, so they are read fresh
 * each time the resolve dialog opens.
 */
import { queryOptions } from '@tanstack/react-query';
import { batchReadAssociations } from '../../api/associations';
import { batchReadCalls } from '../../api/calls';
import { batchReadRecords, recordDisplayName, RECORD_TYPES, type RecordType } from '../../api/records';
import { callKeys } from '../calls';
import { MERGED_PROPERTIES, type GroupCall } from './duplicate-merge';

/** HubSpot's batch limit: a larger group cannot be read, nor applied as one batch. */
export const MAX_GROUP = 100;

/** The calls of `ids` still in HubSpot, with their records: a batch read per 100 calls and per record type. */
async function readCalls(ids: readonly string[], signal?: AbortSignal): Promise<GroupCall[]> {
  const out: GroupCall[] = [];
  for (let i = 0; i < ids.length; i += MAX_GROUP) {
    const read = await batchReadCalls(ids.slice(i, i + MAX_GROUP), [...MERGED_PROPERTIES, 'hs_timestamp'], signal);
    const found = read.results.filter((c) => !c.archived);
    const foundIds = found.map((c) => c.id);
    const byType = await Promise.all(RECORD_TYPES.map((type) => batchReadAssociations('calls', type, foundIds, signal)));
    for (const c of found) {
      out.push({
        id: c.id,
        properties: c.properties,
        createdAt: c.createdAt,
        associations: Object.fromEntries(
          RECORD_TYPES.map((type, i) => [type, [...new Set((byType[i]?.get(c.id) ?? []).map((a) => a.toObjectId))]]),
        ) as Record<RecordType, string[]>,
      });
    }
  }
  return out;
}

/** Each group's calls still in HubSpot, in the group's order. */
async function readGroups(groups: readonly (readonly string[])[], signal?: AbortSignal): Promise<GroupCall[][]> {
  const byId = new Map((await readCalls(groups.flat(), signal)).map((c) => [c.id, c]));
  return groups.map((g) => g.flatMap((id) => byId.get(id) ?? []));
}

async function readNames(wanted: Partial<Record<RecordType, readonly string[]>>, signal?: AbortSignal): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    RECORD_TYPES.map(async (type) => {
      const ids = wanted[type] ?? [];
      for (let i = 0; i < ids.length; i += MAX_GROUP) {
        const res = await batchReadRecords(type, ids.slice(i, i + MAX_GROUP), undefined, signal);
        for (const r of res.results) names.set(`${type}:${r.id}`, recordDisplayName(type, r));
      }
    }),
  );
  return names;
}

export const duplicateQueries = {
  /** Under ['calls'], so the cache drops it whenever calls change; never reused stale (staleTime 0, gc at once). */
  group: (ids: readonly string[]) =>
    queryOptions({
      queryKey: [...callKeys.all, 'duplicate-group', [...ids]] as const,
      queryFn: ({ signal }) => readCalls(ids, signal),
      staleTime: 0,
      gcTime: 0,
      meta: { errorTitle: false },
    }),
  /** Every group of the queue (the groups of MAX_GROUP calls or fewer), for resolving them all at once. */
  groups: (groups: readonly (readonly string[])[]) =>
    queryOptions({
      queryKey: [...callKeys.all, 'duplicate-groups', groups.map((g) => g.join(','))] as const,
      queryFn: ({ signal }) => readGroups(groups, signal),
      staleTime: 0,
      gcTime: 0,
      meta: { errorTitle: false },
    }),
  names: (wanted: Partial<Record<RecordType, readonly string[]>>) =>
    queryOptions({
      queryKey: ['records', 'names', wanted] as const,
      queryFn: ({ signal }) => readNames(wanted, signal),
      meta: { errorTitle: false },
    }),
};
