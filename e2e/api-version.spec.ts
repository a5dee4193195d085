/**
 * The HubSpot API family the app speaks (HUBSPOT_API_VERSION): every request the browser sends through
 * the proxy during a session of browsing, the recently deleted calls, exporting, editing, associating, pinning and bulk editing is of
 * the family the server reports, and the proxy refuses none of them. playwright.config.ts runs this spec
 * against the default server (2026-09) and against a second server with HUBSPOT_API_VERSION=legacy.
 */
import { readFile } from 'node:fs/promises';
import type { ApiVersion } from '../src/api/hubspot-paths';
import { createThreeCalls, expect, grid, setOutcomeOfSelected, settled, test } from './fixtures';

/** Each family's paths, written out. */
const FAMILY: Record<ApiVersion, RegExp> = {
  '2026-09': /^\/(?:crm\/(?:objects|associations|properties|owners|extensions\/calling)|account-info)\/2026-09(?:\/|$)/,
  '2026-03': /^\/(?:crm\/(?:objects|associations|properties|owners|extensions\/calling)|account-info)\/2026-03(?:\/|$)/,
  legacy: /^\/crm\/v[34]\/|^\/account-info\/v3\//,
};
/** Call outcomes, in every family: HubSpot's dispositions beta (its own version) and the legacy list it falls back to. */
const OUTCOMES = /^\/crm\/extensions\/calling\/2027-03-beta\/dispositions$|^\/calling\/v1\/dispositions$/;

interface Contact {
  id: string;
  properties: Record<string, string | null>;
}

test('a whole session speaks the API family the server is configured for', async ({ page, api }) => {
  test.setTimeout(120_000);
  const p = api.paths;
  const sent: string[] = [];
  const refused: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/hubspot/')) sent.push(`${r.method()} ${url.pathname.slice('/hubspot'.length)}`);
  });
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/hubspot/') && r.status() === 403) refused.push(`${r.request().method()} ${url.pathname}`);
  });

  const f = await createThreeCalls(api);
  const contacts = await api.request<{ results: Contact[] }>('GET', `${p.objects('contacts')}?limit=100&properties=firstname,lastname,email,hs_pinned_engagement_id`);
  const contact = contacts.body.results.find((c) => c.id !== f.contact.id && c.properties.email && c.properties.firstname && c.properties.lastname && !c.properties.hs_pinned_engagement_id);
  if (!contact) throw new Error('the demo seed has no free contact with a name and an email');
  const name = `${contact.properties.firstname} ${contact.properties.lastname}`;

  // Browse: the list (metadata, associated names), a search, a page of the search.
  await page.goto('/calls?size=25');
  await settled(page, /^[\d,]+ calls? match(es)?\./);
  await page.goto(`/calls?q=${f.token}&sort=title`);
  await settled(page, '3 calls match.');

  // The recently deleted calls (HubSpot's list endpoint with archived=true).
  const deleted = page.waitForResponse((r) => new URL(r.url()).pathname === `/hubspot${p.objects('calls')}` && r.url().includes('archived=true'));
  await page.goto('/calls/deleted');
  expect((await deleted).status()).toBe(200);
  await page.goto(`/calls?q=${f.token}&sort=title`);
  await settled(page, '3 calls match.');

  // Export the view.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect(await readFile(await (await download).path(), 'utf8')).toContain(`${f.token} alpha`);

  // Edit a call.
  await page.goto(`/calls/${f.alpha.id}/edit`);
  await page.getByLabel('Title').fill(`${f.token} alpha edited`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Saved “${f.token} alpha edited”.`)).toBeVisible();

  // Associate a contact, pin the call on it, unpin, remove the association.
  const panel = page.getByRole('region', { name: 'Associations' });
  await panel.getByRole('button', { name: 'Add association' }).click();
  await page.getByRole('combobox', { name: 'Search contacts, companies, deals and tickets' }).fill(contact.properties.email ?? '');
  await page.getByRole('option', { name: new RegExp(`ID ${contact.id}\\)$`) }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Associate records with this call' }).getByRole('button', { name: 'Associate', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Associated ${name}` })).toBeVisible();
  await panel.getByRole('button', { name: `Pin on ${name}`, exact: true }).click();
  await panel.getByRole('button', { name: `Unpin from ${name}`, exact: true }).click();
  await expect(panel.getByRole('button', { name: `Pin on ${name}`, exact: true })).toBeVisible();
  await panel.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
  await page.getByRole('dialog', { name: 'Remove association?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(panel.getByRole('listitem', { name, exact: true })).toHaveCount(0);

  // Bulk edit, then bulk delete.
  await page.goto(`/calls?q=${f.token}`);
  await settled(page, '3 calls match.');
  await grid(page).getByRole('checkbox', { name: 'Select all rows' }).check();
  const outcome = await setOutcomeOfSelected(page, 3, 'Busy');
  await outcome.getByRole('button', { name: 'Close' }).click();
  await grid(page).getByRole('checkbox', { name: 'Select all rows' }).check();
  await page.getByRole('button', { name: 'Delete…' }).click();
  const del = page.getByRole('dialog', { name: 'Delete calls' });
  await del.getByRole('button', { name: 'Delete 3 calls' }).click();
  await expect(del.getByText('3 calls deleted.')).toBeVisible();

  // Every request was of the family, and the proxy forwarded each one.
  expect(refused).toEqual([]);
  expect(sent.map((r) => r.slice(r.indexOf(' ') + 1)).filter((path) => !FAMILY[p.version].test(path) && !OUTCOMES.test(path))).toEqual([]);
  // The session did what it claims (so the check above covered each kind of request).
  const kinds = new Set(sent);
  expect(
    [
      `GET ${p.objects('calls')}`,
      `POST ${p.objectSearch('calls')}`,
      `GET ${p.object('calls', f.alpha.id)}`,
      `PATCH ${p.object('calls', f.alpha.id)}`,
      `POST ${p.associationBatchRead('calls', 'contacts')}`,
      `POST ${p.objectBatch('contacts', 'read')}`,
      `POST ${p.objectSearch('contacts')}`,
      `GET ${p.associationLabels('calls', 'contacts')}`,
      `PUT ${p.associationPair('calls', f.alpha.id, 'contacts', contact.id)}`,
      `GET ${p.object('contacts', contact.id)}`,
      `PATCH ${p.object('contacts', contact.id)}`,
      `DELETE ${p.associationPair('calls', f.alpha.id, 'contacts', contact.id)}`,
      `POST ${p.objectBatch('calls', 'update')}`,
      `POST ${p.objectBatch('calls', 'archive')}`,
      `GET ${p.properties('calls')}`,
      `GET ${p.owners()}`,
      `GET ${p.dispositions()}`,
    ].filter((kind) => !kinds.has(kind)),
  ).toEqual([]);
});
