import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, test, type HubSpotApi, type HubSpotObject } from './fixtures';

/** The call list (/calls) against the demo-seeded mock. Tests that need specific calls create them. */

const OUTCOME = {
  busy: '9d9162e7-6cf3-4944-bf63-4dff82258764',
  connected: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
  noAnswer: '73a0d17f-1163-4015-bdd5-ec830791da20',
  wrongNumber: '17b47fee-58de-441e-a44c-c6300d46f273',
};

const uniqueToken = () => `zq${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

const grid = (page: Page) => page.getByRole('grid', { name: 'Calls' });
const dataRows = (page: Page) => grid(page).locator('[role="row"][data-id]');
const rowIds = (page: Page) => dataRows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
const titles = async (page: Page) => (await dataRows(page).locator('[data-field="title"]').allInnerTexts()).map((t) => t.trim());
const sortedTitles = async (page: Page) => (await titles(page)).sort();
const rowByTitle = (page: Page, title: string) => dataRows(page).filter({ has: page.locator('[data-field="title"]', { hasText: title }) });

/** Waits until the page is showing the (non-placeholder) result for the current URL. */
async function settled(page: Page, status: string | RegExp) {
  await expect(page.getByText(status)).toBeVisible();
}

async function searchFor(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Search calls' }).fill(text);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${text}`));
}

interface Fixtures {
  token: string;
  alpha: HubSpotObject;
  beta: HubSpotObject;
  gamma: HubSpotObject;
  owners: { id: string; name: string }[];
  contact: { id: string; lastname: string };
}

async function createThree(api: HubSpotApi): Promise<Fixtures> {
  const token = uniqueToken();
  const owners = (
    await api.request<{ results: { id: string; firstName?: string; lastName?: string }[] }>('GET', '/crm/v3/owners?limit=10')
  ).body.results.map((o) => ({ id: o.id, name: [o.firstName, o.lastName].filter(Boolean).join(' ') }));
  const contactRes = await api.request<{ results: HubSpotObject[] }>('GET', '/crm/v3/objects/contacts?limit=1&properties=lastname');
  const c = contactRes.body.results[0]!;
  const contact = { id: c.id, lastname: c.properties.lastname ?? '' };
  const alpha = await api.createCall(
    {
      hs_call_title: `${token} alpha`,
      hs_timestamp: '2026-02-10T10:00:00.000Z',
      hs_call_direction: 'INBOUND',
      hs_call_disposition: OUTCOME.connected,
      hs_call_status: 'COMPLETED',
      hs_call_duration: '65000',
      hubspot_owner_id: owners[0]!.id,
      hs_call_recording_url: 'https://example.com/recordings/alpha.mp3',
    },
    [{ to: { id: contact.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
  );
  const beta = await api.createCall({
    hs_call_title: `${token} beta`,
    hs_timestamp: '2026-03-15T10:00:00.000Z',
    hs_call_direction: 'OUTBOUND',
    hs_call_disposition: OUTCOME.noAnswer,
    hs_call_status: 'NO_ANSWER',
    hs_call_duration: '3723000',
    hubspot_owner_id: owners[1]!.id,
  });
  const gamma = await api.createCall({
    hs_call_title: `${token} gamma`,
    hs_timestamp: '2026-04-20T10:00:00.000Z',
    hs_call_direction: 'OUTBOUND',
    hs_call_disposition: OUTCOME.busy,
    hs_call_status: 'BUSY',
    hs_call_duration: '5000',
    hubspot_owner_id: owners[0]!.id,
  });
  return { token, alpha, beta, gamma, owners, contact };
}

async function optionLabel(api: HubSpotApi, property: string, value: string): Promise<string> {
  const res = await api.request<{ options: { value: string; label: string }[] }>('GET', `/crm/v3/properties/calls/${property}`);
  const found = res.body.options.find((o) => o.value === value);
  if (!found) throw new Error(`no option ${value} on ${property}`);
  return found.label;
}

async function pickFromSelect(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('call list', () => {
  test('pages forward three pages and back with browser history; reload on page 3 stays on page 3', async ({ page }) => {
    await page.goto('/calls?size=10');
    await settled(page, /^Page 1\./);
    await expect(dataRows(page)).toHaveCount(10);
    const pages: string[][] = [await rowIds(page)];

    for (const n of [2, 3, 4]) {
      await page.getByRole('button', { name: 'Go to next page' }).click();
      await settled(page, new RegExp(`^Page ${n}\\.`));
      await expect(page.getByText(`${(n - 1) * 10 + 1}–${n * 10} of more than ${n * 10}`)).toBeVisible();
      const ids = await rowIds(page);
      expect(ids).toHaveLength(10);
      for (const earlier of pages) expect(ids.filter((id) => earlier.includes(id))).toEqual([]);
      pages.push(ids);
      if (n === 3) {
        // The cursor trail is in the URL: a reload (or a pasted link) lands on the same page.
        expect(new URL(page.url()).searchParams.getAll('after')).toHaveLength(2);
        await page.reload();
        await settled(page, /^Page 3\./);
        expect(await rowIds(page)).toEqual(ids);
      }
    }

    for (const n of [3, 2, 1]) {
      await page.goBack();
      await settled(page, new RegExp(`^Page ${n}\\.`));
      expect(await rowIds(page)).toEqual(pages[n - 1]);
    }
    await page.goForward();
    await settled(page, /^Page 2\./);
    expect(await rowIds(page)).toEqual(pages[1]);
  });

  test('search and each filter narrow the list, live in the URL and come off as chips', async ({ page, api }) => {
    const f = await createThree(api);
    await page.goto('/calls');
    await searchFor(page, f.token);
    await settled(page, '3 calls match.');
    expect(await sortedTitles(page)).toEqual([`${f.token} alpha`, `${f.token} beta`, `${f.token} gamma`]);
    await expect(page.getByRole('button', { name: `Remove Search: “${f.token}”` })).toBeVisible();

    // Outcome (several)
    await page.getByRole('combobox', { name: 'Outcome' }).click();
    await page.getByRole('option', { name: 'Connected' }).click();
    await page.getByRole('option', { name: 'Busy' }).click();
    await page.keyboard.press('Escape');
    await settled(page, '2 calls match.');
    expect(await sortedTitles(page)).toEqual([`${f.token} alpha`, `${f.token} gamma`]);
    expect(new URL(page.url()).searchParams.getAll('outcome').sort()).toEqual([OUTCOME.busy, OUTCOME.connected].sort());
    await page.getByRole('button', { name: 'Remove Outcome: Busy or Connected' }).or(page.getByRole('button', { name: 'Remove Outcome: Connected or Busy' })).click();
    await settled(page, '3 calls match.');

    // Direction
    await pickFromSelect(page, 'Direction', await optionLabel(api, 'hs_call_direction', 'INBOUND'));
    await settled(page, '1 call matches.');
    expect(await titles(page)).toEqual([`${f.token} alpha`]);
    await page.getByRole('button', { name: /^Remove Direction:/ }).click();
    await settled(page, '3 calls match.');

    // Status
    await pickFromSelect(page, 'Status', await optionLabel(api, 'hs_call_status', 'NO_ANSWER'));
    await settled(page, '1 call matches.');
    expect(await titles(page)).toEqual([`${f.token} beta`]);
    await page.getByRole('button', { name: /^Remove Status:/ }).click();
    await settled(page, '3 calls match.');

    // Owner
    await pickFromSelect(page, 'Owner', f.owners[0]!.name);
    await settled(page, '2 calls match.');
    expect(await sortedTitles(page)).toEqual([`${f.token} alpha`, `${f.token} gamma`]);
    expect(new URL(page.url()).searchParams.get('owner')).toBe(f.owners[0]!.id);
    await page.getByRole('button', { name: `Remove Owner: ${f.owners[0]!.name}` }).click();
    await settled(page, '3 calls match.');

    // Time range
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-03-01');
    await settled(page, '2 calls match.');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('2026-03-31');
    await settled(page, '1 call matches.');
    expect(await titles(page)).toEqual([`${f.token} beta`]);
    await page.getByRole('button', { name: 'Remove From: 2026-03-01' }).click();
    await page.getByRole('button', { name: 'Remove To: 2026-03-31' }).click();
    await settled(page, '3 calls match.');

    // Has recording
    await pickFromSelect(page, 'Recording', 'Has a recording');
    await settled(page, '1 call matches.');
    expect(await titles(page)).toEqual([`${f.token} alpha`]);
    await expect(rowByTitle(page, `${f.token} alpha`).getByRole('img', { name: 'Has recording' })).toBeVisible();
    await page.getByRole('button', { name: 'Remove Has a recording' }).click();
    await settled(page, '3 calls match.');

    // Associated record
    await page.getByRole('combobox', { name: 'Associated contact' }).fill(f.contact.lastname);
    await page.getByRole('option').first().waitFor();
    const contactOption = page.getByRole('option').filter({ hasText: f.contact.lastname }).first();
    await contactOption.click();
    await expect(page).toHaveURL(new RegExp(`record=contacts%3A${f.contact.id}`));
    await settled(page, '1 call matches.');
    expect(await titles(page)).toEqual([`${f.token} alpha`]);

    // The whole view survives a reload; Clear all empties it.
    await page.reload();
    await settled(page, '1 call matches.');
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect(page).toHaveURL(/\/calls$/);
    await settled(page, /^Page 1\./);
    await expect(page.getByRole('searchbox', { name: 'Search calls' })).toHaveValue('');
  });

  test('associated names come from one batch read per record type per page, never one request per row', async ({ page }) => {
    const hits: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (/\/hubspot\/crm\/(v3\/objects\/(contacts|companies)|v4\/(associations|objects))/.test(path)) hits.push(`${r.method()} ${path}`);
    });
    await page.goto('/calls?size=25');
    await settled(page, /^Page 1\./);
    await expect(dataRows(page)).toHaveCount(25);
    // Names replace the placeholders once the batch reads land.
    await expect(dataRows(page).locator('[data-field="contacts"]').filter({ hasText: '…' })).toHaveCount(0);
    await expect.poll(() => hits.filter((h) => h.endsWith('/batch/read')).length).toBe(4);
    expect(hits.sort()).toEqual([
      'POST /hubspot/crm/v3/objects/companies/batch/read',
      'POST /hubspot/crm/v3/objects/contacts/batch/read',
      'POST /hubspot/crm/v4/associations/calls/companies/batch/read',
      'POST /hubspot/crm/v4/associations/calls/contacts/batch/read',
    ]);
    const names = (await dataRows(page).locator('[data-field="contacts"]').allInnerTexts()).filter((t) => t.trim());
    expect(names.length).toBeGreaterThan(0);
  });

  test('a search with no match offers to clear the filters', async ({ page }) => {
    await page.goto(`/calls?q=${uniqueToken()}`);
    await expect(page.getByRole('heading', { name: 'No calls match' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await settled(page, /^Page 1\./);
    await expect(dataRows(page).first()).toBeVisible();
  });

  test('sorts by duration and title through the column headers', async ({ page, api }) => {
    const f = await createThree(api);
    await page.goto(`/calls?q=${f.token}`);
    await settled(page, '3 calls match.');

    await page.getByRole('columnheader', { name: 'Duration' }).click();
    await expect(page).toHaveURL(/sort=duration/);
    await expect.poll(() => titles(page)).toEqual([`${f.token} gamma`, `${f.token} alpha`, `${f.token} beta`]);
    await expect(page.getByRole('button', { name: 'Remove Sorted by duration, ascending' })).toBeVisible();
    await expect(rowByTitle(page, `${f.token} beta`).locator('[data-field="duration"]')).toHaveText('1:02:03');

    await page.getByRole('columnheader', { name: 'Duration' }).click();
    await expect(page).toHaveURL(/sort=-duration/);
    await expect.poll(() => titles(page)).toEqual([`${f.token} beta`, `${f.token} alpha`, `${f.token} gamma`]);

    await page.getByRole('columnheader', { name: 'Title' }).click();
    await expect(page).toHaveURL(/sort=title/);
    await expect.poll(() => titles(page)).toEqual([`${f.token} alpha`, `${f.token} beta`, `${f.token} gamma`]);
    await page.reload();
    await expect.poll(() => titles(page)).toEqual([`${f.token} alpha`, `${f.token} beta`, `${f.token} gamma`]);
  });

  test('inline outcome edit is saved, survives a reload, and Undo restores it on the server', async ({ page, api }) => {
    const token = uniqueToken();
    const call = await api.createCall({ hs_call_title: `${token} triage`, hs_timestamp: '2026-05-01T09:00:00.000Z', hs_call_disposition: OUTCOME.connected });
    await page.goto(`/calls?q=${token}`);
    await settled(page, '1 call matches.');
    const outcomeCell = rowByTitle(page, `${token} triage`).locator('[data-field="outcome"]');
    await expect(outcomeCell).toHaveText('Connected');

    await page.getByRole('button', { name: `Change outcome of ${token} triage` }).click();
    await page.getByRole('menuitemradio', { name: 'Busy' }).click();
    await expect(outcomeCell).toHaveText('Busy');
    await expect(page.getByText(`Outcome of “${token} triage” set to Busy.`)).toBeVisible();
    await expect.poll(async () => (await api.getCall(call.id, { properties: 'hs_call_disposition' })).properties.hs_call_disposition).toBe(OUTCOME.busy);

    await page.reload();
    await settled(page, '1 call matches.');
    await expect(rowByTitle(page, `${token} triage`).locator('[data-field="outcome"]')).toHaveText('Busy');

    await page.getByRole('button', { name: `Change outcome of ${token} triage` }).click();
    await page.getByRole('menuitemradio', { name: 'No answer' }).click();
    await expect(rowByTitle(page, `${token} triage`).locator('[data-field="outcome"]')).toHaveText('No answer');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText(`Outcome of “${token} triage” restored to Busy.`)).toBeVisible();
    await expect(rowByTitle(page, `${token} triage`).locator('[data-field="outcome"]')).toHaveText('Busy');
    expect((await api.getCall(call.id, { properties: 'hs_call_disposition' })).properties.hs_call_disposition).toBe(OUTCOME.busy);
  });

  test('bulk outcome change reports per record and retries; bulk delete states the count and removes the calls', async ({ page, api }) => {
    const f = await createThree(api);
    await page.goto(`/calls?q=${f.token}`);
    await settled(page, '3 calls match.');

    await grid(page).getByRole('checkbox', { name: 'Select all rows' }).check();
    await expect(page.getByText('3 selected.')).toBeVisible();
    // One call disappears behind the list's back, so HubSpot refuses that one record.
    await api.deleteCall(f.gamma.id);

    await page.getByRole('button', { name: 'Set outcome…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set outcome' });
    await expect(dialog.getByText('Set the outcome of 3 calls')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'New outcome' }).click();
    await page.getByRole('option', { name: 'Wrong number' }).click();
    await dialog.getByRole('button', { name: 'Set outcome of 3 calls' }).click();
    await expect(dialog.getByText('2 calls set to Wrong number. 1 call failed.')).toBeVisible();
    const failed = dialog.getByRole('table', { name: 'Calls that failed' });
    await expect(failed.getByRole('cell', { name: f.gamma.id, exact: true })).toBeVisible();
    await expect(failed.getByRole('row')).toHaveCount(2);
    await dialog.getByRole('button', { name: 'Retry 1 call that failed' }).click();
    await expect(dialog.getByText('0 calls set to Wrong number. 1 call failed.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();

    for (const c of [f.alpha, f.beta]) {
      expect((await api.getCall(c.id, { properties: 'hs_call_disposition' })).properties.hs_call_disposition).toBe(OUTCOME.wrongNumber);
    }
    await settled(page, '2 calls match.');
    await expect(rowByTitle(page, `${f.token} alpha`).locator('[data-field="outcome"]')).toHaveText('Wrong number');

    // Bulk delete
    await rowByTitle(page, `${f.token} alpha`).getByRole('checkbox').check();
    await rowByTitle(page, `${f.token} beta`).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete…' }).click();
    const del = page.getByRole('dialog', { name: 'Delete calls' });
    await expect(del.getByText(/Delete 2 calls\? They move to HubSpot's recycling bin/)).toBeVisible();
    await del.getByRole('button', { name: 'Delete 2 calls' }).click();
    await expect(del.getByText('2 calls deleted.')).toBeVisible();
    await del.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('heading', { name: 'No calls match' })).toBeVisible();
    const gone = await api.request('GET', `/crm/v3/objects/calls/${f.alpha.id}`);
    expect(gone.status).toBe(404);
  });

  test('"all matching" selection reaches beyond the page: bulk outcome for every call of the view', async ({ page, api }) => {
    const token = uniqueToken();
    const created: HubSpotObject[] = [];
    for (let i = 0; i < 12; i++) {
      created.push(await api.createCall({ hs_call_title: `${token} n${i}`, hs_timestamp: '2026-06-01T09:00:00.000Z', hs_call_disposition: OUTCOME.connected }));
    }
    await page.goto(`/calls?q=${token}&size=10`);
    await settled(page, '12 calls match.');
    await grid(page).getByRole('checkbox', { name: 'Select all rows' }).check();
    await expect(page.getByText('10 selected.')).toBeVisible();
    await page.getByRole('button', { name: 'Select all 12 matching calls' }).click();
    await expect(page.getByText('All 12 calls matching this view are selected.')).toBeVisible();
    await page.getByRole('button', { name: 'Set outcome…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set outcome' });
    await expect(dialog.getByText('Set the outcome of 12 calls')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'New outcome' }).click();
    await page.getByRole('option', { name: 'Left voicemail' }).click();
    await dialog.getByRole('button', { name: 'Set outcome of 12 calls' }).click();
    await expect(dialog.getByText('12 calls set to Left voicemail.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    for (const c of created) {
      expect((await api.getCall(c.id, { properties: 'hs_call_disposition' })).properties.hs_call_disposition).toBe('b2cf5968-551e-4856-9783-52b3da59a7d0');
    }
  });

  test('exports the filtered view to CSV with labels beside raw values', async ({ page, api }) => {
    const f = await createThree(api);
    await page.goto(`/calls?q=${f.token}&outcome=${OUTCOME.connected}&outcome=${OUTCOME.noAnswer}&sort=title`);
    await settled(page, '2 calls match.');

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^calls-\d{4}-\d{2}-\d{2}T\d{4}\.csv$/);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r['Title'])).toEqual([`${f.token} alpha`, `${f.token} beta`]);
    const [a, b] = rows as [Record<string, string>, Record<string, string>];
    expect(a).toMatchObject({
      'Call ID': f.alpha.id,
      Outcome: 'Connected',
      'Outcome GUID': OUTCOME.connected,
      'Duration (h:mm:ss)': '0:01:05',
      'Duration (ms)': '65000',
      'Time (ISO 8601, UTC)': '2026-02-10T10:00:00.000Z',
      'Direction value': 'INBOUND',
      'Owner ID': f.owners[0]!.id,
      Owner: f.owners[0]!.name,
      'Contact IDs': f.contact.id,
      'Has recording': 'yes',
      'Recording URL': 'https://example.com/recordings/alpha.mp3',
    });
    expect(a['Contacts']).toContain(f.contact.lastname);
    expect(b).toMatchObject({ Outcome: 'No answer', 'Outcome GUID': OUTCOME.noAnswer, 'Duration (h:mm:ss)': '1:02:03', 'Has recording': 'no' });
    // Hidden columns are not exported.
    expect(Object.keys(a)).not.toContain('From number');
    await expect(page.getByText('Exported 2 calls.')).toBeVisible();
  });

  test('column choices persist across reloads', async ({ page }) => {
    await page.goto('/calls');
    await settled(page, /^Page 1\./);
    await expect(page.getByRole('columnheader', { name: 'Owner' })).toBeVisible();
    await page.getByRole('button', { name: 'Columns' }).click();
    const chooser = page.getByRole('dialog', { name: 'Choose columns' });
    await chooser.getByRole('checkbox', { name: 'Owner' }).uncheck();
    await chooser.getByRole('checkbox', { name: 'From number' }).check();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('columnheader', { name: 'Owner' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('dialog', { name: 'Choose columns' }).getByRole('button', { name: 'Move Duration left' }).click();
    await page.keyboard.press('Escape');
    const headers = () => grid(page).getByRole('columnheader').allInnerTexts();
    await expect.poll(async () => (await headers()).map((h) => h.trim()).filter(Boolean).slice(0, 6)).toEqual(['Title', 'Time', 'Direction', 'Outcome', 'Duration', 'Status']);
    await page.reload();
    await settled(page, /^Page 1\./);
    await expect(page.getByRole('columnheader', { name: 'Owner' })).toHaveCount(0);
    await expect(page.getByRole('columnheader', { name: 'From number' })).toBeVisible();
    await expect.poll(async () => (await headers()).map((h) => h.trim()).filter(Boolean).slice(0, 6)).toEqual(['Title', 'Time', 'Direction', 'Outcome', 'Duration', 'Status']);
  });

  test('hovering a row loads its detail ahead of the click', async ({ page }) => {
    await page.goto('/calls?size=10');
    await settled(page, /^Page 1\./);
    const id = (await rowIds(page))[3]!;
    const detail = page.waitForRequest((r) => new URL(r.url()).pathname === `/hubspot/crm/v3/objects/calls/${id}` && r.method() === 'GET');
    await dataRows(page).nth(3).hover();
    await detail;
    await dataRows(page).nth(3).locator('[data-field="title"]').click();
    await expect(page).toHaveURL(new RegExp(`/calls/${id}$`));
  });

  test('keyboard: arrow keys move between rows and Enter opens the call', async ({ page }) => {
    await page.goto('/calls?size=10');
    await settled(page, /^Page 1\./);
    const ids = await rowIds(page);
    // A click opens the call; come back and use the keyboard instead.
    await dataRows(page).nth(0).locator('[data-field="title"]').click();
    await expect(page).toHaveURL(new RegExp(`/calls/${ids[0]}$`));
    await page.goBack();
    await settled(page, /^Page 1\./);
    await dataRows(page).nth(0).locator('[data-field="title"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/calls/${ids[2]}$`));
  });
});

test.describe('call list failures', () => {
  test('an error shows HubSpot’s message and correlation ID, and Retry recovers', async ({ page }) => {
    const body = {
      status: 'error',
      message: 'Internal error while listing calls',
      correlationId: '4f1d2c3b-0000-4000-8000-000000000abc',
      category: 'INTERNAL_ERROR',
    };
    await page.route('**/hubspot/crm/v3/objects/calls?*', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify(body) }),
    );
    await page.goto('/calls');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load calls' });
    await expect(alert).toContainText('Internal error while listing calls');
    await expect(alert).toContainText('4f1d2c3b-0000-4000-8000-000000000abc');
    await page.unroute('**/hubspot/crm/v3/objects/calls?*');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await settled(page, /^Page 1\./);
    await expect(dataRows(page).first()).toBeVisible();
  });

  test('a refused inline outcome change puts the old outcome back and says why', async ({ page, api }) => {
    const token = uniqueToken();
    const call = await api.createCall({ hs_call_title: `${token} refused`, hs_timestamp: '2026-05-01T09:00:00.000Z', hs_call_disposition: OUTCOME.connected });
    await page.route(`**/hubspot/crm/v3/objects/calls/${call.id}`, (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({ status: 'error', message: 'Property values were not valid', correlationId: '11111111-2222-4333-8444-555555555555', category: 'VALIDATION_ERROR' }),
          })
        : route.fallback(),
    );
    // The list's re-read after the failure is held until the cell is checked: what it shows comes from the rollback alone.
    let holdReread = false;
    let rereadArrived = () => {};
    const rereadSeen = new Promise<void>((resolve) => (rereadArrived = resolve));
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/hubspot/crm/v3/objects/calls/search', async (route) => {
      if (!holdReread) return route.fallback();
      rereadArrived();
      await released;
      return route.fallback();
    });
    await page.goto(`/calls?q=${token}`);
    await settled(page, '1 call matches.');
    await page.getByRole('button', { name: `Change outcome of ${token} refused` }).click();
    holdReread = true;
    await page.getByRole('menuitemradio', { name: 'Busy' }).click();
    await expect(page.getByText(`Outcome of “${token} refused” was not changed: Property values were not valid`)).toBeVisible();
    await rereadSeen;
    await expect(rowByTitle(page, `${token} refused`).locator('[data-field="outcome"]')).toHaveText('Connected');
    release();
    expect((await api.getCall(call.id, { properties: 'hs_call_disposition' })).properties.hs_call_disposition).toBe(OUTCOME.connected);
  });
});
