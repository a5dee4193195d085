/** Builds the row lookups (labels and names) the grid and the CSV export share, from cached metadata. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { metadataQueries, ownerNames } from '../../../api/metadata-queries';
import { dispositionLabels, optionLabels } from '../call-properties';
import type { RowLookups } from './call-row';

export function useMetadataLookups(): RowLookups {
  const dispositions = useQuery(metadataQueries.dispositions());
  const properties = useQuery(metadataQueries.properties('calls'));
  const owners = useQuery(metadataQueries.owners());
  return useMemo(() => {
    return {
      dispositions: dispositionLabels(dispositions.data),
      statusLabels: optionLabels(properties.data, 'hs_call_status'),
      directionLabels: optionLabels(properties.data, 'hs_call_direction'),
      owners: owners.data ? ownerNames(owners.data) : undefined,
    };
  }, [dispositions.data, properties.data, owners.data]);
}
