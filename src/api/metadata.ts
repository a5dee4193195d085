/** Account metadata every screen shares: property definitions, owners, call outcomes. */
import { isHubSpotApiError } from './errors';
import { hubspotRequest } from './http';
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

export async function getObjectProperties(objectType: string, signal?: AbortSignal): Promise<PropertyDefinition[]> {
  const data = await hubspotRequest(`/crm/v3/properties/${encodeURIComponent(objectType)}`, { schema: propertyCollectionSchema, signal });
  return data.results;
}

/** The account's property groups of one object type (names, labels, order). */
export async function getPropertyGroups(objectType: string, signal?: AbortSignal): Promise<PropertyGroupDefinition[]> {
  const data = await hubspotRequest(`/crm/v3/properties/${encodeURIComponent(objectType)}/groups`, { schema: propertyGroupCollectionSchema, signal });
  return data.results;
}

/** Every active owner, following HubSpot's paging. */
export async function getOwners(signal?: AbortSignal): Promise<Owner[]> {
  const owners: Owner[] = [];
  let after: string | undefined;
  do {
    const data = await hubspotRequest('/crm/v3/owners', { query: { limit: 100, after }, schema: ownerCollectionSchema, signal });
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
  try {
    const data = await hubspotRequest('/crm/extensions/calling/2027-03-beta/dispositions', {
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
  const legacy = await hubspotRequest('/calling/v1/dispositions', { schema: legacyDispositionListSchema, signal });
  return legacy.map((d) => ({ id: d.id, label: d.label, archived: d.deleted }));
}
