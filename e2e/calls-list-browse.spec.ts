import type { Page } from '@playwright/test';
import {
  createThreeCalls,
  dataRows,
  expect,
  grid,
  OUTCOME,
  rowByTitle,
  rowIds,
  settled,
  sortedTitles,
  test,
  titles,
  uniqueToken,
  type HubSpotApi,
} from './fixtures';

/** Browsing the call list (/calls) against the demo-seeded mock: paging, search, filters, sorting, columns, keyboard. */

async function searchFor(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Search calls' }).fill(text);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${text}`));
}

async function optionLabel(api: HubSpotApi, property: string, value: string): Promise<string> {
  const res = await api.request<{ options: { value: string; label: string }[] }>('GET', api.paths.property('calls', property));
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
    await settled(page, /^[\d,]+ calls match\./);
    await expect(dataRows(page)).toHaveCount(10);
    const pages: string[][] = [await rowIds(page)];
    const shows = (n: number) => page.getByText(new RegExp(`^${(n - 1) * 10 + 1}–${n * 10} of [\\d,]+$`));

    for (const n of [2, 3, 4]) {
      await page.getByRole('button', { name: 'Go to next page' }).click();
      await expect(shows(n)).toBeVisible();
      await expect.poll(async () => (await rowIds(page)).filter((id) => pages.at(-1)?.includes(id))).toEqual([]);
      const ids = await rowIds(page);
      expect(ids).toHaveLength(10);
      for (const earlier of pages) expect(ids.filter((id) => earlier.includes(id))).toEqual([]);
      pages.push(ids);
      if (n === 3) {
        // The cursor trail is in the URL: a reload (or a pasted link) lands on the same page.
        expect(new URL(page.url()).searchParams.getAll('after')).toHaveLength(2);
        await page.reload();
        await expect(shows(3)).toBeVisible();
        await expect.poll(() => rowIds(page)).toEqual(ids);
      }
    }

    for (const n of [3, 2, 1]) {
      await page.goBack();
      await expect(shows(n)).toBeVisible();
      await expect.poll(() => rowIds(page)).toEqual(pages[n - 1]);
    }
    await page.goForward();
    await expect(shows(2)).toBeVisible();
    await expect.poll(() => rowIds(page)).toEqual(pages[1]);
  });

  test('search and each filter narrow the list, live in the URL and come off as chips', async ({ page, api }) => {
    // Three calls created (each awaited through search's lag), two page loads and some forty steps: on a shared
    // machine this runs past the default 60 s. A test that times out keeps running while its fixtures tear down,
    // and the api fixture deletes the three calls, so a later step then sees "0 calls match." instead of the timeout.
    test.slow();
    const f = await createThreeCalls(api);
    await page.goto('/calls');
    await searchFor(page, f.token);
    await settled(page, '3 calls match.');
    expect(await sortedTitles(page)).toEqual([`${f.token} alpha`, `${f.token} beta`, `${f.token} gamma`]);
    await expect(page.getByRole('button', { name: `Remove Search: “${f.token}”` })).toBeVisible();

    // The filter controls are in a panel the "Filters" button opens.
    await page.getByRole('button', { name: /^Filters/ }).click();

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
    await page.getByRole('listbox').getByRole('option').first().waitFor();
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
    await settled(page, /^[\d,]+ calls match\./);
    await expect(page.getByRole('searchbox', { name: 'Search calls' })).toHaveValue('');
  });

  test('associated names come from one batch read per record type per page, never one request per row', async ({ page, api }) => {
    const p = api.paths;
    const hits: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname.slice('/hubspot'.length);
      if (path.startsWith(p.objects('contacts')) || path.startsWith(p.objects('companies')) || path.includes('/associations')) hits.push(`${r.method()} ${path}`);
    });
    // The first page comes rendered by the server, names included (its reads are the server's); the browser
    // reads the next page with its names ahead of time.
    await page.goto('/calls?size=25');
    await settled(page, /^[\d,]+ calls match\./);
    await expect(dataRows(page)).toHaveCount(25);
    await expect(dataRows(page).locator('[data-field="contacts"]').filter({ hasText: '…' })).toHaveCount(0);
    await expect.poll(() => hits.filter((h) => h.endsWith('/batch/read')).length).toBe(4);
    // The second page shows with its names, and the third is read ahead the same way: four reads per page.
    const firstPage = await dataRows(page).first().getAttribute('data-id');
    await page.getByRole('button', { name: 'Go to next page' }).click();
    await expect(dataRows(page).first()).not.toHaveAttribute('data-id', firstPage ?? '');
    await expect(dataRows(page).locator('[data-field="contacts"]').filter({ hasText: '…' })).toHaveCount(0);
    await expect.poll(() => hits.filter((h) => h.endsWith('/batch/read')).length).toBe(8);
    const perPage = [
      `POST ${p.objectBatch('companies', 'read')}`,
      `POST ${p.objectBatch('contacts', 'read')}`,
      `POST ${p.associationBatchRead('calls', 'companies')}`,
      `POST ${p.associationBatchRead('calls', 'contacts')}`,
    ];
    expect(hits.sort()).toEqual([...perPage, ...perPage].sort());
    const names = (await dataRows(page).locator('[data-field="contacts"]').allInnerTexts()).filter((t) => t.trim());
    expect(names.length).toBeGreaterThan(0);
  });

  test('a search with no match offers to clear the filters', async ({ page }) => {
    await page.goto(`/calls?q=${uniqueToken()}`);
    await expect(page.getByRole('heading', { name: 'No calls match' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await settled(page, /^[\d,]+ calls match\./);
    await expect(dataRows(page).first()).toBeVisible();
  });

  test('sorts by duration and title through the column headers', async ({ page, api }) => {
    const f = await createThreeCalls(api);
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

  test('column choices persist across reloads', async ({ page }) => {
    await page.goto('/calls');
    await settled(page, /^[\d,]+ calls match\./);
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
    await settled(page, /^[\d,]+ calls match\./);
    await expect(page.getByRole('columnheader', { name: 'Owner' })).toHaveCount(0);
    await expect(page.getByRole('columnheader', { name: 'From number' })).toBeVisible();
    await expect.poll(async () => (await headers()).map((h) => h.trim()).filter(Boolean).slice(0, 6)).toEqual(['Title', 'Time', 'Direction', 'Outcome', 'Duration', 'Status']);
  });

  test('hovering a row loads its detail ahead of the click', async ({ page, api }) => {
    await page.goto('/calls?size=10');
    await settled(page, /^[\d,]+ calls match\./);
    const id = (await rowIds(page))[3]!;
    const detail = page.waitForRequest((r) => new URL(r.url()).pathname === `/hubspot${api.paths.object('calls', id)}` && r.method() === 'GET');
    await dataRows(page).nth(3).hover();
    await detail;
    await dataRows(page).nth(3).locator('[data-field="title"]').click();
    await expect(page).toHaveURL(new RegExp(`/calls/${id}$`));
  });

  test('keyboard: arrow keys move between rows and Enter opens the call', async ({ page }) => {
    await page.goto('/calls?size=10');
    await settled(page, /^[\d,]+ calls match\./);
    const ids = await rowIds(page);
    // A click opens the call; come back and use the keyboard instead.
    await dataRows(page).nth(0).locator('[data-field="title"]').click();
    await expect(page).toHaveURL(new RegExp(`/calls/${ids[0]}$`));
    await page.goBack();
    await settled(page, /^[\d,]+ calls match\./);
    await dataRows(page).nth(0).locator('[data-field="title"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/calls/${ids[2]}$`));
  });
});

test.describe('call list failures', () => {
  test('an error shows HubSpot’s message and correlation ID, and Retry recovers', async ({ page, api }) => {
    const body = {
      status: 'error',
      message: 'Internal error while listing calls',
      correlationId: '4f1d2c3b-0000-4000-8000-000000000abc',
      category: 'INTERNAL_ERROR',
    };
    const list = `**/hubspot${api.paths.objectSearch('calls')}`;
    await page.route(list, (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify(body) }),
    );
    // The server renders the list from its own reads, which the route above cannot fail: the list is opened from
    // another screen, so the browser reads it (as it does whenever the server's reads fail: server/ssr.test.ts).
    await page.goto('/journal');
    await page.getByRole('link', { name: 'HubSpot Calls Admin' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load calls' });
    await expect(alert).toContainText('Internal error while listing calls');
    await expect(alert).toContainText('4f1d2c3b-0000-4000-8000-000000000abc');
    await page.unroute(list);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await settled(page, /^[\d,]+ calls match\./);
    await expect(dataRows(page).first()).toBeVisible();
  });
});
