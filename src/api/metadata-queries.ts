/**
 * Account metadata shared by every screen: property definitions, owners and call outcomes.
 * Cached for minutes; the account changes these rarely.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CrmObjectType } from './hubspot-paths';
import { getDispositions, getObjectProperties, getOwners, getPropertyGroups } from './metadata';
import type { Owner, PropertyDefinition, PropertyOption } from './schemas';

const FIVE_MINUTES = 5 * 60_000;

const metadataKeys = {
  all: ['metadata'] as const,
  properties: (objectType: CrmObjectType) => [...metadataKeys.all, 'properties', objectType] as const,
  propertyGroups: (objectType: CrmObjectType) => [...metadataKeys.all, 'property-groups', objectType] as const,
  owners: () => [...metadataKeys.all, 'owners'] as const,
  deactivatedOwners: () => [...metadataKeys.all, 'owners', 'deactivated'] as const,
  dispositions: () => [...metadataKeys.all, 'dispositions'] as const,
};

export const metadataQueries = {
  properties: (objectType: CrmObjectType) =>
    queryOptions({
      queryKey: metadataKeys.properties(objectType),
      queryFn: ({ signal }) => getObjectProperties(objectType, signal),
      staleTime: FIVE_MINUTES,
      meta: { errorTitle: 'Could not refresh the property definitions' },
    }),
  propertyGroups: (objectType: CrmObjectType) =>
    queryOptions({
      queryKey: metadataKeys.propertyGroups(objectType),
      queryFn: ({ signal }) => getPropertyGroups(objectType, signal),
      staleTime: FIVE_MINUTES,
      meta: { errorTitle: 'Could not refresh the property groups' },
    }),
  owners: () =>
    queryOptions({
      queryKey: metadataKeys.owners(),
      queryFn: ({ signal }) => getOwners(signal),
      staleTime: FIVE_MINUTES,
      meta: { errorTitle: 'Could not refresh the owners' },
    }),
  /** Deactivated users' owners (HubSpot's `archived=true`): their calls keep the id; never offered for new edits. */
  deactivatedOwners: () =>
    queryOptions({
      queryKey: metadataKeys.deactivatedOwners(),
      queryFn: ({ signal }) => getOwners(signal, true),
      staleTime: FIVE_MINUTES,
      meta: { errorTitle: 'Could not refresh the deactivated owners' },
    }),
  dispositions: () =>
    queryOptions({
      queryKey: metadataKeys.dispositions(),
      queryFn: ({ signal }) => getDispositions(signal),
      staleTime: FIVE_MINUTES,
      meta: { errorTitle: 'Could not refresh the call outcomes' },
    }),
};

/** The visible options of one property, in HubSpot's display order. */
function visibleOptions(def: PropertyDefinition | undefined): PropertyOption[] {
  return [...(def?.options ?? [])].filter((o) => !o.hidden).sort((a, b) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0));
}

/** The options of one call property (e.g. hs_call_status), from the account's definitions. */
export function useCallPropertyOptions(name: string): { options: PropertyOption[]; isPending: boolean } {
  const { data, isPending } = useQuery(metadataQueries.properties('calls'));
  const options = useMemo(() => visibleOptions(data?.find((p) => p.name === name)), [data, name]);
  return { options, isPending };
}

export function useOwners() {
  return useQuery(metadataQueries.owners());
}

export function useDispositions() {
  return useQuery(metadataQueries.dispositions());
}

export function ownerName(owner: Owner | undefined): string {
  if (!owner) return '';
  return [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || `Owner ${owner.id}`;
}

/** Owner id → display name, for tables. */
export function ownerNames(owners: readonly Owner[] | undefined): Map<string, string> {
  return new Map((owners ?? []).map((o) => [o.id, ownerName(o)]));
}
