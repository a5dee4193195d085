/**
 * Two fixes of "Needs attention" on the demo seed, read back from HubSpot's data through the API: reassigning two of
 * the deactivated owner's calls (queue 5) to an active owner, and an outcome rule over calls this spec creates on a
 * day no other call has (its dry run's figures, then its apply).
 */
import { expect, OUTCOME, test } from './fixtures';

interface Owner {
  id: string;
  firstName?: string;
  lastName?: string;
}
const nameOf = (o: Owner) => [o.firstName, o.lastName].filter(Boolean).join(' ');

test('reassigns two of a deactivated owner’s calls to an active owner', async ({ page, api }) => {
  const deactivated = (await api.request<{ results: Owner[] }>('GET', `${api.paths.owners()}?archived=true&limit=100`)).body.results;
  const jordan = deactivated.find((o) => nameOf(o) === 'Jordan Reyes');
  expect(jordan, 'the demo seed’s deactivated owner').toBeDefined();
  const active = (await api.request<{ results: Owner[] }>('GET', `${api.paths.owners()}?limit=100`)).body.results;
  const sofia = active.find((o) => nameOf(o) === 'Sofia García');
  expect(sofia).toBeDefined();
  const search = await api.request<{ results: { id: string }[] }>('POST', api.paths.objectSearch('calls'), {
    filterGroups: [{ filters: [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: jordan?.id }] }],
    sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
    properties: ['hubspot_owner_id'],
    limit: 2,
  });
  const ids = search.body.results.map((r) => r.id);
  expect(ids).toHaveLength(2);

  await page.goto('/attention/no-owner');
  await expect(page.getByRole('heading', { level: 1, name: 'No owner or deactivated owner' })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Calls' });
  for (const id of ids) await grid.locator(`[role="row"][data-id="${id}"]`).getByRole('checkbox').check();

  const fix = page.getByRole('region', { name: 'Reassign owner' });
  await expect(fix.getByRole('radio', { name: 'The selected calls (2)' })).toBeChecked();
  await fix.getByRole('combobox', { name: 'New owner' }).click();
  await expect(page.getByRole('listbox').getByRole('option', { name: 'Jordan Reyes' })).toHaveCount(0);
  await page.getByRole('listbox').getByRole('option', { name: 'Sofia García' }).click();
  await fix.getByRole('button', { name: 'Preview' }).click();
  await expect(fix.getByText('Reassign 2 calls: 2 from Jordan Reyes (deactivated) → Sofia García')).toBeVisible();
  await fix.getByRole('button', { name: 'Reassign 2 calls' }).click();
  await expect(fix.getByText('Applied to 2 calls.')).toBeVisible({ timeout: 30_000 });

  for (const id of ids) expect((await api.getCall(id, { properties: 'hubspot_owner_id' })).properties.hubspot_owner_id).toBe(sofia?.id);
  // The queue reads its calls again once HubSpot's search has caught up: the two calls leave it.
  for (const id of ids) await expect(grid.locator(`[role="row"][data-id="${id}"]`)).toHaveCount(0, { timeout: 15_000 });
});

test('an outcome rule: its dry run counts the calls by the outcome they change from, then it sets the outcome', async ({ page, api }) => {
  const day = '2019-03-14';
  const create = (title: string, outcome?: string) =>
    api.createCall({ hs_call_title: title, hs_timestamp: `${day}T10:00:00.000Z`, hs_call_status: 'NO_ANSWER', hs_call_direction: 'OUTBOUND', ...(outcome ? { hs_call_disposition: outcome } : {}) });
  const calls = [await create('Rule: unanswered 1'), await create('Rule: unanswered 2'), await create('Rule: busy', OUTCOME.busy), await create('Rule: already', OUTCOME.noAnswer)];

  // Keyboard only, from building the rule to applying it.
  await page.goto('/attention');
  const rule = page.getByRole('region', { name: 'Set outcome by rule' });
  await rule.getByRole('button', { name: 'Build a rule' }).press('Enter');
  await rule.getByRole('button', { name: 'Dry run' }).press('Enter');
  await expect(rule.getByText('Add at least one condition: a rule over every call is a bulk edit, use the list.')).toBeVisible();

  await rule.getByRole('checkbox', { name: 'No answer' }).press('Space');
  await expect(rule.getByRole('checkbox', { name: 'No answer' })).toBeChecked();
  await expect(rule.getByText('Add at least one condition: a rule over every call is a bulk edit, use the list.')).toHaveCount(0);
  await rule.getByLabel('Call date from').fill(day);
  await rule.getByLabel('Call date to').fill(day);
  await rule.getByRole('combobox', { name: 'Outcome to set' }).press('Enter');
  await expect(page.getByRole('listbox').getByRole('option', { name: 'Callback requested' })).toHaveCount(0);
  await page.getByRole('listbox').getByRole('option', { name: 'No answer' }).focus();
  await page.keyboard.press('Enter');
  await expect(rule.getByRole('combobox', { name: 'Outcome to set' })).toHaveText('No answer');
  await rule.getByRole('button', { name: 'Dry run' }).press('Enter');
  await expect(rule.getByText('3 calls will change: 2 No outcome → No answer, 1 Busy → No answer')).toBeVisible();

  await rule.getByRole('button', { name: 'Apply to 3 calls' }).press('Enter');
  await expect(rule.getByText('Applied to 3 calls.')).toBeVisible({ timeout: 30_000 });
  await expect(rule.getByRole('link', { name: 'Open in the journal to undo' })).toBeVisible();
  for (const call of calls) expect((await api.getCall(call.id, { properties: 'hs_call_disposition' })).properties.hs_call_disposition).toBe(OUTCOME.noAnswer);
});
