import type { Page } from '@playwright/test';
import { expect, OUTCOME, settled, test, type HubSpotApi } from './fixtures';

/** The summary strip over the call list's view, on the demo seed: its figures are HubSpot's search totals. */

type Filter = { propertyName: string; operator: string; value?: string };

async function searchTotal(api: HubSpotApi, filters: Filter[]): Promise<number> {
  const res = await api.request<{ total: number }>('POST', api.paths.objectSearch('calls'), { filterGroups: filters.length ? [{ filters }] : [], limit: 1, properties: ['hs_object_id'] });
  expect(res.status).toBe(200);
  return res.body.total;
}

/** Sum and count of hs_call_duration over every call matching `filters`, read page by page. */
async function talkTime(api: HubSpotApi, filters: Filter[]): Promise<{ totalMs: number; withDuration: number }> {
  let after: string | undefined;
  let totalMs = 0;
  let withDuration = 0;
  do {
    const res = await api.request<{ results: { properties: Record<string, string | null> }[]; paging?: { next?: { after: string } } }>('POST', api.paths.objectSearch('calls'), {
      filterGroups: filters.length ? [{ filters }] : [],
      limit: 200,
      properties: ['hs_call_duration'],
      ...(after ? { after } : {}),
    });
    expect(res.status).toBe(200);
    for (const call of res.body.results) {
      const raw = call.properties.hs_call_duration;
      if (raw) {
        totalMs += Number(raw);
        withDuration += 1;
      }
    }
    after = res.body.paging?.next?.after;
  } while (after);
  return { totalMs, withDuration };
}

const hms = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};
const calls = (n: number) => `${n.toLocaleString('en-US')} call${n === 1 ? '' : 's'}`;

const strip = (page: Page) => page.getByRole('region', { name: 'Summary of this view' });
const outcomeFigure = (page: Page, label: string) => strip(page).getByRole('region', { name: 'Calls by outcome' }).getByRole('button', { name: new RegExp(`^${label} \\d`) });

const LABELS: [keyof typeof OUTCOME, string][] = [
  ['connected', 'Connected'],
  ['busy', 'Busy'],
  ['noAnswer', 'No answer'],
  ['leftVoicemail', 'Left voicemail'],
  ['wrongNumber', 'Wrong number'],
];

async function expectFigures(page: Page, api: HubSpotApi, view: Filter[]) {
  const total = await searchTotal(api, view);
  await expect(strip(page).getByText(`${calls(total)} in this view`)).toBeVisible({ timeout: 30_000 });
  const counts: Record<string, number> = {};
  for (const [key, label] of LABELS) {
    counts[key] = await searchTotal(api, [...view, { propertyName: 'hs_call_disposition', operator: 'EQ', value: OUTCOME[key] }]);
    await expect(outcomeFigure(page, label)).toHaveText(`${label} ${counts[key]!.toLocaleString('en-US')}`, { timeout: 30_000 });
  }
  const rate = `${Math.round((counts.connected! / total) * 1000) / 10}%`;
  await expect(strip(page).getByRole('button', { name: /^Connect rate/ })).toHaveText(`Connect rate ${rate}`);
  await expect(strip(page).getByText(`${counts.connected!.toLocaleString('en-US')} “Connected” of ${calls(total)}`)).toBeVisible();

  const t = await talkTime(api, view);
  await expect(strip(page).getByText(/^Talk time/)).toHaveText(
    `Talk time ${hms(t.totalMs)}, average ${hms(t.totalMs / t.withDuration)} per call with a duration (${calls(t.withDuration)}), over all ${calls(total)}`,
    { timeout: 30_000 },
  );
  return counts;
}

test.describe('summary strip', () => {
  test('figures equal HubSpot’s search totals for the view; an outcome figure filters the list', async ({ page, api }) => {
    test.setTimeout(120_000);
    await page.goto('/calls');
    await expect(page.getByRole('grid', { name: 'Calls' })).toBeVisible();
    await expectFigures(page, api, []);

    // A filtered view: the strip counts within it.
    const inbound: Filter = { propertyName: 'hs_call_direction', operator: 'EQ', value: 'INBOUND' };
    await page.goto('/calls?direction=INBOUND');
    const counts = await expectFigures(page, api, [inbound]);

    await outcomeFigure(page, 'Busy').click();
    await expect(page).toHaveURL(new RegExp(`[?&]outcome=${OUTCOME.busy}(&|$)`));
    await expect(page).toHaveURL(/[?&]direction=INBOUND(&|$)/);
    await settled(page, counts.busy === 1 ? '1 call matches.' : `${counts.busy} calls match.`);
    await expect(page.getByRole('button', { name: 'Remove Outcome: Busy' })).toBeVisible();
    await expect(strip(page).getByText(`${calls(counts.busy!)} in this view`)).toBeVisible({ timeout: 30_000 });
  });
});
