import type { ObjectTypeName, StoredObject } from '../store/types.js';
import { MockError, badRequest, internalError, objectNotFound, type ErrorDetail } from './errors.js';
import { OBJECT_TYPE_INFO } from './object-types.js';
import {
  createObject,
  findObject,
  updateObject,
  archiveObject,
  type AssociationInput,
  type CrmContext,
  type InputValue,
} from './objects.js';
import { objectToJson, type ObjectJson } from './to-json.js';
import { propertyCatalog } from './properties.js';
import { toIso } from './values.js';

const BATCH_MAX_INPUTS = 100;

/** HubSpot's StandardError, used for per-item failures in batch responses. */
export interface StandardError {
  status: string;
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: { message: string; code?: string; in?: string; context?: Record<string, string[]> }[];
  links: Record<string, string>;
}

export interface BatchResult<T> {
  status: 'COMPLETE';
  results: T[];
  errors?: StandardError[];
  numErrors?: number;
  requestedAt: string;
  startedAt: string;
  completedAt: string;
}

export function toStandardError(e: unknown, context: Record<string, string[]>): StandardError {
  if (e instanceof MockError) {
    return {
      status: 'error',
      category: e.category,
      message: e.message,
      context: { ...(e.context ?? {}), ...context },
      errors: (e.errors ?? []).map((d) => ({ ...d })),
      links: {},
    };
  }
  return { status: 'error', category: 'INTERNAL_ERROR', message: 'The item could not be processed.', context, errors: [], links: {} };
}

export function batchEnvelope<T>(ctx: CrmContext, startedAt: number, results: T[], errors: StandardError[]): BatchResult<T> {
  const now = ctx.clock.now();
  const out: BatchResult<T> = {
    status: 'COMPLETE',
    results,
    requestedAt: toIso(startedAt),
    startedAt: toIso(startedAt),
    completedAt: toIso(Math.max(now, startedAt)),
  };
  if (errors.length) {
    out.errors = errors;
    out.numErrors = errors.length;
  }
  return out;
}

export function checkBatchSize(n: number, max = BATCH_MAX_INPUTS): void {
  if (n > max) {
    throw badRequest(`Batch requests take at most ${max} inputs; got ${n}.`, [
      { message: `too many inputs (${n} > ${max})`, code: 'TOO_MANY_INPUTS', in: 'inputs' },
    ]);
  }
}

/** HubSpot rejects batch writes that name the same record twice. */
function checkDuplicateIds(inputs: { id: string }[]): void {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const { id } of inputs) (seen.has(id) ? dups : seen).add(id);
  if (dups.size) {
    throw badRequest(`Duplicate IDs found in batch input: [${[...dups].join(', ')}]. IDs must be unique.`, [
      { message: 'duplicate ids', code: 'DUPLICATE_IDS', in: 'inputs', context: { ids: [...dups] } },
    ]);
  }
}

export function batchRead(
  ctx: CrmContext,
  type: ObjectTypeName,
  input: { inputs: { id: string }[]; properties?: string[]; propertiesWithHistory?: string[]; idProperty?: string },
  archived: boolean,
): BatchResult<ObjectJson> {
  const started = ctx.clock.now();
  checkBatchSize(input.inputs.length);
  const results: ObjectJson[] = [];
  const missing: string[] = [];
  const seen = new Set<number>();
  for (const { id } of input.inputs) {
    const obj = findObject(ctx, type, id, { archived, ...(input.idProperty ? { idProperty: input.idProperty } : {}) });
    if (!obj) {
      if (!missing.includes(id)) missing.push(id);
      continue;
    }
    if (seen.has(obj.id)) continue;
    seen.add(obj.id);
    results.push(
      objectToJson(ctx, obj, {
        ...(input.properties ? { properties: input.properties } : {}),
        ...(input.propertiesWithHistory ? { propertiesWithHistory: input.propertiesWithHistory } : {}),
      }),
    );
  }
  const errors: StandardError[] = missing.length
    ? [
        {
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `Could not get some ${OBJECT_TYPE_INFO[type].upper} objects, they may be deleted or not exist. Check that ids are valid.`,
          context: { ids: missing },
          errors: [],
          links: {},
        },
      ]
    : [];
  return batchEnvelope(ctx, started, results, errors);
}

/** The refusal of a whole batch: the first bad input's status, category and message; every bad input named. */
function refusal(type: ObjectTypeName, failures: { key: Record<string, string[]>; error: MockError }[]): MockError {
  const first = failures[0]?.error;
  if (!first) return internalError();
  const context: Record<string, string[]> = {};
  const errors: ErrorDetail[] = [];
  for (const { key, error } of failures) {
    for (const [k, v] of Object.entries(key)) (context[k] ??= []).push(...v);
    const details = error.errors?.length ? error.errors : [{ message: error.message, code: error.category }];
    for (const d of details) errors.push({ ...d, context: { ...(d.context ?? {}), ...key } });
  }
  const message =
    first.category === 'OBJECT_NOT_FOUND'
      ? `Could not get some ${OBJECT_TYPE_INFO[type].upper} objects, they may be deleted or not exist. Check that ids are valid.`
      : first.message;
  return new MockError(first.status, first.category, message, { context, errors, ...(first.subCategory ? { subCategory: first.subCategory } : {}) });
}

/**
 * Runs `run` on every input. Atomic (HubSpot's way, the default): in one transaction, each input
 * in a savepoint so every bad one is found; one bad input refuses the whole batch (refusal) and
 * nothing is applied. Per item (`batchMode: 'per-item'`): each input on its own, bad ones reported
 * in `errors` (a 207) beside the results of the good ones. `key` names an input in errors.
 */
function runBatch<I, R>(
  ctx: CrmContext,
  type: ObjectTypeName,
  inputs: readonly I[],
  key: (item: I, index: number) => Record<string, string[]>,
  run: (item: I) => R,
): { results: R[]; errors: StandardError[] } {
  const results: R[] = [];
  if (ctx.batchMode === 'per-item') {
    const errors: StandardError[] = [];
    inputs.forEach((item, i) => {
      try {
        results.push(run(item));
      } catch (e) {
        errors.push(toStandardError(e, key(item, i)));
      }
    });
    return { results, errors };
  }
  return ctx.db.tx(() => {
    const failures: { key: Record<string, string[]>; error: MockError }[] = [];
    inputs.forEach((item, i) => {
      try {
        results.push(ctx.db.tx(() => run(item)));
      } catch (e) {
        if (!(e instanceof MockError)) throw e;
        failures.push({ key: key(item, i), error: e });
      }
    });
    if (failures.length) throw refusal(type, failures);
    return { results, errors: [] };
  });
}

export function batchCreate(
  ctx: CrmContext,
  type: ObjectTypeName,
  inputs: { properties: Record<string, InputValue>; associations?: AssociationInput[] }[],
): BatchResult<ObjectJson> {
  const started = ctx.clock.now();
  checkBatchSize(inputs.length);
  const { results, errors } = runBatch(
    ctx,
    type,
    inputs,
    (_, i) => ({ index: [String(i)] }),
    (item) => objectToJson(ctx, createObject(ctx, type, item), { properties: Object.keys(item.properties) }),
  );
  return batchEnvelope(ctx, started, results, errors);
}

export function batchUpdate(
  ctx: CrmContext,
  type: ObjectTypeName,
  inputs: { id: string; properties: Record<string, InputValue>; idProperty?: string }[],
): BatchResult<ObjectJson> {
  const started = ctx.clock.now();
  checkBatchSize(inputs.length);
  checkDuplicateIds(inputs);
  const { results, errors } = runBatch(
    ctx,
    type,
    inputs,
    (item) => ({ ids: [item.id] }),
    (item) => objectToJson(ctx, updateObject(ctx, type, item.id, item.properties, item.idProperty), { properties: Object.keys(item.properties) }),
  );
  return batchEnvelope(ctx, started, results, errors);
}

export function batchUpsert(
  ctx: CrmContext,
  type: ObjectTypeName,
  inputs: { id: string; properties: Record<string, InputValue>; idProperty?: string }[],
): BatchResult<ObjectJson & { new: boolean }> {
  const started = ctx.clock.now();
  checkBatchSize(inputs.length);
  checkDuplicateIds(inputs);
  const { results, errors } = runBatch(
    ctx,
    type,
    inputs,
    (item) => ({ ids: [item.id] }),
    (item) => {
      const idProperty = item.idProperty && item.idProperty !== 'hs_object_id' ? item.idProperty : undefined;
      const out = ctx.db.tx(() => {
        const existing: StoredObject | undefined = findObject(ctx, type, item.id, idProperty ? { idProperty } : {});
        if (existing) return { obj: updateObject(ctx, type, String(existing.id), item.properties), isNew: false };
        if (!idProperty) throw objectNotFound(item.id);
        if (!propertyCatalog(ctx.db, type).byName.get(idProperty)?.hasUniqueValue) throw objectNotFound(item.id);
        return { obj: createObject(ctx, type, { properties: { ...item.properties, [idProperty]: item.id } }), isNew: true };
      });
      return { ...objectToJson(ctx, out.obj, { properties: Object.keys(item.properties) }), new: out.isNew };
    },
  );
  return batchEnvelope(ctx, started, results, errors);
}

/**
 * Archives the inputs in one transaction. An id with no live record is skipped, in either batch
 * mode: HubSpot's archive is idempotent (a DELETE of a missing record answers 204), and this
 * endpoint's only answer is a 204 without a body, with nowhere to report a miss.
 */
export function batchArchive(ctx: CrmContext, type: ObjectTypeName, inputs: { id: string }[]): void {
  checkBatchSize(inputs.length);
  ctx.db.tx(() => {
    for (const { id } of inputs) archiveObject(ctx, type, id);
  });
}
