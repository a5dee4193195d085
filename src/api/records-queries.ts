/** Query options for contacts, companies, deals and tickets. */
import { queryOptions } from '@tanstack/react-query';
import { batchReadRecords, getRecord, searchRecords, type RecordType } from './records';

export const recordKeys = {
  all: ['records'] as const,
  type: (type: RecordType) => [...recordKeys.all, type] as const,
  batch: (type: RecordType, ids: readonly string[]) => [...recordKeys.type(type), 'batch', [...new Set(ids)].sort()] as const,
  search: (type: RecordType, text: string) => [...recordKeys.type(type), 'search', text] as const,
  detail: (type: RecordType, id: string) => [...recordKeys.type(type), 'detail', id] as const,
};

export const recordQueries = {
  /** Many records of one type in one request (ids de-duplicated; order does not matter). */
  batch: (type: RecordType, ids: readonly string[]) =>
    queryOptions({
      queryKey: recordKeys.batch(type, ids),
      queryFn: ({ signal }) => batchReadRecords(type, [...new Set(ids)], undefined, signal),
      staleTime: 60_000,
    }),
  search: (type: RecordType, text: string) =>
    queryOptions({
      queryKey: recordKeys.search(type, text),
      queryFn: ({ signal }) => searchRecords(type, text, { limit: 10 }, signal),
      staleTime: 30_000,
    }),
  detail: (type: RecordType, id: string) =>
    queryOptions({
      queryKey: recordKeys.detail(type, id),
      queryFn: ({ signal }) => getRecord(type, id, undefined, signal),
    }),
};
