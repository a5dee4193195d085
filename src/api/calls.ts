/** HubSpot's calls API (the objects API for `calls`). */
import { currentPaths } from './api-version';
import { hubspotRequest } from './http';
import {
  batchResponseSchema,
  collectionSchema,
  hubSpotObjectSchema,
  noContentSchema,
  searchCollectionSchema,
  toBatchResult,
  toPage,
  type AssociationCategory,
  type BatchResult,
  type HubSpotObject,
  type Page,
  type SearchPage,
  type SearchRequest,
} from './schemas';

export interface AssociationInput {
  to: { id: string };
  types: { associationCategory: AssociationCategory; associationTypeId: number }[];
}

export interface ReadParams {
  properties?: readonly string[];
  propertiesWithHistory?: readonly string[];
  associations?: readonly string[];
  /** Read a deleted call (in HubSpot's recycling bin) instead of a live one. */
  archived?: boolean;
}

export async function listCalls(
  /** `archived`: list the deleted calls (HubSpot's recycling bin) instead of the live ones. */
  p: { limit: number; after?: string; properties?: readonly string[]; associations?: readonly string[]; archived?: boolean },
  signal?: AbortSignal,
): Promise<Page<HubSpotObject>> {
  const data = await hubspotRequest((await currentPaths()).objects('calls'), {
    query: { limit: p.limit, after: p.after, properties: p.properties, associations: p.associations, archived: p.archived || undefined },
    schema: collectionSchema,
    signal,
  });
  return toPage(data);
}

export async function searchCalls(req: SearchRequest, signal?: AbortSignal): Promise<SearchPage<HubSpotObject>> {
  const data = await hubspotRequest((await currentPaths()).objectSearch('calls'), {
    method: 'POST',
    body: req,
    schema: searchCollectionSchema,
    signal,
  });
  return { ...toPage(data), total: data.total };
}

export async function getCall(id: string, p: ReadParams = {}, signal?: AbortSignal): Promise<HubSpotObject> {
  return hubspotRequest((await currentPaths()).object('calls', id), {
    query: { properties: p.properties, propertiesWithHistory: p.propertiesWithHistory, associations: p.associations, archived: p.archived || undefined },
    schema: hubSpotObjectSchema,
    signal,
  });
}

export async function createCall(input: { properties: Record<string, string>; associations?: AssociationInput[] }): Promise<HubSpotObject> {
  return hubspotRequest((await currentPaths()).objects('calls'), {
    method: 'POST',
    body: { properties: input.properties, associations: input.associations ?? [] },
    schema: hubSpotObjectSchema,
  });
}

export async function updateCall(id: string, properties: Record<string, string>): Promise<HubSpotObject> {
  return hubspotRequest((await currentPaths()).object('calls', id), { method: 'PATCH', body: { properties }, schema: hubSpotObjectSchema });
}

export async function archiveCall(id: string): Promise<void> {
  await hubspotRequest((await currentPaths()).object('calls', id), { method: 'DELETE', schema: noContentSchema });
}

/** Updates up to 100 calls; HubSpot answers 200, or 207 with per-item errors. */
export async function batchUpdateCalls(inputs: readonly { id: string; properties: Record<string, string> }[]): Promise<BatchResult<HubSpotObject>> {
  const data = await hubspotRequest((await currentPaths()).objectBatch('calls', 'update'), { method: 'POST', body: { inputs }, schema: batchResponseSchema });
  return toBatchResult(data);
}

export async function batchArchiveCalls(ids: readonly string[]): Promise<void> {
  await hubspotRequest((await currentPaths()).objectBatch('calls', 'archive'), { method: 'POST', body: { inputs: ids.map((id) => ({ id })) }, schema: noContentSchema });
}

/** Reads up to 100 calls by id (HubSpot leaves out ids it does not find, or names them in a 207). */
export async function batchReadCalls(ids: readonly string[], properties: readonly string[], signal?: AbortSignal): Promise<BatchResult<HubSpotObject>> {
  const data = await hubspotRequest((await currentPaths()).objectBatch('calls', 'read'), {
    method: 'POST',
    body: { inputs: ids.map((id) => ({ id })), properties },
    schema: batchResponseSchema,
    idempotent: true,
    signal,
  });
  return toBatchResult(data);
}
