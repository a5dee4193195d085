import type { AssociationLabelDef, ObjectTypeName, StoredObject } from '../store/types.js';
import { batchEnvelope, checkBatchSize, toStandardError, type BatchResult, type StandardError } from './batch.js';
import { badRequest, objectNotFound } from './errors.js';
import { OBJECT_TYPE_INFO, requireTypes } from './object-types.js';
import { afterIdOf, associate, unpinCall, defaultLabelDef, encodeCursor, findObject, type CrmContext } from './objects.js';

export interface AssociationSpec {
  associationCategory: string;
  associationTypeId: number;
}

export interface SpecWithLabel {
  category: string;
  typeId: number;
  label?: string;
}

export interface MultiAssociated {
  toObjectId: string;
  associationTypes: SpecWithLabel[];
}

export function requireLive(ctx: CrmContext, type: ObjectTypeName, id: string): StoredObject {
  const obj = findObject(ctx, type, id);
  if (!obj) throw objectNotFound(id);
  return obj;
}

export function specWithLabel(def: AssociationLabelDef | undefined, category: string, typeId: number): SpecWithLabel {
  return { category, typeId, ...(def?.label ? { label: def.label } : {}) };
}

export function labelIndex(ctx: CrmContext, from: ObjectTypeName, to: ObjectTypeName): Map<string, AssociationLabelDef> {
  return new Map(ctx.db.labels(from, to).map((d) => [`${d.category}:${d.typeId}`, d]));
}

/** Live associations of one record to a type, grouped by target. */
function groupedAssociations(ctx: CrmContext, from: StoredObject, toType: ObjectTypeName): MultiAssociated[] {
  const defs = labelIndex(ctx, from.type, toType);
  const out: MultiAssociated[] = [];
  let current: MultiAssociated | undefined;
  for (const r of ctx.db.associationsOf(from.id, toType)) {
    const toObjectId = String(r.toId);
    if (!current || current.toObjectId !== toObjectId) {
      current = { toObjectId, associationTypes: [] };
      out.push(current);
    }
    current.associationTypes.push(specWithLabel(defs.get(`${r.category}:${r.typeId}`), r.category, r.typeId));
  }
  return out;
}

/** HubSpot's one error entry for the ids of a batch read that name no live record (none when all do). */
export function notFoundErrors(type: ObjectTypeName, missing: string[]): StandardError[] {
  return missing.length
    ? [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Could not find some ${OBJECT_TYPE_INFO[type].upper} objects.`, context: { ids: missing }, errors: [], links: {} }]
    : [];
}

/** Runs `write` for each pair of a batch: a pair that fails becomes an error entry naming it, the others go on. */
export function eachPair<I extends { from: { id: string }; to: { id: string } }, R>(
  ctx: CrmContext,
  started: number,
  inputs: I[],
  write: (item: I, i: number) => R[],
): BatchResult<R> {
  const results: R[] = [];
  const errors: StandardError[] = [];
  inputs.forEach((item, i) => {
    try {
      results.push(...write(item, i));
    } catch (e) {
      errors.push(toStandardError(e, { index: [String(i)], fromId: [item.from.id], toId: [item.to.id] }));
    }
  });
  return batchEnvelope(ctx, started, results, errors);
}

/**
 * Removes the associations between two records (all of them, or those of `defs`) and the pins
 * that lost theirs. Ids that are not numbers name no record: nothing to remove.
 */
export function removePair(
  ctx: CrmContext,
  fromType: ObjectTypeName,
  fromId: string,
  toType: ObjectTypeName,
  toId: string,
  defs?: AssociationLabelDef[],
): void {
  const a = Number(fromId);
  const b = Number(toId);
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return;
  ctx.db.removeAssociations(fromType, a, toType, b, defs);
  // A pin must name an associated call: drop pins that lost their association.
  if (fromType === 'calls' && toType !== 'calls') unpinCall(ctx, a, b);
  else if (toType === 'calls' && fromType !== 'calls') unpinCall(ctx, b, a);
}

// ---- v4 -------------------------------------------------------------------------------------------

/**
 * Associations per input in one page of a v4 batch read (`POST .../{from}/{to}/batch/read`). HubSpot documents
 * that the batch read pages per input (a result carries `paging.next.after` only when that record has more; asked
 * again with `{id, after}`) but not the page size. Its per-record list (`GET /crm/v4/objects/.../associations/{to}`)
 * documents "Limit 500 per call" (limit default 500), and 500 is the size integrators cite for associations; so 500
 * is chosen here. Clients must not rely on the size: they follow `paging` whatever it is.
 */
export const ASSOCIATION_PAGE_SIZE = 500;

interface AssociationPage {
  to: MultiAssociated[];
  paging?: { next: { after: string } };
}

/**
 * One page of a record's associations (ordered by target id) after the cursor `after`, and the cursor to the
 * rest when more remain. The cursor is opaque (encodeCursor of the page's last target id); one this mock did not
 * give is HubSpot's 400 VALIDATION_ERROR. No `link`: the spec calls it deprecated, to be ignored.
 */
function pageOf(all: MultiAssociated[], after: string | undefined, limit: number): AssociationPage {
  const afterId = afterIdOf(after);
  const rest = afterId ? all.filter((a) => Number(a.toObjectId) > afterId) : all;
  if (rest.length <= limit) return { to: rest };
  const to = rest.slice(0, limit);
  const last = to[to.length - 1];
  return last ? { to, paging: { next: { after: encodeCursor(Number(last.toObjectId)) } } } : { to };
}

export function listV4(
  ctx: CrmContext,
  fromTypeRaw: string,
  fromId: string,
  toTypeRaw: string,
  opts: { after?: string; limit: number },
): { results: MultiAssociated[]; paging?: { next: { after: string } } } {
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  const from = requireLive(ctx, fromType, fromId);
  const page = pageOf(groupedAssociations(ctx, from, toType), opts.after, opts.limit);
  return page.paging ? { results: page.to, paging: page.paging } : { results: page.to };
}

function resolveSpecs(ctx: CrmContext, fromType: ObjectTypeName, toType: ObjectTypeName, specs: AssociationSpec[], where: string): AssociationLabelDef[] {
  const defs = labelIndex(ctx, fromType, toType);
  return specs.map((s, i) => {
    const def = defs.get(`${s.associationCategory}:${s.associationTypeId}`);
    if (!def) {
      throw badRequest(`${s.associationCategory} association type ${s.associationTypeId} does not exist between ${fromType} and ${toType}.`, [
        { message: `invalid association type ${s.associationTypeId}`, code: 'INVALID_ASSOCIATION_TYPE', in: `${where}[${i}]`, context: { associationTypeId: [String(s.associationTypeId)] } },
      ]);
    }
    return def;
  });
}

export interface LabelsBetween {
  fromObjectTypeId: string;
  fromObjectId: string;
  toObjectTypeId: string;
  toObjectId: string;
  labels: string[];
}

function labelsBetween(ctx: CrmContext, from: StoredObject, to: StoredObject): LabelsBetween {
  const defs = labelIndex(ctx, from.type, to.type);
  const labels: string[] = [];
  for (const r of ctx.db.associationsBetween(from.id, to.type, to.id)) {
    const l = defs.get(`${r.category}:${r.typeId}`)?.label;
    if (l && !labels.includes(l)) labels.push(l);
  }
  return {
    fromObjectTypeId: OBJECT_TYPE_INFO[from.type].typeId,
    fromObjectId: String(from.id),
    toObjectTypeId: OBJECT_TYPE_INFO[to.type].typeId,
    toObjectId: String(to.id),
    labels,
  };
}

export function createLabelled(
  ctx: CrmContext,
  fromTypeRaw: string,
  fromId: string,
  toTypeRaw: string,
  toId: string,
  specs: AssociationSpec[],
): LabelsBetween {
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  return ctx.db.tx(() => {
    const from = requireLive(ctx, fromType, fromId);
    const to = requireLive(ctx, toType, toId);
    if (!specs.length) throw badRequest('At least one association type is required.', [{ message: 'empty body', code: 'REQUIRED', in: 'body' }]);
    for (const def of resolveSpecs(ctx, fromType, toType, specs, 'body')) associate(ctx, from, to, def);
    return labelsBetween(ctx, from, to);
  });
}

export interface DefaultAssociation {
  from: { id: string };
  to: { id: string };
  associationSpec: AssociationSpec;
}

/** Associates two records with their default type, in one transaction; the entries of both directions. */
function createDefaultPair(ctx: CrmContext, fromType: ObjectTypeName, fromId: string, toType: ObjectTypeName, toId: string): DefaultAssociation[] {
  return ctx.db.tx(() => {
    const from = requireLive(ctx, fromType, fromId);
    const to = requireLive(ctx, toType, toId);
    const def = defaultLabelDef(ctx, from.type, to.type);
    if (!def) throw badRequest(`No default association type exists between ${from.type} and ${to.type}.`, [{ message: 'no default association', code: 'INVALID_ASSOCIATION_TYPE' }]);
    associate(ctx, from, to, def);
    return [
      { from: { id: String(from.id) }, to: { id: String(to.id) }, associationSpec: { associationCategory: def.category, associationTypeId: def.typeId } },
      { from: { id: String(to.id) }, to: { id: String(from.id) }, associationSpec: { associationCategory: def.category, associationTypeId: def.inverseTypeId } },
    ];
  });
}

export function createDefault(
  ctx: CrmContext,
  fromTypeRaw: string,
  fromId: string,
  toTypeRaw: string,
  toId: string,
): BatchResult<DefaultAssociation> {
  const started = ctx.clock.now();
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  const results = createDefaultPair(ctx, fromType, fromId, toType, toId);
  return batchEnvelope(ctx, started, results, []);
}

export function archivePair(ctx: CrmContext, fromTypeRaw: string, fromId: string, toTypeRaw: string, toId: string): void {
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  ctx.db.tx(() => removePair(ctx, fromType, fromId, toType, toId));
}

/**
 * v4 batch read: each input's associations, one page each (`ctx.associationPageSize`, default HubSpot's
 * ASSOCIATION_PAGE_SIZE) from the input's `after`; at most 1000 inputs (HubSpot's changelog "Batch Read Limit for
 * HubSpot Associations API", from 2025-02-10). An id named twice is read once, from its first input.
 */
export function batchReadV4(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  inputs: { id: string; after?: string }[],
): BatchResult<{ from: { id: string } } & AssociationPage> {
  const started = ctx.clock.now();
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  checkBatchSize(inputs.length, 1000);
  const limit = ctx.associationPageSize ?? ASSOCIATION_PAGE_SIZE;
  const results: ({ from: { id: string } } & AssociationPage)[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const { id, after } of inputs) {
    if (seen.has(id)) continue;
    seen.add(id);
    const from = findObject(ctx, fromType, id);
    if (!from) {
      missing.push(id);
      continue;
    }
    results.push({ from: { id: String(from.id) }, ...pageOf(groupedAssociations(ctx, from, toType), after, limit) });
  }
  return batchEnvelope(ctx, started, results, notFoundErrors(fromType, missing));
}

export function batchCreateV4(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  inputs: { from: { id: string }; to: { id: string }; types: AssociationSpec[] }[],
): BatchResult<LabelsBetween> {
  const started = ctx.clock.now();
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  checkBatchSize(inputs.length, 2000);
  return eachPair(ctx, started, inputs, (item) => [createLabelled(ctx, fromType, item.from.id, toType, item.to.id, item.types)]);
}

export function batchDefaultV4(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  inputs: { from: { id: string }; to: { id: string } }[],
): BatchResult<DefaultAssociation> {
  const started = ctx.clock.now();
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  return eachPair(ctx, started, inputs, (item) => createDefaultPair(ctx, fromType, item.from.id, toType, item.to.id));
}

export function batchArchiveV4(ctx: CrmContext, fromTypeRaw: string, toTypeRaw: string, inputs: { from: { id: string }; to: { id: string }[] }[]): void {
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  ctx.db.tx(() => {
    for (const item of inputs) for (const to of item.to) removePair(ctx, fromType, item.from.id, toType, to.id);
  });
}

export function batchArchiveLabelsV4(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  inputs: { from: { id: string }; to: { id: string }; types: AssociationSpec[] }[],
): void {
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  ctx.db.tx(() => {
    inputs.forEach((item, i) => {
      const defs = resolveSpecs(ctx, fromType, toType, item.types, `inputs[${i}].types`);
      removePair(ctx, fromType, item.from.id, toType, item.to.id, defs);
    });
  });
}
