/** Filters, sort and search as removable chips, plus "Clear all". */
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { RECORD_TYPE_LABELS, recordDisplayName } from '../../../api/records';
import { recordQueries } from '../../../api/records-queries';
import { COLUMNS, optionLabel, outcomeLabel, ownerLabel } from '../call-properties';
import type { RowLookups } from './call-row';
import type { ListStateUpdate } from './useListState';
import { withFilters, withView, type ListFilters, type ListState } from './list-state';

interface ChipSpec {
  key: string;
  label: string;
  /** Applied to the view as the URL has it when clicked: a second quick click must not undo the first. */
  remove: (current: ListState) => ListState;
}

function RecordChipLabel({ record }: { record: NonNullable<ListFilters['record']> }) {
  const { data } = useQuery(recordQueries.detail(record.type, record.id));
  return <>{data ? recordDisplayName(record.type, data) : `#${record.id}`}</>;
}

export interface FilterChipsProps {
  state: ListState;
  update: ListStateUpdate;
  lookups: RowLookups;
  onClearAll: () => void;
}

export function FilterChips({ state, update, lookups, onClearAll }: FilterChipsProps) {
  const f = state.filters;
  const chips: ChipSpec[] = [];
  if (state.q) chips.push({ key: 'q', label: `Search: “${state.q}”`, remove: (s) => withView(s, { q: '' }) });
  if (f.outcomes.length) {
    const names = f.outcomes.map((g) => outcomeLabel(g, lookups.dispositions)?.label);
    chips.push({ key: 'outcome', label: `Outcome: ${names.join(' or ')}`, remove: (s) => withFilters(s, { outcomes: [] }) });
  }
  if (f.direction) chips.push({ key: 'direction', label: `Direction: ${optionLabel(f.direction, lookups.directionLabels)}`, remove: (s) => withFilters(s, { direction: undefined }) });
  if (f.status) chips.push({ key: 'status', label: `Status: ${optionLabel(f.status, lookups.statusLabels)}`, remove: (s) => withFilters(s, { status: undefined }) });
  if (f.owner) chips.push({ key: 'owner', label: `Owner: ${ownerLabel(f.owner, lookups.owners)}`, remove: (s) => withFilters(s, { owner: undefined }) });
  if (f.from) chips.push({ key: 'from', label: `From: ${f.from.replace('T', ' ')}`, remove: (s) => withFilters(s, { from: undefined }) });
  if (f.to) chips.push({ key: 'to', label: `To: ${f.to.replace('T', ' ')}`, remove: (s) => withFilters(s, { to: undefined }) });
  if (f.recording) {
    chips.push({ key: 'recording', label: f.recording === 'with' ? 'Has a recording' : 'No recording', remove: (s) => withFilters(s, { recording: undefined }) });
  }
  if (state.sort) {
    const dir = state.sort.direction === 'asc' ? 'ascending' : 'descending';
    chips.push({ key: 'sort', label: `Sorted by ${COLUMNS[state.sort.field].header.toLowerCase()}, ${dir}`, remove: (s) => withView(s, { sort: undefined }) });
  }
  // Nothing set: the plain list, no chips.
  if (chips.length === 0 && !f.record) return null;
  return (
    <Box
      component="ul"
      aria-label="Active filters"
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, listStyle: 'none', p: 0, m: 0, alignItems: 'center', flex: '1 1 0', minWidth: 240 }}
    >
      {chips.map((c) => (
        <li key={c.key}>
          <Chip label={c.label} aria-label={`Remove ${c.label}`} onClick={() => update(c.remove)} onDelete={() => update(c.remove)} size="small" />
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
            onClick={() => update((s) => withFilters(s, { record: undefined }))}
            onDelete={() => update((s) => withFilters(s, { record: undefined }))}
            size="small"
          />
        </li>
      )}
      <li>
        <Button size="small" onClick={onClearAll}>
          Clear all
        </Button>
      </li>
    </Box>
  );
}
