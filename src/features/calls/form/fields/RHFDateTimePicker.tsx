import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
// The picker's `timezone` needs dayjs's utc and timezone plugins, which lib/datetime extends.
import '../../../../lib/datetime';
import type { Dayjs } from '../../../../lib/datetime';

export interface RHFDateTimePickerProps<T extends FieldValues> {
  name: Path<T>;
  control: Control<T>;
  label: string;
  /** IANA time zone the value is shown and edited in (the user's). */
  timezone: string;
  helperText?: string;
  required?: boolean;
}

/** MUI X DateTimePicker (AdapterDayjs) bound to react-hook-form; the value is a Dayjs or null. */
export function RHFDateTimePicker<T extends FieldValues>({ name, control, label, timezone, helperText, required }: RHFDateTimePickerProps<T>) {
  const { field, fieldState } = useController({ name, control });
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs}>
      <DateTimePicker
        label={label}
        value={(field.value as Dayjs | null) ?? null}
        timezone={timezone}
        // The picker edits minutes: a picked time has no leftover seconds from the previous value.
        onChange={(v) => field.onChange(v && v.isValid() ? v.second(0).millisecond(0) : v)}
        inputRef={field.ref}
        ampm={false}
        format="YYYY-MM-DD HH:mm"
        slotProps={{
          textField: {
            id: `field-${name}`,
            name: field.name,
            onBlur: field.onBlur,
            required,
            error: !!fieldState.error,
            helperText: fieldState.error?.message ?? helperText,
          },
        }}
      />
    </LocalizationProvider>
  );
}
