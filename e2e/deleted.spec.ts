import { expect, grid, OUTCOME, settled, test, uniqueToken, type HubSpotApi, type HubSpotObject } from './fixtures';

/**
 * Deleting many calls, and the calls deleted since: the typed confirmation above 100 calls, the recently deleted
 * list (HubSpot's `archived=true` list) and "Log again as a new call". Tests create and delete their own calls.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** An ISO time as the app writes it in the browser's time zone (UTC in these tests): "5 Mar 2026, 09:07". */
function shown(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/**
 * `n` calls titled `<token> n<i>`, created ten at a time (the proxy lets through only what the app uses, so no
 * batch create); resolves once HubSpot's search has all of them.
 */
async function createCalls(api: HubSpotApi, token: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < n; start += 10) {
    const made = await Promise.all(
      Array.from({ length: Math.min(10, n - start) }, async (_, i) => {
        const properties = { hs_call_title: `${token} n${start + i}`, hs_timestamp: '2026-05-01T09:00:00.000Z', hs_call_disposition: OUTCOME.connected };
        const res = await api.request<HubSpotObject>('POST', api.paths.objects('calls'), { properties });
        expect(res.status).toBe(201);
        return res.body.id;
      }),
    );
    ids.push(...made);
  }
  await expect
    .poll(async () => (await api.request<{ total: number }>('POST', api.paths.objectSearch('calls'), { query: token, limit: 1 })).body.total, { timeout: 30_000 })
    .toBe(n);
  return ids;
}

test.describe('deleted calls', () => {
  test('deleting more than 100 calls (all matching, across pages) asks for the number: a wrong one keeps Delete disabled', async ({ page, api }) => {
    // 101 calls to create, collect and delete in batches: longer than the default minute on a shared machine.
    test.setTimeout(180_000);
    const token = uniqueToken();
    const ids = await createCalls(api, token, 101);
    try {
      await page.goto(`/calls?q=${token}&size=100`);
      await settled(page, '101 calls match.');
      await grid(page).getByRole('checkbox', { name: 'Select all rows' }).check();
      await expect(page.getByText('100 selected.')).toBeVisible();
      await page.getByRole('button', { name: 'Select all 101 matching calls' }).click();
      await expect(page.getByText('All 101 calls matching this view are selected.')).toBeVisible();

      await page.getByRole('button', { name: 'Delete…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete calls' });
      await expect(dialog.getByText('The recycling bin is in HubSpot: calls can be restored there for 90 days, and this console cannot restore them.', { exact: false })).toBeVisible();
      const del = dialog.getByRole('button', { name: 'Delete 101 calls' });
      const typed = dialog.getByRole('textbox', { name: 'Type the number of calls to delete' });
      await expect(del).toBeDisabled();
      await typed.fill('100');
      await expect(del).toBeDisabled();
      expect((await api.request('GET', api.paths.object('calls', ids[0]!))).status).toBe(200);

      await typed.fill('101');
      await expect(del).toBeEnabled();
      await del.click();
      await expect(dialog.getByText('101 calls deleted.')).toBeVisible();
      await dialog.getByRole('button', { name: 'Close' }).click();
      for (const id of [ids[0], ids[99], ids[100]]) expect((await api.request('GET', api.paths.object('calls', id!))).status).toBe(404);
    } finally {
      // Whatever the test reached, none of its calls stays (archiving an archived call answers 204).
      for (let i = 0; i < ids.length; i += 100) {
        await api.request('POST', api.paths.objectBatch('calls', 'archive'), { inputs: ids.slice(i, i + 100).map((id) => ({ id })) });
      }
    }
  });

  test('the recently deleted list shows a deleted call with its deletion time; "Log again" creates a new call with its associations', async ({ page, api }) => {
    const token = uniqueToken();
    const contact = (await api.request<{ results: HubSpotObject[] }>('GET', `${api.paths.objects('contacts')}?limit=1`)).body.results[0]!;
    const company = (await api.request<{ results: HubSpotObject[] }>('GET', `${api.paths.objects('companies')}?limit=1`)).body.results[0]!;
    const title = `${token} deleted`;
    const original = await api.createCall(
      {
        hs_call_title: title,
        hs_timestamp: '2026-03-05T09:07:00.000Z',
        hs_call_disposition: OUTCOME.connected,
        hs_call_recording_url: 'https://recordings.example.com/deleted.mp3',
      },
      [
        { to: { id: contact.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] },
        { to: { id: company.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 182 }] },
      ],
    );
    await api.deleteCall(original.id);
    const archived = await api.request<HubSpotObject & { archivedAt: string }>('GET', `${api.paths.object('calls', original.id)}?archived=true`);
    expect(archived.body.archived).toBe(true);

    await page.goto('/calls');
    await page.getByRole('link', { name: 'Recently deleted' }).click();
    await expect(page).toHaveURL(/\/calls\/deleted$/);
    await expect(page.getByRole('heading', { name: 'Recently deleted calls' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Deleted calls' });
    // The newest deletion comes first.
    const first = table.getByRole('row').nth(1);
    await expect(first.getByRole('cell').nth(0)).toHaveText(title);
    await expect(first.getByRole('cell').nth(1)).toHaveText('5 Mar 2026, 09:07');
    await expect(first.getByRole('cell').nth(2)).toHaveText(shown(archived.body.archivedAt));

    await first.getByRole('button', { name: `Log “${title}” again as a new call` }).click();
    const dialog = page.getByRole('dialog', { name: 'Log again as a new call' });
    await expect(dialog.getByText('The new call is associated with the same records: 1 contact, 1 company.')).toBeVisible();
    await expect(dialog.getByText(/The recording is not copied/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Log the new call' }).click();
    const open = dialog.getByRole('link', { name: 'Open the new call' });
    await expect(open).toBeVisible();
    const newId = /\/calls\/(\d+)$/.exec((await open.getAttribute('href')) ?? '')?.[1] ?? '';
    expect(newId).not.toBe('');
    expect(newId).not.toBe(original.id);
    try {
      const copy = await api.getCall(newId, { properties: 'hs_call_title,hs_timestamp,hs_call_disposition,hs_call_recording_url', associations: 'contacts,companies' });
      expect(copy.properties).toMatchObject({ hs_call_title: title, hs_timestamp: '2026-03-05T09:07:00.000Z', hs_call_disposition: OUTCOME.connected });
      expect(copy.properties.hs_call_recording_url ?? '').toBe('');
      expect(copy.associations?.contacts?.results.map((r) => r.id)).toEqual([contact.id]);
      expect(copy.associations?.companies?.results.map((r) => r.id)).toEqual([company.id]);

      await open.click();
      await expect(page).toHaveURL(new RegExp(`/calls/${newId}$`));
      await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    } finally {
      await api.request('DELETE', api.paths.object('calls', newId));
    }
  });
});
