/**
 * Associated contact and company names for one page of calls: one association batch read and one record
 * batch read per record type per page, never one request per row. Skipped for hidden columns.
 * The page's query reads them before it resolves (pageWithNames), so rows and names render together;
 * usePageNames then finds them in the cache (and reads them itself when a column is shown later).
 */
import { queryOptions, useQuery, type QueryClient, type QueryFunction } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { HubSpotObject } from '../../../api/schemas';
import { callQueries, type CallListPage, type CallListParams } from '../calls-queries';
import type { RowLookups } from './call-row';
import { listQueries, type NameType } from './list-queries';

/** Which name columns show. */
export interface NameColumns {
  contacts: boolean;
  companies: boolean;
}

const TYPES: readonly NameType[] = ['contacts', 'companies'];
const EMPTY: readonly string[] = [];

const callIdsOf = (calls: readonly HubSpotObject[]) => calls.map((c) => c.id);
const recordIdsOf = (byCall: ReadonlyMap<string, readonly string[]>) => [...new Set([...byCall.values()].flat())];

/** Reads the names a page shows into the cache (both types at once). A failure is left to the cells' own queries. */
async function loadPageNames(qc: QueryClient, calls: readonly HubSpotObject[], show: NameColumns): Promise<void> {
  const callIds = callIdsOf(calls);
  if (callIds.length === 0) return;
  await Promise.all(
    TYPES.filter((type) => show[type]).map(async (type) => {
      const byCall = await qc.fetchQuery(listQueries.pageAssociations(type, callIds));
      const recordIds = recordIdsOf(byCall);
      if (recordIds.length > 0) await qc.fetchQuery(listQueries.recordNames(type, recordIds));
    }),
  ).catch(() => undefined);
}

/** A page of the call list (callQueries.list) that resolves once the names its shown columns need are cached too. */
export function pageWithNames(qc: QueryClient, params: CallListParams, show: NameColumns) {
  const page = callQueries.list(params);
  const fetchPage = page.queryFn as QueryFunction<CallListPage>;
  return queryOptions({
    ...page,
    queryFn: async (context) => {
      const result = await fetchPage(context);
      await loadPageNames(qc, result.results, show);
      return result;
    },
  });
}

function useNames(type: NameType, calls: readonly HubSpotObject[] | undefined, enabled: boolean) {
  const callIds = useMemo(() => callIdsOf(calls ?? []), [calls]);
  const assoc = useQuery({ ...listQueries.pageAssociations(type, callIds), enabled: enabled && callIds.length > 0 });
  const recordIds = useMemo(() => (assoc.data ? recordIdsOf(assoc.data) : EMPTY), [assoc.data]);
  const names = useQuery({ ...listQueries.recordNames(type, recordIds), enabled: enabled && recordIds.length > 0 });
  return { byCall: assoc.data, names: names.data };
}

export function usePageNames(calls: readonly HubSpotObject[] | undefined, show: NameColumns): RowLookups {
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
