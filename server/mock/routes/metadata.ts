import { Hono } from 'hono';
import { basePath } from 'hono/route';
import { requireType } from '../crm/object-types.js';
import { MockError } from '../crm/errors.js';
import { createDisposition, getOwner, listDispositions, listDispositionsBeta, listOwners, updateDisposition } from '../crm/metadata.js';
import type { CrmContext } from '../crm/objects.js';
import { groupToJson, propertyCatalog, propertyToJson } from '../crm/properties.js';
import { PROPERTY_GROUPS } from '../crm/property-definitions.js';
import type { ApiFamily } from './family.js';
import { queryBool, queryInt, readJson, sendBatch, sendJson, type MockEnv } from './http.js';

/**
 * Properties and property groups, relative to the mount (`/crm/v3/properties`,
 * `/crm/properties/{version}`): `/{objectType}/...`; `family` says whether unknown names in a
 * batch read make a 207.
 */
export function propertyRoutes(ctx: CrmContext, family: ApiFamily): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  const props = '/:objectType';
  app.get(`${props}/groups`, (c) => {
    const type = requireType(c.req.param('objectType'));
    return sendJson(c, { results: PROPERTY_GROUPS[type].map(groupToJson) });
  });
  app.get(`${props}/groups/:groupName`, (c) => {
    const type = requireType(c.req.param('objectType'));
    const g = PROPERTY_GROUPS[type].find((x) => x.name === c.req.param('groupName'));
    if (!g) throw new MockError(404, 'OBJECT_NOT_FOUND', `Property group ${c.req.param('groupName')} does not exist.`);
    return sendJson(c, groupToJson(g));
  });
  app.post(`${props}/batch/read`, async (c) => {
    const type = requireType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.propertiesBatchRead);
    const catalog = propertyCatalog(ctx.db, type).byName;
    const now = new Date(ctx.clock.now()).toISOString();
    const results = body.inputs.flatMap((i) => {
      const def = catalog.get(i.name);
      return def ? [propertyToJson(def)] : [];
    });
    const missing = body.inputs.filter((i) => !catalog.has(i.name)).map((i) => i.name);
    const out = {
      status: 'COMPLETE',
      results,
      startedAt: now,
      completedAt: now,
      ...(missing.length
        ? { numErrors: 1, errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Some properties do not exist.', context: { properties: missing }, errors: [], links: {} }] }
        : {}),
    };
    return sendBatch(c, out, 200, family.multiStatus);
  });
  app.get(props, (c) => {
    const type = requireType(c.req.param('objectType'));
    const archived = queryBool(c, 'archived');
    const only = c.req.query('properties');
    const wanted = only ? new Set(only.split(',').map((s) => s.trim())) : undefined;
    const list = archived ? [] : propertyCatalog(ctx.db, type).list.filter((p) => !wanted || wanted.has(p.name));
    return sendJson(c, { results: list.map(propertyToJson) });
  });
  app.get(`${props}/:propertyName`, (c) => {
    const type = requireType(c.req.param('objectType'));
    const name = c.req.param('propertyName');
    const def = propertyCatalog(ctx.db, type).byName.get(name);
    if (!def) {
      throw new MockError(404, 'OBJECT_NOT_FOUND', `Unable to find property ${name} for object type ${type}.`, {
        context: { propertyName: [name] },
      });
    }
    return sendJson(c, propertyToJson(def));
  });
  return app;
}

/** Owners, relative to the mount (`/crm/v3/owners`, `/crm/owners/{version}`): the list at `/`, one owner at `/{ownerId}`. */
export function ownerRoutes(ctx: CrmContext): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  app.get('/', (c) => {
    const email = c.req.query('email');
    const after = c.req.query('after');
    return sendJson(
      c,
      listOwners(ctx, {
        limit: Math.max(1, queryInt(c, 'limit', 100, 500)),
        archived: queryBool(c, 'archived'),
        base: basePath(c).replace(/\/$/, ''),
        ...(email ? { email } : {}),
        ...(after ? { after } : {}),
      }),
    );
  });
  app.get('/:ownerId', (c) => {
    const idProperty = c.req.query('idProperty') === 'userId' ? 'userId' : 'id';
    return sendJson(c, getOwner(ctx, c.req.param('ownerId'), { idProperty, archived: queryBool(c, 'archived') }));
  });
  return app;
}

/** Call dispositions: the list at the mount's own path (`/calling/v1/dispositions`). */
export function dispositionRoutes(ctx: CrmContext): Hono<MockEnv> {
  return new Hono<MockEnv>().get('/', (c) => sendJson(c, listDispositions(ctx)));
}

/**
 * HubSpot's dispositions API (`/crm/extensions/calling/2027-03-beta/dispositions`), relative to its mount:
 * list (`?archived=true` includes archived outcomes), create, and PATCH `/{id}` to rename, reorder or
 * archive. It is a beta granted to allowlisted apps; with `allowlisted: false` every request is refused
 * with 403, as HubSpot answers an app outside the beta.
 */
export function dispositionBetaRoutes(ctx: CrmContext, { allowlisted }: { allowlisted: boolean }): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  app.use('*', async (_c, next) => {
    if (!allowlisted) {
      throw new MockError(403, 'FORBIDDEN', 'This app has not been granted access to the calling dispositions beta.', {
        subCategory: 'BetaAccess.NOT_ALLOWLISTED',
      });
    }
    await next();
  });
  app.get('/', (c) => sendJson(c, listDispositionsBeta(ctx, queryBool(c, 'archived'))));
  app.post('/', async (c) => sendJson(c, createDisposition(ctx, await readJson(c, (s) => s.dispositionCreate)), 201));
  app.patch('/:dispositionId', async (c) => sendJson(c, updateDisposition(ctx, c.req.param('dispositionId'), await readJson(c, (s) => s.dispositionUpdate))));
  return app;
}
