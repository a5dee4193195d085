/**
 * "Repair by phone number" on the demo seed's placeholder queue: one call repaired from the keyboard, then every
 * call with a single match at once; each repaired call read back through the API: on the real contact with its
 * number, no longer on the placeholder.
 */
import type { Locator } from '@playwright/test';
import { expect, scanFromThePage, test, type HubSpotApi, type HubSpotObject } from './fixtures';


/** The call's contact ids, read from HubSpot. */
async function contactsOf(api: HubSpotApi, callId: string): Promise<string[]> {
  const res = await api.request<{ results: { from: { id: string }; to: { toObjectId: string | number }[] }[] }>(
    'POST',
    api.paths.associationBatchRead('calls', 'contacts'),
    { inputs: [{ id: callId }] },
  );
  expect(res.status).toBe(200);
  return (res.body.results.find((r) => r.from.id === callId)?.to ?? []).map((t) => String(t.toObjectId)).sort();
}

async function contact(api: HubSpotApi, id: string): Promise<HubSpotObject> {
  const res = await api.request<HubSpotObject>('GET', `${api.paths.object('contacts', id)}?properties=firstname,lastname,phone,mobilephone`);
  expect(res.status).toBe(200);
  return res.body;
}

const digits = (s: string | null | undefined) => (s ?? '').replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');

/** The id of the call the reviewer shows (the list's current row). */
async function currentCallId(list: Locator): Promise<string> {
  const id = await list.locator('tr[data-id]:has([aria-current="true"])').getAttribute('data-id');
  if (!id) throw new Error('no current call');
  return id;
}

/** Checks through the API that the call left its placeholder(s) for the one contact named `name`, with the call's number. */
async function expectRepaired(api: HubSpotApi, callId: string, before: string[], name: string, e164: string) {
  await expect(async () => {
    const now = await contactsOf(api, callId);
    const added = now.filter((id) => !before.includes(id));
    expect(added, `call ${callId} is on one new contact`).toHaveLength(1);
    const real = await contact(api, added[0] ?? '');
    expect([real.properties.firstname, real.properties.lastname].filter(Boolean).join(' ')).toBe(name);
    expect([digits(real.properties.phone), digits(real.properties.mobilephone)]).toContain(digits(e164));
    // every contact it had before was a placeholder: none is left
    for (const id of before) expect(now, `call ${callId} is off placeholder ${id}`).not.toContain(id);
  }).toPass({ timeout: 10_000 });
}

test('repairs one placeholder call from the keyboard, then every call with a single match, as HubSpot reads back', async ({ page, request, api }) => {
  test.setTimeout(180_000);
  await scanFromThePage(page);
  const queue = (await (await request.get('/api/hygiene/queues/placeholder-contact/calls')).json()) as { callIds: string[] };
  expect(queue.callIds.length).toBeGreaterThan(2);

  await page.goto('/attention/placeholder-contact');
  await page.getByRole('button', { name: `Find matches for ${queue.callIds.length} calls` }).click();
  const list = page.getByRole('table', { name: 'Calls to repair' });
  await expect(page.getByRole('group', { name: `Call 1 of ${queue.callIds.length}` })).toBeFocused({ timeout: 30_000 });
  await expect(page.getByText(/^\d+ calls: [1-9]\d* with a single match, \d+ with several, \d+ with no match, \d+ without a valid number\.$/)).toBeVisible();

  // J until a call with exactly one match is up
  const radios = page.getByRole('radiogroup', { name: 'Matches' }).getByRole('radio');
  for (let i = 0; i < queue.callIds.length && (await radios.count()) !== 1; i++) await page.keyboard.press('j');
  await expect(radios).toHaveCount(1);
  const callId = await currentCallId(list);
  const before = await contactsOf(api, callId);
  expect(before.length).toBeGreaterThan(0);
  const reason = (await page.getByRole('radiogroup', { name: 'Matches' }).locator('label').textContent()) ?? '';
  const m = /Phone (\+[\d ]+) matches contact (.+)’s (?:phone|mobile)$/.exec(reason.trim());
  if (!m?.[1] || !m[2]) throw new Error(`unexpected reason: ${reason}`);
  const [, shown, name] = m;
  await page.keyboard.press('Enter');
  await expect(list.locator(`tr[data-id="${callId}"]`)).toContainText(`Repaired → contact ${name}`, { timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Last repair' }).getByRole('status', { name: 'Change report' })).toContainText('Applied to 1 call.');
  await expectRepaired(api, callId, before, name, shown.replace(/ /g, ''));

  // Every other call with a single match, at once
  const rows = list.locator('tr[data-id]').filter({ hasText: /1 match: contact / }).filter({ hasNotText: 'Repaired' });
  const targets: { id: string; name: string; e164: string; before: string[] }[] = [];
  for (const row of await rows.all()) {
    const id = (await row.getAttribute('data-id')) ?? '';
    const cells = row.getByRole('cell');
    const e164 = ((await cells.nth(1).textContent()) ?? '').trim();
    const found = ((await cells.nth(2).textContent()) ?? '').trim();
    targets.push({ id, name: found.replace(/^1 match: contact /, ''), e164, before: await contactsOf(api, id) });
  }
  expect(targets.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: `Repair all ${targets.length} ${targets.length === 1 ? 'call' : 'calls'} with a single unambiguous match` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Calls and their matches' }).getByRole('listitem')).toHaveCount(targets.length);
  await dialog.getByRole('button', { name: `Repair ${targets.length} ${targets.length === 1 ? 'call' : 'calls'}` }).click();
  const report = dialog.getByRole('status', { name: 'Change report' });
  await expect(report).toContainText(`Applied to ${targets.length} ${targets.length === 1 ? 'call' : 'calls'}.`, { timeout: 30_000 });
  await expect(report.getByRole('link', { name: 'Open in the journal to undo' })).toBeVisible();
  for (const t of targets) await expectRepaired(api, t.id, t.before, t.name, t.e164);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Repair all 0 calls with a single unambiguous match' })).toBeDisabled();
});
