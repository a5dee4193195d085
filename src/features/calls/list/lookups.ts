/** Builds the row lookups (labels and names) the grid and the CSV export share, from cached metadata. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { metadataQueries, ownerNames, visibleOptions } from '../../../api/metadata-queries';
import type { RowLookups } from './call-row';

export function useMetadataLookups(): RowLookups {
  const dispositions = useQuery(metadataQueries.dispositions());
  const properties = useQuery(metadataQueries.properties('calls'));
  const owners = useQuery(metadataQueries.owners());
  return useMemo(() => {
    const options = (name: string) => {
      const def = properties.data?.find((p) => p.name === name);
      return def ? new Map(def.options.map((o) => [o.value, o.label])) : undefined;
    };
    return {
      dispositions: dispositions.data ? new Map(dispositions.data.map((d) => [d.id, d.deleted ? `${d.label} (deleted)` : d.label])) : undefined,
      statusLabels: options('hs_call_status'),
      directionLabels: options('hs_call_direction'),
      owners: owners.data ? ownerNames(owners.data) : undefined,
    };
  }, [dispositions.data, properties.data, owners.data]);
}

/** Visible options of a call property, for filter selects. */
export function useCallOptions(name: string) {
  const properties = useQuery(metadataQueries.properties('calls'));
  return useMemo(() => visibleOptions(properties.data?.find((p) => p.name === name)), [properties.data, name]);
}
