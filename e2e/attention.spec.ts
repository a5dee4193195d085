/**
 * "Needs attention" on the demo seed: every queue's count on the page equals what the API says (HubSpot's search
 * total for the search queues; our server's scan result for the others, after a scan started from the page), and
 * a queue opens its calls from the keyboard, and a queue is the list's own view (filters, search and triage), a
 * scan queue's too.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, rowByTitle, scanFromThePage, settled, test, uniqueToken } from './fixtures';

interface Queue {
  id: string;
  title: string;
  source: 'search' | 'scan';
  count: number | null;
  filterGroups?: unknown[];
}

async function queues(request: APIRequestContext): Promise<Queue[]> {
  const res = await request.get('/api/hygiene/queues');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { queues: Queue[] }).queues;
}

/** The number a queue shows on the page, read from its region. */
async function shownCount(page: Page, title: string): Promise<number> {
  const label = await page.getByRole('region', { name: title }).getByLabel(/^Count: /).getAttribute('aria-label');
  const match = /^Count: ([\d,]+) (?:calls?|groups?)$/.exec(label ?? '');
  if (!match?.[1]) throw new Error(`${title}: no count shown (${label})`);
  return Number(match[1].replace(/,/g, ''));
}


test('every queue’s count equals what HubSpot’s search or the scan says, and every queue has demo cases', async ({ page, request, api }) => {
  await scanFromThePage(page);
  for (const q of await queues(request)) {
    // Other specs' calls come and go: read the page and the API again until they agree.
    await expect(async () => {
      await page.reload();
      const shown = await shownCount(page, q.title);
      let expected: number;
      if (q.source === 'search') {
        const res = await api.request<{ total: number }>('POST', api.paths.objectSearch('calls'), { filterGroups: q.filterGroups, limit: 1, properties: ['hs_object_id'] });
        expect(res.status).toBe(200);
        expected = res.body.total;
        await expect(page.getByRole('region', { name: q.title }).getByText(/^Counted just now by HubSpot’s search$/)).toBeVisible();
      } else {
        const res = await request.get(`/api/hygiene/queues/${q.id}/calls`);
        expect(res.status()).toBe(200);
        const body = (await res.json()) as { callIds?: string[]; groups?: string[][] };
        expected = (q.id === 'duplicates' ? body.groups : body.callIds)?.length ?? -1;
        await expect(page.getByRole('region', { name: q.title }).getByText(/^From the scan of \d\d:\d\d, (just now|\d+ min ago)$/)).toBeVisible();
      }
      expect(shown, q.title).toBe(expected);
      expect(shown, `${q.title} has demo cases`).toBeGreaterThan(0);
    }).toPass({ timeout: 30_000 });
  }
});

test('a queue opens from the keyboard: a search queue in the list’s grid, the duplicates grouped with links to each call or as a list', async ({ page, request }) => {
  await scanFromThePage(page);
  const noOutcome = page.getByRole('link', { name: 'No outcome', exact: true });
  await noOutcome.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/attention\/no-outcome$/);
  await expect(page.getByRole('heading', { level: 1, name: 'No outcome' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Calls' }).locator('[role="row"][data-id]').first()).toBeVisible();
  await expect(page.getByText(/^(1 call matches|[\d,]+ calls match)\.$/)).toBeVisible();

  await page.goto('/attention/duplicates');
  const res = await request.get('/api/hygiene/queues/duplicates/calls');
  const { groups } = (await res.json()) as { groups: string[][] };
  const first = groups[0] ?? [];
  const group = page.getByRole('region', { name: `Group 1: ${first.length} calls` });
  await expect(group.getByRole('link')).toHaveCount(first.length);
  const link = group.getByRole('link').first();
  const href = await link.getAttribute('href');
  expect(first.map((id) => `/calls/${id}`)).toContain(href);
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));

  // As a list: the list's grid over every call of the groups.
  await page.goBack();
  await page.getByRole('button', { name: 'As a list' }).click();
  await expect(page).toHaveURL(/\/attention\/duplicates\?show=list$/);
  const all = groups.flat();
  await settled(page, `${all.length.toLocaleString('en-US')} calls match.`);
  const shown = await page.getByRole('grid', { name: 'Calls' }).locator('[role="row"][data-id]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
  expect(shown.length).toBe(Math.min(all.length, 50));
  for (const id of shown) expect(all).toContain(id);
});

test('a search queue filters and searches like the list, and triage walks the queue’s calls and returns to it', async ({ page, api }) => {
  const token = uniqueToken();
  const calls = [];
  for (const minute of ['00', '01', '02']) calls.push(await api.createCall({ hs_call_title: `${token} q${minute}`, hs_timestamp: `2026-07-01T09:${minute}:00.000Z` }));
  // One with an outcome: the search matches it, the queue's rule does not.
  await api.createCall({ hs_call_title: `${token} has outcome`, hs_timestamp: '2026-07-01T09:03:00.000Z', hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7' });

  await page.goto('/attention/no-outcome?sort=time');
  await page.getByRole('searchbox', { name: 'Search calls' }).fill(token);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/attention/no-outcome\\?.*q=${token}`));
  await settled(page, '3 calls match.');

  await rowByTitle(page, `${token} q00`).locator('[data-field="title"]').click();
  await expect(page).toHaveURL(`/calls/${calls[0]!.id}`);
  const triage = page.getByRole('region', { name: 'Triage' });
  await expect(triage.getByText('1 of 3')).toBeVisible();
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { level: 1, name: `${token} q01` })).toBeVisible();
  await expect(triage.getByText('2 of 3')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/attention\/no-outcome\?/);
  await settled(page, '3 calls match.');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest<HTMLElement>('[role="row"][data-id]')?.dataset.id ?? ''))
    .toBe(calls[1]!.id);
});

test('a scan queue is the list’s view of the scan’s calls: it searches, sorts and triage walks them', async ({ page, api }) => {
  const token = uniqueToken();
  const calls = [];
  // Calls on no record: the scan puts them in "Not associated with any contact or company".
  for (const minute of ['00', '01', '02']) calls.push(await api.createCall({ hs_call_title: `${token} orphan ${minute}`, hs_timestamp: `2026-07-02T09:${minute}:00.000Z` }));
  await scanFromThePage(page);

  await page.goto('/attention/no-association?sort=time');
  await expect(page.getByText(/^From the scan of .*: [\d,]+ calls?\.$/)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search calls' }).fill(token);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/attention/no-association\\?.*q=${token}`));
  await settled(page, '3 calls match.');
  const rows = page.getByRole('grid', { name: 'Calls' }).locator('[role="row"][data-id]');
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((all) => all.map((r) => (r as HTMLElement).dataset.id))).toEqual(calls.map((c) => c.id));

  await rowByTitle(page, `${token} orphan 01`).locator('[data-field="title"]').click();
  await expect(page).toHaveURL(`/calls/${calls[1]!.id}`);
  const triage = page.getByRole('region', { name: 'Triage' });
  await expect(triage.getByText('2 of 3')).toBeVisible();
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { level: 1, name: `${token} orphan 02` })).toBeVisible();
  await expect(triage.getByText('3 of 3')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/attention\/no-association\?/);
  await settled(page, '3 calls match.');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest<HTMLElement>('[role="row"][data-id]')?.dataset.id ?? ''))
    .toBe(calls[2]!.id);
});

test('the call list links to Needs attention', async ({ page }) => {
  await page.goto('/calls');
  await page.getByRole('link', { name: 'Needs attention' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Needs attention' })).toBeVisible();
});
