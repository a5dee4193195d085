import { Hono, type Context } from 'hono';
import { createLabel, deleteLabel, listLabels, updateLabel } from '../crm/association-labels.js';
import { archivePair, batchArchiveLabelsV4, batchArchiveV4, batchCreateV4, batchDefaultV4, batchReadV4, createDefault, createLabelled, listV4 } from '../crm/associations.js';
import { batchArchiveV3, batchCreateV3, batchReadV3, deleteV3, listV3, putV3, typesV3 } from '../crm/associations-v3.js';
import type { CrmContext } from '../crm/objects.js';
import { noContent, queryInt, readJson, sendJson, type MockEnv } from './http.js';

function p(c: Context<MockEnv>, name: string): string {
  return c.req.param(name) ?? '';
}

/**
 * Associations. HubSpot serves them under several bases (`/crm/v4/objects`,
 * `/crm/v4/associations`, `/crm/associations/v4`, `/crm/v3/associations`, `/crm/v3/objects`),
 * so there is one sub-app per base; each is relative to its mount and app.ts mounts it.
 */

/** v4 associations of one record, at `/crm/v4/objects`: `/{fromType}/{fromId}/associations/...`. */
export function associationRecordRoutes(ctx: CrmContext): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  const v4 = '/:fromType/:fromId/associations';
  app.put(`${v4}/default/:toType/:toId`, (c) =>
    sendJson(c, createDefault(ctx, p(c, 'fromType'), p(c, 'fromId'), p(c, 'toType'), p(c, 'toId'))),
  );
  app.get(`${v4}/:toType`, (c) => {
    const after = c.req.query('after');
    const out = listV4(ctx, p(c, 'fromType'), p(c, 'fromId'), p(c, 'toType'), {
      limit: Math.max(1, queryInt(c, 'limit', 500, 500)),
      ...(after ? { after } : {}),
    });
    return sendJson(c, out);
  });
  app.put(`${v4}/:toType/:toId`, async (c) => {
    const specs = await readJson(c, (s) => s.v4SpecsBody);
    return sendJson(c, createLabelled(ctx, p(c, 'fromType'), p(c, 'fromId'), p(c, 'toType'), p(c, 'toId'), specs), 201);
  });
  app.delete(`${v4}/:toType/:toId`, (c) => {
    archivePair(ctx, p(c, 'fromType'), p(c, 'fromId'), p(c, 'toType'), p(c, 'toId'));
    return noContent(c);
  });
  return app;
}

/** v4 batch associations, at `/crm/v4/associations`: `/{fromType}/{toType}/batch/...`. */
export function associationBatchRoutes(ctx: CrmContext): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  const v4b = '/:fromType/:toType/batch';
  app.post(`${v4b}/read`, async (c) => {
    const body = await readJson(c, (s) => s.v4BatchRead);
    const out = batchReadV4(ctx, p(c, 'fromType'), p(c, 'toType'), body.inputs);
    return sendJson(c, out, out.errors ? 207 : 200);
  });
  app.post(`${v4b}/create`, async (c) => {
    const body = await readJson(c, (s) => s.v4BatchCreate);
    const out = batchCreateV4(ctx, p(c, 'fromType'), p(c, 'toType'), body.inputs);
    return sendJson(c, out, out.errors ? 207 : 201);
  });
  app.post(`${v4b}/associate/default`, async (c) => {
    const body = await readJson(c, (s) => s.v4BatchDefault);
    return sendJson(c, batchDefaultV4(ctx, p(c, 'fromType'), p(c, 'toType'), body.inputs));
  });
  app.post(`${v4b}/archive`, async (c) => {
    const body = await readJson(c, (s) => s.v4BatchArchive);
    batchArchiveV4(ctx, p(c, 'fromType'), p(c, 'toType'), body.inputs);
    return noContent(c);
  });
  app.post(`${v4b}/labels/archive`, async (c) => {
    const body = await readJson(c, (s) => s.v4BatchCreate);
    batchArchiveLabelsV4(ctx, p(c, 'fromType'), p(c, 'toType'), body.inputs);
    return noContent(c);
  });
  return app;
}

/**
 * Association labels: `/{fromType}/{toType}/labels`, at the legacy base the official client
 * calls (`/crm/v4/associations`) and at the current spec's (`/crm/associations/v4`, which also
 * answers the object type ids: `withTypeIds`).
 */
export function associationLabelRoutes(ctx: CrmContext, opts: { withTypeIds: boolean }): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  const labels = '/:fromType/:toType/labels';
  app.get(labels, (c) => sendJson(c, listLabels(ctx, p(c, 'fromType'), p(c, 'toType'), opts.withTypeIds)));
  app.post(labels, async (c) => {
    const body = await readJson(c, (s) => s.labelCreate);
    return sendJson(c, createLabel(ctx, p(c, 'fromType'), p(c, 'toType'), body));
  });
  app.put(labels, async (c) => {
    const body = await readJson(c, (s) => s.labelUpdate);
    updateLabel(ctx, p(c, 'fromType'), p(c, 'toType'), body);
    return noContent(c);
  });
  app.delete(`${labels}/:associationTypeId`, (c) => {
    deleteLabel(ctx, p(c, 'fromType'), p(c, 'toType'), p(c, 'associationTypeId'));
    return noContent(c);
  });
  return app;
}

/** v3 association types and batch, at `/crm/v3/associations`: `/{fromType}/{toType}/types`, `/{fromType}/{toType}/batch/...`. */
export function associationV3Routes(ctx: CrmContext): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  app.get('/:fromType/:toType/types', (c) => sendJson(c, typesV3(ctx, p(c, 'fromType'), p(c, 'toType'))));
  const v3b = '/:fromType/:toType/batch';
  app.post(`${v3b}/create`, async (c) => {
    const body = await readJson(c, (s) => s.v3BatchAssoc);
    const out = batchCreateV3(ctx, p(c, 'fromType'), p(c, 'toType'), body.inputs);
    return sendJson(c, out, out.errors ? 207 : 201);
  });
  app.post(`${v3b}/read`, async (c) => {
    const body = await readJson(c, (s) => s.v3BatchRead);
    const out = batchReadV3(ctx, p(c, 'fromType'), p(c, 'toType'), body.inputs);
    return sendJson(c, out, out.errors ? 207 : 200);
  });
  app.post(`${v3b}/archive`, async (c) => {
    const body = await readJson(c, (s) => s.v3BatchAssoc);
    batchArchiveV3(ctx, p(c, 'fromType'), p(c, 'toType'), body.inputs);
    return noContent(c);
  });
  return app;
}

/** v3 associations of one record, at `/crm/v3/objects`: `/{objectType}/{objectId}/associations/{toType}[/{toId}/{associationType}]`. */
export function objectAssociationV3Routes(ctx: CrmContext): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  const v3 = '/:objectType/:objectId/associations/:toType';
  app.get(v3, (c) => sendJson(c, listV3(ctx, p(c, 'objectType'), p(c, 'objectId'), p(c, 'toType'))));
  app.put(`${v3}/:toId/:associationType`, (c) =>
    sendJson(c, putV3(ctx, p(c, 'objectType'), p(c, 'objectId'), p(c, 'toType'), p(c, 'toId'), p(c, 'associationType'))),
  );
  app.delete(`${v3}/:toId/:associationType`, (c) => {
    deleteV3(ctx, p(c, 'objectType'), p(c, 'objectId'), p(c, 'toType'), p(c, 'toId'), p(c, 'associationType'));
    return noContent(c);
  });
  return app;
}
