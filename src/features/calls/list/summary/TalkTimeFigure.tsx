/**
 * Total and average talk time of the view. HubSpot's search cannot sum, so the durations are read: the
 * TALK_TIME_CALLS most recent calls at first, all of them when the user asks.
 * The caption says which calls the figures cover.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { formatDuration } from '../../../../lib/duration';
import { callCount, formatCount } from '../counts';
import { FigureError } from './Figure';
import { summaryQueries, TALK_TIME_CALLS, type SummaryView, type TalkTime } from './summary-queries';

const SEARCH_PAGE = 200;

function coverage(t: TalkTime): string {
  if (t.read >= t.total) return `over all ${callCount(t.total)}`;
  return `over the ${formatCount(t.read)} most recent of ${callCount(t.total)}`;
}

export function TalkTimeFigure({ view, enabled = true }: { view: SummaryView; enabled?: boolean }) {
  const viewKey = JSON.stringify(view);
  // The view for which the user asked to read every call (a new view starts with the most recent again).
  const [allFor, setAllFor] = useState<string | null>(null);
  const upTo = allFor === viewKey ? Number.MAX_SAFE_INTEGER : TALK_TIME_CALLS;
  const query = useQuery({ ...summaryQueries.talkTime(view, upTo), enabled });
  const t = query.data;

  if (query.isError) return <FigureError what="talk time" error={query.error} onRetry={() => void query.refetch()} />;
  const reachable = t?.total ?? 0;
  return (
    <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, flexWrap: 'wrap' }}>
      <Typography variant="body2" component="p" sx={{ m: 0 }}>
        Talk time <strong>{t ? formatDuration(t.totalMs) : '…'}</strong>
        {', average '}
        <strong>{t ? (t.withDuration ? formatDuration(t.totalMs / t.withDuration) : '–') : '…'}</strong>
        {t && ` per call with a duration (${callCount(t.withDuration)}), ${coverage(t)}`}
      </Typography>
      {t && t.read < reachable && (
        <Button size="small" onClick={() => setAllFor(viewKey)} disabled={query.isFetching}>
          Sum all {formatCount(reachable)} ({Math.ceil(reachable / SEARCH_PAGE)} searches)
        </Button>
      )}
    </Box>
  );
}
