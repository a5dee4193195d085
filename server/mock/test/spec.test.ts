/** The spec validator itself: it must reject what HubSpot's schemas reject, or the contract checks would be empty. */
import { describe, expect, it } from 'vitest';
import { assertSpec, hasSpecs, responseRef } from './spec';

const object = { id: '1', properties: { hs_object_id: '1' }, createdAt: '2026-01-15T12:00:00.000Z', updatedAt: '2026-01-15T12:00:00.000Z', archived: false };
const error = { status: 'error', message: 'Not found', correlationId: 'aeb5f871-7f07-4993-9211-075dc63e7cbf', category: 'OBJECT_NOT_FOUND' };

describe.skipIf(!hasSpecs)('validation against ../shared/hubspot-openapi', () => {
  it('accepts conforming bodies', () => {
    expect(() => assertSpec('calls.v3.json', 'get', '/crm/v3/objects/calls/{callId}', 200, object)).not.toThrow();
    expect(() => assertSpec('calls.v3.json', 'get', '/crm/v3/objects/calls/{callId}', 404, error)).not.toThrow();
    expect(() => assertSpec('calls.v3.json', 'delete', '/crm/v3/objects/calls/{callId}', 204, undefined)).not.toThrow();
  });

  it('rejects the traps listed in the API notes', () => {
    const get = (status: number, body: unknown) => () => assertSpec('calls.v3.json', 'get', '/crm/v3/objects/calls/{callId}', status, body);
    expect(get(200, { ...object, properties: { hs_call_title: null } })).toThrow(/must be string/);
    expect(get(200, { ...object, archivedAt: null })).toThrow();
    expect(get(200, { ...object, createdAt: 'yesterday' })).toThrow(/date-time/);
    expect(get(404, { ...error, correlationId: 'not-a-uuid' })).toThrow(/uuid/);
    expect(get(404, { message: 'x', correlationId: error.correlationId })).toThrow(/category/);
    const batch = (body: unknown) => () => assertSpec('calls.v3.json', 'post', '/crm/v3/objects/calls/batch/read', 207, body);
    const base = { status: 'COMPLETE', results: [object], startedAt: object.createdAt, completedAt: object.createdAt };
    expect(batch({ ...base, errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'x', context: {}, errors: [], links: {}, subCategory: 'x' }] })).toThrow();
    expect(batch({ ...base, errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'x', context: {} }] })).toThrow();
    expect(() => assertSpec('calls.v3.json', 'delete', '/crm/v3/objects/calls/{callId}', 204, { unexpected: true })).toThrow();
  });

  it('resolves the response schemas of the operations the suites check', () => {
    expect(responseRef('deals.v3.json', 'get', '/crm/v3/objects/0-3', 200)).toBe('#/components/schemas/CollectionResponseSimplePublicObjectWithAssociationsForwardPaging');
    expect(responseRef('associations.v4.json', 'put', '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}', 201)).toBe(
      '#/components/schemas/LabelsBetweenObjectPair',
    );
    expect(responseRef('owners.v3.json', 'get', '/crm/v3/owners', 200)).toBe('#/components/schemas/CollectionResponsePublicOwnerForwardPaging');
    expect(responseRef('calls.v3.json', 'post', '/crm/v3/objects/calls', 400)).toBe('#/components/schemas/Error');
  });

  it('reads the date-versioned specs, with what they say differently from v3/v4', () => {
    const objects = '/crm/objects/2026-09/{objectType}';
    expect(responseRef('2026-09/objects.json', 'get', `${objects}/{objectId}`, 200)).toBe('#/components/schemas/SimplePublicObjectWithAssociations');
    // 2026-09 lists no 207: a 207 is checked against the operation's default, HubSpot's Error
    expect(responseRef('2026-09/calls.json', 'post', `${objects}/batch/update`, 207)).toBe('#/components/schemas/Error');
    expect(responseRef('2026-03/calls.json', 'post', '/crm/objects/2026-03/calls/batch/update', 207)).toBe('#/components/schemas/BatchResponseSimplePublicObjectWithErrors');
    expect(responseRef('2026-09/associations.json', 'post', '/crm/associations/2026-09/{fromObjectType}/{toObjectType}/batch/archive', 200)).toBe(
      '#/components/schemas/BatchResponseVoid',
    );
    const batch = { status: 'COMPLETE', results: [], startedAt: object.createdAt, completedAt: object.createdAt };
    expect(() => assertSpec('2026-03/associations.json', 'post', '/crm/associations/2026-03/{fromObjectType}/{toObjectType}/batch/archive', 200, batch)).not.toThrow();
    expect(() => assertSpec('2026-03/associations.json', 'post', '/crm/associations/2026-03/{fromObjectType}/{toObjectType}/batch/archive', 200, {})).toThrow(/required/);
    // 2026-09's objects allow null property values, v3's do not
    const withNull = { ...object, properties: { hs_call_title: null } };
    expect(() => assertSpec('2026-09/objects.json', 'get', `${objects}/{objectId}`, 200, withNull)).not.toThrow();
    expect(() => assertSpec('2026-09/objects.json', 'get', `${objects}/{objectId}`, 200, { ...object, properties: { hs_call_title: 5 } })).toThrow(/must be string/);
  });
});
