/**
 * The journal survives the server's end: a bulk change made in the browser, the server killed (SIGKILL) right
 * after it reported the change, then started again over the same files: the entry is listed with its results,
 * and its undo restores the calls (read back through HubSpot's API). This spec runs its own server (the suite's
 * keeps the journal in memory): `npm start`'s entry point on a free port, over a demo-seeded mock database and
 * an APP_DB file in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../server/free-port';
import { hubspotPaths, type ApiVersion } from '../src/api/hubspot-paths';
import { expect, grid, OUTCOME, setOutcomeOfSelected, settled, test, uniqueToken } from './fixtures';
import { killServer, startServer } from './own-server';

test('the journal after a restart: a change acknowledged just before SIGKILL is listed, and its undo works', async ({ page, request }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'calls-admin-restart-'));
  const port = await freePort();
  let server = await startServer(port, dir);
  try {
    const version = ((await (await request.get(`${server.base}/hubspot-connection`)).json()) as { apiVersion: ApiVersion }).apiVersion;
    const paths = hubspotPaths(version);
    const token = uniqueToken();
    const ids: string[] = [];
    for (const [hour, outcome] of [
      ['09', OUTCOME.noAnswer],
      ['10', OUTCOME.busy],
    ] as const) {
      const res = await request.post(`${server.base}/hubspot${paths.objects('calls')}`, {
        data: { properties: { hs_call_title: `${token} ${hour}`, hs_timestamp: `2026-05-01T${hour}:00:00.000Z`, hs_call_disposition: outcome } },
      });
      expect(res.status()).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const outcomeOf = async (id: string) =>
      ((await (await request.get(`${server.base}/hubspot${paths.object('calls', id)}?properties=hs_call_disposition`)).json()) as { properties: Record<string, string> }).properties
        .hs_call_disposition;

    // The change, in the browser.
    await expect(async () => {
      await page.goto(`${server.base}/calls?q=${token}`);
      await settled(page, '2 calls match.');
    }).toPass({ timeout: 30_000 });
    await grid(page).getByRole('checkbox', { name: 'Select all rows' }).check();
    await setOutcomeOfSelected(page, 2, 'Connected');

    // The server dies at once, and comes back over the same files.
    await killServer(server);
    server = await startServer(port, dir);

    await page.goto(`${server.base}/journal`);
    const row = page.getByRole('table', { name: 'Bulk changes' }).getByRole('row').filter({ hasText: 'Outcome → Connected on 2 calls' });
    await expect(row).toContainText('local user');
    await expect(row).toContainText('2 applied');
    await row.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Outcome → Connected on 2 calls' })).toBeVisible();
    await page.getByRole('button', { name: 'Undo this change' }).click();
    await page.getByRole('dialog', { name: 'Undo this change?' }).getByRole('button', { name: 'Restore 2 calls' }).click();
    await expect(page.getByText(/^Restored 2 calls\./)).toBeVisible();
    expect(await outcomeOf(ids[0]!)).toBe(OUTCOME.noAnswer);
    expect(await outcomeOf(ids[1]!)).toBe(OUTCOME.busy);
  } catch (error) {
    console.error(server.output().slice(-3000));
    throw error;
  } finally {
    await killServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
