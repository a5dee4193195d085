/** The v3 associations API: association types by name ("call_to_contact") or id, one type a pair. */
import type { AssociationLabelDef, ObjectTypeName } from '../store/types.js';
import { eachPair, labelIndex, notFoundErrors, removePair, requireLive } from './associations.js';
import { batchEnvelope, type BatchResult } from './batch.js';
import { badRequest } from './errors.js';
import { requireTypes } from './object-types.js';
import { associate, associationTypeName, findObject, type CrmContext } from './objects.js';
import { objectToJson, type ObjectJson } from './to-json.js';

export function typesV3(ctx: CrmContext, fromTypeRaw: string, toTypeRaw: string): { results: { id: string; name: string }[] } {
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
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
  const [fromType, toType] = requireTypes(typeRaw, toTypeRaw);
  return ctx.db.tx(() => {
    const from = requireLive(ctx, fromType, id);
    const to = requireLive(ctx, toType, toId);
    associate(ctx, from, to, resolveV3Type(ctx, fromType, toType, assocType, 'associationType'));
    const fresh = findObject(ctx, fromType, id) ?? from;
    return objectToJson(ctx, fresh, { associations: [toType] });
  });
}

export function deleteV3(ctx: CrmContext, typeRaw: string, id: string, toTypeRaw: string, toId: string, assocType: string): void {
  const [fromType, toType] = requireTypes(typeRaw, toTypeRaw);
  ctx.db.tx(() => {
    const def = resolveV3Type(ctx, fromType, toType, assocType, 'associationType');
    removePair(ctx, fromType, id, toType, toId, [def]);
  });
}

export function listV3(ctx: CrmContext, typeRaw: string, id: string, toTypeRaw: string): { results: { id: string; type: string }[] } {
  const [fromType, toType] = requireTypes(typeRaw, toTypeRaw);
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
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  return eachPair(ctx, started, inputs, (item, i) =>
    ctx.db.tx(() => {
      const def = resolveV3Type(ctx, fromType, toType, item.type, `inputs[${i}].type`);
      associate(ctx, requireLive(ctx, fromType, item.from.id), requireLive(ctx, toType, item.to.id), def);
      return [{ from: { id: item.from.id }, to: { id: item.to.id }, type: associationTypeName(def, fromType, toType) }];
    }),
  );
}

export function batchReadV3(
  ctx: CrmContext,
  fromTypeRaw: string,
  toTypeRaw: string,
  inputs: { id: string }[],
): BatchResult<{ from: { id: string }; to: { id: string; type: string }[] }> {
  const started = ctx.clock.now();
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
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
  return batchEnvelope(ctx, started, results, notFoundErrors(fromType, missing));
}

export function batchArchiveV3(ctx: CrmContext, fromTypeRaw: string, toTypeRaw: string, inputs: { from: { id: string }; to: { id: string }; type: string }[]): void {
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  ctx.db.tx(() => {
    inputs.forEach((item) => deleteV3(ctx, fromType, item.from.id, toType, item.to.id, item.type));
  });
}
