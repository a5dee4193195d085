/** The one form for logging and correcting a call (create and edit share it). */
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, type ReactNode } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { describeError } from '../../../lib/describeError';
import { ownerName, useCallPropertyOptions, useDispositions, useOwners } from '../../../api/metadata-queries';
import { dispositionLabels } from '../call-properties';
import { CalleeField, type CalleeChoices } from './CalleeField';
import { callFormSchema, changedFields, fieldForProperty, type CallFormValues } from './call-form-mapping';
import { SAVE_FAILURE_TITLE, saveFailureKind, type SaveFailureKind } from './save-failure';
import { RHFDateTimePicker } from './fields/RHFDateTimePicker';
import { RHFSelect, type SelectOption } from './fields/RHFSelect';
import { RHFTextField } from './fields/RHFTextField';

export type CallFormApi = UseFormReturn<CallFormValues>;

/** react-hook-form set up with the call rules; `initial` (edit) lets unchanged HubSpot values pass. */
export function useCallForm(defaultValues: CallFormValues, initial?: CallFormValues): CallFormApi {
  const resolver = useMemo(() => zodResolver(callFormSchema(initial)), [initial]);
  return useForm<CallFormValues>({ defaultValues, resolver, mode: 'onTouched' });
}

/** True when any field differs from `initial` (times compared by instant, text trimmed). */
export function useFormChanged(form: CallFormApi, initial: CallFormValues): boolean {
  const values = useWatch({ control: form.control }) as CallFormValues;
  return changedFields(initial, { ...initial, ...values }).length > 0;
}

/**
 * Puts HubSpot's answer to a failed save on the form: validation errors that name a property land
 * on its field; everything else (and anything unnamed) goes above the buttons with the correlationId,
 * headed by what the failure means (refused, not sent, or maybe applied: see save-failure.ts).
 */
function applyServerError(form: CallFormApi, error: unknown): void {
  const described = describeError(error);
  const kind = saveFailureKind(error);
  let onField = 0;
  const elsewhere: string[] = [];
  for (const [property, message] of Object.entries(described.fieldErrors)) {
    const field = fieldForProperty(property);
    if (field) {
      form.setError(field, { type: 'server', message }, { shouldFocus: onField === 0 });
      onField += 1;
    } else {
      elsewhere.push(`${property}: ${message}`);
    }
  }
  if (onField === 0 || elsewhere.length > 0) {
    const parts = [onField === 0 ? described.message : 'HubSpot also said:', ...elsewhere];
    if (described.details) parts.push(described.details);
    form.setError('root.serverError', { type: kind, message: parts.join('\n') });
  }
}

export interface CallFormProps {
  form: CallFormApi;
  timeZone: string;
  onSubmit: (values: CallFormValues) => Promise<void>;
  onCancel: () => void;
  submitLabel: string;
  /** Extra sections before the buttons (the create page's associated records). */
  children?: ReactNode;
  /** Whether there is anything to save (edit disables Save when nothing changed). */
  canSubmit?: boolean;
  /** Shown above the buttons, e.g. what became of a create whose answer was lost. */
  notice?: ReactNode;
  /** Who the callee can be: the contacts and companies the call is (or will be) associated with. */
  callees: CalleeChoices;
}

const FALLBACK_DIRECTIONS: SelectOption[] = [
  { value: 'INBOUND', label: 'Inbound' },
  { value: 'OUTBOUND', label: 'Outbound' },
];

export function CallForm({ form, timeZone, onSubmit, onCancel, submitLabel, children, canSubmit = true, notice, callees }: CallFormProps) {
  const { control, handleSubmit, formState } = form;
  const directions = useCallPropertyOptions('hs_call_direction');
  const statuses = useCallPropertyOptions('hs_call_status');
  const callTypes = useCallPropertyOptions('hs_activity_type');
  const sources = useCallPropertyOptions('hs_call_source');
  const dispositions = useDispositions();
  const owners = useOwners();

  // Archived outcomes are not offered; a call that carries one shows it by its label, marked archived.
  const outcomeOptions = useMemo<SelectOption[]>(
    () => (dispositions.data ?? []).filter((d) => !d.archived).map((d) => ({ value: d.id, label: d.label })),
    [dispositions.data],
  );
  const outcomeLabels = useMemo(() => dispositionLabels(dispositions.data), [dispositions.data]);
  const ownerOptions = useMemo<SelectOption[]>(
    () =>
      (owners.data ?? [])
        .filter((o) => !o.archived)
        .map((o) => ({ value: o.id, label: o.email && ownerName(o) !== o.email ? `${ownerName(o)} (${o.email})` : ownerName(o) })),
    [owners.data],
  );
  const directionOptions = directions.options.length > 0 ? directions.options : directions.isPending ? [] : FALLBACK_DIRECTIONS;

  const submit = handleSubmit(async (values) => {
    form.clearErrors('root.serverError');
    try {
      await onSubmit(values);
    } catch (error) {
      applyServerError(form, error);
    }
  });

  const serverError = formState.errors.root?.serverError?.message;
  const serverErrorTitle = SAVE_FAILURE_TITLE[(formState.errors.root?.serverError?.type ?? 'refused') as SaveFailureKind] ?? SAVE_FAILURE_TITLE.refused;
  const twoColumns = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } } as const;

  return (
    <Box component="form" noValidate onSubmit={(e) => void submit(e)} aria-label="Call" sx={{ display: 'grid', gap: 3 }}>
      <Stack spacing={2}>
        <RHFTextField control={control} name="title" label="Title" fullWidth autoComplete="off" />
        <Box sx={twoColumns}>
          <RHFDateTimePicker control={control} name="timestamp" label="Time" timezone={timeZone} required helperText={`Your time zone: ${timeZone}`} />
          <RHFSelect control={control} name="direction" label="Direction" options={directionOptions} optionsLoading={directions.isPending} emptyLabel="Not set" fullWidth />
          <RHFSelect
            control={control}
            name="disposition"
            label="Outcome"
            options={outcomeOptions}
            optionsLoading={dispositions.isPending}
            unknownLabel={(v) => outcomeLabels?.get(v) ?? 'Unknown outcome (not one of this account’s outcomes)'}
            emptyLabel="No outcome"
            fullWidth
            helperText={dispositions.isError ? 'Could not load the account’s outcomes.' : undefined}
          />
          <RHFSelect control={control} name="status" label="Status" options={statuses.options} optionsLoading={statuses.isPending} emptyLabel="Not set" fullWidth />
          <RHFSelect control={control} name="activityType" label="Call type" options={callTypes.options} optionsLoading={callTypes.isPending} emptyLabel="Not set" fullWidth />
          <RHFSelect control={control} name="source" label="Source" options={sources.options} optionsLoading={sources.isPending} emptyLabel="Not set" fullWidth />
          <CalleeField control={control} choices={callees} />
          <RHFTextField
            control={control}
            name="duration"
            label="Duration"
            placeholder="h:mm:ss"
            helperText="h:mm:ss or mm:ss, e.g. 1:02:03 or 4:05"
            fullWidth
            autoComplete="off"
          />
          <RHFTextField
            control={control}
            name="fromNumber"
            label="From number"
            type="tel"
            placeholder="+1 415 555 0123"
            helperText="International format with country code"
            fullWidth
          />
          <RHFTextField
            control={control}
            name="toNumber"
            label="To number"
            type="tel"
            placeholder="+44 20 7183 8750"
            helperText="International format with country code"
            fullWidth
          />
          <RHFSelect
            control={control}
            name="ownerId"
            label="Owner"
            options={ownerOptions}
            optionsLoading={owners.isPending}
            unknownLabel={(v) => `Unknown or inactive owner (${v})`}
            emptyLabel="No owner"
            fullWidth
            helperText={owners.isError ? 'Could not load the account’s owners.' : undefined}
          />
          <RHFTextField
            control={control}
            name="recordingUrl"
            label="Recording URL"
            type="url"
            placeholder="https://…"
            helperText="https:// only"
            fullWidth
          />
        </Box>
        <RHFTextField control={control} name="body" label="Notes" multiline minRows={4} fullWidth helperText="Saved exactly as typed (HubSpot stores notes as HTML)." />
        <RHFTextField
          control={control}
          name="attachmentIds"
          label="Attachment ids"
          helperText="HubSpot file ids separated by ; (e.g. 1234;5678)"
          fullWidth
          autoComplete="off"
        />
      </Stack>
      {children}
      {serverError && (
        <Alert severity="error" role="alert">
          <AlertTitle>{serverErrorTitle}</AlertTitle>
          <Typography component="div" variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {serverError}
          </Typography>
        </Alert>
      )}
      {notice}
      <Stack direction="row" spacing={2} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel} disabled={formState.isSubmitting}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="contained"
          disabled={formState.isSubmitting || !canSubmit}
          startIcon={formState.isSubmitting ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
        >
          {submitLabel}
        </Button>
      </Stack>
    </Box>
  );
}
