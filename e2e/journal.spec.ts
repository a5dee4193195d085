import { expectNoViolations } from './axe';
import { expect, grid, OUTCOME, setOutcomeOfSelected, settled, test, uniqueToken } from './fixtures';

/**
 * The journal (/journal): a bulk change from the list is journaled with who made it; its undo restores the calls
 * nobody touched since (read back through HubSpot's API) and lists the one changed since, with why. The entry is
 * still there after a reload (after a server restart: journal-restart.spec.ts, with a server of its own, since the
 * suite's keeps its database in memory).
 */
test('a bulk outcome change is undone from the journal: two calls restored, the one changed since skipped and listed', async ({ page, api }) => {
  const token = uniqueToken();
  const [a, b, c] = [
    await api.createCall({ hs_call_title: `${token} a`, hs_timestamp: '2026-04-01T09:00:00.000Z', hs_call_disposition: OUTCOME.noAnswer }),
    await api.createCall({ hs_call_title: `${token} b`, hs_timestamp: '2026-04-01T10:00:00.000Z', hs_call_disposition: OUTCOME.busy }),
    await api.createCall({ hs_call_title: `${token} c`, hs_timestamp: '2026-04-01T11:00:00.000Z', hs_call_disposition: OUTCOME.noAnswer }),
  ] as const;
  const outcomeOf = async (id: string) => (await api.getCall(id, { properties: 'hs_call_disposition' })).properties.hs_call_disposition;

  await page.goto(`/calls?q=${token}`);
  await settled(page, '3 calls match.');
  await grid(page).getByRole('checkbox', { name: 'Select all rows' }).check();
  const dialog = await setOutcomeOfSelected(page, 3, 'Connected');
  for (const call of [a, b, c]) expect(await outcomeOf(call.id)).toBe(OUTCOME.connected);

  // Someone changes one of them in between.
  await api.updateCall(c.id, { hs_call_disposition: OUTCOME.wrongNumber });

  await dialog.getByRole('link', { name: 'Open in the journal to undo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outcome → Connected on 3 calls' })).toBeVisible();
  const entryUrl = page.url();
  expect(new URL(entryUrl).pathname).toMatch(/^\/journal\/\d+$/);
  await expect(page.getByText('local user')).toBeVisible();
  const calls = page.getByRole('table', { name: 'Calls of this change' });
  await expect(calls.getByRole('row', { name: new RegExp(b.id) })).toContainText('Call outcome: Busy → Connected');

  await page.getByRole('button', { name: 'Undo this change' }).click();
  const confirm = page.getByRole('dialog', { name: 'Undo this change?' });
  await expect(confirm).toContainText('Restore the previous values of 3 calls.');
  await confirm.getByRole('button', { name: 'Restore 3 calls' }).click();

  await expect(page.getByText(/^Restored 2 calls\. Skipped 1 call changed or deleted since/)).toBeVisible();
  const skipped = page.getByRole('region', { name: 'Calls the undo skipped' });
  await expect(skipped).toContainText('1 call was not restored');
  await expect(skipped.getByRole('row', { name: new RegExp(c.id) })).toContainText('Call outcome is now Wrong number, not Connected');
  expect(await outcomeOf(a.id)).toBe(OUTCOME.noAnswer);
  expect(await outcomeOf(b.id)).toBe(OUTCOME.busy);
  expect(await outcomeOf(c.id)).toBe(OUTCOME.wrongNumber);

  // A reload reads the entry back from the server, the undo and the skipped call included.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Outcome → Connected on 3 calls' })).toBeVisible();
  await expect(page.getByText(/ by local user$/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Calls the undo skipped' }).getByRole('row', { name: new RegExp(c.id) })).toContainText('Call outcome is now Wrong number, not Connected');
  await expect(page.getByRole('button', { name: 'Undo this change' })).toHaveCount(0);
  await expectNoViolations(page, 'a journal entry after its undo');

  // The journal's list: who, what, when, and the counts.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  const row = page.getByRole('table', { name: 'Bulk changes' }).getByRole('row').filter({ hasText: 'Outcome → Connected on 3 calls' }).first();
  await expect(row).toContainText('local user');
  await expect(row).toContainText(/\d{1,2} \w{3} \d{4}, \d\d:\d\d/);
  await expect(row).toContainText('Undone');
  await expect(row).toContainText('3 applied · 2 undone · 1 skipped');
  await expectNoViolations(page, 'the journal');
});
