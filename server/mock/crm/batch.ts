import type { ObjectTypeName, StoredObject } from '../store/types.js';
import { MockError, badRequest, objectNotFound } from './errors.js';
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

export function batchCreate(
  ctx: CrmContext,
  type: ObjectTypeName,
  inputs: { properties: Record<string, InputValue>; associations?: AssociationInput[] }[],
): BatchResult<ObjectJson> {
  const started = ctx.clock.now();
  checkBatchSize(inputs.length);
  const results: ObjectJson[] = [];
  const errors: StandardError[] = [];
  inputs.forEach((item, i) => {
    try {
      results.push(objectToJson(ctx, createObject(ctx, type, item), { properties: Object.keys(item.properties) }));
    } catch (e) {
      errors.push(toStandardError(e, { index: [String(i)] }));
    }
  });
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
  const results: ObjectJson[] = [];
  const errors: StandardError[] = [];
  for (const item of inputs) {
    try {
      const obj = updateObject(ctx, type, item.id, item.properties, item.idProperty);
      results.push(objectToJson(ctx, obj, { properties: Object.keys(item.properties) }));
    } catch (e) {
      errors.push(toStandardError(e, { ids: [item.id] }));
    }
  }
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
  const results: (ObjectJson & { new: boolean })[] = [];
  const errors: StandardError[] = [];
  for (const item of inputs) {
    try {
      const idProperty = item.idProperty && item.idProperty !== 'hs_object_id' ? item.idProperty : undefined;
      const out = ctx.db.tx(() => {
        let existing: StoredObject | undefined = findObject(ctx, type, item.id, idProperty ? { idProperty } : {});
        if (existing) {
          existing = updateObject(ctx, type, String(existing.id), item.properties);
          return { obj: existing, isNew: false };
        }
        if (!idProperty) throw objectNotFound(item.id);
        if (!propertyCatalog(ctx.db, type).byName.get(idProperty)?.hasUniqueValue) throw objectNotFound(item.id);
        const created = createObject(ctx, type, { properties: { ...item.properties, [idProperty]: item.id } });
        return { obj: created, isNew: true };
      });
      results.push({ ...objectToJson(ctx, out.obj, { properties: Object.keys(item.properties) }), new: out.isNew });
    } catch (e) {
      errors.push(toStandardError(e, { ids: [item.id] }));
    }
  }
  return batchEnvelope(ctx, started, results, errors);
}

export function batchArchive(ctx: CrmContext, type: ObjectTypeName, inputs: { id: string }[]): void {
  checkBatchSize(inputs.length);
  ctx.db.tx(() => {
    for (const { id } of inputs) archiveObject(ctx, type, id);
  });
}
