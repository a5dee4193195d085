/**
 * The one place a stored record becomes the API's JSON: objectToJson writes every record every
 * endpoint answers (read by id, list, search, batch, associations), and projectionFor says which
 * stored properties it needs, so stores read only those.
 */
import type { ObjectTypeName, StoredObject } from '../store/types.js';
import { OBJECT_TYPE_INFO, resolveObjectType, systemValue } from './object-types.js';
import { associationTypeName, type CrmContext } from './objects.js';
import { propertyCatalog } from './properties.js';
import { toIso } from './values.js';

export interface ObjectJson {
  id: string;
  properties: Record<string, string>;
  propertiesWithHistory?: Record<string, { value: string; timestamp: string; sourceType: string; sourceId?: string }[]>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
}

export interface ReadOptions {
  properties?: readonly string[];
  propertiesWithHistory?: readonly string[];
  associations?: readonly string[];
}

function associationsJson(
  ctx: CrmContext,
  obj: StoredObject,
  names: readonly string[],
): Record<string, { results: { id: string; type: string }[] }> | undefined {
  const out: Record<string, { results: { id: string; type: string }[] }> = {};
  const seen = new Set<ObjectTypeName>();
  for (const raw of names) {
    const toType = resolveObjectType(raw);
    if (!toType || seen.has(toType)) continue;
    seen.add(toType);
    const rows = ctx.db.associationsOf(obj.id, toType);
    if (!rows.length) continue;
    const defs = new Map(ctx.db.labels(obj.type, toType).map((d) => [`${d.category}:${d.typeId}`, d]));
    out[toType] = {
      results: rows.map((r) => ({
        id: String(r.toId),
        type: associationTypeName(defs.get(`${r.category}:${r.typeId}`), obj.type, toType),
      })),
    };
  }
  return Object.keys(out).length ? out : undefined;
}

export function objectToJson(ctx: CrmContext, obj: StoredObject, opts: ReadOptions = {}): ObjectJson {
  const info = OBJECT_TYPE_INFO[obj.type];
  const requested = opts.properties && opts.properties.length ? opts.properties : info.defaultProperties;
  const createdIso = toIso(obj.createdAt);
  const updatedIso = obj.updatedAt === obj.createdAt ? createdIso : toIso(obj.updatedAt);
  const properties: Record<string, string> = {};
  let stored: Record<string, string> | undefined;
  const add = (name: string) => {
    if (name === 'hs_object_id') properties[name] = String(obj.id);
    else if (name === info.createdProperty) properties[name] = createdIso;
    else if (name === info.modifiedProperty) properties[name] = updatedIso;
    else {
      stored ??= obj.props;
      const v = stored[name];
      if (v !== undefined) properties[name] = v;
    }
  };
  for (const name of requested) add(name);
  add('hs_object_id');
  add(info.createdProperty);
  add(info.modifiedProperty);
  const json: ObjectJson = {
    id: String(obj.id),
    properties,
    createdAt: createdIso,
    updatedAt: updatedIso,
    archived: obj.archived,
  };
  if (obj.archivedAt !== null) json.archivedAt = toIso(obj.archivedAt);
  if (opts.propertiesWithHistory && opts.propertiesWithHistory.length) {
    const catalog = propertyCatalog(ctx.db, obj.type).byName;
    const names = opts.propertiesWithHistory.filter((n) => catalog.has(n));
    const stored = names.filter((n) => systemValue(info, n, obj) === undefined);
    const hist = ctx.db.history(obj, stored);
    const pwh: NonNullable<ObjectJson['propertiesWithHistory']> = {};
    for (const n of names) {
      const sys = systemValue(info, n, obj);
      if (sys !== undefined) {
        pwh[n] = [{ value: sys, timestamp: toIso(n === info.createdProperty || n === 'hs_object_id' ? obj.createdAt : obj.updatedAt), sourceType: obj.source }];
        continue;
      }
      const entries = hist[n];
      if (entries && entries.length) {
        pwh[n] = entries.map((e) => ({
          value: e.value,
          timestamp: toIso(e.timestamp),
          sourceType: e.sourceType,
          ...(e.sourceId ? { sourceId: e.sourceId } : {}),
        }));
      }
    }
    json.propertiesWithHistory = pwh;
  }
  if (opts.associations && opts.associations.length) {
    const assoc = associationsJson(ctx, obj, opts.associations);
    if (assoc) json.associations = assoc;
  }
  return json;
}

/** The stored properties objectToJson needs for these read options. */
export function projectionFor(type: ObjectTypeName, opts: ReadOptions): string[] {
  const requested = opts.properties && opts.properties.length ? opts.properties : OBJECT_TYPE_INFO[type].defaultProperties;
  return [...requested, ...(opts.propertiesWithHistory ?? [])];
}
