/**
 * `/api/journal`: the bulk-change journal (server/store/journal.ts) and the missed calls marked handled.
 *
 * Who: the signed-in user when the server has ADMIN_PASSWORD (basic auth proves the name), else the `actor`
 * the client sends (a name typed in the browser, unverified), else "local user".
 *
 * A change of 10,000 calls is ~2 MB of JSON: it is sent in chunks of at most 1,000 records (the entry with
 * the first chunk, then POST /:id/records), each body at most 1 MB.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppDb } from '../store/connection.ts';
import {
  appendRecords,
  createEntry,
  getEntry,
  JournalStateError,
  listEntries,
  listHandled,
  listRecords,
  markHandled,
  reportResults,
  reportUndo,
  unmarkHandled,
} from '../store/journal.ts';
import { ApiError, errorBody, NO_STORE, readJson } from './http.ts';

/** The paths journalRoutes answers under /api (they set their own body limit). */
export const JOURNAL_PREFIX_TEST = /^\/api\/journal(?:\/|$)/;
const JOURNAL_MAX_BODY_BYTES = 1024 * 1024;
const MAX_RECORDS_PER_REQUEST = 1000;
const LOCAL_USER = 'local user';
const PAGE_DEFAULT = 50;
const PAGE_MAX = 1000;

const KINDS = ['outcome', 'owner', 'associations', 'archive', 'duplicate-merge', 'properties'] as const;

const callId = z.string().regex(/^\d{1,20}$/, 'Call ids are HubSpot record ids (digits).');
const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .regex(/^[^\p{Cc}]*$/u, `${what} cannot contain control characters.`)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, `${what} cannot be empty.`).max(max, `${what} is at most ${max} characters.`));
const actor = text(80, 'actor').optional();
const values = z
  .record(z.string().min(1).max(100), z.union([z.string().max(65_536), z.null(), z.array(z.string().max(100)).max(1000)]))
  .refine((v) => Object.keys(v).length <= 100, 'At most 100 values per call.');
const record = z.strictObject({ callId, before: values, after: values });
const records = z.array(record).max(MAX_RECORDS_PER_REQUEST, `Send at most ${MAX_RECORDS_PER_REQUEST} records per request; add the rest with POST /api/journal/{id}/records.`);

const createInput = z.strictObject({ kind: z.enum(KINDS), summary: text(500, 'summary'), actor, records: records.default([]) });
const appendInput = z.strictObject({ records: records.min(1, 'Send at least one record.') });
const resultsInput = z.strictObject({
  results: z.array(z.strictObject({ callId, result: z.enum(['applied', 'failed']), error: text(2000, 'error').optional() })).max(MAX_RECORDS_PER_REQUEST),
  finished: z.boolean().default(false),
});
const undoInput = z.strictObject({
  actor,
  results: z.array(z.strictObject({ callId, result: z.enum(['undone', 'skipped', 'failed']), reason: text(2000, 'reason').optional() })).max(MAX_RECORDS_PER_REQUEST),
  finished: z.boolean().default(false),
});
const handledInput = z.strictObject({ callIds: z.array(callId).min(1).max(MAX_RECORDS_PER_REQUEST), note: text(500, 'note').optional(), actor });

function pageSize(raw: string | undefined): number {
  if (raw === undefined) return PAGE_DEFAULT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > PAGE_MAX) throw new ApiError(400, 'VALIDATION_ERROR', `limit must be a whole number from 1 to ${PAGE_MAX}.`, [{ message: 'Out of range.', in: 'limit' }]);
  return n;
}

function notFound(id: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `There is no journal entry ${JSON.stringify(id)}.`);
}

/** Runs a journal write; a write the entry's state refuses is a 409. */
function guarded<T>(write: () => T | undefined, id: string): T {
  let result: T | undefined;
  try {
    result = write();
  } catch (error) {
    if (error instanceof JournalStateError) throw new ApiError(409, 'CONFLICT', error.message);
    throw error;
  }
  if (result === undefined) throw notFound(id);
  return result;
}

/** `authUser`: the basic-auth user name when the server requires a password. */
export function journalRoutes(db: AppDb, opts: { authUser?: string } = {}): Hono {
  const who = (claimed: string | undefined) => opts.authUser ?? claimed ?? LOCAL_USER;
  const app = new Hono();
  app.use(
    '*',
    bodyLimit({
      maxSize: JOURNAL_MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody('PAYLOAD_TOO_LARGE', `Journal requests are limited to ${JOURNAL_MAX_BODY_BYTES} bytes: send records in chunks of at most ${MAX_RECORDS_PER_REQUEST}.`), 413, NO_STORE),
    }),
  );

  app.get('/', (c) => {
    const limit = pageSize(c.req.query('limit'));
    const before = c.req.query('before');
    const results = listEntries(db, { limit, ...(before ? { before } : {}) });
    const last = results.at(-1);
    return c.json({ results, ...(results.length === limit && last ? { paging: { next: { before: last.id } } } : {}) }, 200, NO_STORE);
  });

  app.post('/', async (c) => {
    const input = await readJson(c, createInput);
    const entry = createEntry(db, { kind: input.kind, summary: input.summary, actor: who(input.actor), records: input.records });
    return c.json(entry, 201, { ...NO_STORE, location: `/api/journal/${entry.id}` });
  });

  app.get('/handled', (c) => c.json({ results: listHandled(db) }, 200, NO_STORE));
  app.post('/handled', async (c) => {
    const input = await readJson(c, handledInput);
    return c.json({ results: markHandled(db, { callIds: input.callIds, actor: who(input.actor), note: input.note ?? null }) }, 201, NO_STORE);
  });
  app.delete('/handled/:callId', (c) => {
    if (!unmarkHandled(db, c.req.param('callId'))) throw new ApiError(404, 'NOT_FOUND', `Call ${JSON.stringify(c.req.param('callId'))} is not marked handled.`);
    return c.body(null, 204, NO_STORE);
  });

  app.get('/:id', (c) => {
    const entry = getEntry(db, c.req.param('id'));
    if (!entry) throw notFound(c.req.param('id'));
    return c.json(entry, 200, NO_STORE);
  });

  app.get('/:id/records', (c) => {
    const id = c.req.param('id');
    if (!getEntry(db, id)) throw notFound(id);
    const limit = pageSize(c.req.query('limit') ?? String(PAGE_MAX));
    const after = c.req.query('after');
    const results = listRecords(db, id, { limit, ...(after ? { after } : {}) });
    const last = results.at(-1);
    return c.json({ results, ...(results.length === limit && last ? { paging: { next: { after: last.callId } } } : {}) }, 200, NO_STORE);
  });

  app.post('/:id/records', async (c) => {
    const id = c.req.param('id');
    const input = await readJson(c, appendInput);
    return c.json(guarded(() => appendRecords(db, id, input.records), id), 200, NO_STORE);
  });

  app.post('/:id/results', async (c) => {
    const id = c.req.param('id');
    const input = await readJson(c, resultsInput);
    return c.json(guarded(() => reportResults(db, id, input), id), 200, NO_STORE);
  });

  app.post('/:id/undo', async (c) => {
    const id = c.req.param('id');
    const input = await readJson(c, undoInput);
    return c.json(guarded(() => reportUndo(db, id, { actor: who(input.actor), results: input.results, finished: input.finished }), id), 200, NO_STORE);
  });
  return app;
}
