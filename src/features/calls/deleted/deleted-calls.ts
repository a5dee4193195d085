/**
 * Recently deleted calls: HubSpot's list endpoint with `archived=true` (the calls in its recycling bin, with
 * `archivedAt`), and what "Log again as a new call" copies from one of them. HubSpot has no public API to
 * restore a deleted call (notes §13), so logging it again is a new call with its own id.
 */
import { queryOptions } from '@tanstack/react-query';
import { CALL_ASSOCIATION_TYPE_IDS } from '../../../api/associations';
import { getCall, listCalls, type AssociationInput } from '../../../api/calls';
import { RECORD_TYPES, type RecordType } from '../../../api/records';
import type { HubSpotObject, PropertyDefinition } from '../../../api/schemas';
import { callKeys } from '../calls-queries';

/** HubSpot's largest list page. */
const LIST_LIMIT = 100;
/** Deleted calls read at most (HubSpot's own recycling bin shows at most 10,000 records). */
export const MAX_DELETED_LISTED = 10_000;

/** What the list shows of each deleted call, besides its deletion time (`archivedAt`). */
const LISTED_PROPERTIES = ['hs_call_title', 'hs_timestamp'] as const;

/**
 * Writable properties that are not copied: HubSpot deletes a deleted call's recording, and a transcript
 * belongs to the call it was made for.
 */
const NOT_COPIED = new Set([
  'hs_object_id',
  'hs_call_recording_url',
  'hs_call_video_recording_url',
  'hs_call_recording_duration',
  'hs_call_transcription_id',
  'hs_call_has_transcript',
]);

const deletedKeys = {
  all: [...callKeys.all, 'deleted'] as const,
  list: () => [...deletedKeys.all, 'list'] as const,
  call: (id: string, properties: readonly string[]) => [...deletedKeys.all, 'call', id, properties] as const,
};

export interface DeletedCalls {
  /** Newest deletion first. */
  calls: HubSpotObject[];
  /** HubSpot has more than MAX_DELETED_LISTED deleted calls; the rest were not read. */
  capped: boolean;
}

/**
 * Every deleted call (up to MAX_DELETED_LISTED), newest deletion first. HubSpot's list cannot sort (it pages in its
 * own order, by record id), so the newest deletions would otherwise sit on its last page.
 */
async function listDeletedCalls(signal: AbortSignal): Promise<DeletedCalls> {
  const calls: HubSpotObject[] = [];
  let after: string | undefined;
  do {
    const page = await listCalls({ limit: LIST_LIMIT, after, archived: true, properties: LISTED_PROPERTIES }, signal);
    calls.push(...page.results);
    after = page.nextAfter;
  } while (after && calls.length < MAX_DELETED_LISTED);
  return { calls: newestDeletionFirst(calls), capped: Boolean(after) };
}

export const deletedCallQueries = {
  list: () =>
    queryOptions({
      queryKey: deletedKeys.list(),
      queryFn: ({ signal }) => listDeletedCalls(signal),
      meta: { errorTitle: 'Could not refresh the deleted calls' },
    }),
  /** One deleted call with the properties to copy and its associations (as far as HubSpot lists them). */
  call: (id: string, properties: readonly string[]) =>
    queryOptions({
      queryKey: deletedKeys.call(id, properties),
      queryFn: ({ signal }) => getCall(id, { archived: true, properties, associations: RECORD_TYPES }, signal),
      meta: { errorTitle: false },
    }),
};

/** Newest deletion first. */
function newestDeletionFirst(calls: readonly HubSpotObject[]): HubSpotObject[] {
  return [...calls].sort((a, b) => (b.archivedAt ?? '').localeCompare(a.archivedAt ?? ''));
}

/**
 * The call properties a new call can take from a deleted one, per the account's definitions: not read-only,
 * not calculated, not unique, and neither the record id nor the recording or transcript.
 */
export function copyablePropertyNames(definitions: readonly PropertyDefinition[]): string[] {
  return definitions
    .filter((d) => !NOT_COPIED.has(d.name) && !d.calculated && !d.modificationMetadata?.readOnlyValue && d['hasUniqueValue'] !== true)
    .map((d) => d.name)
    .sort();
}

/** The deleted call's values of `names`, skipping empty ones. */
export function copiedProperties(call: HubSpotObject, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = call.properties[name];
    if (value !== null && value !== undefined && value !== '') out[name] = value;
  }
  return out;
}

export interface CopiedAssociations {
  inputs: AssociationInput[];
  counts: Partial<Record<RecordType, number>>;
  /** HubSpot listed no associations at all (the call had none, or HubSpot does not list them for a deleted call). */
  noneListed: boolean;
  /** HubSpot listed only part of a type's associations (more pages it did not send). */
  partial: boolean;
}

/** The associations HubSpot listed on the deleted call, as inputs of the new call (HubSpot's default type per record type). */
export function copiedAssociations(call: HubSpotObject): CopiedAssociations {
  const inputs: AssociationInput[] = [];
  const counts: Partial<Record<RecordType, number>> = {};
  let partial = false;
  for (const type of RECORD_TYPES) {
    const listed = call.associations?.[type];
    if (!listed) continue;
    if (listed.paging?.next) partial = true;
    const ids = [...new Set(listed.results.map((r) => r.id))];
    if (ids.length) counts[type] = ids.length;
    for (const id of ids) {
      inputs.push({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_ASSOCIATION_TYPE_IDS[type] }] });
    }
  }
  return { inputs, counts, noneListed: inputs.length === 0, partial };
}
