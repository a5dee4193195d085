/**
 * The call's associated records of every type, read through the shared query cache so the panel,
 * the header summary and the pin summary together cost the same requests as the panel alone.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { RECORD_TYPES } from '../../api/records';
import type { RecordType } from '../../api/records';
import { connectionQuery } from '../../lib/connection';
import { entryName, hubspotRecordUrl, pinState } from './association-model';
import type { AssociatedEntry } from './association-model';
import { associationQueries } from './association-queries';

export function useCallAssociations(callId: string) {
  const results = useQueries({ queries: RECORD_TYPES.map((type) => associationQueries.records(callId, type)) });
  return RECORD_TYPES.map((type, i) => ({ type, query: results[i] }));
}

/** Where this call is pinned: the associated records whose pinned activity is this call. */
export function useCallPins(callId: string): { type: RecordType; id: string; name: string }[] {
  const byType = useCallAssociations(callId);
  const pins: { type: RecordType; id: string; name: string }[] = [];
  for (const { type, query } of byType) {
    for (const e of query?.data ?? []) {
      if (pinState(e, callId).kind === 'this-call') pins.push({ type, id: e.id, name: entryName(e) });
    }
  }
  return pins;
}

/**
 * Stage / status labels for the record types in `types` (deals, tickets): one cached metadata read
 * per type, only once such a record is on screen.
 */
export function useStageLabels(types: readonly RecordType[]): (type: RecordType) => ReadonlyMap<string, string> | undefined {
  const deals = useQuery({ ...associationQueries.stageLabels('deals'), enabled: types.includes('deals') });
  const tickets = useQuery({ ...associationQueries.stageLabels('tickets'), enabled: types.includes('tickets') });
  return (type) => (type === 'deals' ? deals.data : type === 'tickets' ? tickets.data : undefined);
}

/** A function giving a record's HubSpot URL, or null when not connected to HubSpot (the mock has no app). */
export function useRecordLinks(): (e: Pick<AssociatedEntry, 'type' | 'id'>) => string | null {
  const connection = useQuery(connectionQuery);
  const connected = connection.data?.mode === 'hubspot';
  const account = useQuery({ ...associationQueries.account(), enabled: connected });
  const details = account.data;
  return (e) => (connected && details ? hubspotRecordUrl(details, e.type, e.id) : null);
}
