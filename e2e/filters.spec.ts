import type { Page } from '@playwright/test';
import { createThreeCalls, expect, OUTCOME, settled, sortedTitles, test, titles } from './fixtures';

/** The call list's filters: typed dates, and the compact filter bar. */

const filtersButton = (page: Page) => page.getByRole('button', { name: /^Filters/ });
const field = (page: Page, label: 'From' | 'To') => page.getByRole('textbox', { name: label, exact: true });

/** Types digits into a date field from its first segment, as a user does (en-US: month, day, year). */
async function typeDate(page: Page, label: 'From' | 'To', digits: string) {
  await field(page, label).focus();
  await page.keyboard.type(digits);
}

test.describe('list filters', () => {
  test('typed dates: 11012026 filters from 1 Nov 2026; half-typed and backwards ranges are errors on the field', async ({ page, api }) => {
    const f = await createThreeCalls(api); // 10 Feb, 15 Mar and 20 Apr 2026
    await page.goto(`/calls?q=${f.token}`);
    await settled(page, '3 calls match.');
    await filtersButton(page).click();

    await typeDate(page, 'From', '11012026');
    await expect(page).toHaveURL(/[?&]from=2026-11-01(&|$)/);
    await expect(page.getByRole('heading', { name: 'No calls match' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove From: 2026-11-01' })).toBeVisible();
    await expect(field(page, 'From')).toHaveValue('2026-11-01');

    // Half-typed: nothing is committed, and leaving the field says what is missing.
    await typeDate(page, 'To', '03');
    await page.getByRole('heading', { name: 'Calls', exact: true }).click(); // (Tab only moves to the next part of the date)
    await expect(page.getByText(/Enter a whole date/)).toBeVisible();
    await expect(field(page, 'To')).toHaveAttribute('aria-invalid', 'true');
    expect(new URL(page.url()).searchParams.has('to')).toBe(false);

    // Before From: an error on To, and the list stays as it was.
    await typeDate(page, 'To', '03312026');
    await expect(page.getByText('To must not be before From')).toBeVisible();
    expect(new URL(page.url()).searchParams.has('to')).toBe(false);
    await expect(page.getByRole('heading', { name: 'No calls match' })).toBeVisible();

    // Moving From back puts the range in order: both ends apply.
    await typeDate(page, 'From', '03012026');
    await expect(page).toHaveURL(/from=2026-03-01&to=2026-03-31/);
    await settled(page, '1 call matches.');
    expect(await titles(page)).toEqual([`${f.token} beta`]);
    await expect(page.getByText('To must not be before From')).toHaveCount(0);
  });

  test('filters fold into one line of chips; the panel opens and closes from the keyboard', async ({ page, api }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const f = await createThreeCalls(api);
    await page.goto(`/calls?q=${f.token}&outcome=${OUTCOME.connected}&outcome=${OUTCOME.busy}&status=COMPLETED`);
    await settled(page, '1 call matches.');

    // Collapsed: a "Filters" button with the count, the active filters as chips, on the search box's line.
    const button = filtersButton(page);
    await expect(button).toHaveText(/Filters \(2\)/);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('combobox', { name: 'Outcome' })).toHaveCount(0);
    const line = [
      page.getByRole('searchbox', { name: 'Search calls' }),
      button,
      page.getByRole('button', { name: `Remove Search: “${f.token}”` }),
      page.getByRole('button', { name: /^Remove Outcome:/ }),
      page.getByRole('button', { name: /^Remove Status:/ }),
      page.getByRole('button', { name: 'Clear all' }),
    ];
    const boxes = await Promise.all(line.map(async (l) => (await l.boundingBox())!));
    const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
    for (const b of boxes) expect(Math.abs(middle(b) - middle(boxes[0]!))).toBeLessThan(boxes[0]!.height / 2);

    // Keyboard: Enter opens the panel, Space closes it.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = page.getByRole('group', { name: 'Filters' });
    await expect(panel.getByRole('combobox', { name: 'Outcome' })).toHaveText('Busy, Connected');
    await panel.getByRole('combobox', { name: 'Direction' }).click();
    await page.getByRole('option', { name: 'Inbound', exact: true }).click();
    await settled(page, '1 call matches.');
    await expect(page).toHaveURL(/direction=INBOUND/);
    await expect(button).toHaveText(/Filters \(3\)/);
    await expect(page.getByRole('button', { name: /^Remove Direction:/ })).toBeVisible();
    await button.focus();
    await page.keyboard.press('Space');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(panel).toHaveCount(0);

    // A chip removes its filter without opening the panel; Clear all empties the view.
    await page.getByRole('button', { name: /^Remove Status:/ }).click();
    await settled(page, '1 call matches.');
    await expect(button).toHaveText(/Filters \(2\)/);
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect(page).toHaveURL(/\/calls$/);
    await expect(button).toHaveText(/^Filters$/);
    expect(await sortedTitles(page)).not.toEqual([]);
  });
});
