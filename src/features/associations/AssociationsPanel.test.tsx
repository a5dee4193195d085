import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubspotError, installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { renderWithProviders } from '../../test/render';
import { AssociationsPanel } from './AssociationsPanel';
import { associationQueries } from './association-queries';
import { AssociationSummary, PinnedOnSummary } from './AssociationSummary';

/** The lenient mock's custom call→contact label "Decision maker" (HubSpot has no call labels: only with customCallLabels). */
const DECISION_MAKER = 1001;
const AT = '2026-11-01T10:00:00.000Z';

let hs: HubSpotFake;
let callId: string;
let ids: { ada: string; grace: string; acme: string; deal: string; otherCall: string };

beforeEach(async () => {
  // An account with custom call labels (the lenient mock), so the panel's labels show; the strict
  // default, HubSpot's, is tested at the end.
  hs = installHubSpot({ customCallLabels: true });
  callId = await hs.create('calls', { hs_call_title: 'Intro call', hs_timestamp: AT });
  const otherCall = await hs.create('calls', { hs_call_title: 'Quarterly review', hs_timestamp: AT });
  const ada = await hs.create('contacts', { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com' });
  const grace = await hs.create('contacts', { firstname: 'Grace', lastname: 'Hopper', email: 'grace@example.com' });
  await hs.associate(otherCall, 'contacts', grace);
  await hs.update('contacts', grace, { hs_pinned_engagement_id: otherCall });
  const acme = await hs.create('companies', { name: 'Acme Corp', domain: 'acme.test' });
  const deal = await hs.create('deals', { dealname: 'Big renewal', amount: '12000', dealstage: 'closedwon' });
  await hs.associate(callId, 'contacts', ada, [DECISION_MAKER]);
  await hs.associate(callId, 'contacts', grace);
  await hs.associate(callId, 'companies', acme);
  await hs.associate(callId, 'deals', deal);
  ids = { ada, grace, acme, deal, otherCall };
});

afterEach(() => uninstallHubSpot(hs));

const row = (name: string) => screen.getByRole('listitem', { name });
const pinOf = async (type: 'contacts' | 'deals', id: string) => (await hs.read(type, id, ['hs_pinned_engagement_id'])).hs_pinned_engagement_id ?? '';

describe('AssociationsPanel', { timeout: 30_000 }, () => {
  it('shows each associated record by type with its name, one detail and its labels', async () => {
    renderWithProviders(<AssociationsPanel callId={callId} />);
    const contacts = await screen.findByRole('list', { name: 'Associated contacts' });
    const ada = await within(contacts).findByRole('listitem', { name: 'Ada Lovelace' });
    expect(ada).toHaveTextContent('ada@example.com');
    expect(ada).toHaveTextContent('Decision maker');
    expect(within(screen.getByRole('list', { name: 'Associated companies' })).getByRole('listitem', { name: 'Acme Corp' })).toHaveTextContent(
      'acme.test',
    );
    // Stage values read as the account's labels.
    await waitFor(() => expect(row('Big renewal')).toHaveTextContent('12,000 · Closed Won'));
    expect(screen.getByText('No associated tickets')).toBeInTheDocument();
    // In mock mode there is no HubSpot app to link to.
    expect(within(ada).queryByRole('link')).not.toBeInTheDocument();
  });

  it('links each record to its page in HubSpot when connected to HubSpot', async () => {
    hs.connectToHubSpot();
    renderWithProviders(<AssociationsPanel callId={callId} />);
    // The mock's account (account details): portal 146839205, hosted in the EU (app-eu1.hubspot.com).
    const link = await screen.findByRole('link', { name: /Ada Lovelace/ });
    expect(link).toHaveAttribute('href', `https://app-eu1.hubspot.com/contacts/146839205/record/0-1/${ids.ada}`);
    expect(link).toHaveAttribute('target', '_blank');
    expect(screen.getByRole('link', { name: /Acme Corp/ })).toHaveAttribute('href', `https://app-eu1.hubspot.com/contacts/146839205/record/0-2/${ids.acme}`);
    expect(hs.hubspotRequests()).toContain(`GET ${hs.paths.accountDetails()}`);
  });

  it('reads 50 associated contacts with one association request and one batch read', async () => {
    const bigCall = await hs.create('calls', { hs_call_title: 'Conference call', hs_timestamp: AT });
    for (let i = 0; i < 50; i++) {
      const id = await hs.create('contacts', { firstname: `Person${i}`, lastname: 'Test', email: `p${i}@example.com` });
      await hs.associate(bigCall, 'contacts', id);
    }
    renderWithProviders(<AssociationsPanel callId={bigCall} />);
    await screen.findByRole('listitem', { name: 'Person49 Test' });
    expect(screen.getAllByRole('listitem')).toHaveLength(50);
    const requests = hs.hubspotRequests();
    expect(requests.filter((r) => /\/contacts(\/|$|\?)/.test(r))).toEqual([
      `POST ${hs.paths.associationBatchRead('calls', 'contacts')}`,
      `POST ${hs.paths.objectBatch('contacts', 'read')}`,
    ]);
    // Types with nothing associated cost only their association list.
    expect(requests).toHaveLength(5);
  });

  it('removes a record after confirmation, and puts it back with HubSpot’s message when HubSpot refuses', async () => {
    const user = userEvent.setup();
    hs.fail('DELETE', hs.paths.associationPair('calls', callId, 'companies', ids.acme), 403, hubspotError('This app hasn’t been granted all required scopes', 'MISSING_SCOPES'));
    renderWithProviders(<AssociationsPanel callId={callId} />);
    await user.click(await screen.findByRole('button', { name: 'Remove Acme Corp' }));
    // The re-read after the failure is held: what the panel shows comes from the rollback alone.
    const reread = hs.hold('POST', hs.paths.associationBatchRead('calls', 'companies'));
    const dialog = screen.getByRole('dialog', { name: 'Remove association?' });
    expect(dialog).toHaveTextContent('Acme Corp will no longer be associated with this call');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not remove Acme Corp: This app hasn’t been granted all required scopes');
    await reread.reached;
    expect(row('Acme Corp')).toBeInTheDocument();
    reread.release();

    // Second try succeeds: gone from the panel and from HubSpot.
    await user.click(screen.getByRole('button', { name: 'Remove Acme Corp' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Remove association?' })).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Acme Corp' })).not.toBeInTheDocument());
    expect(await hs.associatedIds(callId, 'companies')).toEqual([]);
  });

  it('takes this call’s pin off a record before removing its association', async () => {
    const user = userEvent.setup();
    await hs.update('deals', ids.deal, { hs_pinned_engagement_id: callId });
    renderWithProviders(<AssociationsPanel callId={callId} />);
    await user.click(await screen.findByRole('button', { name: 'Remove Big renewal' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove association?' });
    expect(dialog).toHaveTextContent('The call is pinned on it; the pin is removed too.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('No associated deals')).toBeInTheDocument();
    expect(await hs.associatedIds(callId, 'deals')).toEqual([]);
    expect(await pinOf('deals', ids.deal)).toBe('');
    const writes = hs.requests.filter((r) => ['PATCH', 'PUT', 'DELETE'].includes(r.method) && r.path.split('/').includes(ids.deal));
    expect(writes.map((r) => [r.method, r.path, r.body])).toEqual([
      ['PATCH', `/hubspot${hs.paths.object('deals', ids.deal)}`, { properties: { hs_pinned_engagement_id: '' } }],
      ['DELETE', `/hubspot${hs.paths.associationPair('calls', callId, 'deals', ids.deal)}`, undefined],
    ]);
  });

  it('pins and unpins this call on a record', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <>
        <PinnedOnSummary callId={callId} />
        <AssociationsPanel callId={callId} />
      </>,
    );
    await user.click(await screen.findByRole('button', { name: 'Pin on Ada Lovelace' }));
    expect(await screen.findByText('Pinned on Ada Lovelace (contact)')).toBeInTheDocument();
    await waitFor(async () => expect(await pinOf('contacts', ids.ada)).toBe(callId));
    await user.click(screen.getByRole('button', { name: 'Unpin from Ada Lovelace' }));
    await waitFor(async () => expect(await pinOf('contacts', ids.ada)).toBe(''));
    await waitFor(() => expect(screen.queryByText(/Pinned on/)).not.toBeInTheDocument());
  });

  it('puts a refused pin back and says why', async () => {
    const user = userEvent.setup();
    hs.fail('PATCH', hs.paths.object('contacts', ids.ada), 400, hubspotError('Pinning is not allowed here'));
    renderWithProviders(
      <>
        <PinnedOnSummary callId={callId} />
        <AssociationsPanel callId={callId} />
      </>,
    );
    await user.click(await screen.findByRole('button', { name: 'Pin on Ada Lovelace' }));
    // Nothing re-reads the record after a failed pin: what the panel shows comes from the rollback.
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not pin on Ada Lovelace: Pinning is not allowed here');
    expect(screen.getByRole('button', { name: 'Pin on Ada Lovelace' })).toBeInTheDocument();
    expect(screen.queryByText(/Pinned on/)).not.toBeInTheDocument();
    expect(await pinOf('contacts', ids.ada)).toBe('');
  });

  it('names the pinned call a new pin replaces and asks first', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AssociationsPanel callId={callId} />);
    await user.click(await screen.findByRole('button', { name: 'Pin on Grace Hopper' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace the pinned activity?' });
    await waitFor(() => expect(dialog).toHaveTextContent(`Grace Hopper already pins the call “Quarterly review” (ID ${ids.otherCall})`));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await pinOf('contacts', ids.grace)).toBe(ids.otherCall);
    await user.click(screen.getByRole('button', { name: 'Pin on Grace Hopper' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Replace the pinned activity?' })).getByRole('button', { name: 'Replace pin' }));
    await waitFor(async () => expect(await pinOf('contacts', ids.grace)).toBe(callId));
    expect(await screen.findByRole('button', { name: 'Unpin from Grace Hopper' })).toBeInTheDocument();
  });

  it('adds records of two types with a custom label through one search box', async () => {
    const user = userEvent.setup();
    const alan = await hs.create('contacts', { firstname: 'Alan', lastname: 'Turing', email: 'alan@example.com' });
    const ticket = await hs.create('tickets', { subject: 'Alan cannot export', hs_pipeline_stage: '2' });
    renderWithProviders(<AssociationsPanel callId={callId} />);
    await user.click(await screen.findByRole('button', { name: 'Add association' }));
    const dialog = screen.getByRole('dialog', { name: 'Associate records with this call' });
    await user.type(within(dialog).getByRole('combobox', { name: /Search contacts/ }), 'alan');
    await user.click(await screen.findByRole('option', { name: /Alan Turing/ }));
    await user.click(await screen.findByRole('option', { name: /Alan cannot export/ }));
    await user.keyboard('{Escape}');
    await user.click(within(dialog).getByRole('combobox', { name: 'Label for Alan Turing' }));
    await user.click(await screen.findByRole('option', { name: 'Decision maker' }));
    await user.click(within(dialog).getByRole('button', { name: 'Associate 2 records' }));
    const alanRow = await screen.findByRole('listitem', { name: 'Alan Turing' });
    await waitFor(() => expect(alanRow).toHaveTextContent('alan@example.com'));
    expect(alanRow).toHaveTextContent('Decision maker');
    expect(within(screen.getByRole('list', { name: 'Associated tickets' })).getByRole('listitem', { name: 'Alan cannot export' })).toBeInTheDocument();
    expect(await hs.associatedIds(callId, 'contacts')).toContain(alan);
    expect(await hs.associatedIds(callId, 'tickets')).toEqual([ticket]);
    const put = hs.requests.find((r) => r.method === 'PUT' && r.path.endsWith(`/contacts/${alan}`));
    expect(put?.body).toEqual([
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 },
      { associationCategory: 'USER_DEFINED', associationTypeId: DECISION_MAKER },
    ]);
  });

  it('takes back an association HubSpot refuses and says why', async () => {
    const user = userEvent.setup();
    const alan = await hs.create('contacts', { firstname: 'Alan', lastname: 'Turing', email: 'alan@example.com' });
    hs.fail('PUT', hs.paths.associationPair('calls', callId, 'contacts', alan), 403, hubspotError('You do not have permission to associate these records.', 'MISSING_SCOPES'));
    renderWithProviders(<AssociationsPanel callId={callId} />);
    await user.click(await screen.findByRole('button', { name: 'Add association' }));
    const dialog = screen.getByRole('dialog', { name: 'Associate records with this call' });
    await user.type(within(dialog).getByRole('combobox', { name: /Search contacts/ }), 'alan');
    await user.click(await screen.findByRole('option', { name: /Alan Turing/ }));
    await user.keyboard('{Escape}');
    // The re-read after the failure is held: what the panel shows comes from the rollback alone.
    const reread = hs.hold('POST', hs.paths.associationBatchRead('calls', 'contacts'));
    await user.click(within(dialog).getByRole('button', { name: 'Associate' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not associate Alan Turing: You do not have permission to associate these records.');
    await reread.reached;
    expect(screen.queryByRole('listitem', { name: 'Alan Turing' })).not.toBeInTheDocument();
    reread.release();
    expect(await hs.associatedIds(callId, 'contacts')).not.toContain(alan);
  });

  it('summarises the associated names per type for the header', async () => {
    renderWithProviders(<AssociationSummary callId={callId} />);
    await waitFor(() => expect(screen.getByText('Ada Lovelace, Grace Hopper')).toBeInTheDocument());
    expect(screen.getByText('Acme Corp')).toBeInTheDocument();
    expect(screen.getByText('Big renewal')).toBeInTheDocument();
  });
});

describe('AssociationsPanel with HubSpot’s call association types only', { timeout: 30_000 }, () => {
  it('adds a record without offering a label: HubSpot has none between calls and records', async () => {
    uninstallHubSpot(hs);
    hs = installHubSpot();
    const call = await hs.create('calls', { hs_call_title: 'Plain call', hs_timestamp: AT });
    const alan = await hs.create('contacts', { firstname: 'Alan', lastname: 'Turing', email: 'alan@example.com' });
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<AssociationsPanel callId={call} />);
    await user.click(await screen.findByRole('button', { name: 'Add association' }));
    const dialog = screen.getByRole('dialog', { name: 'Associate records with this call' });
    await user.type(within(dialog).getByRole('combobox', { name: /Search contacts/ }), 'alan');
    await user.click(await screen.findByRole('option', { name: /Alan Turing/ }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(queryClient.getQueryState(associationQueries.labels('contacts').queryKey)?.status).toBe('success'));
    expect(within(dialog).queryByRole('combobox', { name: 'Label for Alan Turing' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Associate' }));
    const alanRow = await screen.findByRole('listitem', { name: 'Alan Turing' });
    await waitFor(() => expect(alanRow).toHaveTextContent('alan@example.com'));
    expect(await hs.associatedIds(call, 'contacts')).toEqual([alan]);
    const put = hs.requests.find((r) => r.method === 'PUT' && r.path.includes(`/contacts/${alan}`));
    expect(put?.body ?? put?.path).not.toContain('USER_DEFINED');
  });
});
