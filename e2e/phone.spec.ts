import type { Page } from '@playwright/test';
import { createThreeCalls, expect, OUTCOME, setOutcomeOfSelected, settled, test } from './fixtures';

/**
 * On a phone (390 × 844, issue 13): the list is a list of cards with the grid's actions, the filters open in a
 * drawer, and no screen scrolls sideways.
 */
test.use({ viewport: { width: 390, height: 844 }, colorScheme: 'light' });

/** The page is no wider than the screen (nothing sticks out to scroll to). */
async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
    // For the failure message: the innermost elements that reach past the right edge.
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth && ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth))
      .map((e) => `${e.outerHTML.slice(0, 200)} (right ${Math.round(e.getBoundingClientRect().right)})`)
      .slice(0, 5),
  }));
  expect(scrollWidth, `page width; past the edge: ${wide.join(', ')}`).toBeLessThanOrEqual(innerWidth);
}

const cards = (page: Page) => page.getByRole('list', { name: 'Calls' });
const card = (page: Page, title: string) => cards(page).getByRole('listitem', { name: title, exact: true });

test.describe('phone layout', () => {
  test('the list shows a card per call (title, time, outcome, contact) and the whole header, without scrolling sideways', async ({ page, api }) => {
    const f = await createThreeCalls(api);
    await page.goto(`/calls?q=${f.token}`);
    await settled(page, '3 calls match.');
    await expect(page.getByRole('grid', { name: 'Calls' })).toHaveCount(0);
    await expect(cards(page).getByRole('listitem')).toHaveCount(3);

    const alpha = card(page, `${f.token} alpha`);
    await expect(alpha.getByRole('link', { name: `${f.token} alpha` })).toBeVisible();
    await expect(alpha.locator('time')).toHaveText('10 Feb 2026, 10:00');
    await expect(alpha).toContainText('Outcome: Connected');
    await expect(alpha).toContainText(new RegExp(`Contact: .*${f.contact.lastname}`));
    await expect(card(page, `${f.token} beta`)).toContainText('Outcome: No answer');
    await expect(card(page, `${f.token} beta`)).toContainText('Contact: none');

    // The theme toggle is on screen, not cut off at the right edge.
    const toggle = page.getByRole('banner').getByRole('button', { name: 'Switch to dark mode' });
    await expect(toggle).toBeInViewport({ ratio: 1 });
    await expectNoHorizontalScroll(page);
  });

  test('the filters open in a drawer and apply to the cards', async ({ page, api }) => {
    const f = await createThreeCalls(api);
    await page.goto(`/calls?q=${f.token}`);
    await settled(page, '3 calls match.');

    await page.getByRole('button', { name: /^Filters/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Filters' });
    await expect(drawer).toBeInViewport();
    await drawer.getByRole('combobox', { name: 'Direction' }).click();
    await page.getByRole('option', { name: 'Inbound' }).click();
    await drawer.getByRole('button', { name: 'Done' }).click();
    await expect(drawer).toHaveCount(0);

    await settled(page, '1 call matches.');
    await expect(page).toHaveURL(/direction=INBOUND/);
    await expect(cards(page).getByRole('listitem')).toHaveCount(1);
    await expect(card(page, `${f.token} alpha`)).toBeVisible();
    await expectNoHorizontalScroll(page);
  });

  test('from a card: change the outcome, select for a bulk change, open the call; the call page and form fit the screen', async ({ page, api }) => {
    const f = await createThreeCalls(api);
    await page.goto(`/calls?q=${f.token}`);
    await settled(page, '3 calls match.');

    const beta = card(page, `${f.token} beta`);
    await beta.getByRole('button', { name: `Change outcome of ${f.token} beta` }).click();
    await page.getByRole('menuitemradio', { name: 'Busy' }).click();
    await expect(beta).toContainText('Outcome: Busy');
    await expect.poll(async () => (await api.getCall(f.beta.id, { properties: 'hs_call_disposition' })).properties.hs_call_disposition).toBe(OUTCOME.busy);

    await card(page, `${f.token} alpha`).getByRole('checkbox', { name: `Select ${f.token} alpha` }).check();
    await card(page, `${f.token} gamma`).getByRole('checkbox', { name: `Select ${f.token} gamma` }).check();
    await expect(page.getByText('2 selected.')).toBeVisible();
    const dialog = await setOutcomeOfSelected(page, 2, 'Wrong number');
    await dialog.getByRole('button', { name: 'Close' }).click();
    for (const c of [f.alpha, f.gamma]) {
      expect((await api.getCall(c.id, { properties: 'hs_call_disposition' })).properties.hs_call_disposition).toBe(OUTCOME.wrongNumber);
    }
    await expect(card(page, `${f.token} gamma`)).toContainText('Outcome: Wrong number');

    await card(page, `${f.token} alpha`).getByRole('link', { name: `${f.token} alpha` }).click();
    await expect(page).toHaveURL(new RegExp(`/calls/${f.alpha.id}$`));
    await expect(page.getByRole('heading', { name: `${f.token} alpha`, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Associations' }).getByRole('list', { name: 'Associated contacts' }).getByRole('listitem')).toHaveCount(1);
    await expectNoHorizontalScroll(page);

    await page.goto(`/calls/${f.alpha.id}/edit`);
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(`${f.token} alpha`);
    await expectNoHorizontalScroll(page);

    await page.goto('/calls/new');
    await expect(page.getByRole('textbox', { name: 'Title' })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});
