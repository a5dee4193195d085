/** Account metadata every screen shares: property definitions, owners, call outcomes. */
import { currentPaths } from './api-version';
import { hubspotRequest } from './http';
import type { CrmObjectType } from './hubspot-paths';
import {
  dispositionListSchema,
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

/** Every active owner, following HubSpot's paging. */
export async function getOwners(signal?: AbortSignal): Promise<Owner[]> {
  const path = (await currentPaths()).owners();
  const owners: Owner[] = [];
  let after: string | undefined;
  do {
    const data = await hubspotRequest(path, { query: { limit: 100, after }, schema: ownerCollectionSchema, signal });
    owners.push(...data.results);
    after = data.paging?.next?.after;
  } while (after);
  return owners;
}

/** The account's call outcomes (`hs_call_disposition` GUIDs and their labels). */
export function getDispositions(signal?: AbortSignal): Promise<Disposition[]> {
  return hubspotRequest('/calling/v1/dispositions', { schema: dispositionListSchema, signal });
}
