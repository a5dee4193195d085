import { Hono } from 'hono';
import { basePath } from 'hono/route';
import { MockError, objectNotFound } from '../crm/errors.js';
import { archiveObject, createObject, findObject, listObjects, updateObject, type CrmContext } from '../crm/objects.js';
import { objectToJson, projectionFor } from '../crm/to-json.js';
import { requireType } from '../crm/object-types.js';
import type { ReadCache } from './cache.js';
import { noContent, queryBool, queryInt, queryList, readJson, sendCached, sendJson, utf8, type MockEnv } from './http.js';

const LIST_MAX_LIMIT = 100;

/** The `{objectType}` path segment as a type; 404 when it names none. */
export function objectType(raw: string) {
  try {
    return requireType(raw);
  } catch {
    throw new MockError(404, 'OBJECT_NOT_FOUND', `Unable to infer object type from: ${raw}`, { context: { objectType: [raw] } });
  }
}

/**
 * Objects CRUD: list, create, read, update and archive, relative to the mount
 * (`/crm/v3/objects`): `/{objectType}` and `/{objectType}/{objectId}`. Reads go through
 * `cache` when one is given.
 */
export function objectRoutes(ctx: CrmContext, cache: ReadCache | undefined): Hono<MockEnv> {
  const app = new Hono<MockEnv>();

  app.get('/:objectType', (c) => sendCached(c, cache, `GET ${c.req.url}`, async () => {
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
        ? `,"paging":${JSON.stringify({ next: { after: nextAfter, link: `${basePath(c)}/${type}?after=${nextAfter}&limit=${limit}` } })}`
        : '';
    const page = listObjects(ctx, type, {
      limit,
      archived,
      project: projectionFor(type, opts),
      withHistory: Boolean(propertiesWithHistory?.length),
      ...(after !== undefined ? { after } : {}),
    });
    const results = page.rows.map((r) => JSON.stringify(objectToJson(ctx, r, opts))).join(',');
    return utf8(`{"results":[${results}]${paging(page.nextAfter)}}`);
  }));

  app.post('/:objectType', async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.createInput);
    const obj = createObject(ctx, type, {
      properties: body.properties,
      ...(body.associations ? { associations: body.associations } : {}),
    });
    return sendJson(c, objectToJson(ctx, obj, { properties: Object.keys(body.properties) }), 201);
  });

  app.get('/:objectType/:objectId', (c) => sendCached(c, cache, `GET ${c.req.url}`, () => {
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

  app.patch('/:objectType/:objectId', async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.updateInput);
    const idProperty = c.req.query('idProperty');
    const obj = updateObject(ctx, type, c.req.param('objectId'), body.properties, idProperty || undefined);
    return sendJson(c, objectToJson(ctx, obj, { properties: Object.keys(body.properties) }));
  });

  // 204 whether or not the record exists, as HubSpot answers
  app.delete('/:objectType/:objectId', (c) => {
    archiveObject(ctx, objectType(c.req.param('objectType')), c.req.param('objectId'));
    return noContent(c);
  });

  return app;
}
