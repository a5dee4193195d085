/**
 * Issue 11, "Nothing lost": what a user typed survives a failing HubSpot, a call deleted elsewhere,
 * and a create whose answer was lost (without creating the call twice).
 */
import type { Page } from '@playwright/test';
import { expect, test, type HubSpotApi, type HubSpotObject } from './fixtures';

/** A URL's path is `/hubspot` + `path`, with or without a query. */
const urlOf = (path: string) => (url: URL) => url.pathname === `/hubspot${path}`;

/** Calls titled exactly `title`, read through the proxy's search. */
/** The calls HubSpot's search finds with this title now (search lags behind the app's writes). */
async function callsTitled(api: HubSpotApi, title: string): Promise<HubSpotObject[]> {
  const res = await api.request<{ results: HubSpotObject[] }>('POST', api.paths.objectSearch('calls'), {
    filterGroups: [{ filters: [{ propertyName: 'hs_call_title', operator: 'EQ', value: title }] }],
    properties: ['hs_call_title', 'hs_call_body'],
    limit: 10,
  });
  expect(res.status).toBe(200);
  return res.body.results;
}

function countCreates(page: Page, api: HubSpotApi): { count: number } {
  const seen = { count: 0 };
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === `/hubspot${api.paths.objects('calls')}`) seen.count += 1;
  });
  return seen;
}

test.describe('edit', () => {
  test('typed values survive HubSpot failing the re-read before saving, and are saved once it answers', async ({ page, api }) => {
    const call = await api.createCall({ hs_call_title: 'Before the hiccup', hs_timestamp: '2026-11-01T09:00:00.000Z', hs_call_body: 'Old notes' });
    await page.goto(`/calls/${call.id}/edit`);
    await expect(page.getByLabel('Title')).toHaveValue('Before the hiccup');
    await page.getByLabel('Title').fill('Typed during the outage');
    await page.getByLabel('Notes').fill('Notes typed during the outage');

    let failing = true;
    await page.route(urlOf(api.paths.object('calls', call.id)), async (route) => {
      if (!failing || route.request().method() !== 'GET') return route.fallback();
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ status: 'error', message: 'Service Unavailable', category: 'SERVICE_UNAVAILABLE', correlationId: '0e0e0e0e-1111-4222-8333-444444444444' }),
      });
    });
    const patches: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PATCH') patches.push(r.url());
    });

    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The call was not saved' })).toContainText('Nothing was sent');
    await expect(page.getByRole('alert').filter({ hasText: 'Could not refresh the call from HubSpot' })).toContainText('Service Unavailable');
    await expect(page.getByText('Could not load the call')).toHaveCount(0);
    await expect(page.getByLabel('Title')).toHaveValue('Typed during the outage');
    await expect(page.getByLabel('Notes')).toHaveValue('Notes typed during the outage');
    expect(patches).toEqual([]);

    failing = false;
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/calls/${call.id}$`));
    const saved = await api.getCall(call.id, { properties: ['hs_call_title', 'hs_call_body'] });
    expect(saved.properties).toMatchObject({ hs_call_title: 'Typed during the outage', hs_call_body: 'Notes typed during the outage' });
  });

  test('a call deleted in another tab keeps what was typed and can be logged as a new call', async ({ page, api }) => {
    const call = await api.createCall({ hs_call_title: 'Deleted elsewhere', hs_timestamp: '2026-11-01T09:00:00.000Z' });
    await page.goto(`/calls/${call.id}/edit`);
    const title = `Rescued ${Date.now()}`;
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Notes').fill('Rescued notes');
    await api.deleteCall(call.id);

    await page.getByRole('button', { name: 'Save changes' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'HubSpot no longer has this call' }).filter({ has: page.getByRole('button', { name: 'Log as a new call' }) });
    await expect(notice).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveValue(title);
    await expect(page.getByLabel('Notes')).toHaveValue('Rescued notes');

    await notice.getByRole('button', { name: 'Log as a new call' }).click();
    await expect(page).toHaveURL(/\/calls\/new\?draft=/);
    await expect(page.getByLabel('Title')).toHaveValue(title);
    await expect(page.getByLabel('Notes')).toHaveValue('Rescued notes');
    await page.reload();
    await expect(page.getByLabel('Title')).toHaveValue(title);

    await page.getByRole('button', { name: 'Log call' }).click();
    await expect(page).toHaveURL(/\/calls\/\d+$/);
    // HubSpot's search shows the app's new call a little later.
    await expect.poll(async () => (await callsTitled(api, title)).map((c) => c.properties.hs_call_body)).toEqual(['Rescued notes']);
    const created = await callsTitled(api, title);
    await api.deleteCall(created[0]!.id);
  });
});

test.describe('create whose answer is lost', () => {
  test('a create that timed out but was stored is found and linked, and not sent again', async ({ page, api }) => {
    const title = `Timed out ${Date.now()}`;
    await page.route(`**/hubspot${api.paths.objects('calls')}`, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await route.fetch(); // HubSpot stores the call ...
      await route.fulfill({
        status: 504,
        contentType: 'application/json',
        body: JSON.stringify({ status: 'error', category: 'GATEWAY_TIMEOUT', message: 'HubSpot (embedded) did not answer within 30 s. The request may or may not have been applied.' }),
      }); // ... but the answer comes too late
    });
    const creates = countCreates(page, api);
    await page.goto('/calls/new');
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Log call' }).click();

    const found = page.getByRole('alert').filter({ hasText: 'HubSpot saved the call after all' });
    await expect(found).toContainText('did not answer within 30 s');
    await expect(page.getByText('HubSpot did not save the call')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Log call' })).toBeDisabled();
    const stored = await callsTitled(api, title);
    expect(stored).toHaveLength(1);
    expect(creates.count).toBe(1);

    await found.getByRole('link', { name: new RegExp(title) }).click();
    await expect(page).toHaveURL(new RegExp(`/calls/${stored[0]!.id}$`));
    await api.deleteCall(stored[0]!.id);
  });

  test('a create cut off before HubSpot stored it is reported as not saved, and sending again creates one call', async ({ page, api }) => {
    const title = `Cut off ${Date.now()}`;
    let cut = true;
    await page.route(`**/hubspot${api.paths.objects('calls')}`, async (route) => {
      if (!cut || route.request().method() !== 'POST') return route.fallback();
      await route.abort('connectionreset');
    });
    await page.goto('/calls/new');
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Log call' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'HubSpot has no such call: it was not saved' })).toContainText('You can send it again');
    expect(await callsTitled(api, title)).toEqual([]);

    cut = false;
    await page.getByRole('button', { name: 'Log call' }).click();
    await expect(page).toHaveURL(/\/calls\/\d+$/);
    // HubSpot's search shows the app's new call a little later.
    await expect.poll(async () => (await callsTitled(api, title)).length).toBe(1);
    const stored = await callsTitled(api, title);
    await api.deleteCall(stored[0]!.id);
  });
});

test.describe('pins', () => {
  interface Contact {
    id: string;
    properties: Record<string, string | null>;
  }
  const name = (c: Contact) => [c.properties.firstname, c.properties.lastname].filter(Boolean).join(' ').trim() || (c.properties.email ?? '');

  /** A contact from the demo seed that pins nothing and has a name (skipping the first `skip`). */
  async function freeContact(api: HubSpotApi, skip: number): Promise<Contact> {
    const res = await api.request<{ results: Contact[] }>('GET', `${api.paths.objects('contacts')}?limit=100&properties=firstname,lastname,email,hs_pinned_engagement_id`);
    const free = res.body.results.filter((c) => name(c) && !c.properties.hs_pinned_engagement_id);
    const contact = free[skip];
    if (!contact) throw new Error('the demo seed has too few contacts without a pin');
    return contact;
  }
  const callOn = (api: HubSpotApi, title: string, contactId: string) =>
    api.createCall({ hs_call_title: title, hs_timestamp: new Date().toISOString() }, [
      { to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] },
    ]);
  const pinOf = async (api: HubSpotApi, contactId: string) =>
    (await api.request<Contact>('GET', `${api.paths.object('contacts', contactId)}?properties=hs_pinned_engagement_id`)).body.properties.hs_pinned_engagement_id ?? '';
  const setPin = (api: HubSpotApi, contactId: string, value: string) =>
    api.request('PATCH', api.paths.object('contacts', contactId), { properties: { hs_pinned_engagement_id: value } });
  /** Opens the call and returns its associations panel's "Pin on" button for the contact, once shown. */
  async function pinButton(page: Page, callId: string, contact: Contact) {
    await page.goto(`/calls/${callId}`);
    const pin = page.getByRole('region', { name: 'Associations' }).getByRole('button', { name: `Pin on ${name(contact)}`, exact: true });
    await expect(pin).toBeVisible();
    return pin;
  }

  test('a pin made elsewhere after the page loaded is not replaced without asking', async ({ page, api }) => {
    const contact = await freeContact(api, 5);
    const call = await callOn(api, 'Pin here', contact.id);
    const other = await callOn(api, 'Pinned in another tab', contact.id);
    try {
      const pin = await pinButton(page, call.id, contact);
      expect((await setPin(api, contact.id, other.id)).status).toBe(200); // someone else pins meanwhile

      await pin.click();
      const dialog = page.getByRole('dialog', { name: 'Replace the pinned activity?' });
      await expect(dialog).toContainText(`already pins the call “Pinned in another tab” (ID ${other.id})`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await pinOf(api, contact.id)).toBe(other.id);
    } finally {
      await setPin(api, contact.id, '');
    }
  });

  test('a refused pin shows HubSpot’s sentence and the panel drops a record no longer associated', async ({ page, api }) => {
    const contact = await freeContact(api, 6);
    const call = await callOn(api, 'Association removed elsewhere', contact.id);
    try {
      const pin = await pinButton(page, call.id, contact);
      expect((await api.request('DELETE', api.paths.associationPair('calls', call.id, 'contacts', contact.id))).status).toBe(204);

      await pin.click();
      await expect(page.getByText(`must be associated with contact ${contact.id} before it can be pinned`)).toBeVisible();
      await expect(page.getByText(/Property values were not valid|isValid/)).toHaveCount(0);
      await expect(page.getByRole('region', { name: 'Associations' }).getByRole('listitem', { name: name(contact), exact: true })).toHaveCount(0);
      expect(await pinOf(api, contact.id)).toBe('');
    } finally {
      await setPin(api, contact.id, '');
    }
  });
});
