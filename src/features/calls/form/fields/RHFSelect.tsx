import MenuItem from '@mui/material/MenuItem';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

export interface SelectOption {
  value: string;
  label: string;
}

export type RHFSelectProps<T extends FieldValues> = Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'error' | 'select'> & {
  name: Path<T>;
  control: Control<T>;
  options: readonly SelectOption[];
  /** Label of the empty choice (clears the property); omit to offer none. */
  emptyLabel?: string;
};

/** A MUI select bound to react-hook-form. A current value missing from `options` is still shown. */
export function RHFSelect<T extends FieldValues>({ name, control, options, emptyLabel, helperText, id, ...rest }: RHFSelectProps<T>) {
  const { field, fieldState } = useController({ name, control });
  const value = typeof field.value === 'string' ? field.value : '';
  const all = value && !options.some((o) => o.value === value) ? [...options, { value, label: `Unknown value (${value})` }] : options;
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
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
