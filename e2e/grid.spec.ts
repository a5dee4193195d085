import type { Page } from '@playwright/test';
import { dataRows, expect, grid, rowByTitle, settled, test, uniqueToken } from './fixtures';

/** Reading the call list at a glance on a 1440×900 screen: columns that fit, cut text readable, sticky headers, density. */

test.use({ viewport: { width: 1440, height: 900 } });
// Pages of 50-100 rows and a reload: generous on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** The list's first load (its lazy code, a page and its names) can take long on a busy machine. */
async function loaded(page: Page, status: string | RegExp) {
  await expect(grid(page)).toBeVisible({ timeout: 30_000 });
  await settled(page, status);
}

const rowHeight = async (page: Page) => (await dataRows(page).first().boundingBox())?.height ?? 0;

test.describe('call list at a glance', () => {
  test('the default columns fit a 1440 px screen without horizontal scroll', async ({ page }) => {
    await page.goto('/calls');
    await loaded(page, /^[\d,]+ calls? match(es)?\./);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    const headers = grid(page).getByRole('columnheader');
    await expect(headers.last()).toBeInViewport({ ratio: 1 });
  });

  test('a cut title shows in full on hover and on keyboard focus', async ({ page, api }) => {
    const token = uniqueToken();
    const title = `${token} follow-up with the procurement team about the renewal terms and the onboarding schedule`;
    await api.createCall({ hs_call_title: title, hs_timestamp: new Date().toISOString() });
    await page.goto(`/calls?q=${token}`);
    await loaded(page, '1 call matches.');
    const cell = rowByTitle(page, token).locator('[data-field="title"]');
    // The column cuts it.
    expect(await cell.locator('span').first().evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

    await cell.hover();
    await expect(page.getByRole('tooltip')).toHaveText(title);
    await page.mouse.move(0, 0);
    await expect(page.getByRole('tooltip')).toBeHidden();

    await cell.focus();
    await expect(page.getByRole('tooltip')).toHaveText(title);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('tooltip')).toBeHidden();
  });

  test('the column headers stay visible while a page of 100 rows scrolls', async ({ page }) => {
    await page.goto('/calls?size=100');
    await loaded(page, /^[\d,]+ calls? match(es)?\./);
    await expect(dataRows(page)).toHaveCount(100);
    await dataRows(page).nth(80).scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const header = grid(page).getByRole('columnheader', { name: 'Title' });
    await expect(header).toBeInViewport();
    // Nothing (the app bar, a row) covers it.
    const box = await header.boundingBox();
    expect(box).not.toBeNull();
    const onTop = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="columnheader"]')?.getAttribute('data-field') ?? null,
      { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 },
    );
    expect(onTop).toBe('title');
  });

  test('dragging a header’s right edge resizes its column, and the width persists across a reload', async ({ page }) => {
    await page.goto('/calls');
    await loaded(page, /^[\d,]+ calls? match(es)?\./);
    const owner = grid(page).getByRole('columnheader', { name: 'Owner' });
    const width = async () => (await owner.boundingBox())?.width ?? 0;
    const before = await width();
    const edge = (await owner.locator('.calls-resize').boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 30, edge.y + edge.height / 2, { steps: 3 });
    await page.mouse.move(edge.x + edge.width / 2 + 60, edge.y + edge.height / 2, { steps: 3 });
    await page.mouse.up();
    await expect.poll(width).toBeCloseTo(before + 60, -1);
    // The cells follow their header.
    expect((await dataRows(page).first().locator('[data-field="owner"]').boundingBox())?.width).toBeCloseTo(await width(), 0);
    // Letting go does not sort.
    expect(new URL(page.url()).searchParams.has('sort')).toBe(false);
    await page.reload();
    await loaded(page, /^[\d,]+ calls? match(es)?\./);
    expect(await width()).toBeCloseTo(before + 60, -1);
  });

  test('the density choice persists across a reload', async ({ page }) => {
    await page.goto('/calls');
    await loaded(page, /^[\d,]+ calls? match(es)?\./);
    const standard = await rowHeight(page);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('button', { name: 'Compact' }).click();
    await expect(page.getByRole('button', { name: 'Compact' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
    await expect.poll(() => rowHeight(page)).toBeLessThan(standard);
    const compact = await rowHeight(page);

    await page.reload();
    await loaded(page, /^[\d,]+ calls? match(es)?\./);
    expect(await rowHeight(page)).toBe(compact);
    await page.getByRole('button', { name: 'Columns' }).click();
    await expect(page.getByRole('button', { name: 'Compact' })).toHaveAttribute('aria-pressed', 'true');
  });
});
