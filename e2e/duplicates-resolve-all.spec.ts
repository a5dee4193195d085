/**
 * "Resolve all groups with the proposed keeper" on the Probable duplicates screen, on the demo seed plus one group
 * of the test's own (its keeper lacks the other call's recording and contact; the demo's keepers lack nothing):
 * after a scan, every group is resolved through the confirmation; the page reports it, and HubSpot's data is read
 * back through the proxy: in each group one call is left, with the values it lacked and the union of the group's
 * records, and the others are deleted (404, and listed with archived=true). The next scan leaves the queue empty.
 *
 * It resolves every demo group the suite's other specs use (duplicates.spec.ts resolves one), so it runs its own
 * server (own-server.ts) over its own fresh mock database: `page`, `request` and `api` all speak to it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../server/free-port';
import { expectNoViolations } from './axe';
import { duplicateGroups, hasValue, MERGED, readCall, TYPES, type Call } from './duplicate-groups';
import { expect, scanFromThePage, test as base, uniqueToken } from './fixtures';
import { killServer, startServer, type OwnServer } from './own-server';

const test = base.extend<{ ownServer: OwnServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none here
  ownServer: async ({}, use, testInfo) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calls-admin-resolve-all-'));
    const server = await startServer(await freePort(), dir);
    try {
      await use(server);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) console.error(server.output().slice(-3000));
      await killServer(server);
      rmSync(dir, { recursive: true, force: true });
    }
  },
  baseURL: async ({ ownServer }, use) => {
    await use(ownServer.base);
  },
});

// The server's start (up to 2 min) and a scan of every call, twice.
test.describe.configure({ timeout: 420_000 });

test('resolve all: every group keeps one call, with the values it lacked and every record; the others are deleted; the queue ends empty', async ({
  page,
  request,
  api,
}) => {
  // One more group, where the call with the most data lacks the other's recording and contact.
  const token = uniqueToken();
  const contacts = await api.request<{ results: { id: string }[] }>('GET', `${api.paths.objects('contacts')}?limit=1`);
  const contactId = contacts.body.results[0]!.id;
  const same = { hs_call_external_id: `dlr-${token}`, hs_timestamp: '2026-11-03T10:00:00.000Z', hs_call_direction: 'INBOUND', hs_call_status: 'COMPLETED' };
  const full = await api.createCall({ ...same, hs_call_title: `${token} support`, hs_call_body: 'Reset the password', hs_call_duration: '60000' });
  const thin = await api.createCall({ ...same, hs_call_title: 'Inbound call', hs_call_recording_url: 'https://example.com/recordings/thin.mp3' }, [
    { to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] },
  ]);

  await scanFromThePage(page);
  const groups = await duplicateGroups(request);
  expect(groups.length, 'duplicate groups').toBeGreaterThan(1);
  expect(groups.map((g) => [...g].sort()), 'our group').toContainEqual([full.id, thin.id].sort());
  const before: Call[][] = [];
  for (const group of groups) {
    const calls = await Promise.all(group.map((id) => readCall(api, id)));
    if (calls.some((c) => c === null)) throw new Error(`a call of group ${group.join(', ')} is already deleted`);
    before.push(calls as Call[]);
  }
  const deleted = groups.flat().length - groups.length;

  // Needs attention → Probable duplicates.
  const queue = page.getByRole('region', { name: 'Probable duplicates' });
  await expect(queue.getByLabel(/^Count: /)).toHaveAttribute('aria-label', `Count: ${groups.length} groups`);
  await queue.getByRole('link', { name: 'Probable duplicates' }).click();
  await expect(page).toHaveURL(/\/attention\/duplicates$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Probable duplicates' })).toBeVisible();
  await expect(page.getByText(new RegExp(`^From the scan of .*: ${groups.length} groups\\.$`))).toBeVisible();

  await page.getByRole('button', { name: 'Resolve all groups with the proposed keeper…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resolve all groups with the proposed keeper' });
  await expect(dialog.getByText(`${deleted} calls will be deleted.`)).toBeVisible();
  await expect(dialog.getByText(new RegExp(`^${groups.length} groups: in each, the call with the most data is kept`))).toBeVisible();
  await expectNoViolations(page, 'the Resolve all dialog');
  await dialog.getByRole('button', { name: `Resolve ${groups.length} groups, delete ${deleted} calls` }).click();

  // The report: one journal entry (the groups have under 100 calls), nothing failed.
  await expect(page.getByRole('status').filter({ hasText: 'All groups resolved with the proposed keeper:' })).toBeVisible({ timeout: 60_000 });
  await expect(dialog).toHaveCount(0);
  const report = page.getByRole('status', { name: 'Change report' });
  await expect(report).toContainText(/^Applied to \d+ calls\./);
  await expect(report).not.toContainText('Failed');
  await expect(page.getByRole('link', { name: 'Open in the journal to undo' })).toBeVisible();
  await expectNoViolations(page, 'the Resolve all report');

  // HubSpot's data, read back through the proxy: in each group one call left, holding what the group had.
  let keptChanged = 0;
  for (const calls of before) {
    const left = (await Promise.all(calls.map((c) => readCall(api, c.id)))).filter((c) => c !== null);
    expect(left.length, `calls left of group ${calls.map((c) => c.id).join(', ')}`).toBe(1);
    const after = left[0]!;
    const kept = calls.find((c) => c.id === after.id)!;
    const others = calls.filter((c) => c !== kept);
    // The proposed keeper: no other call of the group had more of the merged values.
    const values = (c: Call) => MERGED.filter((p) => hasValue(p, c.properties[p])).length;
    for (const o of others) expect(values(kept), `values of the kept call ${kept.id} and of call ${o.id}`).toBeGreaterThanOrEqual(values(o));
    for (const type of TYPES) {
      const union = [...new Set(calls.flatMap((c) => c.records[type]))].sort();
      expect(after.records[type], `the kept call ${kept.id}'s ${type}`).toEqual(union);
    }
    for (const p of MERGED) {
      if (!hasValue(p, kept.properties[p]) && others.some((o) => hasValue(p, o.properties[p]))) {
        expect(others.map((o) => o.properties[p]), `${p} of call ${kept.id} copied from another call`).toContain(after.properties[p]);
      } else {
        expect(after.properties[p] ?? null, `${p} of call ${kept.id} kept as it was`).toEqual(kept.properties[p] ?? null);
      }
    }
    if (MERGED.some((p) => (after.properties[p] ?? null) !== (kept.properties[p] ?? null)) || TYPES.some((t) => after.records[t].join() !== kept.records[t].join())) keptChanged += 1;
    for (const o of others) {
      const archived = await api.request<{ archived: boolean }>('GET', `${api.paths.object('calls', o.id)}?archived=true`);
      expect(archived.status, `call ${o.id} in the recycling bin`).toBe(200);
      expect(archived.body.archived).toBe(true);
    }
  }

  // Our group kept the call with the most data, which now has the other's recording and contact.
  const ours = await readCall(api, full.id);
  expect(ours?.properties.hs_call_recording_url).toBe('https://example.com/recordings/thin.mp3');
  expect(ours?.records.contacts).toEqual([contactId]);
  expect(await readCall(api, thin.id)).toBeNull();

  // The report counted what changed: every deleted call, and each kept call that got values or records.
  await expect(report).toContainText(`Applied to ${deleted + keptChanged} calls.`);

  // The next scan (a refresh, started from the report) empties the queue, here and on Needs attention.
  await page.getByRole('button', { name: 'Refresh the scan' }).click();
  await expect(page.getByText('No calls match this rule in the last scan.')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText(/^From the scan of .*: 0 groups\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resolve all groups with the proposed keeper…' })).toHaveCount(0);
  expect(await duplicateGroups(request)).toEqual([]);
  await page.getByRole('link', { name: '← Needs attention' }).click();
  await expect(queue.getByLabel(/^Count: /)).toHaveAttribute('aria-label', 'Count: 0 groups');
});
