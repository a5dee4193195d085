import type { Locator, Page, Request } from '@playwright/test';
import { expect, OUTCOME, test, type HubSpotApi } from './fixtures';


interface Owner {
  id: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

async function firstOwner(api: HubSpotApi): Promise<{ id: string; name: string }> {
  const res = await api.request<{ results: Owner[] }>('GET', `${api.paths.owners()}?limit=5`);
  const owner = res.body.results[0];
  if (!owner) throw new Error('the mock has no owners');
  const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || `Owner ${owner.id}`;
  return { id: owner.id, name };
}

async function firstContact(api: HubSpotApi): Promise<{ id: string; name: string }> {
  const res = await api.request<{ results: { id: string; properties: Record<string, string | null> }[] }>(
    'GET',
    `${api.paths.objects('contacts')}?limit=1&properties=firstname&properties=lastname&properties=email`,
  );
  const c = res.body.results[0];
  if (!c) throw new Error('the mock has no contacts');
  return { id: c.id, name: [c.properties.firstname, c.properties.lastname].filter(Boolean).join(' ') };
}

/** The Time field (MUI X sections): select all sections and type the digits of "YYYY-MM-DD HH:mm". */
async function typeTime(page: Page, digits: string) {
  await timeField(page).getByRole('spinbutton', { name: 'Year' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(digits);
}

function timeField(page: Page): Locator {
  return page.getByRole('group', { name: 'Time' });
}

async function clearTime(page: Page) {
  await timeField(page).getByRole('spinbutton', { name: 'Year' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
}

async function choose(page: Page, field: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: field, exact: true }).click();
  await page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option }).first().click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

/** Writes to the calls API sent by the page (create/update/delete). */
function recordCallWrites(page: Page, api: HubSpotApi): Request[] {
  const writes: Request[] = [];
  page.on('request', (r) => {
    if (r.url().includes(`/hubspot${api.paths.objects('calls')}`) && r.method() !== 'GET') writes.push(r);
  });
  return writes;
}

const propertyRow = (page: Page, label: string) => page.getByRole('row', { name: new RegExp(`^${label}\\b`) });

test.describe('create', () => {
  test('a call with every field shows exactly those values on the detail page and in the list', async ({ page, api }) => {
    const owner = await firstOwner(api);
    const contact = await firstContact(api);
    const title = `E2E every field ${Date.now()}`;

    await page.goto('/calls/new');
    await expect(page.getByRole('heading', { name: 'Log a call' })).toBeVisible();
    await page.getByLabel('Title').fill(title);
    await typeTime(page, '202611201030');
    await choose(page, 'Direction', 'Outbound');
    await choose(page, 'Outcome', 'Connected');
    await choose(page, 'Status', 'Completed');
    await choose(page, 'Call type', 'Demo');
    await page.getByLabel('Duration').fill('1:02:03');
    await page.getByLabel('From number').fill('+1 415 555 0123');
    await page.getByLabel('To number').fill('+44 20 7183 8750');
    await choose(page, 'Owner', new RegExp(`^${escapeRegExp(owner.name)}`));
    await page.getByLabel('Recording URL').fill('https://recordings.example.com/e2e-every-field.mp3');
    await page.getByLabel('Notes').fill('Line one\nLine two');
    await page.getByLabel('Attachment ids').fill('111, 222');
    await page.getByRole('combobox', { name: 'Search contacts, companies, deals and tickets' }).fill(contact.name);
    await page.getByRole('option', { name: new RegExp(contact.name) }).first().click();
    await expect(page.getByRole('list', { name: 'Records to associate' })).toContainText(contact.name);

    const created = page.waitForResponse((r) => r.url().endsWith(`/hubspot${api.paths.objects('calls')}`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Log call' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await expect(page).toHaveURL(new RegExp(`/calls/${id}$`));
    await expect(page.getByText(`Call “${title}” logged.`)).toBeVisible();

    // Stored exactly as HubSpot expects.
    const stored = await api.getCall(id, {
      properties: [
        'hs_call_title', 'hs_timestamp', 'hs_call_direction', 'hs_call_disposition', 'hs_call_status', 'hs_activity_type',
        'hs_call_duration', 'hs_call_from_number', 'hs_call_to_number', 'hubspot_owner_id', 'hs_call_recording_url',
        'hs_call_body', 'hs_attachment_ids',
      ],
      associations: ['contacts'],
    });
    expect(stored.properties).toMatchObject({
      hs_call_title: title,
      hs_timestamp: '2026-11-20T10:30:00.000Z',
      hs_call_direction: 'OUTBOUND',
      hs_call_disposition: OUTCOME.connected,
      hs_call_status: 'COMPLETED',
      hs_activity_type: 'Demo',
      hs_call_duration: '3723000',
      hs_call_from_number: '+14155550123',
      hs_call_to_number: '+442071838750',
      hubspot_owner_id: owner.id,
      hs_call_recording_url: 'https://recordings.example.com/e2e-every-field.mp3',
      hs_call_body: 'Line one\nLine two',
      hs_attachment_ids: '111;222',
    });
    expect(stored.associations?.contacts?.results.map((r) => r.id)).toContain(contact.id);

    // The detail page shows the friendly values.
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Outcome: Connected')).toBeVisible();
    await expect(page.getByText('Direction: Outbound')).toBeVisible();
    await expect(page.getByText('Status: Completed')).toBeVisible();
    await expect(page.getByText(`Owner: ${owner.name}`)).toBeVisible();
    await expect(page.getByText('20 Nov 2026, 10:30').first()).toBeVisible();
    await expect(propertyRow(page, 'Call duration')).toContainText('1:02:03');
    await expect(propertyRow(page, 'From number')).toContainText('+1 415 555 0123');
    await expect(propertyRow(page, 'To number')).toContainText('+44 20 7183 8750');
    await expect(propertyRow(page, 'Call and meeting type')).toContainText('Demo');
    await expect(propertyRow(page, 'Attached file IDs')).toContainText('111, 222');
    await expect(page.getByTestId('call-notes')).toHaveText('Line one\nLine two');
    await expect(page.getByLabel('Call recording')).toHaveAttribute('src', 'https://recordings.example.com/e2e-every-field.mp3');
    await expect(page.getByText(contact.name).first()).toBeVisible();

    // And the list finds it with the same values: opened before HubSpot's search has indexed it, the list searches
    // again until the new call is there.
    await page.goto(`/calls?q=${encodeURIComponent(title)}`);
    const row = page.getByRole('row', { name: new RegExp(title) });
    await expect(row).toBeVisible();
    await expect(row).toContainText('1:02:03');
    await expect(row).toContainText('Connected');
    await api.deleteCall(id).catch(() => undefined);
  });

  test('the source and the callee (one of the records the call is associated with) read back on the call page by name', async ({ page, api }) => {
    const contact = await firstContact(api);
    const title = `E2E callee ${Date.now()}`;
    await page.goto('/calls/new');
    await page.getByLabel('Title').fill(title);
    await typeTime(page, '202611211415');
    await choose(page, 'Source', 'VoIP');
    // The callee is chosen among the records the new call is associated with: none yet.
    await expect(page.getByRole('combobox', { name: 'Callee', exact: true })).toHaveAccessibleDescription(/Add a contact or company under Associated records/);
    await page.getByRole('combobox', { name: 'Search contacts, companies, deals and tickets' }).fill(contact.name);
    await page.getByRole('option', { name: new RegExp(contact.name) }).first().click();
    await choose(page, 'Callee', `${contact.name} (contact)`);

    const created = page.waitForResponse((r) => r.url().endsWith(`/hubspot${api.paths.objects('calls')}`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Log call' }).click();
    const { id } = (await (await created).json()) as { id: string };
    await expect(page).toHaveURL(new RegExp(`/calls/${id}$`));

    const stored = await api.getCall(id, { properties: ['hs_call_source', 'hs_call_callee_object_type', 'hs_call_callee_object_id'] });
    expect(stored.properties).toMatchObject({ hs_call_source: 'VOIP', hs_call_callee_object_type: 'CONTACT', hs_call_callee_object_id: contact.id });

    await expect(page.getByText(`Callee: ${contact.name} (contact)`)).toBeVisible();
    const link = page.getByRole('link', { name: contact.name, exact: true }).first();
    await expect(link).toHaveAttribute('href', `/calls?record=contacts:${contact.id}`);
    await expect(propertyRow(page, 'Callee object ID')).toContainText(`${contact.name} (contact)`);
    await expect(propertyRow(page, 'Callee object ID')).not.toContainText(contact.id);
    await expect(propertyRow(page, 'Call source')).toContainText('VoIP');

    // The edit form offers the call's associated contact and shows the callee chosen.
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByRole('combobox', { name: 'Callee', exact: true })).toHaveText(`${contact.name} (contact)`);
    await expect(page.getByRole('combobox', { name: 'Source', exact: true })).toHaveText('VoIP');
    await api.deleteCall(id).catch(() => undefined);
  });

  test('client-side rules (no time, http recording URL, bad phone number) show on the fields and send nothing', async ({ page, api }) => {
    await page.goto('/calls/new');
    const writes = recordCallWrites(page, api);
    await page.getByLabel('Title').fill('Should never be sent');
    await clearTime(page);
    await page.getByLabel('Recording URL').fill('http://recordings.example.com/insecure.mp3');
    await page.getByLabel('From number').fill('415 555 0123');
    await page.getByLabel('To number').fill('+1 555');
    await page.getByRole('button', { name: 'Log call' }).click();

    await expect(page.getByText('Enter when the call happened')).toBeVisible();
    await expect(page.getByLabel('Recording URL')).toHaveAccessibleDescription(/must start with https:\/\//);
    await expect(page.getByLabel('From number')).toHaveAccessibleDescription(/international format with the country code/);
    await expect(page.getByLabel('To number')).toHaveAccessibleDescription(/not a valid phone number/);
    await expect(page).toHaveURL(/\/calls\/new$/);
    expect(writes.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
  });

  test('leaving the new-call form after typing asks first', async ({ page }) => {
    await page.goto('/calls/new');
    await page.getByLabel('Title').fill('Not logged yet');
    await page.getByRole('button', { name: 'Cancel' }).click();
    const prompt = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect(prompt).toContainText('have not been saved');
    await prompt.getByRole('button', { name: 'Leave without saving' }).click();
    await expect(page).toHaveURL(/\/calls$/);
  });

  test('HubSpot validation errors land on the field they name', async ({ page, api }) => {
    await page.goto('/calls/new');
    await page.getByLabel('Title').fill('Notes too long for HubSpot');
    // HubSpot (and the mock) refuse property values over 65,536 characters; the form does not check that.
    await page.getByLabel('Notes').fill('x'.repeat(70_000));
    const rejected = page.waitForResponse((r) => r.url().endsWith(`/hubspot${api.paths.objects('calls')}`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Log call' }).click();
    expect((await rejected).status()).toBe(400);
    await expect(page.getByLabel('Notes')).toHaveAccessibleDescription(/longer than 65536 characters/);
    await expect(page).toHaveURL(/\/calls\/new$/);
  });

  test('other HubSpot errors show above the buttons with the correlation id', async ({ page, api }) => {
    await page.route(`**/hubspot${api.paths.objects('calls')}`, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({
          status: 'error',
          message: "This app hasn't been granted all required scopes to make this call.",
          correlationId: '5f0c1c9e-8a0b-4a4e-9e8e-3d1f6e0a1b2c',
          category: 'MISSING_SCOPES',
        }),
      });
    });
    await page.goto('/calls/new');
    await page.getByLabel('Title').fill('Scopes missing');
    await page.getByRole('button', { name: 'Log call' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'HubSpot did not save the call' });
    await expect(alert).toContainText("This app hasn't been granted all required scopes");
    await expect(alert).toContainText('Correlation ID: 5f0c1c9e-8a0b-4a4e-9e8e-3d1f6e0a1b2c');
  });
});

test.describe('time zones', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('a time picked in New York is stored as UTC and shown back in New York time', async ({ page, api }) => {
    await page.goto('/calls/new');
    await page.getByLabel('Title').fill('Time zone check');
    await typeTime(page, '202607010915');
    const created = page.waitForResponse((r) => r.url().endsWith(`/hubspot${api.paths.objects('calls')}`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Log call' }).click();
    const { id } = (await (await created).json()) as { id: string };
    const stored = await api.getCall(id, { properties: ['hs_timestamp'] });
    expect(stored.properties.hs_timestamp).toBe('2026-07-01T13:15:00.000Z');
    await expect(page.getByText('1 Jul 2026, 09:15').first()).toBeVisible();
    await api.deleteCall(id);
  });
});

test.describe('edit', () => {
  test('changing outcome and duration sends only those and survives a reload', async ({ page, api }) => {
    const call = await api.createCall({
      hs_call_title: 'Edit me',
      hs_timestamp: '2026-11-01T09:00:00.000Z',
      hs_call_disposition: OUTCOME.connected,
      hs_call_duration: '60000',
      hs_call_from_number: '(415) 555-0123', // a legacy national number: unchanged, it must not block the save
    });
    await page.goto(`/calls/${call.id}/edit`);
    await expect(page.getByLabel('Duration')).toHaveValue('0:01:00');
    await choose(page, 'Outcome', 'No answer');
    await page.getByLabel('Duration').fill('12:34');

    const patch = page.waitForRequest((r) => r.url().includes(`/hubspot${api.paths.object('calls', call.id)}`) && r.method() === 'PATCH');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await patch).postDataJSON()).toEqual({ properties: { hs_call_disposition: OUTCOME.noAnswer, hs_call_duration: '754000' } });
    await expect(page).toHaveURL(new RegExp(`/calls/${call.id}$`));
    await expect(page.getByText('Saved “Edit me”.')).toBeVisible();
    await expect(page.getByText('Outcome: No answer')).toBeVisible();

    await page.reload();
    await expect(page.getByText('Outcome: No answer')).toBeVisible();
    await expect(propertyRow(page, 'Call duration')).toContainText('0:12:34');
  });

  test('after saving, the detail and the list show the new values without a reload', async ({ page, api }) => {
    const title = `Cache check ${Date.now()}`;
    await api.createCall({ hs_call_title: title, hs_timestamp: '2026-11-01T09:00:00.000Z', hs_call_disposition: OUTCOME.connected, hs_call_duration: '60000' });
    const listPath = `/calls?q=${encodeURIComponent(title)}`;
    await page.goto(listPath);
    await page.evaluate(() => {
      (globalThis as unknown as { __e2eDocument?: boolean }).__e2eDocument = true;
    });
    // The list's grid row (the detail page also has table rows that mention the title).
    const row = page.getByRole('grid').getByRole('row', { name: new RegExp(title) });
    await expect(row).toContainText('Connected');
    await row.getByText(title).click();
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await choose(page, 'Outcome', 'Busy');
    await page.getByLabel('Duration').fill('3:00');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Outcome: Busy')).toBeVisible();
    await expect(propertyRow(page, 'Call duration')).toContainText('0:03:00');
    await page.getByRole('link', { name: 'Open in list' }).click();
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === listPath);
    await expect(row).toContainText('Busy');
    await expect(row).toContainText('0:03:00');
    expect(await page.evaluate(() => (globalThis as unknown as { __e2eDocument?: boolean }).__e2eDocument)).toBe(true);
  });

  test('clearing a field sends an empty string', async ({ page, api }) => {
    const call = await api.createCall({ hs_call_title: 'Clear me', hs_timestamp: '2026-11-01T09:00:00.000Z', hs_call_duration: '60000' });
    await page.goto(`/calls/${call.id}/edit`);
    await page.getByLabel('Duration').fill('');
    const patch = page.waitForRequest((r) => r.url().includes(`/hubspot${api.paths.object('calls', call.id)}`) && r.method() === 'PATCH');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await patch).postDataJSON()).toEqual({ properties: { hs_call_duration: '' } });
    await expect(page).toHaveURL(new RegExp(`/calls/${call.id}$`));
    const stored = await api.getCall(call.id, { properties: ['hs_call_duration'] });
    expect(stored.properties.hs_call_duration ?? '').toBe('');
  });

  test('a change made in HubSpot meanwhile is shown; keep mine for one property, take theirs for another', async ({ page, api }) => {
    const call = await api.createCall({ hs_call_title: 'Original', hs_timestamp: '2026-11-01T09:00:00.000Z', hs_call_status: 'COMPLETED' });
    await page.goto(`/calls/${call.id}/edit`);
    await expect(page.getByLabel('Title')).toHaveValue('Original');
    await page.getByLabel('Title').fill('Mine');
    await choose(page, 'Status', 'Busy');
    // Someone else edits the call in HubSpot.
    await api.updateCall(call.id, { hs_call_title: 'Theirs', hs_call_status: 'NO_ANSWER' });

    await page.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'This call changed in HubSpot' });
    await expect(dialog).toBeVisible();
    const titleRow = dialog.getByRole('row', { name: /Call title/ });
    await expect(titleRow).toContainText('Theirs');
    await expect(titleRow).toContainText('Mine');
    const statusRow = dialog.getByRole('row', { name: /Call status/ });
    await expect(statusRow).toContainText('No answer');
    await expect(statusRow).toContainText('Busy');
    await statusRow.getByRole('radio', { name: 'Theirs' }).check();
    await dialog.getByRole('button', { name: 'Save with these choices' }).click();

    await expect(page).toHaveURL(new RegExp(`/calls/${call.id}$`));
    const stored = await api.getCall(call.id, { properties: ['hs_call_title', 'hs_call_status'] });
    expect(stored.properties).toMatchObject({ hs_call_title: 'Mine', hs_call_status: 'NO_ANSWER' });
    await expect(page.getByRole('heading', { level: 1, name: 'Mine' })).toBeVisible();
    await expect(page.getByText('Status: No answer')).toBeVisible();
  });

  test('the conflict dialog can overwrite HubSpot’s changes with mine', async ({ page, api }) => {
    const call = await api.createCall({ hs_call_title: 'Overwrite base', hs_timestamp: '2026-11-01T09:00:00.000Z', hs_call_duration: '60000' });
    await page.goto(`/calls/${call.id}/edit`);
    await page.getByLabel('Title').fill('Overwritten by me');
    await api.updateCall(call.id, { hs_call_title: 'Set in HubSpot', hs_call_duration: '120000' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'This call changed in HubSpot' });
    await expect(dialog.getByRole('row', { name: /Call duration/ })).toContainText('0:02:00');
    await expect(dialog.getByRole('row', { name: /Call duration/ })).toContainText('0:01:00 (you did not change this)');
    const patch = page.waitForRequest((r) => r.url().includes(`/hubspot${api.paths.object('calls', call.id)}`) && r.method() === 'PATCH');
    await dialog.getByRole('button', { name: 'Overwrite with mine' }).click();
    expect((await patch).postDataJSON()).toEqual({ properties: { hs_call_title: 'Overwritten by me', hs_call_duration: '60000' } });
    await expect(page).toHaveURL(new RegExp(`/calls/${call.id}$`));
    const stored = await api.getCall(call.id, { properties: ['hs_call_title', 'hs_call_duration'] });
    expect(stored.properties).toMatchObject({ hs_call_title: 'Overwritten by me', hs_call_duration: '60000' });
  });

  test('the conflict dialog can reload HubSpot’s version instead', async ({ page, api }) => {
    const call = await api.createCall({ hs_call_title: 'Before', hs_timestamp: '2026-11-01T09:00:00.000Z' });
    await page.goto(`/calls/${call.id}/edit`);
    await page.getByLabel('Title').fill('My edit');
    await api.updateCall(call.id, { hs_call_title: 'Changed in HubSpot' });
    const writes = recordCallWrites(page, api);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('dialog', { name: 'This call changed in HubSpot' }).getByRole('button', { name: 'Reload (discard my changes)' }).click();
    await expect(page.getByLabel('Title')).toHaveValue('Changed in HubSpot');
    expect(writes).toEqual([]);
  });

  test('leaving with unsaved changes asks first (in-app navigation and closing the tab)', async ({ page, api }) => {
    const call = await api.createCall({ hs_call_title: 'Unsaved', hs_timestamp: '2026-11-01T09:00:00.000Z' });
    await page.goto(`/calls/${call.id}/edit`);
    await page.getByLabel('Title').fill('Half-typed');
    await page.getByRole('button', { name: 'Cancel' }).click();
    const prompt = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect(prompt).toBeVisible();
    await prompt.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(page).toHaveURL(new RegExp(`/calls/${call.id}/edit$`));
    await expect(page.getByLabel('Title')).toHaveValue('Half-typed');

    // Closing the tab: the browser's own beforeunload prompt.
    const beforeUnload = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const dialog = await beforeUnload;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.accept();
  });

  test('leaving after confirming discards the changes', async ({ page, api }) => {
    const call = await api.createCall({ hs_call_title: 'Discard me', hs_timestamp: '2026-11-01T09:00:00.000Z' });
    await page.goto(`/calls/${call.id}/edit`);
    await page.getByLabel('Title').fill('Not kept');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave without saving' }).click();
    await expect(page).toHaveURL(new RegExp(`/calls/${call.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Discard me' })).toBeVisible();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
