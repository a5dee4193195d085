/**
 * The summary strip over the call list's current view (its filters and search text): how many calls, how
 * many per outcome, the connect rate, talk time, and calls by owner on demand. Every count is HubSpot's
 * search total for the view narrowed to that outcome or owner, loaded after the list's own request and
 * paced under HubSpot's search limit; the grid never waits for it. Clicking a figure applies its filter.
 */
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useDispositions } from '../../../../api/metadata-queries';
import { dispositionLabels, outcomeLabel } from '../../call-properties';
import type { CallListParams } from '../../calls-queries';
import { callCount, formatCount } from '../counts';
import { withFilters } from '../list-state';
import type { ListStateUpdate } from '../useListState';
import { countText, FigureError, FilterFigure } from './Figure';
import { OwnerBreakdown } from './OwnerBreakdown';
import { CONNECTED_OUTCOME, narrowView, summaryKeys, summaryQueries, summaryView } from './summary-queries';
import { TalkTimeFigure } from './TalkTimeFigure';

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/**
 * `listLoaded`: whether the list's own page of this view is in. The figures' searches wait for it, so they never
 * compete with the rows for HubSpot's search limit or the server (first rows come first).
 */
export function SummaryStrip({ params, update, listLoaded = true }: { params: CallListParams; update: ListStateUpdate; listLoaded?: boolean }) {
  const view = summaryView(params);
  const qc = useQueryClient();
  const dispositions = useDispositions();
  const labels = dispositionLabels(dispositions.data);
  const total = useQuery({ ...summaryQueries.count(view), enabled: listLoaded });

  // The outcomes the view can hold: those its outcome filter names, else every outcome of the account.
  const outcomeIds = view.filters?.outcomes?.length ? view.filters.outcomes : (dispositions.data ?? []).map((d) => d.id);
  const outcomes = useQueries({
    queries: outcomeIds.map((id) => ({ ...summaryQueries.count(narrowView(view, 'outcomes', id) ?? view), enabled: listLoaded })),
  });
  const countOf = (id: string) => outcomes[outcomeIds.indexOf(id)]?.data;
  const shownOutcomes = outcomeIds
    .map((id) => ({ id, count: countOf(id), archived: dispositions.data?.find((d) => d.id === id)?.archived ?? false }))
    // An archived outcome shows only when calls of the view still carry it.
    .filter((o) => !o.archived || (o.count ?? 0) > 0);
  const allCounted = outcomes.every((q) => q.data !== undefined);
  const rest = total.data !== undefined && allCounted ? total.data - outcomes.reduce((sum, q) => sum + (q.data ?? 0), 0) : undefined;

  // The connect rate: calls with HubSpot's "Connected" outcome over all calls of the view.
  const accountHasConnected = dispositions.data?.some((d) => d.id === CONNECTED_OUTCOME);
  const connectedOut = narrowView(view, 'outcomes', CONNECTED_OUTCOME) === null;
  const connected = connectedOut ? 0 : countOf(CONNECTED_OUTCOME);
  let rate: string | undefined;
  if (total.data === 0) rate = '–';
  else if (total.data !== undefined && connected !== undefined) rate = percent.format(connected / total.data);

  const failedOutcomes = outcomes.filter((q) => q.isError);
  const error = total.error ?? failedOutcomes[0]?.error;
  const retry = () => {
    if (total.isError) void total.refetch();
    for (const q of failedOutcomes) void q.refetch();
  };
  const connectedLabel = outcomeLabel(CONNECTED_OUTCOME, labels)?.label ?? 'Connected';
  return (
    <Paper component="section" aria-label="Summary of this view" variant="outlined" sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="body2" component="p" sx={{ m: 0 }}>
          {total.data === undefined ? 'Counting calls…' : `${callCount(total.data)} in this view`}
        </Typography>
        {accountHasConnected === false && !view.filters?.outcomes?.includes(CONNECTED_OUTCOME) ? (
          <Typography variant="body2" component="p" sx={{ m: 0 }}>
            Connect rate: this account has no “Connected” outcome.
          </Typography>
        ) : (
          <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
            <FilterFigure
              label="Connect rate"
              value={rate ?? '…'}
              hint={`Show only ${connectedLabel} calls`}
              onClick={() => update((s) => withFilters(s, { outcomes: [CONNECTED_OUTCOME] }))}
            />
            <Typography variant="caption" component="span">
              {connected !== undefined && total.data !== undefined && `${formatCount(connected)} “${connectedLabel}” of ${callCount(total.data)}`}
            </Typography>
          </Box>
        )}
        <Box sx={{ flex: 1 }} />
        <Button size="small" onClick={() => void qc.invalidateQueries({ queryKey: summaryKeys.all })}>
          Refresh figures
        </Button>
      </Box>
      <TalkTimeFigure view={view} enabled={listLoaded} />
      <Box component="section" aria-label="Calls by outcome" sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="body2" component="h2" sx={{ m: 0, fontWeight: 500 }}>
          By outcome
        </Typography>
        {shownOutcomes.map((o) => {
          const label = outcomeLabel(o.id, labels)?.label ?? o.id;
          return (
            <FilterFigure
              key={o.id}
              label={label}
              value={countText(o.count)}
              hint={`Show only ${label} calls`}
              onClick={() => update((s) => withFilters(s, { outcomes: [o.id] }))}
            />
          );
        })}
        {rest !== undefined && rest > 0 && (
          <Typography variant="body2" component="span">
            No outcome or one the account does not list: {callCount(rest)}
          </Typography>
        )}
      </Box>
      {error && <FigureError what="the calls of this view" error={error} onRetry={retry} />}
      <OwnerBreakdown view={view} total={total.data} update={update} />
    </Paper>
  );
}
