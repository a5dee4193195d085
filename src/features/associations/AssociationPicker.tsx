/**
 * One type-ahead box that searches contacts, companies, deals and tickets at once, lets the user
 * pick one or several records and choose the association label for each where the account has labels
 * for the pair (between calls and records HubSpot has only its unlabelled default types: no choice is
 * offered then). Controlled: the value is the list of picks. Used by the panel's Add dialog and by the
 * call create form.
 */
import { useId, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import FormControl from '@mui/material/FormControl';
import IconButton from '@mui/material/IconButton';
import InputLabel from '@mui/material/InputLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import { RECORD_TYPE_LABELS, RECORD_TYPES, recordDisplayName } from '../../api/records';
import type { RecordType } from '../../api/records';
import { defaultPick, detailOf, labelOptions } from './association-model';
import type { PickedRecord } from './association-model';
import { recordQueries } from '../../api/records-queries';
import { associationQueries } from './association-queries';
import { useStageLabels } from './useCallAssociations';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

export type { PickedRecord } from './association-model';

const SEARCH_DEBOUNCE_MS = 300;

interface Candidate {
  type: RecordType;
  id: string;
  name: string;
  detail: string;
}

const candidateKey = (c: { type: RecordType; id: string }) => `${c.type}:${c.id}`;

export interface AssociationPickerProps {
  value: PickedRecord[];
  onChange: (value: PickedRecord[]) => void;
  /** Records that cannot be picked again (already associated), as `${type}:${id}`. */
  excludeKeys?: ReadonlySet<string>;
  label?: string;
  autoFocus?: boolean;
  disabled?: boolean;
}

export function AssociationPicker({
  value,
  onChange,
  excludeKeys,
  label = 'Search contacts, companies, deals and tickets',
  autoFocus = false,
  disabled = false,
}: AssociationPickerProps) {
  const [input, setInput] = useState('');
  const text = useDebouncedValue(input.trim(), SEARCH_DEBOUNCE_MS);
  const searches = useQueries({ queries: RECORD_TYPES.map((type) => ({ ...recordQueries.search(type, text), enabled: text.length > 0 })) });
  const typesPicked = RECORD_TYPES.filter((t) => value.some((p) => p.type === t));
  const labelQueries = useQueries({ queries: typesPicked.map((type) => associationQueries.labels(type)) });
  const labelsByType = new Map(typesPicked.map((type, i) => [type, labelQueries[i]] as const));

  const typesFound = RECORD_TYPES.filter((_type, i) => (searches[i]?.data?.results.length ?? 0) > 0);
  const stageLabels = useStageLabels(typesFound);
  const candidates: Candidate[] = [];
  RECORD_TYPES.forEach((type, i) => {
    for (const r of searches[i]?.data?.results ?? []) {
      candidates.push({ type, id: r.id, name: recordDisplayName(type, r), detail: detailOf(type, r, stageLabels(type)) });
    }
  });
  const searching = text !== input.trim() || searches.some((s) => s.isFetching);
  const failed = searches
    .map((s, i) => (s.error ? `${RECORD_TYPE_LABELS[RECORD_TYPES[i] ?? 'contacts'].many}: ${s.error.message}` : null))
    .filter((m): m is string => m !== null);

  const selected: Candidate[] = value.map((p) => ({ type: p.type, id: p.id, name: p.name, detail: '' }));

  const handleChange = (next: Candidate[]) => {
    const byKey = new Map(value.map((p) => [candidateKey(p), p]));
    onChange(next.map((c) => byKey.get(candidateKey(c)) ?? defaultPick(c.type, c.id, c.name)));
  };

  const setLabel = (pick: PickedRecord, typeId: number) => {
    const option = labelOptions(pick.type, labelsByType.get(pick.type)?.data).find((o) => o.typeId === typeId);
    if (!option) return;
    onChange(
      value.map((p) =>
        candidateKey(p) === candidateKey(pick) ? { ...p, associationTypeId: option.typeId, associationCategory: option.category } : p,
      ),
    );
  };

  const remove = (pick: PickedRecord) => onChange(value.filter((p) => candidateKey(p) !== candidateKey(pick)));

  return (
    <Stack spacing={2}>
      <Autocomplete<Candidate, true, true, false>
        multiple
        disableClearable
        disableCloseOnSelect
        disabled={disabled}
        options={candidates}
        value={selected}
        onChange={(_e, next) => handleChange(next)}
        inputValue={input}
        onInputChange={(_e, next, reason) => {
          if (reason === 'input' || reason === 'clear') setInput(next);
        }}
        filterOptions={(x) => x}
        groupBy={(c) => RECORD_TYPE_LABELS[c.type].many}
        getOptionLabel={(c) => c.name}
        getOptionKey={(c) => candidateKey(c)}
        isOptionEqualToValue={(a, b) => candidateKey(a) === candidateKey(b)}
        getOptionDisabled={(c) => excludeKeys?.has(candidateKey(c)) ?? false}
        loading={searching && input.trim().length > 0}
        loadingText="Searching…"
        noOptionsText={input.trim() ? 'No matching records' : 'Type a name, email, domain, deal or ticket subject'}
        renderValue={() => null}
        renderOption={({ key, ...props }, c, state) => (
          <li
            key={key}
            {...props}
            aria-label={`${RECORD_TYPE_LABELS[c.type].one}: ${c.name} (${c.detail ? `${c.detail}, ` : ''}ID ${c.id})${
              excludeKeys?.has(candidateKey(c)) ? ', already associated' : ''
            }`}
          >
            <Box sx={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
              <Typography variant="body2" component="span">
                {c.name}
                {state.selected ? ' ✓' : ''}
                {excludeKeys?.has(candidateKey(c)) ? ' (already associated)' : ''}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="span">
                {c.detail ? `${c.detail} · ` : ''}ID {c.id}
              </Typography>
            </Box>
          </li>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            label={label}
            autoFocus={autoFocus}
            helperText={failed.length > 0 ? `Search failed: ${failed.join('; ')}` : 'Pick one or several records'}
            error={failed.length > 0}
            slotProps={{
              ...params.slotProps,
              input: {
                ...params.slotProps.input,
                endAdornment: (
                  <>
                    {searching && input.trim() ? <CircularProgress color="inherit" size={18} aria-label="Searching" /> : null}
                    {params.slotProps.input.endAdornment}
                  </>
                ),
              },
            }}
          />
        )}
      />
      {value.length > 0 && (
        <List dense aria-label="Records to associate" disablePadding>
          {value.map((pick) => (
            <PickRow
              key={candidateKey(pick)}
              pick={pick}
              labels={labelsByType.get(pick.type)?.data}
              disabled={disabled}
              onLabel={(typeId) => setLabel(pick, typeId)}
              onRemove={() => remove(pick)}
            />
          ))}
        </List>
      )}
    </Stack>
  );
}

function PickRow({
  pick,
  labels,
  disabled,
  onLabel,
  onRemove,
}: {
  pick: PickedRecord;
  labels: Parameters<typeof labelOptions>[1];
  disabled: boolean;
  onLabel: (typeId: number) => void;
  onRemove: () => void;
}) {
  const selectId = useId();
  const options = labelOptions(pick.type, labels);
  const known = options.some((o) => o.typeId === pick.associationTypeId);
  return (
    <ListItem
      disableGutters
      secondaryAction={
        <IconButton edge="end" aria-label={`Do not associate ${pick.name}`} onClick={onRemove} disabled={disabled}>
          <CloseIcon />
        </IconButton>
      }
      sx={{ pr: 6, gap: 2, flexWrap: 'wrap' }}
    >
      <Chip size="small" label={RECORD_TYPE_LABELS[pick.type].one} />
      <ListItemText primary={pick.name} sx={{ minWidth: 120 }} />
      {/* Only where the account has labels for the pair: call pairs have HubSpot's default type alone. */}
      {options.length > 1 && (
        <FormControl size="small" sx={{ minWidth: 220 }} disabled={disabled}>
          <InputLabel id={`${selectId}-label`}>Label for {pick.name}</InputLabel>
          <Select
            labelId={`${selectId}-label`}
            label={`Label for ${pick.name}`}
            value={known ? pick.associationTypeId : ''}
            onChange={(e) => onLabel(Number(e.target.value))}
          >
            {!known && (
              <MenuItem value="" disabled>
                Unknown label
              </MenuItem>
            )}
            {options.map((o) => (
              <MenuItem key={o.typeId} value={o.typeId}>
                {o.text}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      )}
    </ListItem>
  );
}
