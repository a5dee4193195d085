import { Hono, type Context } from 'hono';
import { batchArchive, batchCreate, batchRead, batchUpdate, batchUpsert, type BatchResult } from '../crm/batch.js';
import type { CrmContext } from '../crm/objects.js';
import type { ObjectTypeName } from '../store/types.js';
import type { ApiFamily } from './family.js';
import { noContent, queryBool, readJson, sendBatch, type MockEnv, type SchemaPick } from './http.js';
import { objectType } from './objects.js';

/**
 * Batch read, create, update, upsert and archive, relative to the mount (`/crm/v3/objects`,
 * `/crm/objects/2026-09`): `POST /{objectType}/batch/...`; `family` says whether failed inputs make a 207.
 */
export function batchRoutes(ctx: CrmContext, family: ApiFamily): Hono<MockEnv> {
  const app = new Hono<MockEnv>();

  /** `POST /{objectType}/batch/{op}`: the type, then the body (`pick`'s schema), then `run`; no answer is a 204. */
  function post<T>(
    op: string,
    pick: SchemaPick<T>,
    run: (type: ObjectTypeName, body: T, c: Context<MockEnv>) => BatchResult<unknown> | undefined,
    ok: 200 | 201 = 200,
  ): void {
    app.post(`/:objectType/batch/${op}`, async (c) => {
      const type = objectType(c.req.param('objectType'));
      const out = run(type, await readJson(c, pick), c);
      return out ? sendBatch(c, out, ok, family.multiStatus) : noContent(c);
    });
  }

  post('read', (s) => s.batchReadInput, (type, body, c) => batchRead(ctx, type, body, queryBool(c, 'archived')));
  post('create', (s) => s.batchCreateInput, (type, body) => batchCreate(ctx, type, body.inputs), 201);
  post('update', (s) => s.batchUpdateInput, (type, body) => batchUpdate(ctx, type, body.inputs));
  post('upsert', (s) => s.batchUpdateInput, (type, body) => batchUpsert(ctx, type, body.inputs));
  post('archive', (s) => s.batchArchiveInput, (type, body) => void batchArchive(ctx, type, body.inputs));
  return app;
}
