/** The filter controls. Every change goes to the URL (and back to the first page). */
import { memo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { RECORD_TYPE_LABELS, RECORD_TYPES, recordDisplayName, recordDetail, type RecordType } from '../../../api/records';
import type { Disposition, HubSpotObject, Owner, PropertyOption } from '../../../api/schemas';
import { ownerName, useCallPropertyOptions } from '../../../api/metadata-queries';
import { recordQueries } from '../../../api/records-queries';
import { dispositionLabel, dispositionLabels, outcomeLabel } from '../call-properties';
import { DateRangeFilter } from './DateRangeFilter';
import { withFilters, type ListFilters, type RecordingFilter } from './list-state';
import type { ListStateUpdate } from './useListState';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';

export interface FiltersPanelProps {
  filters: ListFilters;
  update: ListStateUpdate;
  dispositions: readonly Disposition[] | undefined;
  owners: readonly Owner[] | undefined;
  id?: string;
}

const fieldSx = { minWidth: 170, flex: '1 1 170px' } as const;

/** Memoised: it re-renders when the filters or the metadata change, not on every page change. */
export const FiltersPanel = memo(function FiltersPanel({ filters: f, update, dispositions, owners, id }: FiltersPanelProps) {
  const set = (patch: Partial<ListFilters>) => update((s) => withFilters(s, patch));
  const { options: directions } = useCallPropertyOptions('hs_call_direction');
  const { options: statuses } = useCallPropertyOptions('hs_call_status');
  const outcomeLabels = dispositionLabels(dispositions);

  return (
    <Box id={id} role="group" aria-label="Filters" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, py: 1 }}>
      <TextField
        select
        size="small"
        label="Outcome"
        value={f.outcomes}
        onChange={(e) => {
          const v = e.target.value as unknown;
          const picked = new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : String(v).split(','));
          // Apply the click as a change to the URL as it is now, not to the value this render showed: a second
          // quick pick arrives before the first one has re-rendered, and must not drop it.
          const added = [...picked].filter((id) => !f.outcomes.includes(id));
          const removed = new Set(f.outcomes.filter((id) => !picked.has(id)));
          update((s) => withFilters(s, { outcomes: [...new Set([...s.filters.outcomes, ...added])].filter((id) => !removed.has(id)).sort() }));
        }}
        slotProps={{
          select: {
            multiple: true,
            renderValue: (v) => (v as string[]).map((guid) => outcomeLabel(guid, outcomeLabels)?.label).join(', '),
          },
        }}
        sx={fieldSx}
      >
        {/* Archived outcomes stay filterable: calls still carry them. */}
        {(dispositions ?? []).map((d) => (
          <MenuItem key={d.id} value={d.id}>
            <Checkbox size="small" checked={f.outcomes.includes(d.id)} tabIndex={-1} disableRipple sx={{ p: 0, mr: 1 }} />
            <ListItemText primary={dispositionLabel(d)} />
          </MenuItem>
        ))}
      </TextField>
      <PropertyFilter label="Direction" anyLabel="Any direction" options={directions} value={f.direction} onChange={(direction) => set({ direction })} />
      <PropertyFilter label="Status" anyLabel="Any status" options={statuses} value={f.status} onChange={(status) => set({ status })} />
      <TextField select size="small" label="Owner" value={f.owner ?? ''} onChange={(e) => set({ owner: e.target.value || undefined })} sx={fieldSx}>
        <MenuItem value="">Any owner</MenuItem>
        {(owners ?? [])
          .filter((o) => !o.archived || o.id === f.owner)
          .map((o) => (
            <MenuItem key={o.id} value={o.id}>
              {ownerName(o)}
            </MenuItem>
          ))}
      </TextField>
      <DateRangeFilter from={f.from} to={f.to} onChange={set} />
      <TextField
        select
        size="small"
        label="Recording"
        value={f.recording ?? ''}
        onChange={(e) => set({ recording: (e.target.value || undefined) as RecordingFilter | undefined })}
        sx={fieldSx}
      >
        <MenuItem value="">With or without</MenuItem>
        <MenuItem value="with">Has a recording</MenuItem>
        <MenuItem value="without">No recording</MenuItem>
      </TextField>
      <AssociatedRecordFilter value={f.record} onChange={(record) => set({ record })} />
    </Box>
  );
});

function AssociatedRecordFilter({
  value,
  onChange,
}: {
  value: ListFilters['record'];
  onChange: (v: ListFilters['record']) => void;
}) {
  // The type to search while no record is chosen. It starts at contacts on every mount, so the control
  // shows its empty state after Clear all (which remounts the panel) whatever the URL said a moment before.
  const [picked, setPicked] = useState<RecordType>('contacts');
  const type = value?.type ?? picked;
  const [input, setInput] = useState('');
  const text = useDebouncedValue(input.trim(), 300);
  const results = useQuery({ ...recordQueries.search(type, text), enabled: text.length > 0 });
  const selected = useQuery({ ...recordQueries.detail(type, value?.id ?? ''), enabled: !!value });
  const options: HubSpotObject[] = results.data?.results ?? [];
  const current = value && selected.data ? selected.data : null;
  const label = `Associated ${RECORD_TYPE_LABELS[type].one.toLowerCase()}`;
  return (
    <Box sx={{ display: 'flex', gap: 1, flex: '2 1 360px' }}>
      <TextField
        select
        size="small"
        label="Record type"
        value={type}
        onChange={(e) => {
          const next = e.target.value as RecordType;
          setPicked(next);
          setInput('');
          // A chosen record of the other type no longer fits the control.
          if (value && value.type !== next) onChange(undefined);
        }}
        sx={{ minWidth: 130 }}
      >
        {RECORD_TYPES.map((t) => (
          <MenuItem key={t} value={t}>
            {RECORD_TYPE_LABELS[t].one}
          </MenuItem>
        ))}
      </TextField>
      <Autocomplete<HubSpotObject>
        size="small"
        sx={{ flex: 1, minWidth: 220 }}
        options={current && !options.some((o) => o.id === current.id) ? [current, ...options] : options}
        value={current}
        filterOptions={(x) => x}
        getOptionLabel={(r) => recordDisplayName(type, r)}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        loading={results.isFetching}
        noOptionsText={text ? 'No match' : 'Type to search'}
        onInputChange={(_e, v, reason) => {
          if (reason === 'input') setInput(v);
        }}
        onChange={(_e, r) => onChange(r ? { type, id: r.id } : undefined)}
        renderOption={(props, r) => {
          const { key, ...rest } = props;
          return (
            <li key={key} {...rest}>
              <ListItemText primary={recordDisplayName(type, r)} secondary={recordDetail(type, r)} />
            </li>
          );
        }}
        renderInput={(params) => <TextField {...params} label={label} />}
      />
    </Box>
  );
}

/** A filter on one enumerated call property (direction, status): any value, or one of the account's options. */
function PropertyFilter(props: { label: string; anyLabel: string; options: PropertyOption[]; value: string | undefined; onChange: (value: string | undefined) => void }) {
  const { label, anyLabel, options, value, onChange } = props;
  return (
    <TextField select size="small" label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} sx={fieldSx}>
      <MenuItem value="">{anyLabel}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
