/**
 * Test helper: a small in-memory HubSpot behind a `fetch` stand-in, covering the endpoints the
 * associations feature uses. It records every request so tests can count them.
 */
import type { RecordType } from '../../api/records';

export interface FakeRecord {
  id: string;
  properties: Record<string, string>;
}
export interface FakeAssociation {
  toObjectId: string;
  associationTypes: { category: string; typeId: number; label?: string }[];
}
export interface FakeRequest {
  method: string;
  path: string;
  body: unknown;
}

type Failure = { status: number; body: unknown };

export class FakeHubSpot {
  records: Record<RecordType, Map<string, FakeRecord>> = {
    contacts: new Map(),
    companies: new Map(),
    deals: new Map(),
    tickets: new Map(),
  };
  calls = new Map<string, FakeRecord>();
  /** callId → type → associations */
  associations = new Map<string, Record<RecordType, FakeAssociation[]>>();
  labels: Record<RecordType, { category: string; typeId: number; label?: string }[]> = {
    contacts: [{ category: 'HUBSPOT_DEFINED', typeId: 194 }],
    companies: [{ category: 'HUBSPOT_DEFINED', typeId: 182 }],
    deals: [{ category: 'HUBSPOT_DEFINED', typeId: 206 }],
    tickets: [{ category: 'HUBSPOT_DEFINED', typeId: 220 }],
  };
  requests: FakeRequest[] = [];
  /** Answer the next request matching `method path-regex` with this failure. */
  failures: { method: string; path: RegExp; failure: Failure }[] = [];
  connection: { mode: 'mock' | 'hubspot'; host: string } = { mode: 'mock', host: '127.0.0.1' };

  addRecord(type: RecordType, id: string, properties: Record<string, string>) {
    this.records[type].set(id, { id, properties });
  }

  associate(callId: string, type: RecordType, toObjectId: string, types: FakeAssociation['associationTypes']) {
    const byType = this.associations.get(callId) ?? { contacts: [], companies: [], deals: [], tickets: [] };
    this.associations.set(callId, byType);
    const existing = byType[type].find((a) => a.toObjectId === toObjectId);
    if (existing) {
      for (const t of types) if (!existing.associationTypes.some((x) => x.typeId === t.typeId)) existing.associationTypes.push(t);
    } else byType[type].push({ toObjectId, associationTypes: [...types] });
  }

  /** Requests matching these never get an answer (until aborted): to see the screen before a refetch lands. */
  hanging: { method: string; path: RegExp }[] = [];
  hang(method: string, path: RegExp) {
    this.hanging.push({ method, path });
  }

  fail(method: string, path: RegExp, status: number, body: unknown) {
    this.failures.push({ method, path, failure: { status, body } });
  }

  private object(r: FakeRecord) {
    return { id: r.id, properties: r.properties, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', archived: false };
  }

  fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const path = url.pathname;
    this.requests.push({ method, path: path + url.search, body });
    const json = (status: number, data: unknown) =>
      new Response(data === undefined ? null : JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });

    if (this.hanging.some((h) => h.method === method && h.path.test(path))) {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      });
    }
    const failureIndex = this.failures.findIndex((f) => f.method === method && f.path.test(path));
    if (failureIndex >= 0) {
      const [f] = this.failures.splice(failureIndex, 1);
      if (f) return json(f.failure.status, f.failure.body);
    }

    if (path === '/hubspot-connection') return json(200, this.connection);
    if (path === '/hubspot/account-info/v3/details') return json(200, { portalId: 4242, uiDomain: 'app-eu1.hubspot.com', timeZone: 'UTC' });
    let m = /^\/hubspot\/crm\/v4\/objects\/calls\/([^/]+)\/associations\/(\w+)$/.exec(path);
    if (m && method === 'GET') {
      const list = this.associations.get(m[1] ?? '')?.[m[2] as RecordType] ?? [];
      return json(200, { results: list });
    }
    m = /^\/hubspot\/crm\/v4\/objects\/calls\/([^/]+)\/associations\/(\w+)\/([^/]+)$/.exec(path);
    if (m && method === 'PUT') {
      const types = (body as { associationCategory: string; associationTypeId: number }[]).map((t) => {
        const known = this.labels[m?.[2] as RecordType].find((l) => l.typeId === t.associationTypeId);
        return { category: t.associationCategory, typeId: t.associationTypeId, ...(known?.label ? { label: known.label } : {}) };
      });
      this.associate(m[1] ?? '', m[2] as RecordType, m[3] ?? '', types);
      return json(201, { fromObjectTypeId: '0-48', fromObjectId: m[1], toObjectTypeId: '0-1', toObjectId: m[3], labels: [] });
    }
    if (m && method === 'DELETE') {
      const byType = this.associations.get(m[1] ?? '');
      if (byType) byType[m[2] as RecordType] = byType[m[2] as RecordType].filter((a) => a.toObjectId !== m?.[3]);
      return new Response(null, { status: 204 });
    }
    m = /^\/hubspot\/crm\/v3\/properties\/(deals|tickets)\/(dealstage|hs_pipeline_stage)$/.exec(path);
    if (m && method === 'GET') {
      const options = m[1] === 'deals' ? [{ label: 'Closed won', value: 'closedwon' }] : [{ label: 'New', value: '1' }];
      return json(200, { name: m[2], label: 'Stage', type: 'enumeration', fieldType: 'select', groupName: 'g', options });
    }
    m = /^\/hubspot\/crm\/v4\/associations\/calls\/(\w+)\/labels$/.exec(path);
    if (m) return json(200, { results: this.labels[m[1] as RecordType] });
    m = /^\/hubspot\/crm\/v3\/objects\/(\w+)\/batch\/read$/.exec(path);
    if (m && method === 'POST') {
      const store = this.records[m[1] as RecordType];
      const ids = (body as { inputs: { id: string }[] }).inputs.map((i) => i.id);
      const results = ids.map((id) => store.get(id)).filter((r): r is FakeRecord => r !== undefined).map((r) => this.object(r));
      return json(200, { status: 'COMPLETE', results, startedAt: '2026-01-01T00:00:00.000Z', completedAt: '2026-01-01T00:00:00.000Z' });
    }
    m = /^\/hubspot\/crm\/v3\/objects\/(\w+)\/search$/.exec(path);
    if (m && method === 'POST') {
      const q = String((body as { query?: string }).query ?? '').toLowerCase();
      const store = this.records[m[1] as RecordType];
      const results = [...store.values()].filter((r) => Object.values(r.properties).some((v) => v.toLowerCase().includes(q))).map((r) => this.object(r));
      return json(200, { total: results.length, results });
    }
    m = /^\/hubspot\/crm\/v3\/objects\/calls\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const call = this.calls.get(m[1] ?? '');
      if (!call) return json(404, { status: 'error', message: 'resource not found', correlationId: 'c-404', category: 'OBJECT_NOT_FOUND' });
      return json(200, this.object(call));
    }
    m = /^\/hubspot\/crm\/v3\/objects\/(\w+)\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const r = this.records[m[1] as RecordType].get(m[2] ?? '');
      if (!r) return json(404, { status: 'error', message: 'resource not found', correlationId: 'c-404', category: 'OBJECT_NOT_FOUND' });
      return json(200, this.object(r));
    }
    if (m && method === 'PATCH') {
      const r = this.records[m[1] as RecordType].get(m[2] ?? '');
      if (!r) return json(404, { status: 'error', message: 'resource not found', correlationId: 'c-404', category: 'OBJECT_NOT_FOUND' });
      Object.assign(r.properties, (body as { properties: Record<string, string> }).properties);
      return json(200, this.object(r));
    }
    return json(404, { status: 'error', message: `fake: no route ${method} ${path}`, correlationId: 'c-x', category: 'OBJECT_NOT_FOUND' });
  };
}
