/** HubSpot's associations API (v4, or the date-versioned one), as the console uses it for calls. */
import { currentPaths } from './api-version';
import { readAllAssociationPages } from './association-pages';
import { hubspotRequest } from './http';
import {
  anySchema,
  associationBatchReadSchema,
  associationLabelListSchema,
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

/**
 * Every record of `toType` associated with one object, following HubSpot's paging. Read with the batch
 * read, which every API version has (the date-versioned API from 2026-09 on has no per-object list).
 */
export async function listAssociations(
  fromType: AssociableType,
  fromId: string,
  toType: AssociableType,
  signal?: AbortSignal,
): Promise<AssociatedRecord[]> {
  return (await batchReadAssociations(fromType, toType, [fromId], signal)).get(fromId) ?? [];
}

/**
 * Every association of many objects (batch read), keyed by the `from` id: one request in the normal case,
 * more only for records with more associations than HubSpot's page, or more than 1000 ids (association-pages.ts).
 */
export async function batchReadAssociations(
  fromType: AssociableType,
  toType: AssociableType,
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, AssociatedRecord[]>> {
  if (ids.length === 0) return new Map();
  const path = (await currentPaths()).associationBatchRead(fromType, toType);
  return readAllAssociationPages(ids, (inputs) =>
    hubspotRequest(path, { method: 'POST', body: { inputs }, schema: associationBatchReadSchema, idempotent: true, signal }),
  );
}

/** Associates two records with the given (default or labelled) types. */
export async function createAssociation(
  fromType: AssociableType,
  fromId: string,
  toType: AssociableType,
  toId: string,
  types: readonly AssociationSpec[],
): Promise<void> {
  await hubspotRequest((await currentPaths()).associationPair(fromType, fromId, toType, toId), {
    method: 'PUT',
    body: types,
    schema: anySchema,
  });
}

/** Removes every association between two records. */
export async function archiveAssociation(fromType: AssociableType, fromId: string, toType: AssociableType, toId: string): Promise<void> {
  await hubspotRequest((await currentPaths()).associationPair(fromType, fromId, toType, toId), {
    method: 'DELETE',
    schema: noContentSchema,
  });
}

/** The association types an account has for a pair: HubSpot's defaults and its custom labels. */
export async function getAssociationLabels(fromType: AssociableType, toType: AssociableType, signal?: AbortSignal): Promise<AssociationType[]> {
  const data = await hubspotRequest((await currentPaths()).associationLabels(fromType, toType), { schema: associationLabelListSchema, signal });
  return data.results;
}

/** Associates many calls with records of one type, with HubSpot's default call → record type (up to 100 pairs a request here). */
export async function batchAssociateCalls(toType: RecordType, pairs: readonly { callId: string; toId: string }[]): Promise<void> {
  await hubspotRequest((await currentPaths()).associationBatchWrite('calls', toType, 'create'), {
    method: 'POST',
    body: {
      inputs: pairs.map((p) => ({
        from: { id: p.callId },
        to: { id: p.toId },
        types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_ASSOCIATION_TYPE_IDS[toType] }],
      })),
    },
    schema: anySchema,
  });
}

/** Removes every association between each call and the records listed for it. */
export async function batchUnassociateCalls(toType: RecordType, pairs: readonly { callId: string; toIds: readonly string[] }[]): Promise<void> {
  await hubspotRequest((await currentPaths()).associationBatchWrite('calls', toType, 'archive'), {
    method: 'POST',
    body: { inputs: pairs.map((p) => ({ from: { id: p.callId }, to: p.toIds.map((id) => ({ id })) })) },
    schema: noContentSchema,
  });
}
