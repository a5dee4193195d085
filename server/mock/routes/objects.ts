import type { Context, Hono } from 'hono';
import { batchArchive, batchCreate, batchRead, batchUpdate, batchUpsert } from '../crm/batch.js';
import { MockError, objectNotFound } from '../crm/errors.js';
import { archiveObject, createObject, findObject, listObjects, updateObject, type CrmContext } from '../crm/objects.js';
import { objectToJson, projectionFor } from '../crm/to-json.js';
import { requireType } from '../crm/associations.js';
import { searchObjectsJson } from '../crm/search.js';
import { ReadCache } from './cache.js';
import {
  noContent,
  loadSchemas,
  parseJsonText,
  queryBool,
  queryInt,
  queryList,
  readJson,
  readText,
  sendJson,
  sendJsonBytes,
  utf8,
  type MockEnv,
} from './http.js';

export const LIST_MAX_LIMIT = 100;

function objectType(raw: string) {
  try {
    return requireType(raw);
  } catch {
    throw new MockError(404, 'OBJECT_NOT_FOUND', `Unable to infer object type from: ${raw}`, { context: { objectType: [raw] } });
  }
}

/** /crm/v3/objects/{objectType}...: CRUD, batch and search. */
export function registerObjectRoutes(app: Hono<MockEnv>, ctx: CrmContext, opts: { readCache: boolean }): void {
  const base = '/crm/v3/objects/:objectType';
  const cache = opts.readCache ? new ReadCache(ctx.db) : undefined;

  /** Serves a read from the cache (when enabled), or computes, caches and sends it. */
  const cached = async (c: Context<MockEnv>, key: string, compute: () => Uint8Array | Promise<Uint8Array>): Promise<Response> => {
    if (!cache) return sendJsonBytes(c, await compute());
    const hit = cache.get(key);
    if (hit !== undefined) return sendJsonBytes(c, hit);
    const version = cache.currentVersion();
    const body = await compute();
    cache.set(key, body, version);
    return sendJsonBytes(c, body);
  };

  app.post(`${base}/search`, async (c) => {
    const type = objectType(c.req.param('objectType'));
    const text = await readText(c);
    const { searchInput } = await loadSchemas();
    return cached(c, `SEARCH ${type} ${text}`, () =>
      searchObjectsJson(ctx, type, parseJsonText(text, searchInput), `/crm/v3/objects/${type}/search`),
    );
  });

  app.post(`${base}/batch/read`, async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.batchReadInput);
    const out = batchRead(ctx, type, body, queryBool(c, 'archived'));
    return sendJson(c, out, out.errors ? 207 : 200);
  });

  app.post(`${base}/batch/create`, async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.batchCreateInput);
    const out = batchCreate(ctx, type, body.inputs);
    return sendJson(c, out, out.errors ? 207 : 201);
  });

  app.post(`${base}/batch/update`, async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.batchUpdateInput);
    const out = batchUpdate(ctx, type, body.inputs);
    return sendJson(c, out, out.errors ? 207 : 200);
  });

  app.post(`${base}/batch/upsert`, async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.batchUpdateInput);
    const out = batchUpsert(ctx, type, body.inputs);
    return sendJson(c, out, out.errors ? 207 : 200);
  });

  app.post(`${base}/batch/archive`, async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.batchArchiveInput);
    batchArchive(ctx, type, body.inputs);
    return noContent(c);
  });

  app.get(base, (c) => cached(c, `GET ${c.req.url}`, () => {
    const type = objectType(c.req.param('objectType'));
    const limit = Math.max(1, queryInt(c, 'limit', 10, LIST_MAX_LIMIT));
    const after = c.req.query('after');
    const archived = queryBool(c, 'archived');
    const properties = queryList(c, 'properties');
    const propertiesWithHistory = queryList(c, 'propertiesWithHistory');
    const associations = queryList(c, 'associations');
    const opts = {
      ...(properties ? { properties } : {}),
      ...(propertiesWithHistory ? { propertiesWithHistory } : {}),
      ...(associations ? { associations } : {}),
    };
    const paging = (nextAfter: string | undefined): string =>
      nextAfter
        ? `,"paging":${JSON.stringify({ next: { after: nextAfter, link: `/crm/v3/objects/${type}?after=${nextAfter}&limit=${limit}` } })}`
        : '';
    const page = listObjects(ctx, type, {
      limit,
      archived,
      project: projectionFor(type, opts),
      ...(after !== undefined ? { after } : {}),
    });
    const results = page.rows.map((r) => JSON.stringify(objectToJson(ctx, r, opts))).join(',');
    return utf8(`{"results":[${results}]${paging(page.nextAfter)}}`);
  }));

  app.post(base, async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.createInput);
    const obj = createObject(ctx, type, {
      properties: body.properties,
      ...(body.associations ? { associations: body.associations } : {}),
    });
    return sendJson(c, objectToJson(ctx, obj, { properties: Object.keys(body.properties) }), 201);
  });

  app.get(`${base}/:objectId`, (c) => cached(c, `GET ${c.req.url}`, () => {
    const type = objectType(c.req.param('objectType'));
    const id = c.req.param('objectId');
    const idProperty = c.req.query('idProperty');
    const obj = findObject(ctx, type, id, { archived: queryBool(c, 'archived'), ...(idProperty ? { idProperty } : {}) });
    if (!obj) throw objectNotFound(id);
    const properties = queryList(c, 'properties');
    const propertiesWithHistory = queryList(c, 'propertiesWithHistory');
    const associations = queryList(c, 'associations');
    return utf8(JSON.stringify(objectToJson(ctx, obj, {
      ...(properties ? { properties } : {}),
      ...(propertiesWithHistory ? { propertiesWithHistory } : {}),
      ...(associations ? { associations } : {}),
    })));
  }));

  app.patch(`${base}/:objectId`, async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.updateInput);
    const idProperty = c.req.query('idProperty');
    const obj = updateObject(ctx, type, c.req.param('objectId'), body.properties, idProperty || undefined);
    return sendJson(c, objectToJson(ctx, obj, { properties: Object.keys(body.properties) }));
  });

  app.delete(`${base}/:objectId`, (c) => {
    const type = objectType(c.req.param('objectType'));
    const id = c.req.param('objectId');
    if (archiveObject(ctx, type, id) === 'missing') throw objectNotFound(id);
    return noContent(c);
  });
}
