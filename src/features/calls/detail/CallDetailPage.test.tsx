import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type FakeOptions, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import CallDetailPage from './CallDetailPage';

/** The demo account's archived outcome (the mock's account configuration), and an active one. */
const CALLBACK_REQUESTED = '8f3c2a61-4b7d-4e19-a0c5-93d2e7f16b48';
const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const PROPERTIES_SENT = 'hs_timestamp,hs_call_title,hs_call_source,hs_call_external_id,hs_call_app_id,hs_call_recording_duration';

let hs: HubSpotFake | undefined;
afterEach(() => uninstallHubSpot(hs));

/** Creates a call through the mock's API (then `later` changes, if given) and opens its page. */
async function showCall(properties: Record<string, string>, { later, ...options }: FakeOptions & { later?: Record<string, string> } = {}) {
  hs = installHubSpot(options);
  const id = await hs.create('calls', { hs_timestamp: '2026-11-02T09:30:00.000Z', hs_call_title: 'Renewal call', ...properties });
  if (later) await hs.update('calls', id, later);
  renderWithProviders(<CallDetailPage />, { route: `/calls/${id}`, params: { id } });
  await screen.findByRole('heading', { level: 1, name: 'Renewal call' }, { timeout: 10_000 });
  return { id, fake: hs };
}

const propertyRow = (name: string) => screen.getByRole('row', { name: new RegExp(`^${name}\\b`) });

describe('CallDetailPage', { timeout: 30_000 }, () => {
  it('shows an archived outcome by its label, marked archived, not as unknown', async () => {
    await showCall({ hs_call_disposition: CALLBACK_REQUESTED });
    expect(await screen.findByText('Outcome: Callback requested (archived)')).toBeInTheDocument();
    expect(screen.queryByText(/Unknown outcome/)).toBeNull();
  });

  it('shows the callee by name, linked to the calls with that contact', async () => {
    hs = installHubSpot();
    const contactId = await hs.create('contacts', { firstname: 'Ada', lastname: 'Lovelace' });
    const id = await hs.create('calls', {
      hs_timestamp: '2026-11-02T09:30:00.000Z',
      hs_call_title: 'Renewal call',
      hs_call_callee_object_type: 'CONTACT',
      hs_call_callee_object_id: contactId,
    });
    renderWithProviders(<CallDetailPage />, { route: `/calls/${id}`, params: { id } });
    // The header's and the property table's links resolve in either order: wait for the header's.
    await waitFor(() => expect(screen.getAllByRole('link', { name: 'Ada Lovelace' })[0]?.closest('p')).toHaveTextContent('Callee: Ada Lovelace (contact)'), {
      timeout: 10_000,
    });
    for (const link of screen.getAllByRole('link', { name: 'Ada Lovelace' })) expect(link).toHaveAttribute('href', `/calls?record=contacts:${contactId}`);
    expect(propertyRow('Callee object ID')).toHaveTextContent('Ada Lovelace (contact)');
    expect(propertyRow('Callee object type')).toHaveTextContent('Contact');
  });

  it('lists what an integration sent, and leaves out the integration properties HubSpot returns empty', async () => {
    hs = installHubSpot();
    const id = await hs.create('calls', {
      hs_timestamp: '2026-11-02T09:30:00.000Z',
      hs_call_title: 'Renewal call',
      hs_call_source: 'VOIP',
      hs_call_external_id: 'dlr-700049',
      hs_call_app_id: 'demo-dialer-4211',
      hs_call_recording_duration: '61000',
    });
    // HubSpot answers a requested property the call has no value for with null (calls guide).
    const stored = (await hs.api<{ properties: Record<string, string | null> }>('GET', `${hs.paths.object('calls', id)}?properties=${PROPERTIES_SENT}`)).body;
    const asHubSpotSendsIt = {
      ...stored,
      properties: { ...stored.properties, hs_call_recording_url: null, hs_call_video_recording_url: null, hs_call_summary: null },
    };
    hs.fail('GET', hs.paths.object('calls', id), 200, asHubSpotSendsIt, { times: 20 });
    renderWithProviders(<CallDetailPage />, { route: `/calls/${id}`, params: { id } });

    const info = await screen.findByRole('table', { name: 'Call information properties' }, { timeout: 10_000 });
    await waitFor(() => expect(within(info).getByRole('row', { name: /^Call source/ })).toHaveTextContent('VoIP'));
    expect(within(info).getByRole('row', { name: /^External call ID/ })).toHaveTextContent('dlr-700049');
    expect(within(info).getByRole('row', { name: /^Calling app ID/ })).toHaveTextContent('demo-dialer-4211');
    expect(within(info).getByRole('row', { name: /^Recording duration/ })).toHaveTextContent('0:01:01');
    expect(within(info).queryByRole('row', { name: /^Video recording URL/ })).toBeNull();
    expect(within(info).queryByRole('row', { name: /^Call summary/ })).toBeNull();
    // The properties every call has are listed even when empty.
    expect(within(info).getByRole('row', { name: /^Recording URL/ })).toHaveTextContent('—');
  });

  it('shows the history of the call source and reverts it in one click', async () => {
    const { id, fake } = await showCall({ hs_call_source: 'VOIP' }, { later: { hs_call_source: 'ZOOM' } });
    const history = await screen.findByRole('region', { name: 'History of Call source' }, { timeout: 10_000 });
    await userEvent.click(within(history).getByRole('button', { name: 'Revert Call source to VoIP' }));
    await waitFor(async () => expect((await fake.read('calls', id, ['hs_call_source'])).hs_call_source).toBe('VOIP'));
  });

  it('shows an archived outcome in the history without offering it back', async () => {
    await showCall({ hs_call_disposition: CALLBACK_REQUESTED }, { later: { hs_call_disposition: CONNECTED } });
    const history = await screen.findByRole('region', { name: 'History of Call outcome' }, { timeout: 10_000 });
    const old = await within(history).findByRole('row', { name: /Callback requested \(archived\)/ });
    expect(within(old).getByText('Archived')).toBeInTheDocument();
    expect(within(old).queryByRole('button')).toBeNull();
  });

  it('falls back to the legacy outcomes when HubSpot refuses the dispositions beta', async () => {
    const { fake } = await showCall({ hs_call_disposition: CONNECTED }, { dispositionsBeta: false });
    expect(await screen.findByText('Outcome: Connected')).toBeInTheDocument();
    const asked = fake.hubspotRequests();
    expect(asked).toContain(`GET ${fake.paths.dispositions()}?archived=true`);
    expect(asked).toContain(`GET ${fake.paths.legacyDispositions()}`);
  });
});
