/** HubSpot's v4 associations API, as the console uses it for calls. */
import { hubspotRequest } from './http';
import {
  anySchema,
  associationBatchReadSchema,
  associationLabelListSchema,
  associationListSchema,
  noContentSchema,
  type AssociatedRecord,
  type AssociationCategory,
  type AssociationType,
} from './schemas';
import type { RecordType } from './records';

export type AssociableType = RecordType | 'calls';

/** HubSpot-defined default association types, call → record. */
export const CALL_ASSOCIATION_TYPE_IDS: Record<RecordType, number> = { contacts: 194, companies: 182, deals: 206, tickets: 220 };

export interface AssociationSpec {
  associationCategory: AssociationCategory;
  associationTypeId: number;
}

const enc = encodeURIComponent;

/** Every record of `toType` associated with one object, following HubSpot's paging. */
export async function listAssociations(
  fromType: AssociableType,
  fromId: string,
  toType: AssociableType,
  signal?: AbortSignal,
): Promise<AssociatedRecord[]> {
  const all: AssociatedRecord[] = [];
  let after: string | undefined;
  do {
    const data = await hubspotRequest(`/crm/v4/objects/${fromType}/${enc(fromId)}/associations/${toType}`, {
      query: { limit: 500, after },
      schema: associationListSchema,
      signal,
    });
    all.push(...data.results);
    after = data.paging?.next?.after;
  } while (after);
  return all;
}

/** Associations of many objects in one request (v4 batch read); keyed by the `from` id. */
export async function batchReadAssociations(
  fromType: AssociableType,
  toType: AssociableType,
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, AssociatedRecord[]>> {
  const map = new Map<string, AssociatedRecord[]>();
  if (ids.length === 0) return map;
  const data = await hubspotRequest(`/crm/v4/associations/${fromType}/${toType}/batch/read`, {
    method: 'POST',
    body: { inputs: ids.map((id) => ({ id })) },
    schema: associationBatchReadSchema,
    idempotent: true,
    signal,
  });
  for (const r of data.results) map.set(r.from.id, [...(map.get(r.from.id) ?? []), ...r.to]);
  return map;
}

/** Associates two records with the given (default or labelled) types. */
export async function createAssociation(
  fromType: AssociableType,
  fromId: string,
  toType: AssociableType,
  toId: string,
  types: readonly AssociationSpec[],
): Promise<void> {
  await hubspotRequest(`/crm/v4/objects/${fromType}/${enc(fromId)}/associations/${toType}/${enc(toId)}`, {
    method: 'PUT',
    body: types,
    schema: anySchema,
  });
}

/** Removes every association between two records. */
export async function archiveAssociation(fromType: AssociableType, fromId: string, toType: AssociableType, toId: string): Promise<void> {
  await hubspotRequest(`/crm/v4/objects/${fromType}/${enc(fromId)}/associations/${toType}/${enc(toId)}`, {
    method: 'DELETE',
    schema: noContentSchema,
  });
}

/** The association types an account has for a pair: HubSpot's defaults and its custom labels. */
export async function getAssociationLabels(fromType: AssociableType, toType: AssociableType, signal?: AbortSignal): Promise<AssociationType[]> {
  const data = await hubspotRequest(`/crm/v4/associations/${fromType}/${toType}/labels`, { schema: associationLabelListSchema, signal });
  return data.results;
}
