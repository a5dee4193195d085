import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotificationsProvider } from '../../lib/notifications';
import { AssociationsPanel } from './AssociationsPanel';
import { AssociationSummary, PinnedOnSummary } from './AssociationSummary';
import { FakeHubSpot } from './fake-hubspot.test-helper';

// The machine running the suite is shared; give screens time to settle before a lookup fails.
configure({ asyncUtilTimeout: 5_000 });

let hs: FakeHubSpot;

beforeEach(() => {
  hs = new FakeHubSpot();
  vi.stubGlobal('fetch', vi.fn(hs.fetch));
  hs.addRecord('contacts', '101', { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com', hs_pinned_engagement_id: '' });
  hs.addRecord('contacts', '102', { firstname: 'Grace', lastname: 'Hopper', email: 'grace@example.com', hs_pinned_engagement_id: '999' });
  hs.addRecord('companies', '201', { name: 'Acme Corp', domain: 'acme.test' });
  hs.addRecord('deals', '301', { dealname: 'Big renewal', amount: '12000', dealstage: 'closedwon' });
  hs.addRecord('tickets', '401', { subject: 'Cannot log in', hs_pipeline_stage: '1' });
  hs.calls.set('999', { id: '999', properties: { hs_call_title: 'Quarterly review' } });
  hs.labels.contacts.push({ category: 'USER_DEFINED', typeId: 9001, label: 'Decision maker' });
  hs.associate('7', 'contacts', '101', [
    { category: 'HUBSPOT_DEFINED', typeId: 194 },
    { category: 'USER_DEFINED', typeId: 9001, label: 'Decision maker' },
  ]);
  hs.associate('7', 'contacts', '102', [{ category: 'HUBSPOT_DEFINED', typeId: 194 }]);
  hs.associate('7', 'companies', '201', [{ category: 'HUBSPOT_DEFINED', typeId: 182 }]);
  hs.associate('7', 'deals', '301', [{ category: 'HUBSPOT_DEFINED', typeId: 206 }]);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderWithProviders(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <NotificationsProvider>{ui}</NotificationsProvider>
    </QueryClientProvider>,
  );
}

const row = (name: string) => screen.getByRole('listitem', { name });

describe('AssociationsPanel', { timeout: 30_000 }, () => {
  it('shows each associated record by type with its name, one detail and its labels', async () => {
    renderWithProviders(<AssociationsPanel callId="7" />);
    const contacts = await screen.findByRole('list', { name: 'Associated contacts' });
    const ada = within(contacts).getByRole('listitem', { name: 'Ada Lovelace' });
    expect(ada).toHaveTextContent('ada@example.com');
    expect(ada).toHaveTextContent('Decision maker');
    expect(within(screen.getByRole('list', { name: 'Associated companies' })).getByRole('listitem', { name: 'Acme Corp' })).toHaveTextContent(
      'acme.test',
    );
    // Stage values read as the account's labels.
    await waitFor(() => expect(row('Big renewal')).toHaveTextContent('12,000 · Closed won'));
    expect(screen.getByText('No associated tickets')).toBeInTheDocument();
    // In mock mode there is no HubSpot app to link to.
    expect(within(ada).queryByRole('link')).not.toBeInTheDocument();
  });

  it('links each record to its page in HubSpot when connected to HubSpot', async () => {
    hs.connection = { mode: 'hubspot', host: 'api.hubapi.com' };
    renderWithProviders(<AssociationsPanel callId="7" />);
    const link = await screen.findByRole('link', { name: /Ada Lovelace/ });
    expect(link).toHaveAttribute('href', 'https://app-eu1.hubspot.com/contacts/4242/record/0-1/101');
    expect(link).toHaveAttribute('target', '_blank');
    expect(screen.getByRole('link', { name: /Acme Corp/ })).toHaveAttribute('href', 'https://app-eu1.hubspot.com/contacts/4242/record/0-2/201');
  });

  it('reads 50 associated contacts with one association request and one batch read', async () => {
    for (let i = 0; i < 50; i++) {
      hs.addRecord('contacts', `c${i}`, { firstname: `Person${i}`, lastname: 'Test', email: `p${i}@example.com` });
      hs.associate('8', 'contacts', `c${i}`, [{ category: 'HUBSPOT_DEFINED', typeId: 194 }]);
    }
    renderWithProviders(<AssociationsPanel callId="8" />);
    await screen.findByRole('listitem', { name: 'Person49 Test' });
    expect(screen.getAllByRole('listitem')).toHaveLength(50);
    const hubspotRequests = hs.requests.filter((r) => r.path.startsWith('/hubspot/'));
    const contactRequests = hubspotRequests.filter((r) => /\/contacts(\/|$|\?)/.test(r.path));
    expect(contactRequests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /hubspot/crm/v4/objects/calls/8/associations/contacts?limit=500',
      'POST /hubspot/crm/v3/objects/contacts/batch/read',
    ]);
    // Types with nothing associated cost only their association list.
    expect(hubspotRequests).toHaveLength(5);
  });

  it('removes a record after confirmation, and puts it back with HubSpot’s message when HubSpot refuses', async () => {
    const user = userEvent.setup();
    hs.fail('DELETE', /\/associations\/companies\/201$/, 403, {
      status: 'error',
      message: 'This app hasn’t been granted all required scopes',
      correlationId: 'abc-123',
      category: 'MISSING_SCOPES',
    });
    renderWithProviders(<AssociationsPanel callId="7" />);
    await user.click(await screen.findByRole('button', { name: 'Remove Acme Corp' }));
    // The refetch after the failure never lands: what the panel shows comes from the rollback alone.
    hs.hang('GET', /\/associations\/companies$/);
    const dialog = screen.getByRole('dialog', { name: 'Remove association?' });
    expect(dialog).toHaveTextContent('Acme Corp will no longer be associated with this call');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not remove Acme Corp: This app hasn’t been granted all required scopes');
    expect(row('Acme Corp')).toBeInTheDocument();

    // Second try succeeds: gone from the panel and from HubSpot.
    hs.hanging = [];
    await user.click(screen.getByRole('button', { name: 'Remove Acme Corp' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Remove association?' })).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Acme Corp' })).not.toBeInTheDocument());
    expect(hs.associations.get('7')?.companies).toEqual([]);
  });

  it('takes this call’s pin off a record when its association is removed', async () => {
    const user = userEvent.setup();
    hs.addRecord('deals', '301', { dealname: 'Big renewal', amount: '12000', dealstage: 'closedwon', hs_pinned_engagement_id: '7' });
    renderWithProviders(<AssociationsPanel callId="7" />);
    await user.click(await screen.findByRole('button', { name: 'Remove Big renewal' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove association?' });
    expect(dialog).toHaveTextContent('The call is pinned on it; the pin is removed too.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(hs.associations.get('7')?.deals).toEqual([]));
    expect(hs.records.deals.get('301')?.properties.hs_pinned_engagement_id).toBe('');
    expect(screen.getByText('No associated deals')).toBeInTheDocument();
  });

  it('pins and unpins this call on a record', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <>
        <PinnedOnSummary callId="7" />
        <AssociationsPanel callId="7" />
      </>,
    );
    await user.click(await screen.findByRole('button', { name: 'Pin on Ada Lovelace' }));
    expect(await screen.findByText('Pinned on Ada Lovelace (contact)')).toBeInTheDocument();
    await waitFor(() => expect(hs.records.contacts.get('101')?.properties.hs_pinned_engagement_id).toBe('7'));
    await user.click(screen.getByRole('button', { name: 'Unpin from Ada Lovelace' }));
    await waitFor(() => expect(hs.records.contacts.get('101')?.properties.hs_pinned_engagement_id).toBe(''));
    expect(screen.queryByText(/Pinned on/)).not.toBeInTheDocument();
  });

  it('names the pinned call a new pin replaces and asks first', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AssociationsPanel callId="7" />);
    await user.click(await screen.findByRole('button', { name: 'Pin on Grace Hopper' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace the pinned activity?' });
    await waitFor(() => expect(dialog).toHaveTextContent('Grace Hopper already pins the call “Quarterly review” (ID 999)'));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(hs.records.contacts.get('102')?.properties.hs_pinned_engagement_id).toBe('999');
    await user.click(screen.getByRole('button', { name: 'Pin on Grace Hopper' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Replace the pinned activity?' })).getByRole('button', { name: 'Replace pin' }));
    await waitFor(() => expect(hs.records.contacts.get('102')?.properties.hs_pinned_engagement_id).toBe('7'));
    expect(await screen.findByRole('button', { name: 'Unpin from Grace Hopper' })).toBeInTheDocument();
  });

  it('adds records of two types with a custom label through one search box', async () => {
    const user = userEvent.setup();
    hs.addRecord('contacts', '103', { firstname: 'Alan', lastname: 'Turing', email: 'alan@example.com' });
    hs.addRecord('tickets', '402', { subject: 'Alan cannot export', hs_pipeline_stage: '2' });
    renderWithProviders(<AssociationsPanel callId="7" />);
    await user.click(await screen.findByRole('button', { name: 'Add association' }));
    const dialog = screen.getByRole('dialog', { name: 'Associate records with this call' });
    await user.type(within(dialog).getByRole('combobox', { name: /Search contacts/ }), 'alan');
    await user.click(await screen.findByRole('option', { name: /Alan Turing/ }));
    await user.click(await screen.findByRole('option', { name: /Alan cannot export/ }));
    await user.keyboard('{Escape}');
    await user.click(within(dialog).getByRole('combobox', { name: 'Label for Alan Turing' }));
    await user.click(await screen.findByRole('option', { name: 'Decision maker' }));
    await user.click(within(dialog).getByRole('button', { name: 'Associate 2 records' }));
    const alan = await screen.findByRole('listitem', { name: 'Alan Turing' });
    await waitFor(() => expect(alan).toHaveTextContent('alan@example.com'));
    expect(alan).toHaveTextContent('Decision maker');
    expect(within(screen.getByRole('list', { name: 'Associated tickets' })).getByRole('listitem', { name: 'Alan cannot export' })).toBeInTheDocument();
    const put = hs.requests.find((r) => r.method === 'PUT' && r.path.endsWith('/contacts/103'));
    expect(put?.body).toEqual([
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 },
      { associationCategory: 'USER_DEFINED', associationTypeId: 9001 },
    ]);
  });

  it('summarises the associated names per type for the header', async () => {
    renderWithProviders(<AssociationSummary callId="7" />);
    await waitFor(() => expect(screen.getByText('Ada Lovelace, Grace Hopper')).toBeInTheDocument());
    expect(screen.getByText('Acme Corp')).toBeInTheDocument();
    expect(screen.getByText('Big renewal')).toBeInTheDocument();
  });
});
