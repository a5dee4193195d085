import MenuItem from '@mui/material/MenuItem';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

export interface SelectOption {
  value: string;
  label: string;
  /** Shown (e.g. the current value) but not selectable. */
  disabled?: boolean;
}

export type RHFSelectProps<T extends FieldValues> = Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'error' | 'select'> & {
  name: Path<T>;
  control: Control<T>;
  options: readonly SelectOption[];
  /** Label of the empty choice (clears the property); omit to offer none. */
  emptyLabel?: string;
  /** While options load, a current value is shown as "Loading…" rather than as unknown. */
  optionsLoading?: boolean;
  /** How a current value missing from the options reads (default: "Unknown value (raw)"). */
  unknownLabel?: (value: string) => string;
};

/** A MUI select bound to react-hook-form. A current value missing from `options` is still shown. */
export function RHFSelect<T extends FieldValues>({
  name,
  control,
  options,
  emptyLabel,
  optionsLoading = false,
  unknownLabel = (v) => `Unknown value (${v})`,
  helperText,
  id,
  ...rest
}: RHFSelectProps<T>) {
  const { field, fieldState } = useController({ name, control });
  const value = typeof field.value === 'string' ? field.value : '';
  const all: readonly SelectOption[] =
    value && !options.some((o) => o.value === value) ? [...options, { value, label: optionsLoading ? 'Loading…' : unknownLabel(value), disabled: true }] : options;
  return (
    <TextField
      {...rest}
      select
      id={id ?? `field-${name}`}
      name={field.name}
      value={value}
      onChange={(e) => field.onChange(e.target.value)}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={!!fieldState.error}
      helperText={fieldState.error?.message ?? helperText}
    >
      {emptyLabel !== undefined && (
        <MenuItem value="">
          <em>{emptyLabel}</em>
        </MenuItem>
      )}
      {all.map((o) => (
        <MenuItem key={o.value} value={o.value} disabled={o.disabled}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
