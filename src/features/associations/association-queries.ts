/**
 * Query factory of the associations feature. Keys go general to specific:
 * ['associations', callId] → ['associations', callId, 'records', type].
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { getAssociationLabels, listAssociations } from '../../api/associations';
import { getCall } from '../../api/calls';
import { hubspotRequest } from '../../api/http';
import { batchReadRecords, getRecord, RECORD_PROPERTIES } from '../../api/records';
import { currentPaths } from '../../api/api-version';
import type { RecordType } from '../../api/records';
import { propertyDefinitionSchema } from '../../api/schemas';
import type { HubSpotObject } from '../../api/schemas';
import type { AssociatedEntry } from './association-model';

/** HubSpot's batch read takes at most 100 ids. */
const BATCH_READ_LIMIT = 100;

/**
 * The records of one type associated with a call: one association batch read (HubSpot's paging
 * followed) and one batch read of the records' names, details and pins (per 100 records).
 * So the panel costs at most two requests per record type, whatever the number of records up to 100.
 */
async function fetchAssociatedOfType(callId: string, type: RecordType, signal?: AbortSignal): Promise<AssociatedEntry[]> {
  const associated = await listAssociations('calls', callId, type, signal);
  if (associated.length === 0) return [];
  const ids = associated.map((a) => a.toObjectId);
  const byId = new Map<string, HubSpotObject>();
  for (let i = 0; i < ids.length; i += BATCH_READ_LIMIT) {
    const batch = await batchReadRecords(type, ids.slice(i, i + BATCH_READ_LIMIT), RECORD_PROPERTIES[type], signal);
    for (const r of batch.results) byId.set(r.id, r);
  }
  return associated.map((a) => ({ type, id: a.toObjectId, associationTypes: a.associationTypes, record: byId.get(a.toObjectId) ?? null }));
}

const accountDetailsSchema = z.looseObject({
  portalId: z.number(),
  uiDomain: z.optional(z.string()),
});

/** The property holding a record's stage or status, whose option labels the panel shows instead of raw values. */
const STAGE_PROPERTY: Partial<Record<RecordType, string>> = { deals: 'dealstage', tickets: 'hs_pipeline_stage' };

export const associationQueries = {
  all: (callId: string) => ['associations', callId] as const,
  records: (callId: string, type: RecordType) =>
    queryOptions({
      queryKey: ['associations', callId, 'records', type] as const,
      queryFn: ({ signal }) => fetchAssociatedOfType(callId, type, signal),
    }),
  /** The association types (HubSpot's and the account's labels) for call → type; they rarely change. */
  labels: (type: RecordType) =>
    queryOptions({
      queryKey: ['associations', 'labels', 'calls', type] as const,
      queryFn: ({ signal }) => getAssociationLabels('calls', type, signal),
      staleTime: 5 * 60_000,
    }),
  /** The title of the call a record currently pins (for the replace prompt). */
  pinnedCall: (activityId: string) =>
    queryOptions({
      queryKey: ['associations', 'pinned-call', activityId] as const,
      queryFn: ({ signal }) => getCall(activityId, { properties: ['hs_call_title', 'hs_timestamp'] }, signal),
      retry: false,
    }),
  /** What a record pins as HubSpot has it now (read right before pinning; someone may have pinned meanwhile). */
  recordPin: (type: RecordType, id: string) =>
    queryOptions({
      queryKey: ['associations', 'record-pin', type, id] as const,
      queryFn: ({ signal }) => getRecord(type, id, ['hs_pinned_engagement_id'], signal),
      staleTime: 0,
      retry: false,
    }),
  /** Option labels of the deal stage / ticket status property (value → label); account metadata, cached long. */
  stageLabels: (type: RecordType) =>
    queryOptions({
      queryKey: ['associations', 'stage-labels', type] as const,
      queryFn: async ({ signal }) => {
        const name = STAGE_PROPERTY[type];
        if (!name) return new Map<string, string>();
        const def = await hubspotRequest((await currentPaths()).property(type, name), { schema: propertyDefinitionSchema, signal });
        return new Map((def.options ?? []).map((o) => [o.value, o.label] as const));
      },
      staleTime: 10 * 60_000,
      enabled: STAGE_PROPERTY[type] !== undefined,
    }),
  /** The HubSpot account (portal id and app domain) for links to records; only asked when connected to HubSpot. */
  account: () =>
    queryOptions({
      queryKey: ['associations', 'account'] as const,
      queryFn: async ({ signal }) => hubspotRequest((await currentPaths()).accountDetails(), { schema: accountDetailsSchema, signal }),
      staleTime: Infinity,
      retry: false,
    }),
};
