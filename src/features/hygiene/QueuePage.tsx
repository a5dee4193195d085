/**
 * /attention/:queue, one queue's calls in the call list's own grid (features/calls' FilteredCallGrid: its filters,
 * search, triage keys): a search queue's grid is over the queue's filter groups, a scan queue's over the call ids
 * of the last scan (idRule). The duplicates show by group (ScanQueueCalls, each group with its fix) or as that grid.
 *
 * Seam for the fixes (repair by phone, duplicates, owners, outcome rules): they go in QueueFixes' place below
 * the heading, and act on the queue's calls (`calls.data`) or the grid's selection (`onSelectionChange`).
 */
import { Suspense, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { ErrorState } from '../../components/ErrorState';
import { NotFound } from '../../components/NotFound';
import { appPaths, Link as RouterLink, useParams, useSearchParams } from '../../lib/router';
import { userTimeZone } from '../../lib/timezone';
import { FilteredCallGrid, idRule } from '../calls';
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

/** A plain scan queue's calls: the list's grid over the scan's ids. */
function ScanCallGrid({ callIds }: { callIds: readonly string[] }) {
  if (callIds.length === 0) {
    return (
      <Typography color="text.secondary" role="status">
        No calls match this rule in the last scan.
      </Typography>
    );
  }
  // FilteredCallGrid keeps its rule while the ids are the same, whatever array this render built.
  return <FilteredCallGrid groups={idRule(callIds)} />;
}

/**
 * The duplicates: by group (each with its fix), or as a list: the list's grid over every call of the groups. The
 * choice is in the URL (`?show=list`).
 */
function DuplicateCalls({ groups }: { groups: readonly (readonly string[])[] }) {
  const [params, setParams] = useSearchParams();
  const show = params.get('show') === 'list' ? 'list' : 'groups';
  const ids = useMemo(() => groups.flat(), [groups]);
  return (
    <Stack spacing={1.5}>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={show}
        aria-label="Show the duplicates"
        onChange={(_, value: string | null) => {
          if (value) setParams(value === 'list' ? new URLSearchParams({ show: 'list' }) : new URLSearchParams());
        }}
        // Full-contrast labels: the default grey ones fall below 4.5:1 under a dialog's backdrop.
        sx={{ alignSelf: 'flex-start', '& .MuiToggleButton-root': { color: 'text.primary' } }}
      >
        <ToggleButton value="groups">By group</ToggleButton>
        <ToggleButton value="list">As a list</ToggleButton>
      </ToggleButtonGroup>
      {show === 'list' ? <ScanCallGrid callIds={ids} /> : <ScanQueueCalls groups={groups} />}
    </Stack>
  );
}

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
        <Suspense fallback={<Skeleton variant="rounded" height={300} aria-label="Loading the grid" />}>
          {'groups' in data ? <DuplicateCalls groups={data.groups} /> : data.id === DAYS_QUEUE ? <MissedCalls callIds={data.callIds} /> : <ScanCallGrid callIds={data.callIds} />}
        </Suspense>
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
