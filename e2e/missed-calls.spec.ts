/**
 * "Missed calls with no call back" on the demo seed: Call back is a tel: link to the caller's number, and Mark
 * handled takes a call out of the queue (its list, the count on the page and GET /api/hygiene/queues) until Undo.
 * axe finds nothing on the queue's page with its actions and a confirmation on it.
 */
import type { APIRequestContext } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, scanFromThePage, test } from './fixtures';

const QUEUE = 'missed-no-callback';

async function queueCount(request: APIRequestContext): Promise<number> {
  const res = await request.get('/api/hygiene/queues');
  expect(res.status()).toBe(200);
  const queue = ((await res.json()) as { queues: { id: string; count: number | null }[] }).queues.find((q) => q.id === QUEUE);
  if (typeof queue?.count !== 'number') throw new Error(`no count for ${QUEUE}: ${JSON.stringify(queue)}`);
  return queue.count;
}

async function queueCallIds(request: APIRequestContext): Promise<string[]> {
  const res = await request.get(`/api/hygiene/queues/${QUEUE}/calls`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { callIds: string[] }).callIds;
}

async function handledIds(request: APIRequestContext): Promise<string[]> {
  const res = await request.get('/api/journal/handled');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { results: { callId: string }[] }).results.map((m) => m.callId);
}


const calls = (n: number) => `${n} ${n === 1 ? 'call' : 'calls'}`;

let marked: string | undefined;
test.afterEach(async ({ request }) => {
  // A failed run leaves no mark behind for the other specs.
  if (marked) await request.delete(`/api/journal/handled/${marked}`);
});

test('Call back dials the caller’s number; Mark handled takes the call out of the queue and its count, Undo brings it back', async ({ page, request, api }) => {
  await scanFromThePage(page);
  const ids = await queueCallIds(request);
  const before = await queueCount(request);
  expect(before).toBe(ids.length);

  // A seeded missed call from a contact whose number HubSpot holds in E.164.
  let picked: { id: string; title: string; from: string } | undefined;
  for (const id of ids) {
    const call = await api.getCall(id, { properties: 'hs_call_title,hs_call_from_number,hs_call_direction' });
    const { hs_call_title: title, hs_call_from_number: from, hs_call_direction: direction } = call.properties;
    if (direction === 'INBOUND' && title?.startsWith('Missed call from ') && from && /^\+1\d{10}$/.test(from)) {
      picked = { id, title, from };
      break;
    }
  }
  if (!picked) throw new Error(`no seeded missed call with an E.164 number among ${ids.join(', ')}`);

  // The queue's grid searched for the call's title; the call selected, the actions are on it.
  await page.goto(`/attention/${QUEUE}?q=${encodeURIComponent(picked.title)}`);
  await expect(page.getByText(new RegExp(`^From the scan of .*: ${calls(before)}\\.$`))).toBeVisible();
  const row = page.getByRole('grid', { name: 'Calls' }).locator(`[role="row"][data-id="${picked.id}"]`);
  await row.getByRole('checkbox').check();
  const actions = page.getByRole('group', { name: 'Selected calls' });
  const callBack = actions.getByRole('link', { name: /^Call back \+1 / });
  await expect(callBack).toHaveAttribute('href', `tel:${picked.from}`);

  const mark = actions.getByRole('button', { name: `Mark handled: ${picked.title}` });
  await mark.focus();
  await page.keyboard.press('Enter');
  marked = picked.id;
  await expect(row).toHaveCount(0);
  await expect(page.getByText(new RegExp(`^From the scan of .*: ${calls(before - 1)}\\.$`))).toBeVisible();
  const notice = page.getByRole('region', { name: 'Marked handled' }).getByRole('status');
  await expect(notice).toContainText(`Marked “${picked.title}” handled.`);
  await expectNoViolations(page, 'the missed-calls queue with a call marked handled');
  expect(await queueCount(request)).toBe(before - 1);
  expect(await queueCallIds(request)).not.toContain(picked.id);
  expect(await handledIds(request)).toContain(picked.id);

  await page.getByRole('button', { name: `Undo: ${picked.title} marked handled` }).click();
  await expect(row).toHaveCount(1);
  marked = undefined;
  await expect(page.getByText(new RegExp(`^From the scan of .*: ${calls(before)}\\.$`))).toBeVisible();
  await expect(page.getByRole('region', { name: 'Marked handled' })).toHaveCount(0);
  expect(await queueCount(request)).toBe(before);
  expect(await handledIds(request)).not.toContain(picked.id);
});
