/**
 * The date-versioned families in tests: their base paths and the spec operation that answers
 * each route. ../shared holds 2026-09's objects, calls, associations, labels, properties and
 * owners specs, but of 2026-03 only calls (whose generic object schemas every object type
 * answers with), associations and labels: 2026-03's properties and owners are checked against
 * v3's specs, which 2026-03 keeps (its calls spec answers as v3 does).
 */
import type { ObjectType } from './helpers';
import type { SpecFile } from './spec';

export const VERSIONS = ['2026-03', '2026-09'] as const;
export type Version = (typeof VERSIONS)[number];

export interface SpecOp {
  file: SpecFile;
  method: string;
  path: string;
}

/** Spec operations of the objects API (`/crm/objects/{v}/{type}...`); `tail` is e.g. `''`, `'/{id}'`, `'/batch/read'`, `'/search'`. */
export function objectOp(v: Version, type: ObjectType, method: string, tail: '' | '/{id}' | '/search' | `/batch/${string}`): SpecOp {
  if (v === '2026-03') {
    // the generic `/crm/objects/2026-03/{objectType}/search` is in the spec too; the calls paths cover the rest
    return { file: '2026-03/calls.json', method, path: `/crm/objects/2026-03/calls${tail.replace('{id}', '{callId}')}` };
  }
  const file = type === 'calls' ? '2026-09/calls.json' : '2026-09/objects.json';
  return { file, method, path: `/crm/objects/2026-09/{objectType}${tail.replace('{id}', '{objectId}')}` };
}

/** Spec operations of the associations API: batch (`/crm/associations/{v}/...`) and per record (`/crm/objects/{v}/...`). */
export function associationOp(v: Version, method: string, route: 'batch' | 'record' | 'default' | 'list', op = ''): SpecOp {
  const file: SpecFile = `${v}/associations.json`;
  switch (route) {
    case 'batch':
      return { file, method, path: `/crm/associations/${v}/{fromObjectType}/{toObjectType}/batch/${op}` };
    case 'record':
      return { file, method, path: `/crm/objects/${v}/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}` };
    case 'default':
      return { file, method, path: `/crm/objects/${v}/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}` };
    case 'list':
      return { file, method, path: `/crm/objects/${v}/{objectType}/{objectId}/associations/{toObjectType}` };
  }
}

export function labelOp(v: Version, method: string, tail: '' | '/{associationTypeId}' = ''): SpecOp {
  return { file: `${v}/associations-schema.json`, method, path: `/crm/associations/${v}/{fromObjectType}/{toObjectType}/labels${tail}` };
}

/** Spec operations of properties (`tail` e.g. `''`, `'/{propertyName}'`, `'/groups'`) and owners (`'/{ownerId}'`). */
export function metadataOp(v: Version, api: 'properties' | 'owners', method: string, tail: string): SpecOp {
  if (v === '2026-03') {
    return api === 'properties'
      ? { file: 'properties.v3.json', method, path: `/crm/v3/properties/{objectType}${tail}` }
      : { file: 'owners.v3.json', method, path: `/crm/v3/owners${tail}` };
  }
  return api === 'properties'
    ? { file: '2026-09/properties.json', method, path: `/crm/properties/2026-09/{objectType}${tail}` }
    : { file: '2026-09/owners.json', method, path: `/crm/owners/2026-09${tail}` };
}
