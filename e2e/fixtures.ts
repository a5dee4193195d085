import { test as base, expect } from '@playwright/test';
import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { hubspotPaths, type ApiVersion, type HubSpotPaths } from '../src/api/hubspot-paths';

/** A HubSpot CRM object as the proxy returns it (all property values are strings). */
export interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  propertiesWithHistory?: Record<string, { value: string; timestamp: string; sourceType: string }[]>;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
}

interface AssociationInput {
  to: { id: string };
  types: { associationCategory: 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED'; associationTypeId: number }[];
}

type CallQuery = Record<string, string | number | boolean | readonly string[]>;

interface ApiResult<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface HubSpotApi {
  /** The paths of the HubSpot API version the server speaks (its /hubspot-connection), as the app builds them. */
  paths: HubSpotPaths;
  /**
   * Creates a call (expects 201); the call is deleted after the test. Like updateCall and deleteCall,
   * returns once HubSpot's search (which lags behind writes, as the mock does) shows the write.
   */
  createCall(properties: Record<string, string>, associations?: AssociationInput[]): Promise<HubSpotObject>;
  /** Reads a call; throws with the status and body unless 200. */
  getCall(id: string, query?: CallQuery): Promise<HubSpotObject>;
  /** Updates a call (expects 200). */
  updateCall(id: string, properties: Record<string, string>): Promise<HubSpotObject>;
  /** Deletes a call (expects 204). */
  deleteCall(id: string): Promise<void>;
  /** Any request through the proxy; `hubspotPath` is HubSpot's path, e.g. `${api.paths.objects('contacts')}?limit=5`. */
  request<T = unknown>(method: string, hubspotPath: string, body?: unknown): Promise<ApiResult<T>>;
}

function toSearchParams(query: CallQuery | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(key, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readBody(response: APIResponse): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function createApi(request: APIRequestContext, paths: HubSpotPaths, createdIds: Set<string>): HubSpotApi {
  const call = async <T>(method: string, hubspotPath: string, body?: unknown): Promise<ApiResult<T>> => {
    const path = hubspotPath.startsWith('/') ? hubspotPath : `/${hubspotPath}`;
    const response = await request.fetch(`/hubspot${path}`, {
      method,
      headers: { accept: 'application/json' },
      ...(body === undefined ? {} : { data: body }),
    });
    return { status: response.status(), headers: response.headers(), body: (await readBody(response)) as T };
  };

  const expectStatus = <T>(result: ApiResult<T>, expected: number, what: string): T => {
    if (result.status !== expected) {
      throw new Error(`${what}: expected HTTP ${expected}, got ${result.status}: ${JSON.stringify(result.body)}`);
    }
    return result.body;
  };

  /**
   * Waits until search answers for call `id` as the last write left it: with `updatedAt` (or newer), or
   * not at all (`null`: archived). Test setup only: the app itself must cope with search lagging behind.
   */
  const untilSearchShows = async (id: string, updatedAt: string | null) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await call<{ results: HubSpotObject[] }>('POST', paths.objectSearch('calls'), {
        filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: id }] }],
        properties: ['hs_object_id'],
        limit: 1,
      });
      const found = expectStatus(res, 200, `search for call ${id}`).results[0];
      if (updatedAt === null ? !found : found && Date.parse(found.updatedAt) >= Date.parse(updatedAt)) return;
      if (Date.now() > deadline) throw new Error(`search did not catch up with call ${id} within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return {
    paths,
    async createCall(properties, associations) {
      const result = await call<HubSpotObject>('POST', paths.objects('calls'), {
        properties,
        ...(associations ? { associations } : {}),
      });
      const created = expectStatus(result, 201, 'createCall');
      createdIds.add(created.id);
      await untilSearchShows(created.id, created.updatedAt);
      return created;
    },
    async getCall(id, query) {
      const result = await call<HubSpotObject>('GET', `${paths.object('calls', id)}${toSearchParams(query)}`);
      return expectStatus(result, 200, `getCall(${id})`);
    },
    async updateCall(id, properties) {
      const result = await call<HubSpotObject>('PATCH', paths.object('calls', id), { properties });
      const updated = expectStatus(result, 200, `updateCall(${id})`);
      await untilSearchShows(id, updated.updatedAt);
      return updated;
    },
    async deleteCall(id) {
      const result = await call('DELETE', paths.object('calls', id));
      expectStatus(result, 204, `deleteCall(${id})`);
      createdIds.delete(id);
      await untilSearchShows(id, null);
    },
    request: call,
  };
}

export const test = base.extend<{ api: HubSpotApi }>({
  api: async ({ request }, use) => {
    const createdIds = new Set<string>();
    const connection = await request.get('/hubspot-connection');
    expect(connection.status(), 'GET /hubspot-connection').toBe(200);
    const paths = hubspotPaths(((await connection.json()) as { apiVersion: ApiVersion }).apiVersion);
    await use(createApi(request, paths, createdIds));
    // Clean up what this test created; a call the test already archived answers 204 too, as HubSpot does.
    for (const id of createdIds) {
      const response = await request.delete(`/hubspot${paths.object('calls', id)}`);
      if (response.status() !== 204 && response.status() !== 404) {
        throw new Error(`cleanup of call ${id} failed with HTTP ${response.status()}: ${await response.text()}`);
      }
    }
  },
});

export { expect };

// The call list (/calls): its grid, its status line, and three calls to filter, sort and triage.

/** The GUIDs of HubSpot's default call outcomes (hs_call_disposition), as the demo account has them. */
export const OUTCOME = {
  busy: '9d9162e7-6cf3-4944-bf63-4dff82258764',
  connected: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
  noAnswer: '73a0d17f-1163-4015-bdd5-ec830791da20',
  wrongNumber: '17b47fee-58de-441e-a44c-c6300d46f273',
  leftVoicemail: 'b2cf5968-551e-4856-9783-52b3da59a7d0',
};

/** A search token no seeded call contains, so a test's own calls are the only matches. */
export const uniqueToken = () => `zq${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

export const grid = (page: Page) => page.getByRole('grid', { name: 'Calls' });
export const dataRows = (page: Page) => grid(page).locator('[role="row"][data-id]');
export const rowIds = (page: Page) => dataRows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
export const titles = async (page: Page) => (await dataRows(page).locator('[data-field="title"]').allInnerTexts()).map((t) => t.trim());
export const sortedTitles = async (page: Page) => (await titles(page)).sort();
export const rowByTitle = (page: Page, title: string) => dataRows(page).filter({ has: page.locator('[data-field="title"]', { hasText: title }) });

/** Waits until the page is showing the (non-placeholder) result for the current URL. */
export async function settled(page: Page, status: string | RegExp) {
  await expect(page.getByText(status)).toBeVisible();
}

/**
 * The list's bulk outcome change, with `count` (2 or more) calls selected: "Set outcome…", picks `outcome` (its
 * label), applies it and waits for the dialog's `report` (by default: all `count` calls set). Returns the dialog,
 * still open on its report.
 */
export async function setOutcomeOfSelected(page: Page, count: number, outcome: string, report = `${count} calls set to ${outcome}.`) {
  await page.getByRole('button', { name: 'Set outcome…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set outcome' });
  await expect(dialog.getByText(`Set the outcome of ${count} calls`)).toBeVisible();
  await dialog.getByRole('combobox', { name: 'New outcome' }).click();
  await page.getByRole('option', { name: outcome }).click();
  await dialog.getByRole('button', { name: `Set outcome of ${count} calls` }).click();
  await expect(dialog.getByText(report)).toBeVisible();
  return dialog;
}

export interface ThreeCalls {
  token: string;
  alpha: HubSpotObject;
  beta: HubSpotObject;
  gamma: HubSpotObject;
  owners: { id: string; name: string }[];
  contact: { id: string; lastname: string };
}

export async function createThreeCalls(api: HubSpotApi): Promise<ThreeCalls> {
  const token = uniqueToken();
  const owners = (
    await api.request<{ results: { id: string; firstName?: string; lastName?: string }[] }>('GET', `${api.paths.owners()}?limit=10`)
  ).body.results.map((o) => ({ id: o.id, name: [o.firstName, o.lastName].filter(Boolean).join(' ') }));
  const contactRes = await api.request<{ results: HubSpotObject[] }>('GET', `${api.paths.objects('contacts')}?limit=1&properties=lastname`);
  const c = contactRes.body.results[0]!;
  const contact = { id: c.id, lastname: c.properties.lastname ?? '' };
  const alpha = await api.createCall(
    {
      hs_call_title: `${token} alpha`,
      hs_timestamp: '2026-02-10T10:00:00.000Z',
      hs_call_direction: 'INBOUND',
      hs_call_disposition: OUTCOME.connected,
      hs_call_status: 'COMPLETED',
      hs_call_duration: '65000',
      hubspot_owner_id: owners[0]!.id,
      hs_call_recording_url: 'https://example.com/recordings/alpha.mp3',
    },
    [{ to: { id: contact.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
  );
  const beta = await api.createCall({
    hs_call_title: `${token} beta`,
    hs_timestamp: '2026-03-15T10:00:00.000Z',
    hs_call_direction: 'OUTBOUND',
    hs_call_disposition: OUTCOME.noAnswer,
    hs_call_status: 'NO_ANSWER',
    hs_call_duration: '3723000',
    hubspot_owner_id: owners[1]!.id,
  });
  const gamma = await api.createCall({
    hs_call_title: `${token} gamma`,
    hs_timestamp: '2026-04-20T10:00:00.000Z',
    hs_call_direction: 'OUTBOUND',
    hs_call_disposition: OUTCOME.busy,
    hs_call_status: 'BUSY',
    hs_call_duration: '5000',
    hubspot_owner_id: owners[0]!.id,
  });
  return { token, alpha, beta, gamma, owners, contact };
}

/** Needs attention: runs a scan from its page and waits until it has finished (a full scan on an empty store). */
export async function scanFromThePage(page: Page) {
  await page.goto('/attention');
  await page.getByRole('button', { name: /^(Scan now|Full scan)$/ }).click();
  await expect(page.getByRole('progressbar', { name: 'Scan progress' }).or(page.getByText(/^Last scan \(every call\) finished/))).toBeVisible();
  await expect(page.getByText(/^Last scan \(every call\) finished/)).toBeVisible({ timeout: 120_000 });
}
