/**
 * The connection badge with the server's real credential check: the real mock (in memory) simulating a
 * credential that lacks scopes, behind the real /hubspot-connection handler, reached through `fetch`.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createCredentialCheck } from '../../server/credential';
import { createMockApp } from '../../server/mock/app';
import { openMockDb } from '../../server/mock/store/index';
import { createProxyApp, type Upstream } from '../../server/proxy';
import { renderWithProviders } from '../test/render';
import { ConnectionBadge } from './ConnectionBadge';

const READ_SCOPES = [
  'crm.objects.contacts.read',
  'crm.objects.companies.read',
  'crm.objects.deals.read',
  'tickets',
  'crm.objects.owners.read',
  'oauth',
  'crm.extensions_calling_transcripts.read',
];

const TOKEN = 'pat-na1-component-test';
const db = openMockDb({ file: ':memory:', seed: 'empty' });
afterAll(() => db.close());
afterEach(() => vi.unstubAllGlobals());

/**
 * The server as `npm start` runs it against HubSpot, whose credential has `scopes` (the real mock answers
 * for HubSpot); `grantAll` gives it every scope in "HubSpot"; `token` is what the server sends.
 */
async function serverWithCredential(scopes: string[], token = TOKEN) {
  let mock = createMockApp({ db, token: TOKEN, scopes });
  const upstream: Upstream = { mode: 'hubspot', host: 'api.hubapi.com', baseUrl: 'https://api.hubapi.com', token, fetch: async (request) => mock.fetch(request) };
  const credential = createCredentialCheck(upstream, { timeoutMs: 5000, apiVersion: '2026-09' });
  await credential?.run();
  const proxy = createProxyApp({ upstream, apiVersion: '2026-09', ...(credential ? { credential } : {}) });
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => proxy.request(new URL(String(input), 'http://localhost').pathname, init));
  return {
    grantAll: () => {
      mock = createMockApp({ db, token: TOKEN });
    },
  };
}

describe('ConnectionBadge', () => {
  it('warns about missing scopes, names each and what will not work, by keyboard; "Check again" clears it', async () => {
    const hubspot = await serverWithCredential(READ_SCOPES.filter((s) => s !== 'crm.objects.deals.read' && s !== 'tickets'));
    renderWithProviders(<ConnectionBadge />);
    const badge = await screen.findByRole('button', { name: 'HubSpot · api.hubapi.com · 2 scopes missing' });

    await userEvent.tab();
    expect(badge).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const details = await screen.findByRole('dialog', { name: 'The credential lacks 2 scopes the app needs' });
    expect(within(details).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'crm.objects.deals.read: deals will not show on calls',
      'tickets: tickets will not show on calls',
    ]);
    expect(details).toHaveTextContent('Add the scopes to the Service Key in HubSpot (Development › Keys › Service keys), then check again.');

    hubspot.grantAll();
    await userEvent.click(within(details).getByRole('button', { name: 'Check again' }));
    const fine = await screen.findByRole('dialog', { name: 'The credential is fine' });
    expect(fine).toHaveTextContent('HubSpot accepts the token, and every scope the app reads with is granted.');

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('HubSpot · api.hubapi.com')).toBeVisible();
    expect(screen.queryByText(/missing/)).not.toBeInTheDocument();
  });

  it('says when HubSpot refuses the token', async () => {
    await serverWithCredential(READ_SCOPES, 'pat-na1-revoked');
    renderWithProviders(<ConnectionBadge />);
    await userEvent.click(await screen.findByRole('button', { name: 'HubSpot · api.hubapi.com · token refused' }));
    const details = await screen.findByRole('dialog', { name: 'HubSpot refused the token' });
    expect(details).toHaveTextContent('HubSpot refused the token (401 INVALID_AUTHENTICATION): The access token provided is not valid for this account.');
    expect(details).not.toHaveTextContent('pat-na1-revoked');
  });
});
