import type { AssociationLabelDef, ObjectTypeName, StoredObject } from '../store/types.js';
import { batchEnvelope, checkBatchSize, toStandardError, type BatchResult, type StandardError } from './batch.js';
import { MockError, badRequest, objectNotFound } from './errors.js';
import { OBJECT_TYPE_INFO, resolveObjectType } from './object-types.js';
import {
  associate,
  associationTypeName,
  unpinCall,
  decodeCursor,
  defaultLabelDef,
  encodeCursor,
  findObject,
  type CrmContext,
} from './objects.js';
import { objectToJson, type ObjectJson } from './to-json.js';

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

export function requireType(raw: string): ObjectTypeName {
  const t = resolveObjectType(raw);
  if (!t) {
    throw new MockError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${raw}`, {
      errors: [{ message: `Unknown object type ${raw}`, code: 'INVALID_OBJECT_TYPE', in: 'objectType', context: { objectType: [raw] } }],
    });
  }
  return t;
}

function requireLive(ctx: CrmContext, type: ObjectTypeName, id: string): StoredObject {
  const obj = findObject(ctx, type, id);
  if (!obj) throw objectNotFound(id);
  return obj;
}

function specWithLabel(def: AssociationLabelDef | undefined, category: string, typeId: number): SpecWithLabel {
  return { category, typeId, ...(def?.label ? { label: def.label } : {}) };
}

function labelIndex(ctx: CrmContext, from: ObjectTypeName, to: ObjectTypeName): Map<string, AssociationLabelDef> {
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

// ---- v4 -------------------------------------------------------------------------------------------

export function listV4(
  ctx: CrmContext,
  fromTypeRaw: string,
  fromId: string,
  toTypeRaw: string,
  opts: { after?: string; limit: number },
): { results: MultiAssociated[]; paging?: { next: { after: string } } } {
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  const from = requireLive(ctx, fromType, fromId);
  let all = groupedAssociations(ctx, from, toType);
  if (opts.after) {
    const afterId = decodeCursor(opts.after);
    if (afterId === undefined) throw badRequest(`Invalid paging cursor: ${opts.after}`, [{ message: 'invalid after', code: 'INVALID_AFTER', in: 'after' }]);
    all = all.filter((a) => Number(a.toObjectId) > afterId);
  }
  if (all.length > opts.limit) {
    const page = all.slice(0, opts.limit);
    const last = page[page.length - 1];
    return last ? { results: page, paging: { next: { after: encodeCursor(Number(last.toObjectId)) } } } : { results: page };
  }
  return { results: all };
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
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
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

function createDefaultPair(ctx: CrmContext, from: StoredObject, to: StoredObject): DefaultAssociation[] {
  const def = defaultLabelDef(ctx, from.type, to.type);
  if (!def) throw badRequest(`No default association type exists between ${from.type} and ${to.type}.`, [{ message: 'no default association', code: 'INVALID_ASSOCIATION_TYPE' }]);
  associate(ctx, from, to, def);
  return [
    { from: { id: String(from.id) }, to: { id: String(to.id) }, associationSpec: { associationCategory: def.category, associationTypeId: def.typeId } },
    { from: { id: String(to.id) }, to: { id: String(from.id) }, associationSpec: { associationCategory: def.category, associationTypeId: def.inverseTypeId } },
  ];
}

export function createDefault(
  ctx: CrmContext,
  fromTypeRaw: string,
  fromId: string,
  toTypeRaw: string,
  toId: string,
): BatchResult<DefaultAssociation> {
  const started = ctx.clock.now();
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  const results = ctx.db.tx(() => createDefaultPair(ctx, requireLive(ctx, fromType, fromId), requireLive(ctx, toType, toId)));
  return batchEnvelope(ctx, started, results, []);
}

export function archivePair(ctx: CrmContext, fromTypeRaw: string, fromId: string, toTypeRaw: string, toId: string): void {
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  const a = Number(fromId);
  const b = Number(toId);
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return;
  ctx.db.tx(() => {
    ctx.db.removeAssociations(fromType, a, toType, b);
    afterUnassociate(ctx, fromType, a, toType, b);
  });
}

/** A pin must name an associated call: drop pins that lost their association. */
function afterUnassociate(ctx: CrmContext, fromType: ObjectTypeName, fromId: number, toType: ObjectTypeName, toId: number): void {
  if (fromType === 'calls' && toType !== 'calls') unpinCall(ctx, fromId, toId);
  else if (toType === 'calls' && fromType !== 'calls') unpinCall(ctx, toId, fromId);
}

export function batchReadV4(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  inputs: { id: string; after?: string }[],
): BatchResult<{ from: { id: string }; to: MultiAssociated[]; paging?: { next: { after: string } } }> {
  const started = ctx.clock.now();
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  checkBatchSize(inputs.length, 1000);
  const results: { from: { id: string }; to: MultiAssociated[] }[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const { id } of inputs) {
    if (seen.has(id)) continue;
    seen.add(id);
    const from = findObject(ctx, fromType, id);
    if (!from) {
      missing.push(id);
      continue;
    }
    results.push({ from: { id: String(from.id) }, to: groupedAssociations(ctx, from, toType) });
  }
  const errors: StandardError[] = missing.length
    ? [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Could not find some ${OBJECT_TYPE_INFO[fromType].upper} objects.`, context: { ids: missing }, errors: [], links: {} }]
    : [];
  return batchEnvelope(ctx, started, results, errors);
}

export function batchCreateV4(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  inputs: { from: { id: string }; to: { id: string }; types: AssociationSpec[] }[],
): BatchResult<LabelsBetween> {
  const started = ctx.clock.now();
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  checkBatchSize(inputs.length, 2000);
  const results: LabelsBetween[] = [];
  const errors: StandardError[] = [];
  inputs.forEach((item, i) => {
    try {
      results.push(createLabelled(ctx, fromType, item.from.id, toType, item.to.id, item.types));
    } catch (e) {
      errors.push(toStandardError(e, { index: [String(i)], fromId: [item.from.id], toId: [item.to.id] }));
    }
  });
  return batchEnvelope(ctx, started, results, errors);
}

export function batchDefaultV4(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  inputs: { from: { id: string }; to: { id: string } }[],
): BatchResult<DefaultAssociation> {
  const started = ctx.clock.now();
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  const results: DefaultAssociation[] = [];
  const errors: StandardError[] = [];
  inputs.forEach((item, i) => {
    try {
      results.push(
        ...ctx.db.tx(() => createDefaultPair(ctx, requireLive(ctx, fromType, item.from.id), requireLive(ctx, toType, item.to.id))),
      );
    } catch (e) {
      errors.push(toStandardError(e, { index: [String(i)], fromId: [item.from.id], toId: [item.to.id] }));
    }
  });
  return batchEnvelope(ctx, started, results, errors);
}

export function batchArchiveV4(ctx: CrmContext, fromTypeRaw: string, toTypeRaw: string, inputs: { from: { id: string }; to: { id: string }[] }[]): void {
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  ctx.db.tx(() => {
    for (const item of inputs) for (const to of item.to) archivePair(ctx, fromType, item.from.id, toType, to.id);
  });
}

export function batchArchiveLabelsV4(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  inputs: { from: { id: string }; to: { id: string }; types: AssociationSpec[] }[],
): void {
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  ctx.db.tx(() => {
    inputs.forEach((item, i) => {
      const defs = resolveSpecs(ctx, fromType, toType, item.types, `inputs[${i}].types`);
      const a = Number(item.from.id);
      const b = Number(item.to.id);
      if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return;
      ctx.db.removeAssociations(fromType, a, toType, b, defs.map((d) => ({ category: d.category, typeId: d.typeId, inverseTypeId: d.inverseTypeId })));
      afterUnassociate(ctx, fromType, a, toType, b);
    });
  });
}

// ---- labels (association definitions) ---------------------------------------------------------

export function listLabels(ctx: CrmContext, fromTypeRaw: string, toTypeRaw: string, withTypeIds: boolean): { results: (SpecWithLabel & { fromObjectTypeId?: string; toObjectTypeId?: string })[] } {
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  return {
    results: ctx.db.labels(fromType, toType).map((d) => ({
      ...specWithLabel(d, d.category, d.typeId),
      ...(withTypeIds ? { fromObjectTypeId: OBJECT_TYPE_INFO[fromType].typeId, toObjectTypeId: OBJECT_TYPE_INFO[toType].typeId } : {}),
    })),
  };
}

export function createLabel(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  body: { name: string; label: string; inverseLabel?: string | undefined },
): { results: SpecWithLabel[] } {
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  return ctx.db.tx(() => {
    if (ctx.db.labels(fromType, toType).some((d) => d.name === body.name)) {
      throw new MockError(409, 'CONFLICT', `An association label named ${body.name} already exists.`, {
        errors: [{ message: 'duplicate label name', code: 'CONFLICT', in: 'name', context: { name: [body.name] } }],
      });
    }
    const base = Math.max(1000, ctx.db.maxLabelTypeId()) + 1;
    const typeId = base;
    const inverseId = fromType === toType && !body.inverseLabel ? base : base + 1;
    ctx.db.putLabel({ fromType, toType, category: 'USER_DEFINED', typeId, name: body.name, label: body.label, inverseTypeId: inverseId });
    if (!(fromType === toType && inverseId === typeId)) {
      ctx.db.putLabel({
        fromType: toType,
        toType: fromType,
        category: 'USER_DEFINED',
        typeId: inverseId,
        name: `${body.name}_inverse`,
        label: body.inverseLabel ?? body.label,
        inverseTypeId: typeId,
      });
    }
    return {
      results: [
        { category: 'USER_DEFINED', typeId, label: body.label },
        ...(inverseId !== typeId ? [{ category: 'USER_DEFINED', typeId: inverseId, label: body.inverseLabel ?? body.label }] : []),
      ],
    };
  });
}

function userLabel(ctx: CrmContext, fromType: ObjectTypeName, toType: ObjectTypeName, typeId: number): AssociationLabelDef {
  const def = ctx.db.labels(fromType, toType).find((d) => d.typeId === typeId);
  if (!def) throw new MockError(404, 'OBJECT_NOT_FOUND', `Association type ${typeId} does not exist between ${fromType} and ${toType}.`, { context: { associationTypeId: [String(typeId)] } });
  if (def.category !== 'USER_DEFINED') {
    throw badRequest(`Association type ${typeId} is HubSpot-defined and cannot be changed.`, [
      { message: 'only USER_DEFINED labels can be changed', code: 'READ_ONLY_VALUE', in: 'associationTypeId', context: { associationTypeId: [String(typeId)] } },
    ]);
  }
  return def;
}

export function updateLabel(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  body: { associationTypeId: number; label: string; inverseLabel?: string | undefined },
): void {
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  ctx.db.tx(() => {
    const def = userLabel(ctx, fromType, toType, body.associationTypeId);
    ctx.db.putLabel({ ...def, label: body.label });
    if (body.inverseLabel !== undefined && def.inverseTypeId !== def.typeId) {
      const inv = ctx.db.labels(toType, fromType).find((d) => d.typeId === def.inverseTypeId);
      if (inv) ctx.db.putLabel({ ...inv, label: body.inverseLabel });
    }
  });
}

export function deleteLabel(ctx: CrmContext, fromTypeRaw: string, toTypeRaw: string, typeIdRaw: string): void {
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  const typeId = Number(typeIdRaw);
  if (!Number.isSafeInteger(typeId)) throw badRequest(`Invalid association type id ${typeIdRaw}.`, [{ message: 'not a number', code: 'INVALID_INTEGER', in: 'associationTypeId' }]);
  ctx.db.tx(() => {
    const def = userLabel(ctx, fromType, toType, typeId);
    ctx.db.deleteLabel(fromType, toType, def.category, def.typeId);
    if (def.inverseTypeId !== def.typeId) ctx.db.deleteLabel(toType, fromType, def.category, def.inverseTypeId);
  });
}

// ---- v3 -------------------------------------------------------------------------------------------

export function typesV3(ctx: CrmContext, fromTypeRaw: string, toTypeRaw: string): { results: { id: string; name: string }[] } {
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  return { results: ctx.db.labels(fromType, toType).map((d) => ({ id: String(d.typeId), name: associationTypeName(d, fromType, toType) })) };
}

/** Resolves a v3 association type given as a name ("call_to_contact") or numeric id. */
function resolveV3Type(ctx: CrmContext, fromType: ObjectTypeName, toType: ObjectTypeName, raw: string, where: string): AssociationLabelDef {
  const defs = ctx.db.labels(fromType, toType);
  const byName = defs.find((d) => associationTypeName(d, fromType, toType) === raw.toLowerCase());
  const n = Number(raw);
  const byId = Number.isSafeInteger(n) ? defs.find((d) => d.typeId === n) : undefined;
  const def = byName ?? byId;
  if (!def) {
    throw badRequest(`${raw} is not a valid association type between ${fromType} and ${toType}.`, [
      { message: `invalid association type ${raw}`, code: 'INVALID_ASSOCIATION_TYPE', in: where, context: { associationType: [raw] } },
    ]);
  }
  return def;
}

export function putV3(
  ctx: CrmContext,
  typeRaw: string,
  id: string,
  toTypeRaw: string,
  toId: string,
  assocType: string,
): ObjectJson {
  const fromType = requireType(typeRaw);
  const toType = requireType(toTypeRaw);
  return ctx.db.tx(() => {
    const from = requireLive(ctx, fromType, id);
    const to = requireLive(ctx, toType, toId);
    associate(ctx, from, to, resolveV3Type(ctx, fromType, toType, assocType, 'associationType'));
    const fresh = findObject(ctx, fromType, id) ?? from;
    return objectToJson(ctx, fresh, { associations: [toType] });
  });
}

export function deleteV3(ctx: CrmContext, typeRaw: string, id: string, toTypeRaw: string, toId: string, assocType: string): void {
  const fromType = requireType(typeRaw);
  const toType = requireType(toTypeRaw);
  ctx.db.tx(() => {
    const def = resolveV3Type(ctx, fromType, toType, assocType, 'associationType');
    const a = Number(id);
    const b = Number(toId);
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return;
    ctx.db.removeAssociations(fromType, a, toType, b, [{ category: def.category, typeId: def.typeId, inverseTypeId: def.inverseTypeId }]);
    afterUnassociate(ctx, fromType, a, toType, b);
  });
}

export function listV3(ctx: CrmContext, typeRaw: string, id: string, toTypeRaw: string): { results: { id: string; type: string }[] } {
  const fromType = requireType(typeRaw);
  const toType = requireType(toTypeRaw);
  const from = requireLive(ctx, fromType, id);
  const defs = labelIndex(ctx, fromType, toType);
  return {
    results: ctx.db.associationsOf(from.id, toType).map((r) => ({
      id: String(r.toId),
      type: associationTypeName(defs.get(`${r.category}:${r.typeId}`), fromType, toType),
    })),
  };
}

export function batchCreateV3(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  inputs: { from: { id: string }; to: { id: string }; type: string }[],
): BatchResult<{ from: { id: string }; to: { id: string }; type: string }> {
  const started = ctx.clock.now();
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  const results: { from: { id: string }; to: { id: string }; type: string }[] = [];
  const errors: StandardError[] = [];
  inputs.forEach((item, i) => {
    try {
      ctx.db.tx(() => {
        const def = resolveV3Type(ctx, fromType, toType, item.type, `inputs[${i}].type`);
        associate(ctx, requireLive(ctx, fromType, item.from.id), requireLive(ctx, toType, item.to.id), def);
        results.push({ from: { id: item.from.id }, to: { id: item.to.id }, type: associationTypeName(def, fromType, toType) });
      });
    } catch (e) {
      errors.push(toStandardError(e, { index: [String(i)], fromId: [item.from.id], toId: [item.to.id] }));
    }
  });
  return batchEnvelope(ctx, started, results, errors);
}

export function batchReadV3(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  inputs: { id: string }[],
): BatchResult<{ from: { id: string }; to: { id: string; type: string }[] }> {
  const started = ctx.clock.now();
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  const results: { from: { id: string }; to: { id: string; type: string }[] }[] = [];
  const missing: string[] = [];
  for (const { id } of inputs) {
    const from = findObject(ctx, fromType, id);
    if (!from) {
      missing.push(id);
      continue;
    }
    results.push({ from: { id: String(from.id) }, to: listV3(ctx, fromType, id, toType).results });
  }
  const errors: StandardError[] = missing.length
    ? [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Could not find some ${OBJECT_TYPE_INFO[fromType].upper} objects.`, context: { ids: missing }, errors: [], links: {} }]
    : [];
  return batchEnvelope(ctx, started, results, errors);
}

export function batchArchiveV3(ctx: CrmContext, fromTypeRaw: string, toTypeRaw: string, inputs: { from: { id: string }; to: { id: string }; type: string }[]): void {
  const fromType = requireType(fromTypeRaw);
  const toType = requireType(toTypeRaw);
  ctx.db.tx(() => {
    inputs.forEach((item) => deleteV3(ctx, fromType, item.from.id, toType, item.to.id, item.type));
  });
}
