import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HubSpotApiError } from '../../../api/errors';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import { emptyCallFormValues, propertiesToFormValues, type CallFormValues } from './call-form-mapping';
import type { CalleeChoices } from './CalleeField';
import { CallForm, useCallForm } from './CallForm';

// Outcomes, owners and property options come from the mock's account configuration.
let hs: HubSpotFake;
beforeEach(() => {
  hs = installHubSpot();
});
afterEach(() => uninstallHubSpot(hs));

const NO_CALLEES: CalleeChoices = { options: [], loading: false, emptyHint: 'Associate a contact or company to choose who was called.' };

function setup(opts: { initial?: CallFormValues; onSubmit?: (v: CallFormValues) => Promise<void>; callees?: CalleeChoices } = {}) {
  const onSubmit = vi.fn(opts.onSubmit ?? (async () => {}));
  const initial = opts.initial ?? emptyCallFormValues('UTC');
  function Harness() {
    const form = useCallForm(initial, opts.initial);
    return <CallForm form={form} timeZone="UTC" onSubmit={onSubmit} onCancel={() => {}} submitLabel="Save" callees={opts.callees ?? NO_CALLEES} />;
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

  it('shows an archived outcome the call carries by its label, marked archived, and does not offer it', async () => {
    const initial = propertiesToFormValues(
      { hs_timestamp: '2026-01-01T10:00:00.000Z', hs_call_disposition: '8f3c2a61-4b7d-4e19-a0c5-93d2e7f16b48' },
      'UTC',
    );
    const { user } = setup({ initial });
    const outcome = screen.getByRole('combobox', { name: 'Outcome' });
    await waitFor(() => expect(outcome).toHaveTextContent('Callback requested (archived)'));
    await user.click(outcome);
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.filter((o) => o.getAttribute('aria-disabled') !== 'true').map((o) => o.textContent)).not.toContain('Callback requested (archived)');
    expect(options.filter((o) => o.getAttribute('aria-disabled') !== 'true').map((o) => o.textContent)).not.toContain('Callback requested');
  });

  it('sets the source from the account’s options and the callee among the given contacts and companies', async () => {
    const callees: CalleeChoices = {
      options: [
        { type: 'CONTACT', id: '101', name: 'Ada Lovelace' },
        { type: 'COMPANY', id: '202', name: 'Acme Labs' },
      ],
      loading: false,
      emptyHint: 'none',
    };
    const { onSubmit, user } = setup({ callees });
    await user.click(screen.getByRole('combobox', { name: 'Source' }));
    const sources = await screen.findByRole('listbox');
    await waitFor(() => expect(within(sources).getAllByRole('option').map((o) => o.textContent)).toEqual(['Not set', 'Integrations platform', 'VoIP', 'Zoom']));
    await user.click(within(sources).getByRole('option', { name: 'VoIP' }));
    await user.click(screen.getByRole('combobox', { name: 'Callee' }));
    const people = await screen.findByRole('listbox');
    expect(within(people).getAllByRole('option').map((o) => o.textContent)).toEqual(['No callee', 'Ada Lovelace (contact)', 'Acme Labs (company)']);
    await user.click(within(people).getByRole('option', { name: 'Acme Labs (company)' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ source: 'VOIP', calleeType: 'COMPANY', calleeId: '202' });
  });

  it('says how to get a callee to choose when the call has no contact or company', async () => {
    setup();
    expect(screen.getByRole('combobox', { name: 'Callee' })).toHaveAccessibleDescription(NO_CALLEES.emptyHint);
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
