/**
 * /attention/:queue, one queue's calls: a search queue shows the call list's own grid over the queue's filter
 * groups (features/calls' FilteredCallGrid); a scan queue shows the calls of the last scan (ScanQueueCalls),
 * the duplicates grouped.
 *
 * Seam for the fixes (repair by phone, duplicates, owners, outcome rules): they go in QueueFixes' place below
 * the heading, and act on the queue's calls (`calls.data`) or the grid's selection (`onSelectionChange`).
 */
import { Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorState } from '../../components/ErrorState';
import { NotFound } from '../../components/NotFound';
import { appPaths, Link as RouterLink, useParams } from '../../lib/router';
import { userTimeZone } from '../../lib/timezone';
import { FilteredCallGrid } from '../calls';
import { useNow } from './AttentionPage';
import { ago, clockTime } from './freshness';
import { DAYS_QUEUE, DEFAULT_DAYS, isQueueId, isScanRequired, type QueueId } from './hygiene-api';
import { hygieneQueries } from './hygiene-queries';
import { MissedCalls } from './MissedCalls';
import { RepairByPhone } from './RepairByPhone';
import { ResolveAllDuplicates } from './ResolveAllDuplicates';
import { ScanPanel } from './ScanPanel';
import { QueueFixes } from './QueueFixes';
import { ScanQueueCalls } from './ScanQueueCalls';
import { useDays } from './useDays';

export default function QueuePage() {
  const { queue } = useParams();
  if (!isQueueId(queue)) return <NotFound title="There is no such queue" message="This queue does not exist. Pick one on Needs attention." />;
  return <Queue id={queue} />;
}

function Queue({ id }: { id: QueueId }) {
  const [days] = useDays();
  const queues = useQuery(hygieneQueries.queues(days));
  const calls = useQuery(hygieneQueries.calls(id, days));
  const now = useNow();
  const [timeZone] = useState(userTimeZone);
  const summary = queues.data?.queues.find((q) => q.id === id);
  const backDays = id === DAYS_QUEUE && days !== DEFAULT_DAYS ? days : undefined;
  const [selection, setSelection] = useState<ReadonlySet<string>>(() => new Set());

  let body: React.ReactNode;
  if (calls.isError && isScanRequired(calls.error)) {
    body = (
      <Stack spacing={2}>
        <Typography>This queue comes from a scan of every call, and none has finished yet.</Typography>
        <ScanPanel now={now} timeZone={timeZone} />
      </Stack>
    );
  } else if (calls.isError) {
    body = <ErrorState error={calls.error} title="Could not read this queue" onRetry={() => void calls.refetch()} />;
  } else if (!calls.data) {
    body = <Skeleton variant="rounded" height={300} aria-label="Loading the queue" />;
  } else if (calls.data.source === 'search') {
    const groups = calls.data.filterGroups.map((g) => g.filters);
    body = (
      <Suspense fallback={<Skeleton variant="rounded" height={300} aria-label="Loading the grid" />}>
        <Stack spacing={2}>
          <QueueFixes id={id} groups={groups} selection={selection} />
          <FilteredCallGrid groups={groups} onSelectionChange={setSelection} />
        </Stack>
      </Suspense>
    );
  } else {
    const data = calls.data;
    body = (
      <Stack spacing={1.5}>
        <Typography variant="body2" color="text.secondary">
          From the scan of {clockTime(data.computedAt, now, timeZone)}, {ago(data.computedAt, now)}
          {'groups' in data ? `: ${data.groups.length} ${data.groups.length === 1 ? 'group' : 'groups'}` : `: ${data.callIds.length} ${data.callIds.length === 1 ? 'call' : 'calls'}`}.
        </Typography>
        {'callIds' in data && (id === 'no-association' || id === 'placeholder-contact') && <RepairByPhone queue={id} callIds={data.callIds} />}
        {'groups' in data && <ResolveAllDuplicates groups={data.groups} />}
        {'groups' in data ? <ScanQueueCalls groups={data.groups} /> : data.id === DAYS_QUEUE ? <MissedCalls callIds={data.callIds} /> : <ScanQueueCalls callIds={data.callIds} />}
      </Stack>
    );
  }

  return (
    <Stack spacing={2} sx={{ width: '100%', minWidth: 0 }}>
      <Box>
        <Link component={RouterLink} to={appPaths.attention(backDays)} underline="hover">
          ← Needs attention
        </Link>
        <Typography variant="h5" component="h1" sx={{ mt: 1 }}>
          {summary?.title ?? 'Queue'}
          {id === DAYS_QUEUE ? ` (N = ${days} ${days === 1 ? 'day' : 'days'})` : ''}
        </Typography>
        {summary && <Typography color="text.secondary">{summary.rule}</Typography>}
      </Box>
      {body}
      {calls.isError && !isScanRequired(calls.error) ? null : (
        <Box>
          <Button component={RouterLink} to={appPaths.attention(backDays)}>
            Back to all queues
          </Button>
        </Box>
      )}
    </Stack>
  );
}
