import { Hono } from 'hono';
import { batchArchive, batchCreate, batchRead, batchUpdate, batchUpsert } from '../crm/batch.js';
import type { CrmContext } from '../crm/objects.js';
import { noContent, queryBool, readJson, sendJson, type MockEnv } from './http.js';
import { objectType } from './objects.js';

/** Batch read, create, update, upsert and archive, relative to the mount (`/crm/v3/objects`): `POST /{objectType}/batch/...`. */
export function batchRoutes(ctx: CrmContext): Hono<MockEnv> {
  const app = new Hono<MockEnv>();

  app.post('/:objectType/batch/read', async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.batchReadInput);
    const out = batchRead(ctx, type, body, queryBool(c, 'archived'));
    return sendJson(c, out, out.errors ? 207 : 200);
  });

  app.post('/:objectType/batch/create', async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.batchCreateInput);
    const out = batchCreate(ctx, type, body.inputs);
    return sendJson(c, out, out.errors ? 207 : 201);
  });

  app.post('/:objectType/batch/update', async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.batchUpdateInput);
    const out = batchUpdate(ctx, type, body.inputs);
    return sendJson(c, out, out.errors ? 207 : 200);
  });

  app.post('/:objectType/batch/upsert', async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.batchUpdateInput);
    const out = batchUpsert(ctx, type, body.inputs);
    return sendJson(c, out, out.errors ? 207 : 200);
  });

  app.post('/:objectType/batch/archive', async (c) => {
    const type = objectType(c.req.param('objectType'));
    const body = await readJson(c, (s) => s.batchArchiveInput);
    batchArchive(ctx, type, body.inputs);
    return noContent(c);
  });

  return app;
}
