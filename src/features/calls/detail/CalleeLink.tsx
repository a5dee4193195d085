/** The callee of a call by name, linking to the calls with that contact or company (not a bare record id). */
import Link from '@mui/material/Link';
import { useQuery } from '@tanstack/react-query';
import { isNotFound } from '../../../api/errors';
import { RECORD_TYPE_LABELS, recordDisplayName, type RecordType } from '../../../api/records';
import { recordQueries } from '../../../api/records-queries';
import { appPaths, Link as RouterLink } from '../../../lib/router';

const RECORD_TYPE_OF: Record<string, RecordType> = { CONTACT: 'contacts', COMPANY: 'companies' };

/** The record type a callee type names (`CONTACT` -> contacts), if the app knows it. */
function calleeRecordType(calleeType: string | null | undefined): RecordType | undefined {
  return calleeType ? RECORD_TYPE_OF[calleeType.toUpperCase()] : undefined;
}

export function CalleeLink({ calleeType, calleeId }: { calleeType: string | null | undefined; calleeId: string }) {
  const type = calleeRecordType(calleeType);
  const record = useQuery({ ...recordQueries.detail(type ?? 'contacts', calleeId), enabled: type !== undefined });
  if (!type) return <>{calleeType ? `${calleeType} ${calleeId}` : `Record ${calleeId}`}</>;
  const kind = RECORD_TYPE_LABELS[type].one.toLowerCase();
  if (record.isPending) return <>{`${RECORD_TYPE_LABELS[type].one} ${calleeId}`}</>;
  if (record.isError) {
    return <>{isNotFound(record.error) ? `${RECORD_TYPE_LABELS[type].one} ${calleeId} (not in HubSpot)` : `${RECORD_TYPE_LABELS[type].one} ${calleeId}`}</>;
  }
  const name = recordDisplayName(type, record.data);
  return (
    <>
      <Link component={RouterLink} to={appPaths.calls(`record=${type}:${encodeURIComponent(calleeId)}`)} title={`Calls with ${name}`}>
        {name}
      </Link>{' '}
      ({kind})
    </>
  );
}
