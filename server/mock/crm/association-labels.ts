/** Association labels: the association types defined between two object types. */
import type { AssociationLabelDef, ObjectTypeName } from '../store/types.js';
import { specWithLabel, type SpecWithLabel } from './associations.js';
import { MockError, badRequest } from './errors.js';
import { OBJECT_TYPE_INFO, requireTypes } from './object-types.js';
import type { CrmContext } from './objects.js';

/** The types between which HubSpot has custom association labels (and custom objects); not activities such as calls. */
const LABELLED_TYPES: ReadonlySet<ObjectTypeName> = new Set(['contacts', 'companies', 'deals', 'tickets']);

/** Refuses a custom label's create, update or delete for a pair HubSpot has no custom labels for. */
function requireCustomLabels(fromType: ObjectTypeName, toType: ObjectTypeName): void {
  if (LABELLED_TYPES.has(fromType) && LABELLED_TYPES.has(toType)) return;
  const message = `Custom association labels are not supported between ${fromType} and ${toType}. They exist only between contacts, companies, deals, tickets and custom objects.`;
  throw badRequest(message, [
    { message, code: 'INVALID_OBJECT_TYPE', in: 'toObjectType', context: { fromObjectType: [fromType], toObjectType: [toType] } },
  ]);
}

/** The pair's association types: its HUBSPOT_DEFINED ones and, where HubSpot has them, the account's custom labels. */
export function listLabels(ctx: CrmContext, fromTypeRaw: string, toTypeRaw: string, withTypeIds: boolean): { results: (SpecWithLabel & { fromObjectTypeId?: string; toObjectTypeId?: string })[] } {
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
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
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  requireCustomLabels(fromType, toType);
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
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  requireCustomLabels(fromType, toType);
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
  const [fromType, toType] = requireTypes(fromTypeRaw, toTypeRaw);
  requireCustomLabels(fromType, toType);
  const typeId = Number(typeIdRaw);
  if (!Number.isSafeInteger(typeId)) throw badRequest(`Invalid association type id ${typeIdRaw}.`, [{ message: 'not a number', code: 'INVALID_INTEGER', in: 'associationTypeId' }]);
  ctx.db.tx(() => {
    const def = userLabel(ctx, fromType, toType, typeId);
    ctx.db.deleteLabel(fromType, toType, def.category, def.typeId);
    if (def.inverseTypeId !== def.typeId) ctx.db.deleteLabel(toType, fromType, def.category, def.inverseTypeId);
  });
}
