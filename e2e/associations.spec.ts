/**
 * Associations and pinning on the call page (/calls/:id), against the embedded mock.
 * Records come from the mock's demo seed (read through the proxy); calls are created per test
 * and deleted afterwards by the api fixture. Pins a test sets are cleared at its end.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { HubSpotApi } from './fixtures';

type RecordType = 'contacts' | 'companies' | 'deals' | 'tickets';
const ONE: Record<RecordType, string> = { contacts: 'Contact', companies: 'Company', deals: 'Deal', tickets: 'Ticket' };
const DEFAULT_TYPE_ID: Record<RecordType, number> = { contacts: 194, companies: 182, deals: 206, tickets: 220 };

interface Rec {
  id: string;
  properties: Record<string, string | null>;
}

const prop = (r: Rec, name: string) => r.properties[name]?.trim() ?? '';

/** The name the console shows (same rule as src/api/records.ts recordDisplayName). */
function displayName(type: RecordType, r: Rec): string {
  switch (type) {
    case 'contacts':
      return [prop(r, 'firstname'), prop(r, 'lastname')].filter(Boolean).join(' ') || prop(r, 'email');
    case 'companies':
      return prop(r, 'name') || prop(r, 'domain');
    case 'deals':
      return prop(r, 'dealname');
    case 'tickets':
      return prop(r, 'subject');
  }
}

/** What to type to find the record: its email or domain when it has one, else its name. */
function searchText(type: RecordType, r: Rec): string {
  if (type === 'contacts' && prop(r, 'email')) return prop(r, 'email');
  if (type === 'companies' && prop(r, 'domain')) return prop(r, 'domain');
  return displayName(type, r);
}

const PROPS: Record<RecordType, string> = {
  contacts: 'firstname,lastname,email,hs_pinned_engagement_id',
  companies: 'name,domain,hs_pinned_engagement_id',
  deals: 'dealname,amount,dealstage,hs_pinned_engagement_id',
  tickets: 'subject,hs_pipeline_stage,hs_pinned_engagement_id',
};

async function listRecords(api: HubSpotApi, type: RecordType, limit = 100): Promise<Rec[]> {
  const res = await api.request<{ results: Rec[] }>('GET', `${api.paths.objects(type)}?limit=${limit}&properties=${PROPS[type]}`);
  expect(res.status, `list ${type}`).toBe(200);
  return res.body.results;
}

/** Records of a type that pin nothing yet (the seed pins a few), from the first page. */
async function freeRecords(api: HubSpotApi, type: RecordType, count: number, skip = 0): Promise<Rec[]> {
  const usable = (await listRecords(api, type)).filter((r) => displayName(type, r) && !prop(r, 'hs_pinned_engagement_id'));
  expect(usable.length, `the demo seed has ${count + skip} usable ${type}`).toBeGreaterThanOrEqual(count + skip);
  return usable.slice(skip, skip + count);
}

async function getRecord(api: HubSpotApi, type: RecordType, id: string): Promise<Rec> {
  const res = await api.request<Rec>('GET', `${api.paths.object(type, id)}?properties=${PROPS[type]}`);
  expect(res.status).toBe(200);
  return res.body;
}

async function associationsOf(api: HubSpotApi, callId: string, type: RecordType) {
  const res = await api.request<{ results: { to: { toObjectId: string | number; associationTypes: { typeId: number; label?: string }[] }[] }[] }>(
    'POST',
    api.paths.associationBatchRead('calls', type),
    { inputs: [{ id: callId }] },
  );
  expect(res.status).toBe(200);
  return (res.body.results[0]?.to ?? []).map((r) => ({ id: String(r.toObjectId), labels: r.associationTypes.map((t) => t.label).filter(Boolean) }));
}

async function setPin(api: HubSpotApi, type: RecordType, id: string, value: string) {
  const res = await api.request('PATCH', api.paths.object(type, id), { properties: { hs_pinned_engagement_id: value } });
  expect(res.status).toBe(200);
}

const panelOf = (page: Page) => page.getByRole('region', { name: 'Associations' });
const rowOf = (panel: Locator, name: string) => panel.getByRole('listitem', { name, exact: true });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function pick(page: Page, type: RecordType, r: Rec) {
  const box = page.getByRole('combobox', { name: 'Search contacts, companies, deals and tickets' });
  await box.fill('');
  await box.fill(searchText(type, r));
  // Names can repeat (ticket subjects do); the option names the record's ID too.
  await page.getByRole('option', { name: new RegExp(`^${ONE[type]}: ${escape(displayName(type, r))} \\((.*, )?ID ${r.id}\\)$`) }).click();
}

async function newCall(api: HubSpotApi, title: string, associations?: { type: RecordType; id: string }[]) {
  return api.createCall(
    { hs_call_title: title, hs_timestamp: new Date().toISOString(), hs_call_direction: 'OUTBOUND', hs_call_status: 'COMPLETED' },
    associations?.map((a) => ({ to: { id: a.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: DEFAULT_TYPE_ID[a.type] }] })),
  );
}

test('associates a contact, a company, a deal and a ticket (no label offered: HubSpot has none for calls), keeps them after reload, removes one', async ({ page, api }) => {
  const labels = await api.request<{ results: { category: string; typeId: number; label?: string | null }[] }>('GET', api.paths.associationLabels('calls', 'contacts'));
  expect(labels.body.results.every((l) => l.category === 'HUBSPOT_DEFINED' && !l.label), 'HubSpot has only its unlabelled call→contact type').toBe(true);

  const [contact] = await freeRecords(api, 'contacts', 1);
  const [company] = await freeRecords(api, 'companies', 1);
  const [deal] = await freeRecords(api, 'deals', 1);
  const [ticket] = await freeRecords(api, 'tickets', 1);
  if (!contact || !company || !deal || !ticket) throw new Error('seed records missing');
  const call = await newCall(api, 'E2E associations: add and remove');

  await page.goto(`/calls/${call.id}`);
  const panel = panelOf(page);
  await expect(panel.getByText('No associated contacts')).toBeVisible();

  await panel.getByRole('button', { name: 'Add association' }).click();
  const dialog = page.getByRole('dialog', { name: 'Associate records with this call' });
  await pick(page, 'contacts', contact);
  await pick(page, 'companies', company);
  await pick(page, 'deals', deal);
  await pick(page, 'tickets', ticket);
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('list', { name: 'Records to associate' }).getByRole('listitem')).toHaveCount(4);
  await expect(dialog.getByRole('combobox', { name: /^Label for / })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Associate 4 records' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Associated 4 records' })).toBeVisible();

  await page.reload();
  const contactRow = rowOf(panel, displayName('contacts', contact));
  await expect(contactRow).toBeVisible();
  if (prop(contact, 'email')) await expect(contactRow).toContainText(prop(contact, 'email'));
  const companyRow = rowOf(panel, displayName('companies', company));
  await expect(companyRow).toBeVisible();
  if (prop(company, 'domain')) await expect(companyRow).toContainText(prop(company, 'domain'));
  await expect(rowOf(panel, displayName('deals', deal))).toBeVisible();
  await expect(rowOf(panel, displayName('tickets', ticket))).toBeVisible();
  expect(await associationsOf(api, call.id, 'contacts')).toEqual([{ id: contact.id, labels: [] }]);

  await panel.getByRole('button', { name: `Remove ${displayName('tickets', ticket)}`, exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove association?' });
  await expect(confirm).toContainText(`${displayName('tickets', ticket)} will no longer be associated with this call`);
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(rowOf(panel, displayName('tickets', ticket))).toHaveCount(0);
  await expect(panel.getByText('No associated tickets')).toBeVisible();
  await page.reload();
  await expect(rowOf(panel, displayName('deals', deal))).toBeVisible();
  await expect(panel.getByText('No associated tickets')).toBeVisible();
  expect(await associationsOf(api, call.id, 'tickets')).toEqual([]);
});

test('pins the call on a contact and unpins it', async ({ page, api }) => {
  const [contact] = await freeRecords(api, 'contacts', 1, 1);
  if (!contact) throw new Error('seed contact missing');
  const name = displayName('contacts', contact);
  const call = await newCall(api, 'E2E associations: pin', [{ type: 'contacts', id: contact.id }]);
  try {
    await page.goto(`/calls/${call.id}`);
    const panel = panelOf(page);
    await panel.getByRole('button', { name: `Pin on ${name}`, exact: true }).click();
    await expect(panel.getByRole('button', { name: `Unpin from ${name}`, exact: true })).toBeVisible();
    await expect(page.getByText(`Pinned on ${name} (contact)`)).toBeVisible();
    await expect.poll(async () => prop(await getRecord(api, 'contacts', contact.id), 'hs_pinned_engagement_id')).toBe(call.id);

    await page.reload();
    await expect(rowOf(panel, name).getByText('Pinned', { exact: true })).toBeVisible();
    await panel.getByRole('button', { name: `Unpin from ${name}`, exact: true }).click();
    await expect(panel.getByRole('button', { name: `Pin on ${name}`, exact: true })).toBeVisible();
    await expect.poll(async () => prop(await getRecord(api, 'contacts', contact.id), 'hs_pinned_engagement_id')).toBe('');
    await expect(page.getByText(/Pinned on /)).toHaveCount(0);
  } finally {
    await setPin(api, 'contacts', contact.id, '');
  }
});

test('says which call a new pin replaces and asks first', async ({ page, api }) => {
  const [contact] = await freeRecords(api, 'contacts', 1, 2);
  if (!contact) throw new Error('seed contact missing');
  const name = displayName('contacts', contact);
  const pinnedCall = await newCall(api, 'E2E associations: the pinned one', [{ type: 'contacts', id: contact.id }]);
  const call = await newCall(api, 'E2E associations: the new pin', [{ type: 'contacts', id: contact.id }]);
  await setPin(api, 'contacts', contact.id, pinnedCall.id);
  try {
    await page.goto(`/calls/${call.id}`);
    const panel = panelOf(page);
    await panel.getByRole('button', { name: `Pin on ${name}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace the pinned activity?' });
    await expect(dialog).toContainText(`${name} already pins the call “E2E associations: the pinned one” (ID ${pinnedCall.id})`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(prop(await getRecord(api, 'contacts', contact.id), 'hs_pinned_engagement_id')).toBe(pinnedCall.id);

    await panel.getByRole('button', { name: `Pin on ${name}`, exact: true }).click();
    await dialog.getByRole('button', { name: 'Replace pin' }).click();
    await expect(panel.getByRole('button', { name: `Unpin from ${name}`, exact: true })).toBeVisible();
    await expect.poll(async () => prop(await getRecord(api, 'contacts', contact.id), 'hs_pinned_engagement_id')).toBe(call.id);
  } finally {
    await setPin(api, 'contacts', contact.id, '');
  }
});

test('a refused association disappears again and HubSpot’s message is shown', async ({ page, api }) => {
  const [company] = await freeRecords(api, 'companies', 1, 1);
  if (!company) throw new Error('seed company missing');
  const name = displayName('companies', company);
  const call = await newCall(api, 'E2E associations: refused');
  const message = 'You do not have permission to associate these records.';
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`**/hubspot${api.paths.associationPair('calls', call.id, 'companies', company.id)}`, async (route) => {
    if (route.request().method() !== 'PUT') return route.fallback();
    // Held until the optimistic row is checked, then refused the way HubSpot refuses.
    await released;
    return route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ status: 'error', message, correlationId: '3f0e8c1a-3b43-4c7e-9d3b-8f3b7c0a1d11', category: 'MISSING_SCOPES' }),
    });
  });

  // The panel's re-read after the failure is held until it is checked: what it shows comes from the rollback alone.
  let holdReread = false;
  let rereadArrived = () => {};
  const rereadSeen = new Promise<void>((resolve) => (rereadArrived = resolve));
  let releaseReread = () => {};
  const rereadReleased = new Promise<void>((resolve) => (releaseReread = resolve));
  await page.route(`**/hubspot${api.paths.associationBatchRead('calls', 'companies')}`, async (route) => {
    if (!holdReread || route.request().method() !== 'POST') return route.fallback();
    rereadArrived();
    await rereadReleased;
    return route.fallback();
  });

  await page.goto(`/calls/${call.id}`);
  const panel = panelOf(page);
  await expect(panel.getByText('No associated companies')).toBeVisible();
  await panel.getByRole('button', { name: 'Add association' }).click();
  await pick(page, 'companies', company);
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Associate records with this call' }).getByRole('button', { name: 'Associate', exact: true }).click();
  // Optimistic: on screen before HubSpot answers.
  await expect(rowOf(panel, name)).toBeVisible();
  holdReread = true;
  release();
  await expect(page.getByRole('alert').filter({ hasText: `Could not associate ${name}: ${message}` })).toBeVisible();
  await rereadSeen;
  await expect(rowOf(panel, name)).toHaveCount(0);
  await expect(panel.getByText('No associated companies')).toBeVisible();
  releaseReread();
  expect(await associationsOf(api, call.id, 'companies')).toEqual([]);
});

test('a call with 50 associated contacts loads its panel with one association read and one record read per type', async ({ page, api }) => {
  const contacts = (await listRecords(api, 'contacts', 100)).slice(0, 50);
  expect(contacts).toHaveLength(50);
  const call = await newCall(
    api,
    'E2E associations: 50 contacts',
    contacts.map((c) => ({ type: 'contacts' as const, id: c.id })),
  );
  const requests: { method: string; path: string }[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/hubspot/')) requests.push({ method: req.method(), path: url.pathname.slice('/hubspot'.length) });
  });
  await page.goto(`/calls/${call.id}`);
  const panel = panelOf(page);
  await expect(panel.getByRole('list', { name: 'Associated contacts' }).getByRole('listitem')).toHaveCount(50);
  await expect(panel.getByText('No associated tickets')).toBeVisible();
  await expect(panel.getByText('50 associated records')).toBeVisible();

  for (const type of ['contacts', 'companies', 'deals', 'tickets'] as const) {
    const forType = requests.filter((r) => r.path.includes(`/${type}`) && !r.path.startsWith(api.paths.properties(type)));
    const associationReads = forType.filter((r) => r.path === api.paths.associationBatchRead('calls', type));
    const recordReads = forType.filter((r) => r.path.startsWith(api.paths.objects(type)));
    expect(associationReads, `${type}: association reads`).toEqual([{ method: 'POST', path: api.paths.associationBatchRead('calls', type) }]);
    expect(recordReads.length, `${type}: record reads`).toBeLessThanOrEqual(1);
    if (type === 'contacts') expect(recordReads).toEqual([{ method: 'POST', path: api.paths.objectBatch('contacts', 'read') }]);
    expect(forType.length, `${type}: all requests`).toBeLessThanOrEqual(2);
  }
});
