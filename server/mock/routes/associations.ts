import { Hono, type Context } from 'hono';
import { createLabel, deleteLabel, listLabels, updateLabel } from '../crm/association-labels.js';
import { batchEnvelope } from '../crm/batch.js';
import {
  ASSOCIATION_PAGE_SIZE,
  archivePair,
  batchArchiveLabelsV4,
  batchArchiveV4,
  batchCreateV4,
  batchDefaultV4,
  batchReadV4,
  createDefault,
  createLabelled,
  listV4,
} from '../crm/associations.js';
import { batchArchiveV3, batchCreateV3, batchReadV3, deleteV3, listV3, putV3, typesV3 } from '../crm/associations-v3.js';
import type { CrmContext } from '../crm/objects.js';
import type { ApiFamily } from './family.js';
import { noContent, queryInt, readJson, sendBatch, sendJson, type MockEnv, type SchemaPick } from './http.js';

function p(c: Context<MockEnv>, name: string): string {
  return c.req.param(name) ?? '';
}

/**
 * `POST /{fromType}/{toType}/batch/{op}`: the body read with `pick`'s schema, then `run`; a batch
 * answer (`ok`, or 207 when some inputs failed and the family has 207), or 204 when `run` answers nothing.
 */
function postBatch<T>(
  app: Hono<MockEnv>,
  op: string,
  pick: SchemaPick<T>,
  run: (fromType: string, toType: string, body: T) => { errors?: unknown[] } | undefined,
  status: { ok: 200 | 201; multiStatus: boolean } = { ok: 200, multiStatus: true },
): void {
  app.post(`/:fromType/:toType/batch/${op}`, async (c) => {
    const body = await readJson(c, pick);
    const out = run(p(c, 'fromType'), p(c, 'toType'), body);
    return out ? sendBatch(c, out, status.ok, status.multiStatus) : noContent(c);
  });
}

/**
 * Associations. HubSpot serves them under several bases (`/crm/v4/objects`,
 * `/crm/v4/associations`, `/crm/associations/v4`, `/crm/v3/associations`, `/crm/v3/objects`, and
 * the date-versioned `/crm/objects/{version}`, `/crm/associations/{version}`), so there is one
 * sub-app per base; each is relative to its mount and app.ts mounts it. What differs between the
 * v4 and the date-versioned families is an option (`ApiFamily`).
 */

/**
 * v4 associations of one record, at `/crm/v4/objects` (and `/crm/objects/{version}`):
 * `/{fromType}/{fromId}/associations/...`; the list only where the family has it.
 */
export function associationRecordRoutes(ctx: CrmContext, family: ApiFamily): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  const v4 = '/:fromType/:fromId/associations';
  app.put(`${v4}/default/:toType/:toId`, (c) =>
    sendJson(c, createDefault(ctx, p(c, 'fromType'), p(c, 'fromId'), p(c, 'toType'), p(c, 'toId'))),
  );
  if (family.recordAssociationList) {
    app.get(`${v4}/:toType`, (c) => {
      const after = c.req.query('after');
      const out = listV4(ctx, p(c, 'fromType'), p(c, 'fromId'), p(c, 'toType'), {
        limit: Math.max(1, queryInt(c, 'limit', ASSOCIATION_PAGE_SIZE, ASSOCIATION_PAGE_SIZE)),
        ...(after ? { after } : {}),
      });
      return sendJson(c, out);
    });
  }
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

/**
 * v4 batch associations, at `/crm/v4/associations` (and `/crm/associations/{version}`):
 * `/{fromType}/{toType}/batch/...`.
 */
export function associationBatchRoutes(ctx: CrmContext, family: ApiFamily): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  const multiStatus = family.multiStatus;
  /** Runs an archive: no answer (204) in v4, an empty batch response (200) where the family has one. */
  const archived = (archive: () => void) => {
    const started = ctx.clock.now();
    archive();
    return family.archiveAnswersBatch ? batchEnvelope(ctx, started, [], []) : undefined;
  };
  postBatch(app, 'read', (s) => s.v4BatchRead, (from, to, body) => batchReadV4(ctx, from, to, body.inputs), { ok: 200, multiStatus });
  postBatch(app, 'create', (s) => s.v4BatchCreate, (from, to, body) => batchCreateV4(ctx, from, to, body.inputs), {
    ok: family.associationCreateStatus,
    multiStatus,
  });
  // HubSpot answers 200 here even when some pairs failed
  app.post('/:fromType/:toType/batch/associate/default', async (c) => {
    const body = await readJson(c, (s) => s.v4BatchDefault);
    return sendJson(c, batchDefaultV4(ctx, p(c, 'fromType'), p(c, 'toType'), body.inputs));
  });
  postBatch(app, 'archive', (s) => s.v4BatchArchive, (from, to, body) => archived(() => batchArchiveV4(ctx, from, to, body.inputs)));
  postBatch(app, 'labels/archive', (s) => s.v4BatchCreate, (from, to, body) => archived(() => batchArchiveLabelsV4(ctx, from, to, body.inputs)));
  return app;
}

/**
 * Association labels: `/{fromType}/{toType}/labels`, at the legacy base the official client
 * calls (`/crm/v4/associations`), at the v4 spec's (`/crm/associations/v4`) and at the
 * date-versioned ones (`/crm/associations/{version}`); lists name the object type ids where the
 * family's schema has them (`labelTypeIds`).
 */
export function associationLabelRoutes(ctx: CrmContext, family: Pick<ApiFamily, 'labelTypeIds'>): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  const labels = '/:fromType/:toType/labels';
  app.get(labels, (c) => sendJson(c, listLabels(ctx, p(c, 'fromType'), p(c, 'toType'), family.labelTypeIds)));
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
  postBatch(app, 'create', (s) => s.v3BatchAssoc, (from, to, body) => batchCreateV3(ctx, from, to, body.inputs), { ok: 201, multiStatus: true });
  postBatch(app, 'read', (s) => s.v3BatchRead, (from, to, body) => batchReadV3(ctx, from, to, body.inputs));
  postBatch(app, 'archive', (s) => s.v3BatchAssoc, (from, to, body) => void batchArchiveV3(ctx, from, to, body.inputs));
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
