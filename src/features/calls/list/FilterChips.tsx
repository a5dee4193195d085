/** Filters, sort and search as removable chips, plus "Clear all". */
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { RECORD_TYPE_LABELS, recordDisplayName } from '../../../api/records';
import { recordQueries } from '../../../api/records-queries';
import { COLUMNS, optionLabel, outcomeLabel, ownerLabel } from '../call-properties';
import type { RowLookups } from './call-row';
import { clearAll, withFilters, withView, type ListFilters, type ListState } from './list-state';

interface ChipSpec {
  key: string;
  label: string;
  remove: ListState;
}

function RecordChipLabel({ record }: { record: NonNullable<ListFilters['record']> }) {
  const { data } = useQuery(recordQueries.detail(record.type, record.id));
  return <>{data ? recordDisplayName(record.type, data) : `#${record.id}`}</>;
}

export function FilterChips({ state, setState, lookups }: { state: ListState; setState: (s: ListState) => void; lookups: RowLookups }) {
  const f = state.filters;
  const chips: ChipSpec[] = [];
  if (state.q) chips.push({ key: 'q', label: `Search: “${state.q}”`, remove: withView(state, { q: '' }) });
  if (f.outcomes.length) {
    const names = f.outcomes.map((g) => outcomeLabel(g, lookups.dispositions)?.label);
    chips.push({ key: 'outcome', label: `Outcome: ${names.join(' or ')}`, remove: withFilters(state, { outcomes: [] }) });
  }
  if (f.direction) chips.push({ key: 'direction', label: `Direction: ${optionLabel(f.direction, lookups.directionLabels)}`, remove: withFilters(state, { direction: undefined }) });
  if (f.status) chips.push({ key: 'status', label: `Status: ${optionLabel(f.status, lookups.statusLabels)}`, remove: withFilters(state, { status: undefined }) });
  if (f.owner) chips.push({ key: 'owner', label: `Owner: ${ownerLabel(f.owner, lookups.owners)}`, remove: withFilters(state, { owner: undefined }) });
  if (f.from) chips.push({ key: 'from', label: `From: ${f.from.replace('T', ' ')}`, remove: withFilters(state, { from: undefined }) });
  if (f.to) chips.push({ key: 'to', label: `To: ${f.to.replace('T', ' ')}`, remove: withFilters(state, { to: undefined }) });
  if (f.recording) {
    chips.push({ key: 'recording', label: f.recording === 'with' ? 'Has a recording' : 'No recording', remove: withFilters(state, { recording: undefined }) });
  }
  if (state.sort) {
    const dir = state.sort.direction === 'asc' ? 'ascending' : 'descending';
    chips.push({ key: 'sort', label: `Sorted by ${COLUMNS[state.sort.field].header.toLowerCase()}, ${dir}`, remove: withView(state, { sort: undefined }) });
  }
  // Nothing set: the plain list, no chips.
  if (chips.length === 0 && !f.record) return null;
  return (
    <Box component="ul" aria-label="Active filters" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, listStyle: 'none', p: 0, m: 0, alignItems: 'center' }}>
      {chips.map((c) => (
        <li key={c.key}>
          <Chip label={c.label} aria-label={`Remove ${c.label}`} onClick={() => setState(c.remove)} onDelete={() => setState(c.remove)} size="small" />
        </li>
      ))}
      {f.record && (
        <li>
          <Chip
            label={
              <>
                {RECORD_TYPE_LABELS[f.record.type].one}: <RecordChipLabel record={f.record} />
              </>
            }
            aria-label={`Remove associated ${RECORD_TYPE_LABELS[f.record.type].one.toLowerCase()} filter`}
            onClick={() => setState(withFilters(state, { record: undefined }))}
            onDelete={() => setState(withFilters(state, { record: undefined }))}
            size="small"
          />
        </li>
      )}
      <li>
        <Button size="small" onClick={() => setState(clearAll(state))}>
          Clear all
        </Button>
      </li>
    </Box>
  );
}
