import { expectNoViolations } from './axe';
import { createThreeCalls, expect, settled, test, uniqueToken } from './fixtures';

/**
 * Accessibility (issue 13): axe-core finds no violations on any screen, in light and in dark mode. Every rule
 * axe runs by default is on (WCAG 2.x A/AA and best practices); a failure lists each rule with the elements it
 * flagged.
 */

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility in ${colorScheme} mode`, () => {
    test.use({ colorScheme });
    // Each screen is audited whole (axe reads every element's colours), several per test.
    test.slow();

    test('call list with calls, its outcome menu and filter panel', async ({ page, api }) => {
      const f = await createThreeCalls(api);
      await page.goto('/calls');
      await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${colorScheme}\\b`));
      await settled(page, /^[\d,]+ calls? match(es)?\./);
      await expectNoViolations(page, 'the call list');

      await page.goto(`/calls?q=${f.token}`);
      await settled(page, '3 calls match.');
      await page.getByRole('button', { name: `Change outcome of ${f.token} alpha` }).click();
      await expect(page.getByRole('menu', { name: `Outcome of ${f.token} alpha` })).toBeVisible();
      await expectNoViolations(page, 'the outcome menu');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: /^Filters/ }).click();
      await expect(page.getByRole('group', { name: 'Outcome' }).or(page.getByText('Outcome').first())).toBeVisible();
      await expectNoViolations(page, 'the call list with the filter panel open');
    });

    test('views menu and dialog, bulk edit and export dialogs', async ({ page, api }) => {
      const f = await createThreeCalls(api);
      await page.goto(`/calls?q=${f.token}`);
      await settled(page, '3 calls match.');

      await page.getByRole('button', { name: 'Views' }).click();
      await expect(page.getByRole('menu', { name: 'Views' })).toBeVisible();
      await expectNoViolations(page, 'the saved views menu');
      await page.getByRole('menuitem', { name: 'Manage views…' }).click();
      await expect(page.getByRole('dialog', { name: 'Saved views' })).toBeVisible();
      await expectNoViolations(page, 'the saved views dialog');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Saved views' })).toHaveCount(0);

      await page.getByRole('grid', { name: 'Calls' }).getByRole('checkbox', { name: 'Select all rows' }).check();
      await page.getByRole('button', { name: 'Set outcome…' }).click();
      await expect(page.getByRole('dialog', { name: 'Set outcome' })).toBeVisible();
      await expectNoViolations(page, 'the bulk outcome dialog');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Set outcome' })).toHaveCount(0);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      await download;
      await expect(page.getByRole('dialog', { name: 'Export to CSV' }).getByText(/Exported 3 calls/)).toBeVisible();
      await expectNoViolations(page, 'the export dialog');
    });

    test('call list on a phone: cards and the filter drawer', async ({ page, api }) => {
      const f = await createThreeCalls(api);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/calls?q=${f.token}`);
      await settled(page, '3 calls match.');
      await expect(page.getByRole('list', { name: 'Calls' }).getByRole('listitem')).toHaveCount(3);
      await expectNoViolations(page, 'the cards');
      await page.getByRole('button', { name: /^Filters/ }).click();
      await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
      await expectNoViolations(page, 'the filter drawer');
    });

    test('empty call list', async ({ page }) => {
      await page.goto(`/calls?q=${uniqueToken()}`);
      await settled(page, '0 calls match.');
      await expectNoViolations(page, 'the empty call list');
    });

    test('call page, its associations dialog, edit form and new call form', async ({ page, api }) => {
      const f = await createThreeCalls(api);
      await page.goto(`/calls/${f.alpha.id}`);
      const panel = page.getByRole('region', { name: 'Associations' });
      await expect(panel.getByRole('list', { name: 'Associated contacts' }).getByRole('listitem')).toHaveCount(1);
      await expect(page.getByRole('heading', { name: `${f.token} alpha` })).toBeVisible();
      await expectNoViolations(page, 'the call page');

      await panel.getByRole('button', { name: 'Add association' }).click();
      await expect(page.getByRole('dialog', { name: 'Associate records with this call' })).toBeVisible();
      await expectNoViolations(page, 'the associations dialog');
      await page.keyboard.press('Escape');

      await page.goto(`/calls/${f.alpha.id}/edit`);
      await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(`${f.token} alpha`);
      await expectNoViolations(page, 'the edit form');

      await page.goto('/calls/new');
      await expect(page.getByRole('textbox', { name: 'Title' })).toBeVisible();
      await expectNoViolations(page, 'the new call form');
    });
  });
}
