import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { createThreeCalls, expect, settled, test, titles } from './fixtures';

/**
 * Saved views (issue 13): stored on our server, so two browsers (two people) share them. Each test uses a view
 * name of its own and deletes what it saved.
 */

async function openViewsMenu(page: Page) {
  await page.getByRole('button', { name: 'Views' }).click();
  return page.getByRole('menu', { name: 'Views' });
}

async function manageViews(page: Page) {
  await (await openViewsMenu(page)).getByRole('menuitem', { name: 'Manage views…' }).click();
  return page.getByRole('dialog', { name: 'Saved views' });
}

/** A second person: another browser context (its own storage, so its own column choices). */
async function teammate(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'UTC' });
  return context.newPage();
}

/** Deletes the view with that name through our server's API (test cleanup). */
async function deleteViewNamed(request: APIRequestContext, name: string) {
  const { results } = (await (await request.get('/api/views')).json()) as { results: { id: string; name: string }[] };
  const view = results.find((v) => v.name === name);
  if (view) expect((await request.delete(`/api/views/${view.id}`)).status()).toBe(204);
}

test.describe('saved views', () => {
  test('a view saved in one browser is listed in another and opens there with its filters, sort, columns and density', async ({ page, api, browser, baseURL, request }) => {
    const f = await createThreeCalls(api);
    const name = `Longest first ${f.token}`;
    await page.goto(`/calls?q=${f.token}&sort=-duration`);
    await settled(page, '3 calls match.');
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('dialog', { name: 'Choose columns' }).getByRole('checkbox', { name: 'Owner' }).uncheck();
    await page.getByRole('button', { name: 'Compact' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('columnheader', { name: 'Owner' })).toHaveCount(0);

    await (await openViewsMenu(page)).getByRole('menuitem', { name: 'Save current view…' }).click();
    const save = page.getByRole('dialog', { name: 'Save the current view' });
    await save.getByRole('textbox', { name: 'Name' }).fill(name);
    await save.getByRole('button', { name: 'Save view' }).click();
    await expect(page.getByText(`Saved the view “${name}” for the team.`)).toBeVisible();
    await expect(save).toHaveCount(0);

    const other = await teammate(browser, baseURL);
    try {
      await other.goto('/calls');
      await settled(other, /^[\d,]+ calls match\./);
      await expect(other.getByRole('columnheader', { name: 'Owner' })).toBeVisible();
      const item = (await openViewsMenu(other)).getByRole('menuitem', { name });
      const link = await item.getAttribute('href');
      expect(link).toMatch(/^\/calls\?view=\d+$/);
      await item.click();

      await expect(other).toHaveURL(`/calls?q=${f.token}&sort=-duration`);
      await settled(other, '3 calls match.');
      await expect.poll(() => titles(other)).toEqual([`${f.token} beta`, `${f.token} alpha`, `${f.token} gamma`]);
      await expect(other.getByRole('columnheader', { name: 'Owner' })).toHaveCount(0);
      await other.getByRole('button', { name: 'Columns' }).click();
      await expect(other.getByRole('button', { name: 'Compact' })).toHaveAttribute('aria-pressed', 'true');
      await other.keyboard.press('Escape');

      // The link itself, pasted into a fresh tab, lands on the same view.
      const pasted = await other.context().newPage();
      await pasted.goto(link!);
      await expect(pasted).toHaveURL(`/calls?q=${f.token}&sort=-duration`);
      await settled(pasted, '3 calls match.');
      // Back leaves the view for wherever the tab was before, not for the link it resolved from.
      await pasted.goBack();
      await expect(pasted).toHaveURL('about:blank');
    } finally {
      await other.context().close();
      await deleteViewNamed(request, name);
    }
  });

  test('a rename shows in the other browser, and a deletion removes the view and its link for everyone', async ({ page, browser, baseURL }) => {
    const name = `Inbound ${Date.now().toString(36)}`;
    await page.goto('/calls?direction=INBOUND');
    await expect(page.getByText(/calls? match/)).toBeVisible();
    await (await openViewsMenu(page)).getByRole('menuitem', { name: 'Save current view…' }).click();
    const save = page.getByRole('dialog', { name: 'Save the current view' });
    await save.getByRole('textbox', { name: 'Name' }).fill(name);
    await save.getByRole('button', { name: 'Save view' }).click();
    await expect(save).toHaveCount(0);

    const other = await teammate(browser, baseURL);
    try {
      await other.goto('/calls');
      const manage = await manageViews(other);
      const link = await manage.getByRole('link', { name }).getAttribute('href');
      await manage.getByRole('button', { name: `Rename ${name}` }).click();
      const rename = other.getByRole('dialog', { name: 'Rename the view' });
      await rename.getByRole('textbox', { name: 'Name' }).fill(`${name} (team)`);
      await rename.getByRole('button', { name: 'Rename' }).click();
      await expect(manage.getByRole('link', { name: `${name} (team)` })).toBeVisible();

      // The first browser sees the new name the next time it opens the menu.
      const menu = await openViewsMenu(page);
      await expect(menu.getByRole('menuitem', { name: `${name} (team)` })).toBeVisible();
      await expect(menu.getByRole('menuitem', { name, exact: true })).toHaveCount(0);
      await page.keyboard.press('Escape');

      await manage.getByRole('button', { name: `Delete ${name} (team)` }).click();
      const confirm = other.getByRole('dialog', { name: `Delete the view “${name} (team)”?` });
      await confirm.getByRole('button', { name: 'Delete view' }).click();
      await expect(manage.getByRole('link', { name: `${name} (team)` })).toHaveCount(0);

      await expect((await openViewsMenu(page)).getByRole('menuitem', { name: `${name} (team)` })).toHaveCount(0);
      await page.keyboard.press('Escape');
      await page.goto(link!);
      await expect(page.getByRole('alert')).toHaveText(/This saved view no longer exists/);
      await page.getByRole('link', { name: 'Open the call list' }).click();
      await expect(page).toHaveURL('/calls');
    } finally {
      await other.context().close();
    }
  });
});
