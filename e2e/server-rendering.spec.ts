import type { Page } from '@playwright/test';
import { dataRows, expect, test, titles, uniqueToken, type HubSpotApi } from './fixtures';

/**
 * The call list as `npm start` serves it: rendered on the server with its first page (server/ssr.ts), so the rows
 * show before the app's scripts have run, then taken over (hydrated) by the app in the browser.
 */

/** Two calls only this test's search finds: the older one at 09:30 UTC on 2 November, the newer a day later. */
async function twoCalls(api: HubSpotApi) {
  const token = uniqueToken();
  await api.createCall({ hs_call_title: `${token} older`, hs_timestamp: '2026-11-02T09:30:00.000Z' });
  await api.createCall({ hs_call_title: `${token} newer`, hs_timestamp: '2026-11-03T09:30:00.000Z' });
  return token;
}

/** The app has taken the page over once the summary strip, which only the browser counts, shows its figures. */
const takenOver = (page: Page) => expect(page.getByText('Counting calls…')).toBeHidden();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the list’s first page is there: newest first, with its count', async ({ page, api }) => {
    const token = await twoCalls(api);
    await page.goto(`/calls?q=${token}`);
    expect(await titles(page)).toEqual([`${token} newer`, `${token} older`]);
    await expect(page.getByText('2 calls match.')).toBeVisible();
  });
});

test('the browser takes the page over as it came: no error, no second search for its rows, and it responds', async ({ page, api }) => {
  const token = await twoCalls(api);
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => void problems.push(e.message));
  const listSearches: string[] = [];
  page.on('request', (r) => void (r.url().endsWith('/calls/search') && r.postData()?.includes('hs_call_title') && listSearches.push(r.postData() ?? '')));

  await page.goto(`/calls?q=${token}`);
  expect(await titles(page)).toEqual([`${token} newer`, `${token} older`]);
  await takenOver(page);
  await page.getByRole('button', { name: 'Columns' }).click();
  await expect(page.getByRole('dialog', { name: 'Choose columns' })).toBeVisible();
  expect(listSearches).toEqual([]);
  expect(problems).toEqual([]);
});

test.describe('in another time zone than the server’s', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('a first visit shows the browser’s times once taken over, and later visits come rendered in them', async ({ page, api }) => {
    const token = await twoCalls(api);
    await page.goto(`/calls?q=${token}`);
    await takenOver(page);
    await expect(dataRows(page).last()).toContainText('2 Nov 2026, 18:30');

    // The browser has told the server its zone (a cookie): the next page comes with Tokyo's times already.
    const html = await (await page.request.get(`/calls?q=${token}`)).text();
    expect(html).toContain('2 Nov 2026, 18:30');
    expect(html).not.toContain('2 Nov 2026, 09:30');
  });
});
