/**
 * /journal: every bulk change (the list's bulk actions and the fixes of Needs attention), newest first: when, who,
 * what, its status and its calls' counts; each opens its entry (JournalEntryPage), where it can be undone.
 * "Older" reads the next page.
 */
import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime, formatExactDateTime, userTimeZone } from '../../lib/datetime';
import { appPaths, Link as RouterLink } from '../../lib/router';
import { countsText, kindLabel, statusLabel } from './entry-labels';
import { journalQueries } from './journal-queries';

export default function JournalPage() {
  const entries = useInfiniteQuery(journalQueries.entries());
  const [timeZone] = useState(userTimeZone);
  const rows = entries.data?.pages.flatMap((p) => p.results) ?? [];

  let body: React.ReactNode;
  if (entries.isError && !entries.data) body = <ErrorState error={entries.error} title="Could not read the journal" onRetry={() => void entries.refetch()} />;
  else if (!entries.data) body = <Skeleton variant="rounded" height={300} aria-label="Loading the journal" />;
  else if (rows.length === 0) {
    body = (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography>No bulk changes yet.</Typography>
        <Typography variant="body2" color="text.secondary">
          Bulk changes made from the <Link component={RouterLink} to={appPaths.calls()}>call list</Link> and the fixes in{' '}
          <Link component={RouterLink} to={appPaths.attention()}>Needs attention</Link> are recorded here, each with every call&apos;s previous values, so
          they can be undone.
        </Typography>
      </Paper>
    );
  } else {
    body = (
      <>
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Bulk changes">
            <TableHead>
              <TableRow>
                <TableCell>When</TableCell>
                <TableCell>Who</TableCell>
                <TableCell>What</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Calls</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((e) => (
                <TableRow key={e.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }} title={formatExactDateTime(e.createdAt, timeZone)}>
                    {formatDateTime(e.createdAt, timeZone)}
                  </TableCell>
                  <TableCell>{e.actor}</TableCell>
                  <TableCell>
                    <Link component={RouterLink} to={appPaths.journalEntry(e.id)}>
                      {e.summary}
                    </Link>
                    <Typography variant="caption" color="text.secondary" component="span" sx={{ ml: 1 }}>
                      {kindLabel(e.kind)}
                    </Typography>
                  </TableCell>
                  <TableCell>{statusLabel(e)}</TableCell>
                  <TableCell>{countsText(e.counts)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        {entries.isFetchNextPageError && <ErrorState error={entries.error} title="Could not read older changes" onRetry={() => void entries.fetchNextPage()} />}
        {entries.hasNextPage && (
          <Box>
            <Button onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
              {entries.isFetchingNextPage ? 'Loading older changes…' : 'Older'}
            </Button>
          </Box>
        )}
      </>
    );
  }

  return (
    <Stack spacing={2} sx={{ width: '100%', maxWidth: 1200 }}>
      <Box>
        <Typography variant="h5" component="h1">
          Journal
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Every bulk change to calls, newest first, with who made it. Open one to see each call&apos;s values before and after, and to undo it.
        </Typography>
      </Box>
      {body}
    </Stack>
  );
}
