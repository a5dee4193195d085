/**
 * Calls of the view by owner, on demand: one search per owner (paced like every summary search), so the
 * button says how many searches it costs. Each owner's figure filters the list to that owner.
 */
import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { ownerName, useOwners } from '../../../../api/metadata-queries';
import { callCount } from '../counts';
import { withFilters } from '../list-state';
import type { ListStateUpdate } from '../useListState';
import { countText, FigureError, FilterFigure } from './Figure';
import { narrowView, summaryQueries, type SummaryView } from './summary-queries';

export function OwnerBreakdown({ view, total, update }: { view: SummaryView; total: number | undefined; update: ListStateUpdate }) {
  const viewKey = JSON.stringify(view);
  const [shownFor, setShownFor] = useState<string | null>(null);
  const shown = shownFor === viewKey;
  const owners = useOwners();
  // Owners the view can hold (its own owner filter leaves the others out).
  const candidates = (owners.data ?? []).flatMap((o) => {
    const narrowed = narrowView(view, 'ownerIds', o.id);
    return narrowed ? [{ owner: o, view: narrowed }] : [];
  });
  const counts = useQueries({ queries: shown ? candidates.map((c) => summaryQueries.count(c.view)) : [] });

  if (!shown) {
    return (
      <Box>
        <Button size="small" onClick={() => setShownFor(viewKey)} disabled={!owners.data}>
          Count by owner{owners.data && ` (${candidates.length} ${candidates.length === 1 ? 'search' : 'searches'})`}
        </Button>
      </Box>
    );
  }
  const failed = counts.filter((q) => q.isError);
  const rows = candidates.map((c, i) => ({ ...c, count: counts[i]?.data })).filter((r) => r.count !== 0);
  const done = counts.filter((q) => q.data !== undefined).length;
  const known = counts.reduce((sum, q) => sum + (q.data ?? 0), 0);
  const rest = total !== undefined && done === counts.length ? total - known : undefined;
  return (
    <Box component="section" aria-label="Calls by owner" sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Typography variant="body2" component="h2" sx={{ m: 0, fontWeight: 500 }}>
        By owner{done < counts.length && ` (${done} of ${counts.length} counted)`}
      </Typography>
      {rows.map((r) => (
        <FilterFigure
          key={r.owner.id}
          label={ownerName(r.owner)}
          value={countText(r.count)}
          hint={`Show only ${ownerName(r.owner)}'s calls`}
          onClick={() => update((s) => withFilters(s, { owner: r.owner.id }))}
        />
      ))}
      {rest !== undefined && rest > 0 && (
        <Typography variant="body2" component="span">
          No owner or a former owner: {callCount(rest)}
        </Typography>
      )}
      {failed[0] && <FigureError what="calls by owner" error={failed[0].error} onRetry={() => failed.forEach((q) => void q.refetch())} />}
    </Box>
  );
}
