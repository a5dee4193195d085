import type { MockDb } from '../store/db.js';
import type { ObjectTypeName } from '../store/types.js';
import { PROPERTY_DEFINITIONS, type PropertyDef, type PropertyGroupDef } from './property-definitions.js';

const DEFINITION_TIME = '2019-08-06T02:41:52.000Z';

export interface PropertyCatalog {
  list: PropertyDef[];
  byName: Map<string, PropertyDef>;
}

const catalogs = new WeakMap<MockDb, Map<ObjectTypeName, PropertyCatalog>>();

/** Property definitions of a type, with owner and disposition options read from the store. */
export function propertyCatalog(db: MockDb, type: ObjectTypeName): PropertyCatalog {
  let perDb = catalogs.get(db);
  if (!perDb) {
    perDb = new Map();
    catalogs.set(db, perDb);
  }
  const cached = perDb.get(type);
  if (cached) return cached;
  const list = PROPERTY_DEFINITIONS[type].map((p): PropertyDef => {
    if (p.dynamicOptions === 'owners') {
      return {
        ...p,
        options: db.owners(false).map((o, i) => ({
          label: `${o.firstName} ${o.lastName}`.trim() || o.email,
          value: String(o.id),
          description: o.email,
          displayOrder: i,
          hidden: false,
        })),
      };
    }
    if (p.dynamicOptions === 'dispositions') {
      return {
        ...p,
        options: db.dispositions().map((d) => ({ label: d.label, value: d.id, displayOrder: d.displayOrder, hidden: d.archived })),
      };
    }
    return p;
  });
  const catalog = { list, byName: new Map(list.map((p) => [p.name, p])) };
  perDb.set(type, catalog);
  return catalog;
}

/** Drops the cached catalogs of a database (after the account's call outcomes changed). */
export function forgetPropertyCatalog(db: MockDb): void {
  catalogs.delete(db);
}

export function propertyToJson(p: PropertyDef): Record<string, unknown> {
  return {
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    groupName: p.groupName,
    description: p.description,
    options: p.options.map((o) => ({
      label: o.label,
      value: o.value,
      ...(o.description !== undefined ? { description: o.description } : {}),
      displayOrder: o.displayOrder,
      hidden: o.hidden,
    })),
    displayOrder: p.displayOrder,
    calculated: p.calculated,
    externalOptions: p.dynamicOptions !== undefined,
    hasUniqueValue: p.hasUniqueValue,
    hidden: p.hidden,
    hubspotDefined: true,
    formField: !p.readOnly,
    ...(p.referencedObjectType ? { referencedObjectType: p.referencedObjectType } : {}),
    modificationMetadata: {
      archivable: false,
      readOnlyDefinition: true,
      readOnlyOptions: p.dynamicOptions !== undefined || p.type !== 'enumeration',
      readOnlyValue: p.readOnly,
    },
    createdAt: DEFINITION_TIME,
    updatedAt: DEFINITION_TIME,
    archived: false,
    dataSensitivity: 'non_sensitive',
  };
}

export function groupToJson(g: PropertyGroupDef): Record<string, unknown> {
  return { name: g.name, label: g.label, displayOrder: g.displayOrder, archived: false };
}