import { test as base, expect } from '@playwright/test';
import type { APIRequestContext, APIResponse } from '@playwright/test';

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
  /** POST /crm/v3/objects/calls (expects 201); the call is deleted after the test. */
  createCall(properties: Record<string, string>, associations?: AssociationInput[]): Promise<HubSpotObject>;
  /** GET /crm/v3/objects/calls/{id}; throws with the status and body unless 200. */
  getCall(id: string, query?: CallQuery): Promise<HubSpotObject>;
  /** PATCH /crm/v3/objects/calls/{id} (expects 200). */
  updateCall(id: string, properties: Record<string, string>): Promise<HubSpotObject>;
  /** DELETE /crm/v3/objects/calls/{id} (expects 204). */
  deleteCall(id: string): Promise<void>;
  /** Any request through the proxy; `hubspotPath` is HubSpot's path, e.g. `/crm/v3/objects/contacts?limit=5`. */
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

function createApi(request: APIRequestContext, createdIds: Set<string>): HubSpotApi {
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

  return {
    async createCall(properties, associations) {
      const result = await call<HubSpotObject>('POST', '/crm/v3/objects/calls', {
        properties,
        ...(associations ? { associations } : {}),
      });
      const created = expectStatus(result, 201, 'createCall');
      createdIds.add(created.id);
      return created;
    },
    async getCall(id, query) {
      const result = await call<HubSpotObject>('GET', `/crm/v3/objects/calls/${encodeURIComponent(id)}${toSearchParams(query)}`);
      return expectStatus(result, 200, `getCall(${id})`);
    },
    async updateCall(id, properties) {
      const result = await call<HubSpotObject>('PATCH', `/crm/v3/objects/calls/${encodeURIComponent(id)}`, { properties });
      return expectStatus(result, 200, `updateCall(${id})`);
    },
    async deleteCall(id) {
      const result = await call('DELETE', `/crm/v3/objects/calls/${encodeURIComponent(id)}`);
      expectStatus(result, 204, `deleteCall(${id})`);
      createdIds.delete(id);
    },
    request: call,
  };
}

export const test = base.extend<{ api: HubSpotApi }>({
  api: async ({ request }, use) => {
    const createdIds = new Set<string>();
    await use(createApi(request, createdIds));
    // Clean up what this test created; a call the test already archived answers 404, which is fine.
    for (const id of createdIds) {
      const response = await request.delete(`/hubspot/crm/v3/objects/calls/${encodeURIComponent(id)}`);
      if (response.status() !== 204 && response.status() !== 404) {
        throw new Error(`cleanup of call ${id} failed with HTTP ${response.status()}: ${await response.text()}`);
      }
    }
  },
});

export { expect };
