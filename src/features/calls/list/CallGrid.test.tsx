import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import CallListPage from './CallListPage';

const AT = '2026-11-01T10:00:00.000Z';

let hs: HubSpotFake;
beforeEach(() => {
  localStorage.clear();
  hs = installHubSpot();
});
afterEach(() => uninstallHubSpot(hs));

const rowOf = (text: string) => screen.getByText(text).closest<HTMLElement>('[role="row"]');
const status = () => document.querySelector('p[aria-live="polite"]')?.textContent;

describe('the call list reads at a glance', { timeout: 60_000 }, () => {
  it('shows contact and company names with the rows, from one batch read per record type for the page', async () => {
    const calls = [
      await hs.create('calls', { hs_call_title: 'namesword one', hs_timestamp: AT }),
      await hs.create('calls', { hs_call_title: 'namesword two', hs_timestamp: AT }),
    ];
    const ada = await hs.create('contacts', { firstname: 'Ada', lastname: 'Lovelace' });
    const alan = await hs.create('contacts', { firstname: 'Alan', lastname: 'Turing' });
    const acme = await hs.create('companies', { name: 'Acme Analytics' });
    await hs.associate(calls[0]!, 'contacts', ada);
    await hs.associate(calls[0]!, 'companies', acme);
    await hs.associate(calls[1]!, 'contacts', alan);

    // The contacts' names are held back: the rows wait for them.
    const held = hs.hold('POST', '/crm/objects/2026-09/contacts/batch/read');
    renderWithProviders(<CallListPage />, { route: '/calls?q=namesword' });
    await held.reached;
    expect(screen.queryByText('namesword one')).toBeNull();
    held.release();

    await screen.findByText('namesword one', undefined, { timeout: 10_000 });
    expect(rowOf('namesword one')).toHaveTextContent('Ada Lovelace');
    expect(rowOf('namesword one')).toHaveTextContent('Acme Analytics');
    expect(rowOf('namesword two')).toHaveTextContent('Alan Turing');
    const batchReads = hs.hubspotRequests().filter((r) => r.includes('/batch/read'));
    expect(batchReads.sort()).toEqual([
      'POST /crm/associations/2026-09/calls/companies/batch/read',
      'POST /crm/associations/2026-09/calls/contacts/batch/read',
      'POST /crm/objects/2026-09/companies/batch/read',
      'POST /crm/objects/2026-09/contacts/batch/read',
    ]);
  });

  it('states the same total in the status line and the footer', async () => {
    for (const title of ['total one', 'total two', 'total three']) await hs.create('calls', { hs_call_title: title, hs_timestamp: AT });
    renderWithProviders(<CallListPage />, { route: '/calls' });
    expect(await screen.findByText('1–3 of 3')).toBeInTheDocument();
    expect(status()).toBe('3 calls match.');
  });

  it('says nothing is loading once the list has failed', async () => {
    hs.fail('POST', '/crm/objects/2026-09/calls/search', 400, undefined, { times: 5 });
    renderWithProviders(<CallListPage />, { route: '/calls' });
    expect(await screen.findByText('Could not load calls')).toBeInTheDocument();
    await waitFor(() => expect(status()).toBe(''));
    expect(screen.queryByText(/Loading/)).toBeNull();
  });
});
