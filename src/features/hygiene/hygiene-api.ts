/**
 * Our server's "Needs attention" API (`/api/hygiene`, server/api/hygiene.ts): the queues with their counts and
 * how fresh they are, a queue's calls (search filters, or call ids from the last scan), and the scan.
 */
import * as z from 'zod/mini';
import { isHubSpotApiError } from '../../api/errors';
import { serverRequest } from '../../api/http';

const BASE = '/api/hygiene';

const QUEUE_IDS = ['no-outcome', 'unknown-outcome', 'no-association', 'placeholder-contact', 'no-owner', 'zero-duration', 'duplicates', 'missed-no-callback'] as const;
export type QueueId = (typeof QUEUE_IDS)[number];
export const isQueueId = (id: string | undefined): id is QueueId => (QUEUE_IDS as readonly (string | undefined)[]).includes(id);

/** The queue whose rule takes the user's N days (server/hygiene/queues.ts). */
export const DAYS_QUEUE: QueueId = 'missed-no-callback';
/** The server's N when none is given, and its bounds. */
export const DEFAULT_DAYS = 2;
export const MAX_DAYS = 365;

const filterSchema = z.object({
  propertyName: z.string(),
  operator: z.enum(['EQ', 'NEQ', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'GT', 'GTE', 'LT', 'LTE']),
  value: z.optional(z.string()),
  values: z.optional(z.array(z.string())),
});
const filterGroupsSchema = z.array(z.object({ filters: z.array(filterSchema) }));

const scanSchema = z.object({
  id: z.string(),
  mode: z.enum(['full', 'incremental']),
  status: z.enum(['running', 'done', 'cancelled', 'failed', 'interrupted']),
  startedAt: z.string(),
  finishedAt: z.nullable(z.string()),
  callsRead: z.number(),
  callsTotal: z.nullable(z.number()),
  requests: z.number(),
  error: z.nullable(z.string()),
});
export type ScanProgress = z.infer<typeof scanSchema>;
export type ScanMode = ScanProgress['mode'];

const queueSchema = z.object({
  id: z.enum(QUEUE_IDS),
  title: z.string(),
  rule: z.string(),
  source: z.enum(['search', 'scan']),
  count: z.nullable(z.number()),
  computedAt: z.nullable(z.string()),
  filterGroups: z.optional(filterGroupsSchema),
  error: z.optional(z.string()),
});
export type QueueSummary = z.infer<typeof queueSchema>;
const queuesSchema = z.object({ queues: z.array(queueSchema), scan: z.nullable(scanSchema) });
export type QueuesAnswer = z.infer<typeof queuesSchema>;

const queueCallsSchema = z.union([
  z.object({ id: z.enum(QUEUE_IDS), source: z.literal('search'), filterGroups: filterGroupsSchema }),
  z.object({ id: z.enum(QUEUE_IDS), source: z.literal('scan'), computedAt: z.string(), callIds: z.array(z.string()) }),
  z.object({ id: z.literal('duplicates'), source: z.literal('scan'), computedAt: z.string(), groups: z.array(z.array(z.string())) }),
]);
export type QueueCalls = z.infer<typeof queueCallsSchema>;

export function getQueues(days: number, signal?: AbortSignal): Promise<QueuesAnswer> {
  return serverRequest(`${BASE}/queues`, { query: { days }, schema: queuesSchema, signal });
}

/** A queue's calls; rejects with a 409 (category SCAN_REQUIRED) for a scan queue before the first scan. */
export function getQueueCalls(id: QueueId, days: number, signal?: AbortSignal): Promise<QueueCalls> {
  return serverRequest(`${BASE}/queues/${encodeURIComponent(id)}/calls`, { query: { days }, schema: queueCallsSchema, signal });
}

export const isScanRequired = (error: unknown) => isHubSpotApiError(error) && error.status === 409 && error.category === 'SCAN_REQUIRED';

/** The scan under way or the last one; null before the first. */
export async function getScan(signal?: AbortSignal): Promise<ScanProgress | null> {
  try {
    return await serverRequest(`${BASE}/scan`, { schema: scanSchema, signal });
  } catch (error) {
    if (isHubSpotApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** Starts a scan (the one under way if any): `incremental` refreshes from the last finished scan. */
export function startScan(mode: ScanMode): Promise<ScanProgress> {
  return serverRequest(`${BASE}/scan`, { method: 'POST', body: { mode }, schema: scanSchema });
}

export function cancelScan(): Promise<ScanProgress> {
  return serverRequest(`${BASE}/scan`, { method: 'DELETE', schema: scanSchema });
}
