/**
 * Resolving a group of probable duplicates on the demo seed: after a scan, one group of the duplicates queue is
 * resolved from the keyboard, keeping the call with the least data (so values are copied and records added), and
 * HubSpot's data is read back through the proxy: the kept call has the values it lacked and the union of the
 * group's records, the others are deleted (404, and listed with archived=true). Refreshing the scan drops the
 * group from the queue. Only the group's calls are touched.
 */
import { expectNoViolations } from './axe';
import { duplicateGroups, hasValue, MERGED, readCall, TYPES, type Call } from './duplicate-groups';
import { expect, scanFromThePage, test } from './fixtures';

test('resolve a group of duplicates: the kept call gets the values it lacked and every record, the others are deleted, the next scan drops the group', async ({
  page,
  request,
  api,
}) => {
  test.setTimeout(180_000);
  await scanFromThePage(page);

  // The first group on the queue's first page whose calls are all still there, with something to merge into the
  // call with the least data (the demo's dialer copies have no notes).
  const groups = await duplicateGroups(request);
  let index = -1;
  let before: Call[] = [];
  for (const [i, group] of groups.slice(0, 25).entries()) {
    const calls = await Promise.all(group.map((id) => readCall(api, id)));
    if (calls.every((c) => c !== null) && group.length <= 5) {
      index = i;
      before = calls as Call[];
      break;
    }
  }
  expect(index, 'a duplicates group of the demo seed').toBeGreaterThanOrEqual(0);
  const name = `group ${index + 1}`;

  await page.goto('/attention/duplicates');
  const region = page.getByRole('region', { name: `Group ${index + 1}: ${before.length} calls` });
  await region.getByRole('button', { name: `Resolve ${name}…` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Resolve ${name}` });
  const radios = dialog.getByRole('radio');
  await expect(radios).toHaveCount(before.length);
  await expect(radios.first()).toBeChecked();
  await expect(dialog.getByText(/\(proposed: most data\)$/)).toHaveCount(1);

  // The calls are listed with the most data first: keep the last one, chosen with the arrow keys.
  await radios.first().focus();
  for (let k = 1; k < before.length; k++) await page.keyboard.press('ArrowDown');
  const last = radios.last();
  await expect(last).toBeChecked();
  const keptId = (await last.getAttribute('value')) ?? '';
  const kept = before.find((c) => c.id === keptId);
  if (!kept) throw new Error(`the chosen call ${keptId} is not in the group`);
  const others = before.filter((c) => c.id !== keptId);

  const lacking = MERGED.filter((p) => !hasValue(p, kept.properties[p]) && others.some((o) => hasValue(p, o.properties[p])));
  expect(lacking.length, 'values to copy').toBeGreaterThan(0);
  await expect(dialog.getByRole('table', { name: 'Values copied to the kept call' }).getByRole('row')).toHaveCount(lacking.length + 1);
  await expect(dialog.getByRole('region', { name: `Calls deleted (${others.length})` })).toContainText('calls can be restored there for 90 days, and this console cannot restore them');

  await expectNoViolations(page, 'the resolve dialog');

  await dialog.getByRole('button', { name: `Keep 1, delete ${others.length}` }).click();
  await expect(page.getByText(`Group ${index + 1}: Resolved.`)).toBeVisible({ timeout: 30_000 });
  await expectNoViolations(page, 'the resolved group');
  await expect(page.getByRole('status', { name: 'Change report' })).toContainText(`Applied to ${before.length} calls.`);
  await expect(page.getByRole('link', { name: 'Open in the journal to undo' })).toBeVisible();

  // HubSpot's data, read back through the proxy.
  const after = await readCall(api, keptId);
  if (!after) throw new Error('the kept call is gone');
  for (const type of TYPES) {
    const union = [...new Set(before.flatMap((c) => c.records[type]))].sort();
    expect(after.records[type], `the kept call's ${type}`).toEqual(union);
  }
  for (const p of MERGED) {
    if (lacking.includes(p)) expect(others.map((o) => o.properties[p]), `${p} copied from another call`).toContain(after.properties[p]);
    else expect(after.properties[p] ?? null, `${p} kept as it was`).toEqual(kept.properties[p] ?? null);
  }
  for (const o of others) {
    expect((await api.request('GET', api.paths.object('calls', o.id))).status, `call ${o.id} deleted`).toBe(404);
    const archived = await api.request<{ archived: boolean }>('GET', `${api.paths.object('calls', o.id)}?archived=true`);
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
  }

  // The next scan (a refresh, started from the group) drops the group from the queue.
  await page.getByRole('button', { name: 'Refresh the scan' }).click();
  await expect.poll(async () => (await duplicateGroups(request)).some((g) => g.includes(keptId) || others.some((o) => g.includes(o.id))), { timeout: 60_000 }).toBe(false);
  for (const o of others) await expect(page.locator(`a[href="/calls/${o.id}"]`)).toHaveCount(0, { timeout: 15_000 });
});
