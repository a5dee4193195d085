/** The CRM object types the mock stores. */
export const OBJECT_TYPES = ['calls', 'contacts', 'companies', 'deals', 'tickets'] as const;
export type ObjectTypeName = (typeof OBJECT_TYPES)[number];

export interface StoredObject {
  id: number;
  type: ObjectTypeName;
  archived: boolean;
  createdAt: number;
  updatedAt: number;
  archivedAt: number | null;
  /** sourceType of the values the record was created with (e.g. API, CRM_UI). */
  source: string;
  /** Stored property values (never empty strings: "" clears a value). */
  props: Record<string, string>;
}

export interface HistoryEntry {
  value: string;
  timestamp: number;
  sourceType: string;
  sourceId?: string;
}

export interface WriteSource {
  sourceType: string;
  sourceId?: string;
}

export interface AssociationRow {
  toId: number;
  category: string;
  typeId: number;
}

export interface AssociationLabelDef {
  fromType: ObjectTypeName;
  toType: ObjectTypeName;
  category: string;
  typeId: number;
  name: string;
  label: string | null;
  inverseTypeId: number;
}

export interface OwnerRow {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  type: 'PERSON' | 'QUEUE';
  teams: { id: string; name: string; primary: boolean }[];
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

/** A call outcome (disposition) of the account. */
export interface DispositionRow {
  id: string;
  label: string;
  /** Archived outcomes are no longer offered, but calls may still carry their GUID. */
  archived: boolean;
  /** Created by the account (not one of HubSpot's six defaults). */
  custom: boolean;
  displayOrder: number;
  createdAt: number;
  updatedAt: number;
}

// ---- search plan: what the CRM layer asks the store to run -------------------------------

/** Where a filtered/sorted value lives. Datetime props are stored as ISO strings (sortable). */
export type SearchColumn =
  | { kind: 'id' }
  | { kind: 'created' }
  | { kind: 'updated' }
  | { kind: 'prop'; name: string; numeric: boolean; caseInsensitive: boolean };

export type SearchValue = string | number;

export type SearchCondition =
  | { op: 'EQ' | 'NEQ' | 'GT' | 'GTE' | 'LT' | 'LTE'; column: SearchColumn; value: SearchValue }
  | { op: 'BETWEEN'; column: SearchColumn; low: SearchValue; high: SearchValue }
  | { op: 'IN' | 'NOT_IN'; column: SearchColumn; values: SearchValue[] }
  | { op: 'HAS_PROPERTY' | 'NOT_HAS_PROPERTY'; column: SearchColumn }
  | { op: 'CONTAINS_TOKEN' | 'NOT_CONTAINS_TOKEN'; column: SearchColumn; pattern: string }
  | { op: 'ASSOCIATED'; toType: ObjectTypeName; ids: number[]; negate: boolean };

export interface SearchPlan {
  type: ObjectTypeName;
  /** OR of groups, AND inside a group; empty = everything. */
  groups: SearchCondition[][];
  sorts: { column: SearchColumn; descending: boolean }[];
  /** Free-text words (lower-cased, see derived.ts `words`); each must start a word of a default searchable property. */
  terms: string[];
  limit: number;
  offset: number;
  /** Read only these stored properties of the matches (see store/objects.ts selectObjects). */
  project?: readonly string[];
}
