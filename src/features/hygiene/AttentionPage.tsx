/**
 * /attention, "Needs attention": the queues of calls that need fixing, each with its rule, its exact count and
 * how fresh that count is (search queues: counted by HubSpot's search now; scan queues: from the last scan), and
 * the scan behind the scan queues. Each queue opens its calls (QueuePage). The fixes hang off QueuePage.
 */
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ErrorState } from '../../components/ErrorState';
import { appPaths, Link as RouterLink } from '../../lib/router';
import { userTimeZone } from '../../lib/timezone';
import { DAYS_QUEUE, DEFAULT_DAYS, MAX_DAYS, type QueueSummary } from './hygiene-api';
import { freshness } from './freshness';
import { hygieneQueries } from './hygiene-queries';
import { OutcomeRule } from './OutcomeRule';
import { ScanPanel } from './ScanPanel';
import { parseDays, useDays } from './useDays';

/** The current time, a new value every `everyMs` (for "3 min ago"). */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "12 calls", "1 call"; duplicates are counted in groups. */
function countText(q: Pick<QueueSummary, 'id' | 'count'>): string {
  if (q.count === null) return '—';
  const n = q.count.toLocaleString('en-US');
  if (q.id === 'duplicates') return `${n} ${q.count === 1 ? 'group' : 'groups'}`;
  return `${n} ${q.count === 1 ? 'call' : 'calls'}`;
}

/** N as typed; the URL (and the count) take it once it is a whole number from 1 to MAX_DAYS. */
function DaysField({ days, onDays }: { days: number; onDays: (n: number) => void }) {
  const [text, setText] = useState(String(days));
  const valid = parseDays(text) !== undefined;
  return (
    <TextField
      label="Days to call back (N)"
      type="number"
      size="small"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const n = parseDays(e.target.value);
        if (n !== undefined) onDays(n);
      }}
      error={!valid}
      helperText={valid ? `A call back within ${days} ${days === 1 ? 'day' : 'days'} counts.` : `Enter a whole number from 1 to ${MAX_DAYS}.`}
      slotProps={{ htmlInput: { min: 1, max: MAX_DAYS, step: 1, inputMode: 'numeric' } }}
      sx={{ width: 260 }}
    />
  );
}

function QueueCard({ queue, days, onDays, now, timeZone }: { queue: QueueSummary; days: number; onDays: (n: number) => void; now: Date; timeZone: string }) {
  const headingId = `queue-${queue.id}`;
  const linkDays = queue.id === DAYS_QUEUE && days !== DEFAULT_DAYS ? days : undefined;
  return (
    <Paper component="li" variant="outlined" sx={{ p: 2, listStyle: 'none' }}>
      <Box component="section" aria-labelledby={headingId} sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 260 }}>
          <Typography variant="h6" component="h2" id={headingId}>
            <Link component={RouterLink} to={appPaths.attentionQueue(queue.id, linkDays)} underline="hover">
              {queue.title}
            </Link>
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {queue.rule}
          </Typography>
          <Typography variant="caption" color={queue.error ? 'error' : 'text.secondary'} component="p" sx={{ mt: 0.5 }}>
            {freshness(queue, now, timeZone)}
          </Typography>
          {queue.id === DAYS_QUEUE && (
            <Box sx={{ mt: 1.5 }}>
              <DaysField days={days} onDays={onDays} />
            </Box>
          )}
        </Box>
        <Typography variant="h5" component="p" aria-label={`Count: ${countText(queue)}`} sx={{ whiteSpace: 'nowrap' }}>
          {countText(queue)}
        </Typography>
      </Box>
    </Paper>
  );
}

export default function AttentionPage() {
  const [days, setDays] = useDays();
  // The last counts stay while another N is counted (the N field stays where it is, with what is typed).
  const queues = useQuery({ ...hygieneQueries.queues(days), placeholderData: keepPreviousData });
  const now = useNow();
  const [timeZone] = useState(userTimeZone);

  let body: React.ReactNode;
  if (queues.isError && !queues.data) body = <ErrorState error={queues.error} title="Could not read the queues" onRetry={() => void queues.refetch()} />;
  else if (!queues.data) body = <Skeleton variant="rounded" height={400} aria-label="Loading the queues" />;
  else {
    body = (
      <Stack component="ul" spacing={1.5} aria-label="Queues" sx={{ p: 0, m: 0 }}>
        {queues.data.queues.map((q) => (
          <QueueCard key={q.id} queue={q} days={days} onDays={setDays} now={now} timeZone={timeZone} />
        ))}
      </Stack>
    );
  }

  return (
    <Stack spacing={2} sx={{ width: '100%', maxWidth: 1100 }}>
      <Box>
        <Typography variant="h5" component="h1">
          Needs attention
        </Typography>
        <Typography color="text.secondary">Calls that break one of these rules. Open a queue to see its calls.</Typography>
      </Box>
      <ScanPanel now={now} timeZone={timeZone} />
      <OutcomeRule />
      {body}
    </Stack>
  );
}
