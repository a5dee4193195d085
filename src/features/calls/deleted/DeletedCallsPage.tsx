/**
 * /calls/deleted: the calls in HubSpot's recycling bin (HubSpot's list with `archived=true`), each with its title,
 * time and deletion time, paged with HubSpot's cursor (the trail in the URL, one `after` per page). A call can be
 * logged again as a new call; restoring is HubSpot's own (linked when connected to HubSpot).
 */
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
import { currentCursor, nextTrail, pageIndex, parseTrail, previousTrail, type CursorTrail } from '../list/cursor-trail';
import { deletedCallQueries, newestDeletionFirst } from './deleted-calls';
import { LogAgainDialog } from './LogAgainDialog';

/**
 * HubSpot's knowledge-base article on restoring deleted activities (linked from its calls API docs): a deleted
 * call is restored from the timeline of a record it was associated with; HubSpot has no link to one deleted call.
 */
const RESTORE_ACTIVITY_ARTICLE = 'https://knowledge.hubspot.com/records/restore-deleted-activity-in-a-record';

export default function DeletedCallsPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const trail = parseTrail(params.getAll('after'));
  const query = useQuery({ ...deletedCallQueries.page(currentCursor(trail)), placeholderData: keepPreviousData });
  const connection = useQuery(connectionQuery);
  const [logAgain, setLogAgain] = useState<HubSpotObject | null>(null);
  const page = pageIndex(trail);
  const goTo = (next: CursorTrail) => void navigate(appPaths.deletedCalls(next));

  let body: React.ReactNode;
  if (query.isError && !query.data) {
    body = <ErrorState error={query.error} title="Could not load the deleted calls" onRetry={() => void query.refetch()} />;
  } else if (!query.data) {
    body = (
      <Box role="status" aria-label="Loading deleted calls">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} height={40} />
        ))}
      </Box>
    );
  } else if (query.data.results.length === 0) {
    body = (
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} role="status">
        {page > 0 ? (
          <>
            <Typography gutterBottom>This page has no deleted calls any more.</Typography>
            <Button onClick={() => goTo([])}>Back to the first page</Button>
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
    const nextAfter = query.data.nextAfter;
    body = (
      <>
        <Table size="small" aria-label="Deleted calls" sx={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>Title</TableCell>
              <TableCell>Call time</TableCell>
              <TableCell>Deleted</TableCell>
              <TableCell align="right">Action</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {newestDeletionFirst(query.data.results).map((call) => {
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
            Page {page + 1}
          </Typography>
          <Button disabled={page === 0 || query.isPlaceholderData} onClick={() => goTo(previousTrail(trail))}>
            Previous page
          </Button>
          <Button disabled={!nextAfter || query.isPlaceholderData} onClick={() => nextAfter && goTo(nextTrail(trail, nextAfter))}>
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
      <Typography variant="body2" color="text.secondary">
        HubSpot lists deleted calls in its own order and cannot sort them by deletion time; each page shows the newest deletion first.
      </Typography>
      {body}
      {logAgain && <LogAgainDialog call={logAgain} onClose={() => setLogAgain(null)} />}
    </Stack>
  );
}
