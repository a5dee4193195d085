/** Account metadata every screen shares: property definitions, owners, call outcomes. */
import { currentPaths } from './api-version';
import { isHubSpotApiError } from './errors';
import { hubspotRequest } from './http';
import type { CrmObjectType } from './hubspot-paths';
import {
  dispositionCollectionSchema,
  legacyDispositionListSchema,
  ownerCollectionSchema,
  propertyCollectionSchema,
  propertyGroupCollectionSchema,
  type Disposition,
  type PropertyGroupDefinition,
  type Owner,
  type PropertyDefinition,
} from './schemas';

export async function getObjectProperties(objectType: CrmObjectType, signal?: AbortSignal): Promise<PropertyDefinition[]> {
  const data = await hubspotRequest((await currentPaths()).properties(objectType), { schema: propertyCollectionSchema, signal });
  return data.results;
}

/** The account's property groups of one object type (names, labels, order). */
export async function getPropertyGroups(objectType: CrmObjectType, signal?: AbortSignal): Promise<PropertyGroupDefinition[]> {
  const data = await hubspotRequest((await currentPaths()).propertyGroups(objectType), { schema: propertyGroupCollectionSchema, signal });
  return data.results;
}

/**
 * Every active owner, following HubSpot's paging; with `archived`, the deactivated users' owners instead (HubSpot
 * lists those only with `archived=true`).
 */
export async function getOwners(signal?: AbortSignal, archived = false): Promise<Owner[]> {
  const path = (await currentPaths()).owners();
  const owners: Owner[] = [];
  let after: string | undefined;
  do {
    const data = await hubspotRequest(path, { query: { limit: 100, after, ...(archived ? { archived: true } : {}) }, schema: ownerCollectionSchema, signal });
    owners.push(...data.results);
    after = data.paging?.next?.after;
  } while (after);
  return owners;
}

/**
 * The account's call outcomes (`hs_call_disposition` GUIDs and their labels), archived ones included, in
 * the account's order: HubSpot's dispositions API, a beta open to allowlisted apps only. When HubSpot
 * refuses it (403, or 404), the legacy list, which has the active outcomes only.
 */
export async function getDispositions(signal?: AbortSignal): Promise<Disposition[]> {
  const paths = await currentPaths();
  try {
    const data = await hubspotRequest(paths.dispositions(), {
      query: { archived: true },
      schema: dispositionCollectionSchema,
      signal,
    });
    return [...data.results]
      .sort((a, b) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0))
      .map((d) => ({ id: d.id, label: d.label, archived: d.archived }));
  } catch (error) {
    if (!isHubSpotApiError(error) || (error.status !== 403 && error.status !== 404)) throw error;
  }
  const legacy = await hubspotRequest(paths.legacyDispositions(), { schema: legacyDispositionListSchema, signal });
  return legacy.map((d) => ({ id: d.id, label: d.label, archived: d.deleted }));
}
