/**
 * The duplicates queue's calls: one table per group of the last scan (its calls read from HubSpot a page of groups
 * at a time), titles linking to each call's page, and each group's fix. The page is in the URL (`?page=N`). A call
 * deleted since the scan is left out and said so.
 */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { metadataQueries, ownerNames } from '../../api/metadata-queries';
import type { HubSpotObject, PropertyDefinition } from '../../api/schemas';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime } from '../../lib/datetime';
import { formatDuration } from '../../lib/duration';
import { appPaths, Link as RouterLink, useSearchParams } from '../../lib/router';
import { userTimeZone } from '../../lib/timezone';
import { hygieneQueries } from './hygiene-queries';
import { ResolveDuplicates } from './ResolveDuplicates';

/** Groups a page shows. */
const GROUPS_PER_PAGE = 25;

function optionLabel(defs: readonly PropertyDefinition[] | undefined, name: string, value: string | undefined): string {
  if (!value) return '';
  return defs?.find((d) => d.name === name)?.options?.find((o) => o.value === value)?.label ?? value;
}

function CallsTable({ ids, calls, caption }: { ids: readonly string[]; calls: ReadonlyMap<string, HubSpotObject>; caption: string }) {
  const properties = useQuery(metadataQueries.properties('calls'));
  const owners = useQuery(metadataQueries.owners());
  const names = useMemo(() => ownerNames(owners.data), [owners.data]);
  const [timeZone] = useState(userTimeZone);
  const shown = ids.filter((id) => calls.has(id));
  const gone = ids.length - shown.length;
  return (
    <Box>
      <Table size="small" aria-label={caption}>
        <TableHead>
          <TableRow>
            <TableCell>Title</TableCell>
            <TableCell>Time</TableCell>
            <TableCell>Direction</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Duration</TableCell>
            <TableCell>From</TableCell>
            <TableCell>To</TableCell>
            <TableCell>Owner</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((id) => {
            const p = calls.get(id)?.properties ?? {};
            const owner = p.hubspot_owner_id ?? '';
            return (
              <TableRow key={id} hover data-id={id}>
                <TableCell>
                  <Link component={RouterLink} to={appPaths.call(id)}>
                    {p.hs_call_title?.trim() || '(untitled call)'}
                  </Link>
                </TableCell>
                <TableCell>{formatDateTime(p.hs_timestamp, timeZone)}</TableCell>
                <TableCell>{optionLabel(properties.data, 'hs_call_direction', p.hs_call_direction ?? undefined)}</TableCell>
                <TableCell>{optionLabel(properties.data, 'hs_call_status', p.hs_call_status ?? undefined)}</TableCell>
                <TableCell>{p.hs_call_duration ? formatDuration(p.hs_call_duration) : ''}</TableCell>
                <TableCell>{p.hs_call_from_number}</TableCell>
                <TableCell>{p.hs_call_to_number}</TableCell>
                <TableCell>{owner ? (names.get(owner) ?? `#${owner}`) : 'No owner'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {gone > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {gone === 1 ? '1 call was' : `${gone} calls were`} deleted in HubSpot since the scan.
        </Typography>
      )}
    </Box>
  );
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (p: number) => void }) {
  if (pages <= 1) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} component="nav" aria-label="Pages">
      <Button onClick={() => onPage(page - 1)} disabled={page <= 1}>
        Previous page
      </Button>
      <Typography>
        Page {page} of {pages}
      </Typography>
      <Button onClick={() => onPage(page + 1)} disabled={page >= pages}>
        Next page
      </Button>
    </Stack>
  );
}

export function ScanQueueCalls({ groups }: { groups: readonly (readonly string[])[] }) {
  const [params, setParams] = useSearchParams();
  const pages = Math.max(1, Math.ceil(groups.length / GROUPS_PER_PAGE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1));
  const pageGroups = useMemo(() => groups.slice((page - 1) * GROUPS_PER_PAGE, page * GROUPS_PER_PAGE), [groups, page]);
  const pageIds = useMemo(() => pageGroups.flat(), [pageGroups]);
  const calls = useQuery({ ...hygieneQueries.callsById(pageIds), enabled: pageIds.length > 0 });
  const onPage = (p: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (p > 1) next.set('page', String(p));
      else next.delete('page');
      return next;
    });

  if (groups.length === 0) {
    return (
      <Typography color="text.secondary" role="status">
        No calls match this rule in the last scan.
      </Typography>
    );
  }
  let body: React.ReactNode;
  if (calls.isError) body = <ErrorState error={calls.error} title="Could not read the calls" onRetry={() => void calls.refetch()} />;
  else if (!calls.data) body = <Typography color="text.secondary">Reading the calls from HubSpot…</Typography>;
  else {
    const first = (page - 1) * GROUPS_PER_PAGE;
    body = (
      <Stack spacing={2}>
        {pageGroups.map((group, i) => (
          <Box component="section" key={group.join(',')} aria-labelledby={`group-${first + i}`}>
            <Typography variant="subtitle1" component="h2" id={`group-${first + i}`}>
              Group {first + i + 1}: {group.length} calls
            </Typography>
            <CallsTable ids={group} calls={calls.data} caption={`Group ${first + i + 1}`} />
            <ResolveDuplicates group={group} name={`group ${first + i + 1}`} />
          </Box>
        ))}
      </Stack>
    );
  }
  return (
    <Stack spacing={1.5}>
      {body}
      <Pager page={page} pages={pages} onPage={onPage} />
    </Stack>
  );
}
