import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { HubSpotObject } from '../../../api/schemas';
import type { RowLookups } from './call-row';
import { listQueries, type NameType } from './list-queries';

const EMPTY: readonly string[] = [];

function useNames(type: NameType, calls: readonly HubSpotObject[] | undefined, enabled: boolean) {
  const callIds = useMemo(() => (calls ?? []).map((c) => c.id), [calls]);
  const assoc = useQuery({ ...listQueries.pageAssociations(type, callIds), enabled: enabled && callIds.length > 0 });
  const recordIds = useMemo(() => {
    if (!assoc.data) return EMPTY;
    return [...new Set([...assoc.data.values()].flat())];
  }, [assoc.data]);
  const names = useQuery({ ...listQueries.recordNames(type, recordIds), enabled: enabled && recordIds.length > 0 });
  return { byCall: assoc.data, names: names.data };
}

/**
 * Associated contact and company names for one page of calls: one association batch read and one record
 * batch read per record type per page, never one request per row. Skipped for hidden columns.
 */
export function usePageNames(calls: readonly HubSpotObject[] | undefined, show: { contacts: boolean; companies: boolean }): RowLookups {
  const contacts = useNames('contacts', calls, show.contacts);
  const companies = useNames('companies', calls, show.companies);
  return useMemo(
    () => ({
      callContacts: contacts.byCall,
      callCompanies: companies.byCall,
      contactNames: contacts.names,
      companyNames: companies.names,
    }),
    [contacts.byCall, contacts.names, companies.byCall, companies.names],
  );
}
