import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { HubSpotApiError } from '../../../api/errors';
import { metadataKeys } from '../../../api/metadata-queries';
import { emptyCallFormValues, propertiesToFormValues, type CallFormValues } from './call-form-mapping';
import { CallForm, useCallForm } from './CallForm';

function setup(opts: { initial?: CallFormValues; onSubmit?: (v: CallFormValues) => Promise<void> } = {}) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(metadataKeys.dispositions(), [
    { id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected' },
    { id: '73a0d17f-1163-4015-bdd5-ec830791da20', label: 'No answer' },
  ]);
  qc.setQueryData(metadataKeys.owners(), [{ id: '7', firstName: 'Ada', lastName: 'Lovelace', archived: false }]);
  qc.setQueryData(metadataKeys.properties('calls'), [
    {
      name: 'hs_call_status',
      label: 'Call status',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'call_information',
      description: '',
      options: [{ label: 'Completed', value: 'COMPLETED', hidden: false }],
    },
  ]);
  const onSubmit = vi.fn(opts.onSubmit ?? (async () => {}));
  const initial = opts.initial ?? emptyCallFormValues('UTC');
  function Harness() {
    const form = useCallForm(initial, opts.initial);
    return <CallForm form={form} timeZone="UTC" onSubmit={onSubmit} onCancel={() => {}} submitLabel="Save" />;
  }
  render(
    <QueryClientProvider client={qc}>
      <LocalizationProvider dateAdapter={AdapterDayjs}>
        <Harness />
      </LocalizationProvider>
    </QueryClientProvider>,
  );
  return { onSubmit, user: userEvent.setup({ delay: null }) };
}

// Rendering MUI selects and pickers in jsdom is slow on a busy machine: allow more than the default 5 s.
describe('CallForm', { timeout: 30_000 }, () => {
  it('shows client-side errors on their fields and does not submit', async () => {
    const { onSubmit, user } = setup();
    await user.type(screen.getByLabelText('Recording URL'), 'http://insecure.example.com/r.mp3');
    await user.type(screen.getByLabelText('From number'), '415 555 0123');
    await user.type(screen.getByLabelText('Duration'), '4:99');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/must start with https:\/\//)).toBeInTheDocument();
    expect(screen.getByText(/international format with the country code/i)).toBeInTheDocument();
    expect(screen.getByText(/h:mm:ss or mm:ss, e.g. 4:05$/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('offers the account outcomes and owners by name', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('combobox', { name: 'Outcome' }));
    const list = await screen.findByRole('listbox');
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['No outcome', 'Connected', 'No answer']);
  });

  it('puts HubSpot validation errors on the named field and others above the buttons', async () => {
    const initial = propertiesToFormValues({ hs_timestamp: '2026-01-01T10:00:00.000Z', hs_call_title: 'x' }, 'UTC');
    const { user } = setup({
      initial,
      onSubmit: async () => {
        throw new HubSpotApiError({
          status: 400,
          category: 'VALIDATION_ERROR',
          message: 'Property values were not valid',
          correlationId: 'abc-123',
          fieldErrors: { hs_call_title: 'Title is too fancy for HubSpot.', hs_unknown: 'Something else.' },
        });
      },
    });
    await user.type(screen.getByLabelText('Title'), 'y');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Title is too fancy for HubSpot.'));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('hs_unknown: Something else.');
    expect(alert).toHaveTextContent('Correlation ID: abc-123');
  });
});
