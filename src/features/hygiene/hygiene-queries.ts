/**
 * The "Needs attention" data in the query cache: keys ['hygiene', 'queues', days], ['hygiene', 'calls', id, days]
 * and ['hygiene', 'scan']. The scan is polled while it runs; when it ends, the queues and their calls are read
 * again. Failures show where they happen (the page), never in the cache's snackbar.
 */
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { searchCalls } from '../../api/calls';
import type { HubSpotObject } from '../../api/schemas';
import { callKeys } from '../calls';
import { cancelScan, getQueueCalls, getQueues, getScan, isScanRequired, startScan, type QueueId, type ScanMode } from './hygiene-api';

/** How often a running scan's progress is read. */
const SCAN_POLL_MS = 1000;

const hygieneKeys = {
  all: ['hygiene'] as const,
  queues: (days: number) => [...hygieneKeys.all, 'queues', days] as const,
  calls: (id: QueueId, days: number) => [...hygieneKeys.all, 'calls', id, days] as const,
  scan: () => [...hygieneKeys.all, 'scan'] as const,
  /** Under ['calls'], so whatever refreshes calls (an edit, a bulk change) refreshes these too. */
  callsById: (ids: readonly string[]) => [...callKeys.all, 'by-id', [...ids]] as const,
};

/** Properties a scan queue's table shows. */
const QUEUE_CALL_PROPERTIES = ['hs_call_title', 'hs_timestamp', 'hs_call_direction', 'hs_call_status', 'hs_call_duration', 'hs_call_from_number', 'hs_call_to_number', 'hubspot_owner_id'] as const;
/** Ids per search (HubSpot's IN takes up to 100 values; a page has up to 100 results). */
const IDS_PER_SEARCH = 100;

/**
 * Calls by id, 100 a search on hs_object_id (the proxy does not forward the calls' batch read; search lags
 * HubSpot's writes by a few seconds, which a scan's result does anyway). A call deleted since the scan is absent.
 */
async function readCalls(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, HubSpotObject>> {
  const found = new Map<string, HubSpotObject>();
  for (let i = 0; i < ids.length; i += IDS_PER_SEARCH) {
    const chunk = ids.slice(i, i + IDS_PER_SEARCH);
    const res = await searchCalls(
      { filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'IN', values: chunk }] }], properties: QUEUE_CALL_PROPERTIES, limit: chunk.length },
      signal,
    );
    for (const call of res.results) found.set(call.id, call);
  }
  return found;
}

export const hygieneQueries = {
  /** Search counts are "now": read again whenever the page is shown. */
  queues: (days: number) => queryOptions({ queryKey: hygieneKeys.queues(days), queryFn: ({ signal }) => getQueues(days, signal), staleTime: 0, meta: { errorTitle: false } }),
  calls: (id: QueueId, days: number) =>
    queryOptions({
      queryKey: hygieneKeys.calls(id, days),
      queryFn: ({ signal }) => getQueueCalls(id, days, signal),
      staleTime: 0,
      // 409 SCAN_REQUIRED is an answer, not a failure worth retrying.
      retry: (count, error) => !isScanRequired(error) && count < 2,
      meta: { errorTitle: false },
    }),
  callsById: (ids: readonly string[]) =>
    queryOptions({
      queryKey: hygieneKeys.callsById(ids),
      queryFn: ({ signal }) => readCalls(ids, signal),
      meta: { errorTitle: false },
    }),
  scan: () =>
    queryOptions({
      queryKey: hygieneKeys.scan(),
      queryFn: ({ signal }) => getScan(signal),
      refetchInterval: (query) => (query.state.data?.status === 'running' ? SCAN_POLL_MS : false),
      meta: { errorTitle: false },
    }),
};

/** How long HubSpot's search may lag behind a write before the queues are read once more. */
const SEARCH_LAG_MS = 3000;

/** After a fix wrote to HubSpot: the calls, the queues and their calls are read again now and once search has caught up. */
export function refreshAfterFix(qc: QueryClient): void {
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: callKeys.all });
    void qc.invalidateQueries({ queryKey: [...hygieneKeys.all, 'queues'] });
    void qc.invalidateQueries({ queryKey: [...hygieneKeys.all, 'calls'] });
  };
  refresh();
  setTimeout(refresh, SEARCH_LAG_MS);
}

/** The scan's progress; when a run ends (seen running, now not), the queues and their calls are read again. */
export function useScan() {
  const qc = useQueryClient();
  const scan = useQuery(hygieneQueries.scan());
  const status = scan.data?.status;
  const wasRunning = useRef(false);
  useEffect(() => {
    if (status === 'running') wasRunning.current = true;
    else if (wasRunning.current) {
      wasRunning.current = false;
      void qc.invalidateQueries({ queryKey: [...hygieneKeys.all, 'queues'] });
      void qc.invalidateQueries({ queryKey: [...hygieneKeys.all, 'calls'] });
    }
  }, [qc, status]);
  return scan;
}

export function useStartScan() {
  const qc = useQueryClient();
  return useMutation({
    meta: { errorTitle: false },
    mutationFn: (mode: ScanMode) => startScan(mode),
    onSuccess: (progress) => qc.setQueryData(hygieneKeys.scan(), progress),
  });
}

export function useCancelScan() {
  const qc = useQueryClient();
  return useMutation({
    meta: { errorTitle: false },
    mutationFn: () => cancelScan(),
    onSuccess: (progress) => qc.setQueryData(hygieneKeys.scan(), progress),
    // Already ended (409): show how it ended.
    onError: () => qc.invalidateQueries({ queryKey: hygieneKeys.scan() }),
  });
}

/**
 * Reads the queues' counts and their calls again, e.g. after a call was marked handled or unmarked; resolves once
 * the calls are in (the counts' searches may wait for HubSpot's search limit of 5 per second).
 */
export async function refreshQueues(qc: QueryClient): Promise<void> {
  void qc.invalidateQueries({ queryKey: [...hygieneKeys.all, 'queues'] });
  await qc.invalidateQueries({ queryKey: [...hygieneKeys.all, 'calls'] });
}
