import type { Clock } from '../clock.js';
import type { MockDb } from '../store/db.js';
import type { AssociationLabelDef, ObjectTypeName, StoredObject, WriteSource } from '../store/types.js';
import { OBJECT_TYPES } from '../store/types.js';
import { MockError, badRequest, objectNotFound, validationError, type PropertyProblem } from './errors.js';
import { OBJECT_TYPE_INFO } from './object-types.js';
import { propertyCatalog } from './properties.js';
import { normaliseValue } from './values.js';

/** How batch writes treat bad inputs: HubSpot refuses the whole batch; `per-item` applies the good ones (207). */
export type BatchMode = 'atomic' | 'per-item';

export interface CrmContext {
  db: MockDb;
  clock: Clock;
  /** Default 'atomic' (HubSpot). */
  batchMode?: BatchMode;
  /** How long (ms) a record's write takes to reach search (default 0: at once). */
  searchLagMs?: number;
  /** Associations per input in one page of a v4 batch read (default HubSpot's, ASSOCIATION_PAGE_SIZE). */
  associationPageSize?: number;
}

/** Source recorded in property history for writes through the public API. */
const API_SOURCE: WriteSource = { sourceType: 'API', sourceId: 'mock-private-app' };

export interface AssociationInput {
  to: { id: string };
  types: { associationCategory: string; associationTypeId: number }[];
}

// ---------------------------------------------------------------------------------------------

function parseId(raw: string): number | undefined {
  if (!/^\d{1,18}$/.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Finds a record by id (or by a unique property with idProperty). */
export function findObject(
  ctx: CrmContext,
  type: ObjectTypeName,
  rawId: string,
  opts: { archived?: boolean; idProperty?: string } = {},
): StoredObject | undefined {
  const archived = opts.archived ?? false;
  const idProperty = opts.idProperty;
  if (idProperty && idProperty !== 'hs_object_id') {
    const def = propertyCatalog(ctx.db, type).byName.get(idProperty);
    if (!def || !def.hasUniqueValue) {
      throw badRequest(`Property ${idProperty} is not a unique identifier property for ${type}.`, [
        { message: `${idProperty} is not a unique property`, code: 'INVALID_ID_PROPERTY', in: 'idProperty', context: { propertyName: [idProperty] } },
      ]);
    }
    const norm = normaliseValue(def, rawId);
    const value = 'value' in norm ? norm.value : rawId;
    return ctx.db.findByProperty(type, idProperty, value, archived);
  }
  const id = parseId(rawId);
  return id === undefined ? undefined : ctx.db.getObject(type, id, archived);
}

function requireObject(
  ctx: CrmContext,
  type: ObjectTypeName,
  rawId: string,
  opts: { archived?: boolean; idProperty?: string } = {},
): StoredObject {
  const obj = findObject(ctx, type, rawId, opts);
  if (!obj) throw objectNotFound(rawId);
  return obj;
}

// ---- association names --------------------------------------------------------------------------

export function associationTypeName(def: Pick<AssociationLabelDef, 'name'> | undefined, from: ObjectTypeName, to: ObjectTypeName): string {
  return def?.name ?? `${OBJECT_TYPE_INFO[from].singular}_to_${OBJECT_TYPE_INFO[to].singular}`;
}

// ---- validation -------------------------------------------------------------------------------

const REQUIRED_ON_CREATE: Record<ObjectTypeName, readonly string[]> = {
  calls: ['hs_timestamp'],
  contacts: [],
  companies: [],
  deals: [],
  tickets: [],
};

const DEFAULTS_ON_CREATE: Record<ObjectTypeName, Record<string, string>> = {
  calls: {},
  contacts: {},
  companies: {},
  deals: { pipeline: 'default' },
  tickets: { hs_pipeline: '0' },
};

/** Input values may be strings; numbers and booleans are coerced, null clears. */
export type InputValue = string | number | boolean | null;

/**
 * Validates property input against the type's definitions and returns normalised values.
 * Collects every problem and throws one VALIDATION_ERROR listing them all.
 */
function validateProperties(
  ctx: CrmContext,
  type: ObjectTypeName,
  input: Record<string, InputValue>,
  mode: 'create' | 'update',
): Record<string, string> {
  const catalog = propertyCatalog(ctx.db, type).byName;
  const problems: PropertyProblem[] = [];
  const out: Record<string, string> = {};
  for (const [name, rawValue] of Object.entries(input)) {
    const def = catalog.get(name);
    if (!def) {
      problems.push({ name, code: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
      continue;
    }
    if (def.readOnly) {
      problems.push({ name, code: 'READ_ONLY_VALUE', message: `"${name}" is a read only property; its value cannot be set.` });
      continue;
    }
    const raw = rawValue === null ? '' : String(rawValue);
    const r = normaliseValue(def, raw);
    if ('problem' in r) problems.push(r.problem);
    else out[name] = r.value;
  }
  const required = REQUIRED_ON_CREATE[type];
  for (const name of required) {
    const missing = mode === 'create' ? !out[name] : out[name] === '';
    if (missing && !problems.some((p) => p.name === name)) {
      problems.push({ name, code: 'REQUIRED', message: `${name} is required${mode === 'update' ? ' and cannot be cleared' : ''}.` });
    }
  }
  if (problems.length) throw validationError(problems);
  if (mode === 'create') {
    for (const [k, v] of Object.entries(DEFAULTS_ON_CREATE[type])) if (!out[k]) out[k] = v;
  }
  return out;
}

function checkUnique(ctx: CrmContext, type: ObjectTypeName, values: Record<string, string>, selfId?: number): void {
  const catalog = propertyCatalog(ctx.db, type).byName;
  for (const [name, value] of Object.entries(values)) {
    if (!value || !catalog.get(name)?.hasUniqueValue) continue;
    const other = ctx.db.findByProperty(type, name, value, false);
    if (other && other.id !== selfId) {
      throw new MockError(409, 'CONFLICT', `${OBJECT_TYPE_INFO[type].singular[0]?.toUpperCase()}${OBJECT_TYPE_INFO[type].singular.slice(1)} already exists. Existing ID: ${other.id}`, {
        errors: [{ message: `Another record already has ${name} = ${value}`, code: 'CONFLICT', in: name, context: { propertyName: [name], existingId: [String(other.id)] } }],
      });
    }
  }
}

/** Pin rule: hs_pinned_engagement_id names a live call associated with the record. */
function checkPin(ctx: CrmContext, obj: StoredObject, values: Record<string, string>): void {
  if (obj.type === 'calls') return;
  const pin = values['hs_pinned_engagement_id'];
  if (!pin) return;
  const fail = (message: string) =>
    validationError([{ name: 'hs_pinned_engagement_id', code: 'INVALID_PINNED_ENGAGEMENT', message }]);
  const callId = Number(pin);
  const call = Number.isSafeInteger(callId) ? ctx.db.getObject('calls', callId, false) : undefined;
  if (!call) throw fail(`hs_pinned_engagement_id ${pin} is not an existing call.`);
  const linked = ctx.db.associationsBetween(obj.id, 'calls', call.id).length > 0;
  if (!linked) {
    throw fail(`Call ${pin} must be associated with ${OBJECT_TYPE_INFO[obj.type].singular} ${obj.id} before it can be pinned.`);
  }
}

// ---- associations on create ---------------------------------------------------------------------

function findLabelDef(
  ctx: CrmContext,
  fromType: ObjectTypeName,
  toType: ObjectTypeName | undefined,
  category: string,
  typeId: number,
): AssociationLabelDef | undefined {
  const types = toType ? [toType] : OBJECT_TYPES;
  for (const t of types) {
    const def = ctx.db.labels(fromType, t).find((d) => d.category === category && d.typeId === typeId);
    if (def) return def;
  }
  return undefined;
}

/** The unlabeled default (HUBSPOT_DEFINED) association type of a pair. */
export function defaultLabelDef(ctx: CrmContext, fromType: ObjectTypeName, toType: ObjectTypeName): AssociationLabelDef | undefined {
  return ctx.db.labels(fromType, toType).find((d) => d.category === 'HUBSPOT_DEFINED' && d.label === null);
}

/** Creates one typed association (plus the pair's default, as HubSpot does for labels). */
export function associate(ctx: CrmContext, from: StoredObject, to: StoredObject, def: AssociationLabelDef): void {
  ctx.db.addAssociation(from.type, from.id, to.type, to.id, def.category, def.typeId, def.inverseTypeId);
  if (!(def.category === 'HUBSPOT_DEFINED' && def.label === null)) {
    const dflt = defaultLabelDef(ctx, from.type, to.type);
    if (dflt) ctx.db.addAssociation(from.type, from.id, to.type, to.id, dflt.category, dflt.typeId, dflt.inverseTypeId);
  }
}

function applyCreateAssociations(ctx: CrmContext, obj: StoredObject, inputs: readonly AssociationInput[]): void {
  inputs.forEach((a, i) => {
    for (const t of a.types) {
      const def = findLabelDef(ctx, obj.type, undefined, t.associationCategory, t.associationTypeId);
      if (!def) {
        throw badRequest(`${t.associationCategory} ${t.associationTypeId} is not a valid association type for ${obj.type}.`, [
          { message: `Unknown association type ${t.associationCategory}/${t.associationTypeId}`, code: 'INVALID_ASSOCIATION_TYPE', in: `associations[${i}].types`, context: { associationTypeId: [String(t.associationTypeId)] } },
        ]);
      }
      const target = findObject(ctx, def.toType, a.to.id);
      if (!target) {
        throw badRequest(`${OBJECT_TYPE_INFO[def.toType].singular} ${a.to.id} does not exist, so it cannot be associated.`, [
          { message: `No ${def.toType} with id ${a.to.id}`, code: 'ASSOCIATION_TARGET_NOT_FOUND', in: `associations[${i}].to.id`, context: { id: [a.to.id] } },
        ]);
      }
      associate(ctx, obj, target, def);
    }
  });
}

// ---- writes -------------------------------------------------------------------------------------

/** Search keeps seeing record `id` as it is before this write (`created`: not at all) for the search lag. */
function lagSearch(ctx: CrmContext, id: number, created = false): void {
  const lag = ctx.searchLagMs ?? 0;
  if (lag <= 0) return;
  const now = ctx.clock.now();
  ctx.db.holdSearch(id, now, now + lag, created);
}

export function createObject(
  ctx: CrmContext,
  type: ObjectTypeName,
  input: { properties: Record<string, InputValue>; associations?: readonly AssociationInput[] },
): StoredObject {
  return ctx.db.tx(() => {
    const values = validateProperties(ctx, type, input.properties, 'create');
    checkUnique(ctx, type, values);
    const obj = ctx.db.insertObject(type, values, ctx.clock.now(), API_SOURCE);
    lagSearch(ctx, obj.id, true);
    applyCreateAssociations(ctx, obj, input.associations ?? []);
    checkPin(ctx, obj, values);
    return obj;
  });
}

export function updateObject(
  ctx: CrmContext,
  type: ObjectTypeName,
  rawId: string,
  properties: Record<string, InputValue>,
  idProperty?: string,
): StoredObject {
  return ctx.db.tx(() => {
    const obj = requireObject(ctx, type, rawId, idProperty ? { idProperty } : {});
    const values = validateProperties(ctx, type, properties, 'update');
    checkUnique(ctx, type, values, obj.id);
    checkPin(ctx, obj, values);
    lagSearch(ctx, obj.id);
    return ctx.db.updateObject(obj, values, ctx.clock.now(), API_SOURCE);
  });
}

/**
 * Archives a live record, if there is one with that id: HubSpot's archive is idempotent (a
 * DELETE of a missing or archived record answers 204 too).
 */
export function archiveObject(ctx: CrmContext, type: ObjectTypeName, rawId: string): void {
  const id = parseId(rawId);
  if (id === undefined) return;
  ctx.db.tx(() => {
    lagSearch(ctx, id);
    if (ctx.db.archiveObject(type, id, ctx.clock.now()) && type === 'calls') unpinCall(ctx, id);
  });
}

/**
 * Clears hs_pinned_engagement_id where it names this call (the call was archived), or only
 * on `onlyRecordId` (the call was unassociated from that record): a pin must name a live,
 * associated call.
 */
export function unpinCall(ctx: CrmContext, callId: number, onlyRecordId?: number): void {
  for (const rec of ctx.db.recordsPinning(callId)) {
    if (onlyRecordId !== undefined && rec.id !== onlyRecordId) continue;
    if (onlyRecordId !== undefined && ctx.db.associationsBetween(rec.id, 'calls', callId).length) continue;
    lagSearch(ctx, rec.id);
    ctx.db.updateObject(rec, { hs_pinned_engagement_id: '' }, ctx.clock.now(), API_SOURCE);
  }
}

/** The id a paging cursor continues after (0 for none); a cursor this mock did not give is HubSpot's 400. */
export function afterIdOf(after: string | undefined): number {
  if (after === undefined || after === '') return 0;
  const decoded = decodeCursor(after);
  if (decoded === undefined) {
    throw badRequest(`Invalid paging cursor: ${after}`, [
      { message: 'after is not a cursor returned by this endpoint', code: 'INVALID_AFTER', in: 'after' },
    ]);
  }
  return decoded;
}

/** Largest list page HubSpot serves when `propertiesWithHistory` is asked for. */
const HISTORY_PAGE_MAX = 50;

export function listObjects(
  ctx: CrmContext,
  type: ObjectTypeName,
  opts: { limit: number; after?: string; archived: boolean; project?: readonly string[]; withHistory?: boolean },
): { rows: StoredObject[]; nextAfter?: string } {
  if (opts.withHistory && opts.limit > HISTORY_PAGE_MAX) {
    throw badRequest(`Paging limit with propertiesWithHistory is ${HISTORY_PAGE_MAX}; requested ${opts.limit}.`, [
      { message: `limit must be at most ${HISTORY_PAGE_MAX} when propertiesWithHistory is requested`, code: 'INVALID_LIMIT', in: 'limit' },
    ]);
  }
  const rows = ctx.db.listObjects(type, opts.archived, afterIdOf(opts.after), opts.limit + 1, opts.project);
  if (rows.length > opts.limit) {
    rows.length = opts.limit;
    const last = rows[rows.length - 1];
    return last ? { rows, nextAfter: encodeCursor(last.id) } : { rows };
  }
  return { rows };
}

/** Opaque list cursor: base64url of "id:<n>". Plain numeric ids are accepted as well. */
export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

export function decodeCursor(after: string): number | undefined {
  if (/^\d{1,18}$/.test(after)) return Number(after);
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const m = /^id:(\d{1,18})$/.exec(text);
  return m ? Number(m[1]) : undefined;
}
