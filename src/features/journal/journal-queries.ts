/**
 * The journal in the query cache: ['journal', 'entries'] (pages of entries, newest first), ['journal', 'entry', id]
 * and ['journal', 'records', id], read afresh on every visit (bulk changes elsewhere add to the journal); an undo
 * refreshes them all.
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { getEntry, listAllRecords, listEntries } from './journal-api';
import { loadValueLabels } from './value-labels';

/** Entries per page of the journal's list. */
const ENTRIES_PER_PAGE = 25;

export const journalKeys = {
  all: ['journal'] as const,
  entries: () => [...journalKeys.all, 'entries'] as const,
  entry: (id: string) => [...journalKeys.all, 'entry', id] as const,
  records: (id: string) => [...journalKeys.all, 'records', id] as const,
  labels: () => [...journalKeys.all, 'labels'] as const,
};

export const journalQueries = {
  entries: () =>
    infiniteQueryOptions({
      queryKey: journalKeys.entries(),
      queryFn: ({ pageParam, signal }) => listEntries({ limit: ENTRIES_PER_PAGE, ...(pageParam ? { before: pageParam } : {}) }, signal),
      initialPageParam: '',
      getNextPageParam: (last) => last.paging?.next.before,
      staleTime: 0,
      meta: { errorTitle: false },
    }),
  entry: (id: string) => queryOptions({ queryKey: journalKeys.entry(id), queryFn: ({ signal }) => getEntry(id, signal), staleTime: 0, meta: { errorTitle: false } }),
  records: (id: string) => queryOptions({ queryKey: journalKeys.records(id), queryFn: ({ signal }) => listAllRecords(id, signal), staleTime: 0, meta: { errorTitle: false } }),
  /** The calls' property and value labels (names alone when HubSpot does not give them). */
  labels: () => queryOptions({ queryKey: journalKeys.labels(), queryFn: ({ signal }) => loadValueLabels(signal), staleTime: 10 * 60_000, meta: { errorTitle: false } }),
};
