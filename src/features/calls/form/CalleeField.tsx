/**
 * The callee of a call (`hs_call_callee_object_type` + `hs_call_callee_object_id`): one select over the
 * contacts and companies the call is (or, on a new call, will be) associated with, setting both fields.
 */
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useController, type Control } from 'react-hook-form';
import type { RecordType } from '../../../api/records';
import type { CallFormValues } from './call-form-mapping';

/** HubSpot's callee object types, and the record types behind them. */
const CALLEE_TYPES = { CONTACT: 'contact', COMPANY: 'company' } as const;
type CalleeType = keyof typeof CALLEE_TYPES;

export interface CalleeOption {
  type: CalleeType;
  id: string;
  name: string;
}

export interface CalleeChoices {
  options: readonly CalleeOption[];
  loading: boolean;
  /** Why there is nothing to choose from, and what to do about it (shown when `options` is empty). */
  emptyHint: string;
}

/** The callee choices among records of any type (contacts and companies qualify), by name. */
export function calleeOptions(records: readonly { type: RecordType; id: string; name: string }[]): CalleeOption[] {
  return records.flatMap((r): CalleeOption[] => {
    if (r.type === 'contacts') return [{ type: 'CONTACT', id: r.id, name: r.name }];
    if (r.type === 'companies') return [{ type: 'COMPANY', id: r.id, name: r.name }];
    return [];
  });
}

const key = (type: string, id: string) => (type && id ? `${type}:${id}` : '');

export function CalleeField({ control, choices }: { control: Control<CallFormValues>; choices: CalleeChoices }) {
  const type = useController({ control, name: 'calleeType' });
  const id = useController({ control, name: 'calleeId' });
  const calleeType = type.field.value;
  const calleeId = id.field.value;
  const value = key(calleeType, calleeId);
  const known = choices.options.some((o) => key(o.type, o.id) === value);
  const currentType = CALLEE_TYPES[calleeType as CalleeType] ?? (calleeType.toLowerCase() || 'record');
  const error = id.fieldState.error ?? type.fieldState.error;
  const hint = choices.options.length === 0 && !choices.loading ? choices.emptyHint : 'One of the call’s associated contacts and companies';

  return (
    <TextField
      select
      fullWidth
      id="field-callee"
      label="Callee"
      name={id.field.name}
      value={value}
      onChange={(e) => {
        const [nextType = '', nextId = ''] = e.target.value.split(':');
        type.field.onChange(nextType);
        id.field.onChange(nextId);
      }}
      onBlur={id.field.onBlur}
      inputRef={id.field.ref}
      error={!!error}
      helperText={error?.message ?? hint}
    >
      <MenuItem value="">
        <em>No callee</em>
      </MenuItem>
      {choices.options.map((o) => (
        <MenuItem key={key(o.type, o.id)} value={key(o.type, o.id)}>
          {o.name} ({CALLEE_TYPES[o.type]})
        </MenuItem>
      ))}
      {value && !known && (
        <MenuItem value={value} disabled>
          {choices.loading ? 'Loading…' : `The ${currentType} ${calleeId} (not associated with this call)`}
        </MenuItem>
      )}
    </TextField>
  );
}
