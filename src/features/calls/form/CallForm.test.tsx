import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HubSpotApiError } from '../../../api/errors';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import { emptyCallFormValues, propertiesToFormValues, type CallFormValues } from './call-form-mapping';
import { CallForm, useCallForm } from './CallForm';

// Outcomes, owners and property options come from the mock's account configuration.
let hs: HubSpotFake;
beforeEach(() => {
  hs = installHubSpot();
});
afterEach(() => uninstallHubSpot(hs));

function setup(opts: { initial?: CallFormValues; onSubmit?: (v: CallFormValues) => Promise<void> } = {}) {
  const onSubmit = vi.fn(opts.onSubmit ?? (async () => {}));
  const initial = opts.initial ?? emptyCallFormValues('UTC');
  function Harness() {
    const form = useCallForm(initial, opts.initial);
    return <CallForm form={form} timeZone="UTC" onSubmit={onSubmit} onCancel={() => {}} submitLabel="Save" />;
  }
  renderWithProviders(<Harness />);
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
    const outcomes = await screen.findByRole('listbox');
    await waitFor(() => expect(within(outcomes).getAllByRole('option')).toHaveLength(9));
    expect(within(outcomes).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'No outcome',
      'Busy',
      'Connected',
      'Left live message',
      'Left voicemail',
      'No answer',
      'Wrong number',
      'Meeting booked',
      'Not interested',
    ]);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('combobox', { name: 'Owner' }));
    const owners = await screen.findByRole('listbox');
    await waitFor(() => expect(within(owners).getByRole('option', { name: 'Maya Patel (maya.patel@example.com)' })).toBeInTheDocument());
    expect(within(owners).getByRole('option', { name: 'Noah Williams (noah.williams@example.com)' })).toBeInTheDocument();
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
