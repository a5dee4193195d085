/** The fields of an outcome rule: its conditions (each error on its own field) and the outcome to set. */
import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { metadataQueries, ownerName, useCallPropertyOptions } from '../../api/metadata-queries';
import type { Disposition } from '../../api/schemas';
import type { OutcomeCondition, RuleErrors, RuleForm } from './outcome-rule';

interface Props {
  form: RuleForm;
  errors: RuleErrors;
  dispositions: readonly Disposition[];
  disabled: boolean;
  onChange: (patch: Partial<RuleForm>) => void;
}

const toggle = (list: readonly string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

export function RuleFields({ form, errors, dispositions, disabled, onChange }: Props) {
  const id = useId();
  const statuses = useCallPropertyOptions('hs_call_status');
  const directions = useCallPropertyOptions('hs_call_direction');
  const owners = useQuery(metadataQueries.owners());
  const deactivated = useQuery(metadataQueries.deactivatedOwners());
  const conditionsError = errors.conditions;

  return (
    <Stack spacing={2}>
      <FormControl component="fieldset" error={!!conditionsError} disabled={disabled} aria-describedby={conditionsError ? `${id}-conditions` : undefined}>
        <FormLabel component="legend">Conditions</FormLabel>
        {conditionsError && (
          <FormHelperText id={`${id}-conditions`} role="alert" sx={{ mx: 0 }}>
            {conditionsError}
          </FormHelperText>
        )}
        <Stack spacing={2} sx={{ mt: 1 }}>
          <FormControl component="fieldset" disabled={disabled}>
            <FormLabel component="legend">Status (any of)</FormLabel>
            <FormGroup row>
              {statuses.options.map((o) => (
                <FormControlLabel
                  key={o.value}
                  label={o.label}
                  control={<Checkbox size="small" checked={form.statuses.includes(o.value)} onChange={(e) => onChange({ statuses: toggle(form.statuses, o.value, e.target.checked) })} />}
                />
              ))}
            </FormGroup>
          </FormControl>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField select label="Direction" value={form.direction} disabled={disabled} onChange={(e) => onChange({ direction: e.target.value })} sx={{ minWidth: 180 }}>
              <MenuItem value="">Any direction</MenuItem>
              {directions.options.map((o) => (
                <MenuItem key={o.value} value={o.value}>
                  {o.label}
                </MenuItem>
              ))}
            </TextField>
            <TextField select label="Current outcome" value={form.outcome} disabled={disabled} onChange={(e) => onChange({ outcome: e.target.value as OutcomeCondition })} sx={{ minWidth: 260 }}>
              <MenuItem value="any">Any outcome</MenuItem>
              <MenuItem value="none">No outcome</MenuItem>
              <MenuItem value="chosen">One of these outcomes…</MenuItem>
              <MenuItem value="unknown">Archived or unknown outcome</MenuItem>
            </TextField>
            <TextField select label="Owner" value={form.ownerId} disabled={disabled} onChange={(e) => onChange({ ownerId: e.target.value })} sx={{ minWidth: 220 }}>
              <MenuItem value="">Any owner</MenuItem>
              {(owners.data ?? []).map((o) => (
                <MenuItem key={o.id} value={o.id}>
                  {ownerName(o)}
                </MenuItem>
              ))}
              {(deactivated.data ?? []).map((o) => (
                <MenuItem key={o.id} value={o.id}>
                  {ownerName(o)} (deactivated)
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          {form.outcome === 'chosen' && (
            <FormControl component="fieldset" error={!!errors.outcomes} disabled={disabled}>
              <FormLabel component="legend">Current outcome is one of</FormLabel>
              <FormGroup row>
                {dispositions.map((d) => (
                  <FormControlLabel
                    key={d.id}
                    label={d.archived ? `${d.label} (archived)` : d.label}
                    control={<Checkbox size="small" checked={form.outcomes.includes(d.id)} onChange={(e) => onChange({ outcomes: toggle(form.outcomes, d.id, e.target.checked) })} />}
                  />
                ))}
              </FormGroup>
              {errors.outcomes && <FormHelperText sx={{ mx: 0 }}>{errors.outcomes}</FormHelperText>}
            </FormControl>
          )}
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField
              type="date"
              label="Call date from"
              value={form.from}
              disabled={disabled}
              onChange={(e) => onChange({ from: e.target.value })}
              error={!!errors.from}
              helperText={errors.from ?? 'Optional; your time zone.'}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              type="date"
              label="Call date to"
              value={form.to}
              disabled={disabled}
              onChange={(e) => onChange({ to: e.target.value })}
              error={!!errors.to}
              helperText={errors.to ?? 'Optional; included.'}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Stack>
        </Stack>
      </FormControl>
      <Box>
        <TextField
          select
          label="Outcome to set"
          value={form.target}
          disabled={disabled}
          onChange={(e) => onChange({ target: e.target.value })}
          error={!!errors.target}
          helperText={errors.target ?? 'The account’s active outcomes.'}
          sx={{ minWidth: 260 }}
        >
          {dispositions
            .filter((d) => !d.archived)
            .map((d) => (
              <MenuItem key={d.id} value={d.id}>
                {d.label}
              </MenuItem>
            ))}
        </TextField>
      </Box>
    </Stack>
  );
}
