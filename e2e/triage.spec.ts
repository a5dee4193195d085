import type { Page } from '@playwright/test';
import { dataRows, expect, grid, OUTCOME, rowByTitle, settled, test, uniqueToken, type HubSpotApi, type HubSpotObject } from './fixtures';

/**
 * Triage without friction: J/K and outcome hotkeys on a call's page across the list's pages, undo of quick
 * outcome edits, focus and scroll after returning to the list, and shortcuts that keep out of the way while typing.
 */

/** `count` calls titled `<token> n00`…, one minute apart (so sorting by time gives that order). */
async function createCalls(api: HubSpotApi, token: string, count: number, disposition = OUTCOME.connected): Promise<HubSpotObject[]> {
  const calls: HubSpotObject[] = [];
  for (let i = 0; i < count; i++) {
    const minute = String(i).padStart(2, '0');
    calls.push(
      await api.createCall({ hs_call_title: `${token} n${minute}`, hs_timestamp: `2026-07-01T09:${minute}:00.000Z`, hs_call_disposition: disposition }),
    );
  }
  return calls;
}

const outcomeOf = async (api: HubSpotApi, id: string) => (await api.getCall(id, { properties: 'hs_call_disposition' })).properties.hs_call_disposition ?? '';

/** The id of the grid row holding the keyboard focus ('' when the focus is elsewhere). */
const focusedRowId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest<HTMLElement>('[role="grid"] [role="row"][data-id]')?.dataset.id ?? '');

const triage = (page: Page) => page.getByRole('region', { name: 'Triage' });

/** Presses the hotkey the triage bar shows for an outcome. */
async function pressOutcomeKey(page: Page, label: string) {
  const key = await triage(page).getByRole('button', { name: label, exact: true }).getAttribute('aria-keyshortcuts');
  expect(key).toMatch(/^[1-9]$/);
  await page.keyboard.press(key!);
}

test.describe('triage', () => {
  test('J and K move through the list across its pages; outcome hotkeys, save-and-next, and Esc back to the row', async ({ page, api }) => {
    test.slow(); // twelve calls created, then some thirty steps
    const token = uniqueToken();
    const calls = await createCalls(api, token, 12);
    await page.goto(`/calls?q=${token}&size=10&sort=time`);
    await settled(page, '12 calls match.');

    await rowByTitle(page, `${token} n08`).locator('[data-field="title"]').click();
    await expect(page).toHaveURL(`/calls/${calls[8]!.id}`);
    await expect(triage(page).getByText('9 of 12')).toBeVisible();

    await page.keyboard.press('j');
    await expect(page.getByRole('heading', { level: 1, name: `${token} n09` })).toBeVisible();
    await expect(triage(page).getByText('10 of 12')).toBeVisible();
    // The last call of the first page: J fetches the second page.
    await page.keyboard.press('j');
    await expect(page.getByRole('heading', { level: 1, name: `${token} n10` })).toBeVisible();
    await expect(triage(page).getByText('11 of 12')).toBeVisible();
    // And K goes back over the boundary.
    await page.keyboard.press('k');
    await expect(page.getByRole('heading', { level: 1, name: `${token} n09` })).toBeVisible();
    await page.getByRole('button', { name: 'Next call' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${token} n10` })).toBeVisible();
    await expect(page).toHaveURL(`/calls/${calls[10]!.id}`);

    await pressOutcomeKey(page, 'Busy');
    await expect(triage(page).getByText('Saved')).toBeVisible();
    await expect(page.getByText('Outcome: Busy')).toBeVisible();
    await expect.poll(() => outcomeOf(api, calls[10]!.id)).toBe(OUTCOME.busy);

    await triage(page).getByLabel('Save and next').check();
    await pressOutcomeKey(page, 'No answer');
    await expect(page.getByRole('heading', { level: 1, name: `${token} n11` })).toBeVisible();
    await expect(triage(page).getByText('12 of 12')).toBeVisible();
    await expect(triage(page).getByRole('button', { name: 'Next call' })).toBeDisabled();
    await expect.poll(() => outcomeOf(api, calls[10]!.id)).toBe(OUTCOME.noAnswer);

    // Closing triage returns to the list's second page, with the keyboard on the last call's row.
    await page.keyboard.press('Escape');
    await settled(page, '12 calls match.');
    await expect(rowByTitle(page, `${token} n11`)).toBeVisible();
    await expect.poll(() => focusedRowId(page)).toBe(calls[11]!.id);
    await expect(rowByTitle(page, `${token} n10`).locator('[data-field="outcome"]')).toHaveText('No answer');
  });

  test('Back and Open in list return to the row that was opened, at the same scroll position', async ({ page, api }) => {
    const token = uniqueToken();
    const calls = await createCalls(api, token, 30);
    await page.setViewportSize({ width: 1280, height: 640 });
    await page.goto(`/calls?q=${token}&size=50&sort=time`);
    await settled(page, '30 calls match.');

    const row = rowByTitle(page, `${token} n24`);
    await row.scrollIntoViewIfNeeded();
    const scrollY = await page.evaluate(() => window.scrollY);
    expect(scrollY).toBeGreaterThan(200);
    await row.locator('[data-field="time"]').click();
    await expect(page).toHaveURL(`/calls/${calls[24]!.id}`);

    await page.goBack();
    await settled(page, '30 calls match.');
    await expect.poll(() => focusedRowId(page)).toBe(calls[24]!.id);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('time');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrollY);

    // Tab goes on from the row, not from the top of the page.
    await page.keyboard.press('ArrowDown');
    expect(await focusedRowId(page)).toBe(calls[25]!.id);

    await rowByTitle(page, `${token} n25`).locator('[data-field="title"]').click();
    await page.getByRole('link', { name: 'Open in list' }).click();
    await settled(page, '30 calls match.');
    await expect.poll(() => focusedRowId(page)).toBe(calls[25]!.id);
  });

  test('undo of several quick outcome edits, in any order, restores each row', async ({ page, api }) => {
    test.slow(); // some forty steps on a shared machine
    const token = uniqueToken();
    const a = await api.createCall({ hs_call_title: `${token} a`, hs_timestamp: '2026-07-01T09:00:00.000Z', hs_call_disposition: OUTCOME.connected });
    const b = await api.createCall({ hs_call_title: `${token} b`, hs_timestamp: '2026-07-01T09:01:00.000Z', hs_call_disposition: OUTCOME.noAnswer });
    const c = await api.createCall({ hs_call_title: `${token} c`, hs_timestamp: '2026-07-01T09:02:00.000Z', hs_call_disposition: OUTCOME.busy });
    const d = await api.createCall({ hs_call_title: `${token} d`, hs_timestamp: '2026-07-01T09:03:00.000Z' });
    await page.goto(`/calls?q=${token}&sort=title`);
    await settled(page, '4 calls match.');

    // HubSpot answers the first round of saves only once all four rows have been changed: they are all in flight at once.
    const held: (() => void)[] = [];
    await page.route(
      (url) => /\/hubspot\/crm\/.*calls\/\d+$/.test(url.pathname),
      async (route) => {
        if (route.request().method() !== 'PATCH' || held.length >= 4) return route.fallback();
        await new Promise<void>((resolve) => {
          held.push(resolve);
          if (held.length === 4) for (const release of held) release();
        });
        return route.fallback();
      },
    );
    const pick = async (title: string, outcome: string) => {
      await page.getByRole('button', { name: `Change outcome of ${title}` }).click();
      await page.getByRole('menuitemradio', { name: outcome }).click();
    };
    await pick(`${token} a`, 'Busy');
    await pick(`${token} b`, 'Connected');
    // From the keyboard: E on the focused row, then the outcome's number.
    await rowByTitle(page, `${token} c`).locator('[data-field="title"]').focus();
    await page.keyboard.press('e');
    const menu = page.getByRole('menu', { name: `Outcome of ${token} c` });
    const wrongNumberKey = await menu.getByRole('menuitemradio', { name: 'Wrong number' }).getAttribute('aria-keyshortcuts');
    await page.keyboard.press(wrongNumberKey!);
    await pick(`${token} d`, 'Left voicemail');
    for (const [title, label] of [
      ['a', 'Busy'],
      ['b', 'Connected'],
      ['c', 'Wrong number'],
      ['d', 'Left voicemail'],
    ] as const) {
      const cell = rowByTitle(page, `${token} ${title}`).locator('[data-field="outcome"]');
      await expect(cell).toHaveText(label);
      await expect(cell.getByRole('img', { name: 'Saved' })).toBeAttached();
    }
    // A second change of the same row.
    await pick(`${token} a`, 'No answer');
    await expect(page.getByRole('status').filter({ hasText: `Outcome of “${token} a” set to No answer.` })).toBeAttached();
    await expect.poll(() => outcomeOf(api, a.id)).toBe(OUTCOME.noAnswer);

    const recent = page.getByRole('dialog', { name: 'Recent changes' });
    const undo = async (name: string) => {
      await page.getByRole('button', { name: /^Recent changes/ }).click();
      await recent.getByRole('button', { name }).click();
      await page.keyboard.press('Escape');
      await expect(recent).toBeHidden();
    };
    // The earlier change of a is under the later one: it cannot be undone first.
    await page.getByRole('button', { name: /^Recent changes/ }).click();
    await expect(recent.getByRole('button', { name: `Undo ${token} a: Connected → Busy` })).toBeDisabled();
    await page.keyboard.press('Escape');

    await undo(`Undo ${token} c: Busy → Wrong number`);
    await undo(`Undo ${token} a: Busy → No answer`);
    await undo(`Undo ${token} b: No answer → Connected`);
    await undo(`Undo ${token} a: Connected → Busy`);
    // Ctrl/⌘+Z undoes the last change still standing: d's.
    await page.keyboard.press('ControlOrMeta+z');

    await expect.poll(() => outcomeOf(api, a.id)).toBe(OUTCOME.connected);
    await expect.poll(() => outcomeOf(api, b.id)).toBe(OUTCOME.noAnswer);
    await expect.poll(() => outcomeOf(api, c.id)).toBe(OUTCOME.busy);
    await expect.poll(() => outcomeOf(api, d.id)).toBe('');
    await expect(rowByTitle(page, `${token} a`).locator('[data-field="outcome"]')).toHaveText('Connected');
    await expect(rowByTitle(page, `${token} b`).locator('[data-field="outcome"]')).toHaveText('No answer');
    await expect(rowByTitle(page, `${token} c`).locator('[data-field="outcome"]')).toHaveText('Busy');
    await expect(rowByTitle(page, `${token} d`).locator('[data-field="outcome"]')).toHaveText('—');
    await expect(page.getByRole('status').filter({ hasText: `Outcome of “${token} d” cleared again.` })).toBeAttached();
  });

  test('shortcuts do not fire while typing in the search field; /, ? and E do outside it', async ({ page, api }) => {
    const token = uniqueToken();
    await createCalls(api, token, 2);
    await page.goto(`/calls?q=${token}&sort=time`);
    await settled(page, '2 calls match.');

    const search = page.getByRole('searchbox', { name: 'Search calls' });
    await search.click();
    await search.press('End');
    await page.keyboard.type(' e?/j1');
    await expect(search).toHaveValue(`${token} e?/j1`);
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
    await expect(page.getByRole('menu')).toBeHidden();
    await page.keyboard.press('ControlOrMeta+z');
    await expect(page.getByRole('button', { name: /^Recent changes/ })).toBeDisabled();

    await search.fill(token);
    await settled(page, '2 calls match.');
    await dataRows(page).first().locator('[data-field="title"]').focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help.getByText('Change the outcome of the focused row')).toBeVisible();
    // Inside the dialog, / is not a shortcut.
    await page.keyboard.press('/');
    await expect(help).toBeVisible();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).not.toBe('search');
    await help.getByRole('button', { name: 'Close' }).click();

    await grid(page).locator(`[data-field="title"]`).first().focus();
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    await page.keyboard.type('x');
    await expect(search).toHaveValue('x');
  });
});
