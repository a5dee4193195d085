import { waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetHttpConfig } from './api/http';
import { createPageRenderer } from './entry-server';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from './test/hubspot';

let hs: HubSpotFake;

beforeEach(async () => {
  hs = installHubSpot();
  const older = await hs.create('calls', { hs_call_title: 'Older call', hs_timestamp: '2026-11-01T10:00:00.000Z' });
  await hs.create('calls', { hs_call_title: 'Newer call', hs_timestamp: '2026-11-02T09:30:00.000Z' });
  const contact = await hs.create('contacts', { firstname: 'Ada', lastname: 'Lovelace' });
  await hs.associate(older, 'contacts', contact);
});
afterEach(() => {
  uninstallHubSpot(hs);
  resetHttpConfig();
  document.body.innerHTML = '';
});

const render = (url: string, timeZone = 'UTC') => createPageRenderer((u, init) => globalThis.fetch(u, init))(new URL(url, 'http://localhost'), timeZone);

/** The list's own searches (the summary strip's ask only for hs_object_id or hs_call_duration). */
const listSearches = () =>
  hs.requests.filter((r) => r.path.endsWith('/calls/search') && (r.body as { properties?: string[] }).properties?.includes('hs_call_title'));

const rowTexts = (root: HTMLElement) =>
  within(within(root).getByRole('grid', { name: 'Calls' }))
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-id'))
    .map((row) => row.textContent);

describe('the call list rendered on the server (src/entry-server.tsx)', { timeout: 60_000 }, () => {
  it('is the list’s first page, newest first, with contact names and times in the zone asked for', async () => {
    const page = await render('/calls', 'Asia/Tokyo');
    const probe = document.createElement('div');
    probe.innerHTML = page?.html ?? '';
    const rows = rowTexts(probe);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Newer call');
    expect(rows[0]).toContain('2 Nov 2026, 18:30');
    expect(rows[1]).toContain('Older call');
    expect(rows[1]).toContain('Ada Lovelace');
    expect(within(probe).getByText('2 calls match.').tagName).toBeTruthy();
  });

  it('is taken over by the browser as it is: the same rows, no second search, no render from scratch', async () => {
    const page = await render('/calls?q=Older');
    expect(page).not.toBeNull();
    document.body.innerHTML = `<div id="root">${page?.html ?? ''}</div>${page?.stateElement ?? ''}`;
    window.history.replaceState(null, '', '/calls?q=Older');
    const shown = within(document.body).getByRole('grid', { name: 'Calls' }).querySelector('[data-id]');
    hs.requests.length = 0;

    // As in the browser, the app's modules are evaluated once the page's markup is there (Emotion then adopts the
    // page's styles), with a data cache of their own.
    vi.resetModules();
    const { startApp } = await import('./app/start');
    const recovered: unknown[] = [];
    const root = startApp(document, { onRecoverableError: (error) => void recovered.push(error) });
    try {
      // Hydrated: React owns the server's row element (a render from scratch would have replaced it).
      await waitFor(() => expect(Object.keys(shown ?? {}).some((key) => key.startsWith('__reactFiber'))).toBe(true));
      expect(within(document.body).getByRole('grid', { name: 'Calls' }).querySelector('[data-id]')).toBe(shown);
      expect(rowTexts(document.body)).toEqual([expect.stringContaining('Older call')]);
      expect(recovered).toEqual([]);
      expect(listSearches()).toHaveLength(0);
    } finally {
      root.unmount();
    }
  });

  it('is left to the browser when HubSpot refuses a read, for other screens and for a saved view’s link', async () => {
    hs.fail('POST', /\/calls\/search$/, 500);
    expect(await render('/calls')).toBeNull();
    expect(await render('/calls/7')).toBeNull();
    expect(await render('/calls?view=3')).toBeNull();
    expect(await render('/calls')).not.toBeNull();
  });
});
