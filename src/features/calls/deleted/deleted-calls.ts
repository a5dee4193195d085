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

/** Deleted calls per page (HubSpot's list serves at most 100). */
const DELETED_PAGE_SIZE = 50;

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
  page: (after: string | undefined) => [...deletedKeys.all, 'page', after ?? null] as const,
  call: (id: string, properties: readonly string[]) => [...deletedKeys.all, 'call', id, properties] as const,
};

export const deletedCallQueries = {
  page: (after: string | undefined) =>
    queryOptions({
      queryKey: deletedKeys.page(after),
      queryFn: ({ signal }) => listCalls({ limit: DELETED_PAGE_SIZE, after, archived: true, properties: LISTED_PROPERTIES }, signal),
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

/** Newest deletion first (HubSpot's list cannot sort, so this orders one page). */
export function newestDeletionFirst(calls: readonly HubSpotObject[]): HubSpotObject[] {
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
