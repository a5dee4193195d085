import type { ObjectTypeName } from '../store/types.js';
import { MockError } from './errors.js';

export interface ObjectTypeInfo {
  name: ObjectTypeName;
  singular: string;
  typeId: string;
  /** Label used in HubSpot messages, e.g. "CALL". */
  upper: string;
  createdProperty: string;
  modifiedProperty: string;
  defaultProperties: readonly string[];
}

export const OBJECT_TYPE_INFO: Record<ObjectTypeName, ObjectTypeInfo> = {
  calls: {
    name: 'calls',
    singular: 'call',
    typeId: '0-48',
    upper: 'CALL',
    createdProperty: 'hs_createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  },
  contacts: {
    name: 'contacts',
    singular: 'contact',
    typeId: '0-1',
    upper: 'CONTACT',
    createdProperty: 'createdate',
    modifiedProperty: 'lastmodifieddate',
    defaultProperties: ['firstname', 'lastname', 'email', 'lastmodifieddate', 'hs_object_id', 'createdate'],
  },
  companies: {
    name: 'companies',
    singular: 'company',
    typeId: '0-2',
    upper: 'COMPANY',
    createdProperty: 'createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  },
  deals: {
    name: 'deals',
    singular: 'deal',
    typeId: '0-3',
    upper: 'DEAL',
    createdProperty: 'createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: [
      'dealname',
      'amount',
      'closedate',
      'pipeline',
      'dealstage',
      'createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
    ],
  },
  tickets: {
    name: 'tickets',
    singular: 'ticket',
    typeId: '0-5',
    upper: 'TICKET',
    createdProperty: 'createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: [
      'content',
      'hs_pipeline',
      'hs_pipeline_stage',
      'hs_ticket_category',
      'hs_ticket_priority',
      'subject',
      'createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
    ],
  },
};

const ALIASES = new Map<string, ObjectTypeName>();
for (const info of Object.values(OBJECT_TYPE_INFO)) {
  ALIASES.set(info.name, info.name);
  ALIASES.set(info.singular, info.name);
  ALIASES.set(info.typeId, info.name);
}

/** Resolves `calls`, `call`, `0-48` (case-insensitive) to a stored type name. */
export function resolveObjectType(raw: string): ObjectTypeName | undefined {
  return ALIASES.get(raw.toLowerCase());
}

/** The stored type name of a path's object type, or a 400 naming it. */
export function requireType(raw: string): ObjectTypeName {
  const t = resolveObjectType(raw);
  if (!t) {
    throw new MockError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${raw}`, {
      errors: [{ message: `Unknown object type ${raw}`, code: 'INVALID_OBJECT_TYPE', in: 'objectType', context: { objectType: [raw] } }],
    });
  }
  return t;
}

/** The two object types of an association path (from, to), or a 400 naming the first unknown one. */
export function requireTypes(fromRaw: string, toRaw: string): [ObjectTypeName, ObjectTypeName] {
  return [requireType(fromRaw), requireType(toRaw)];
}

/** Property names that always come from the record's columns rather than stored values. */
export function systemValue(
  info: ObjectTypeInfo,
  name: string,
  rec: { id: number; createdAt: number; updatedAt: number },
): string | undefined {
  if (name === 'hs_object_id') return String(rec.id);
  if (name === info.createdProperty) return new Date(rec.createdAt).toISOString();
  if (name === info.modifiedProperty) return new Date(rec.updatedAt).toISOString();
  return undefined;
}
