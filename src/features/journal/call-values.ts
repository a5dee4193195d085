/**
 * What a journaled change records of one call: its values before and after, in the journal's shape
 * (server/api/journal.ts): property values by name (null: no value), the ids of the records it is associated
 * with under the record type's name (`contacts: ["12"]`, the whole set), and `archived: "true"` for a call the
 * change deleted.
 */
import { RECORD_TYPES, type RecordType } from '../../api/records';

export type CallValues = Record<string, string | null | string[]>;

export interface CallChange {
  callId: string;
  before: CallValues;
  after: CallValues;
  /**
   * A call of the same change that must have been applied before this call is deleted: if it was not, this
   * call is left as it is (e.g. a duplicate is deleted only once the call kept holds its data). Not journaled.
   */
  deleteOnlyAfter?: string;
}

/** The key a change uses for "this call was deleted". */
export const ARCHIVED = 'archived';

/** The kinds of change the journal knows (server/api/journal.ts). */
export type ChangeKind = 'outcome' | 'owner' | 'associations' | 'archive' | 'duplicate-merge' | 'properties';

export const isAssociationKey = (key: string): key is RecordType => (RECORD_TYPES as readonly string[]).includes(key);

/** The property names a change writes (not associations, not the archive mark). */
export function propertyKeys(values: CallValues): string[] {
  return Object.keys(values).filter((key) => key !== ARCHIVED && !isAssociationKey(key));
}

/** Two values the same for HubSpot: no value and an empty string are one; id sets compare in any order. */
export function sameValue(a: CallValues[string] | undefined, b: CallValues[string] | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = new Set(Array.isArray(a) ? a : []);
    const y = new Set(Array.isArray(b) ? b : []);
    return x.size === y.size && [...x].every((id) => y.has(id));
  }
  return (a ?? '') === (b ?? '');
}
