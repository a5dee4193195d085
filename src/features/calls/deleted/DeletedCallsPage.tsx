/**
 * /calls/deleted: the calls in HubSpot's recycling bin (HubSpot's list with `archived=true`), each with its title,
 * time and deletion time, newest deletion first, 50 per page (`?page=N`). A call can be logged again as a new call;
 * restoring is HubSpot's own (its article linked when connected to HubSpot).
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import type { HubSpotObject } from '../../../api/schemas';
import { ErrorState } from '../../../components/ErrorState';
import { connectionQuery } from '../../../lib/connection';
import { formatDateTime, formatExactDateTime } from '../../../lib/datetime';
import { appPaths, Link as RouterLink, useNavigate, useSearchParams } from '../../../lib/router';
import { formatCount } from '../list/counts';
import { deletedCallQueries, MAX_DELETED_LISTED } from './deleted-calls';
import { LogAgainDialog } from './LogAgainDialog';

/**
 * HubSpot's knowledge-base article on restoring deleted activities (linked from its calls API docs): a deleted
 * call is restored from the timeline of a record it was associated with; HubSpot has no link to one deleted call.
 */
const RESTORE_ACTIVITY_ARTICLE = 'https://knowledge.hubspot.com/records/restore-deleted-activity-in-a-record';

const PAGE_SIZE = 50;

/** The 1-based page number of `?page=`, 1 when absent or not a page number. */
function pageParam(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? n : 1;
}

export default function DeletedCallsPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const query = useQuery(deletedCallQueries.list());
  const connection = useQuery(connectionQuery);
  const [logAgain, setLogAgain] = useState<HubSpotObject | null>(null);
  const page = pageParam(params.get('page'));
  const goTo = (next: number) => void navigate(appPaths.deletedCalls(next));
  const all = query.data?.calls;
  const pageCount = all ? Math.max(1, Math.ceil(all.length / PAGE_SIZE)) : 1;
  const shown = all?.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  let body: React.ReactNode;
  if (query.isError && !query.data) {
    body = <ErrorState error={query.error} title="Could not load the deleted calls" onRetry={() => void query.refetch()} />;
  } else if (!shown) {
    body = (
      <Box role="status" aria-label="Reading HubSpot's deleted calls">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} height={40} />
        ))}
      </Box>
    );
  } else if (shown.length === 0) {
    body = (
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} role="status">
        {page > 1 ? (
          <>
            <Typography gutterBottom>This page has no deleted calls any more.</Typography>
            <Button onClick={() => goTo(1)}>Back to the first page</Button>
          </>
        ) : (
          <>
            <Typography variant="h6" component="h2" gutterBottom>
              No deleted calls
            </Typography>
            <Typography color="text.secondary">HubSpot&apos;s recycling bin has no calls deleted in the last 90 days.</Typography>
          </>
        )}
      </Paper>
    );
  } else {
    body = (
      <>
        <Table size="small" aria-label="Deleted calls">
          <TableHead>
            <TableRow>
              <TableCell>Title</TableCell>
              <TableCell>Call time</TableCell>
              <TableCell>Deleted</TableCell>
              <TableCell align="right">Action</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((call) => {
              const title = call.properties.hs_call_title || 'Untitled call';
              return (
                <TableRow key={call.id} data-id={call.id}>
                  <TableCell>{title}</TableCell>
                  <TableCell title={formatExactDateTime(call.properties.hs_timestamp)}>{formatDateTime(call.properties.hs_timestamp)}</TableCell>
                  <TableCell title={formatExactDateTime(call.archivedAt)}>{formatDateTime(call.archivedAt) || 'Unknown'}</TableCell>
                  <TableCell align="right">
                    <Button size="small" onClick={() => setLogAgain(call)} aria-label={`Log “${title}” again as a new call`}>
                      Log again as a new call
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        <Stack direction="row" spacing={1} component="nav" aria-label="Pages" sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
          <Typography variant="body2" color="text.secondary">
            Page {page} of {pageCount}
          </Typography>
          <Button disabled={page <= 1} onClick={() => goTo(page - 1)}>
            Previous page
          </Button>
          <Button disabled={page >= pageCount} onClick={() => goTo(page + 1)}>
            Next page
          </Button>
        </Stack>
      </>
    );
  }

  return (
    <Stack spacing={2} sx={{ width: '100%', minWidth: 0 }}>
      <Box>
        <Button component={RouterLink} to={appPaths.calls()} startIcon={<ArrowBackIcon />} size="small">
          Calls
        </Button>
      </Box>
      <Typography variant="h5" component="h1">
        Recently deleted calls
      </Typography>
      <Typography>
        Calls deleted in the last 90 days wait in HubSpot&apos;s recycling bin. This console cannot restore them: restore a call in HubSpot, or log it
        again here as a new call (with a new ID and without its recording).
      </Typography>
      {connection.data?.mode === 'hubspot' && (
        <Typography>
          HubSpot restores a deleted call from the timeline of a record it was associated with; it has no link to one deleted call.{' '}
          <Link href={RESTORE_ACTIVITY_ARTICLE} target="_blank" rel="noopener noreferrer">
            How to restore deleted activities in HubSpot (knowledge base)
          </Link>
        </Typography>
      )}
      {all && (
        <Typography variant="body2" color="text.secondary" aria-live="polite">
          {all.length === 1 ? '1 deleted call' : `${formatCount(all.length)} deleted calls`}, newest deletion first.
        </Typography>
      )}
      {query.data?.capped && (
        <Alert severity="info">
          HubSpot has more than {formatCount(MAX_DELETED_LISTED)} deleted calls; this list reads the first {formatCount(MAX_DELETED_LISTED)} in HubSpot&apos;s
          order (not by deletion time), so some recent deletions may be missing.
        </Alert>
      )}
      {body}
      {logAgain && <LogAgainDialog call={logAgain} onClose={() => setLogAgain(null)} />}
    </Stack>
  );
}
