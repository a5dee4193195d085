/**
 * What a row of the call list shows, derived from a HubSpot call and the account's metadata.
 * Shared by the grid cells and the CSV export so both say the same thing; the label rules are in
 * call-properties.ts. Pure.
 */
import type { HubSpotObject } from '../../../api/schemas';
import { outcomeLabel, ownerLabel, type OutcomeView } from '../call-properties';

/** Lookups from the account's metadata and the page's batch reads. Missing maps mean "still loading". */
export interface RowLookups {
  /** Outcome GUID -> label (the account’s outcomes, archived ones marked, via dispositionLabels). */
  dispositions?: ReadonlyMap<string, string>;
  /** Property option value -> label. */
  statusLabels?: ReadonlyMap<string, string>;
  directionLabels?: ReadonlyMap<string, string>;
  /** Owner id -> display name. */
  owners?: ReadonlyMap<string, string>;
  /** Call id -> associated record ids, per type. */
  callContacts?: ReadonlyMap<string, readonly string[]>;
  callCompanies?: ReadonlyMap<string, readonly string[]>;
  /** Record id -> display name, per type. */
  contactNames?: ReadonlyMap<string, string>;
  companyNames?: ReadonlyMap<string, string>;
}

export const prop = (call: HubSpotObject, name: string): string => call.properties[name] ?? '';

/** The call's outcome as the row shows it (the registry's rule). */
export function outcomeOf(call: HubSpotObject, lk: RowLookups): OutcomeView | undefined {
  return outcomeLabel(prop(call, 'hs_call_disposition'), lk.dispositions);
}

export function ownerNameOf(call: HubSpotObject, lk: RowLookups): string {
  return ownerLabel(prop(call, 'hubspot_owner_id'), lk.owners);
}

export function recordIdsOf(call: HubSpotObject, type: 'contacts' | 'companies', lk: RowLookups): readonly string[] {
  const fromLookup = (type === 'contacts' ? lk.callContacts : lk.callCompanies)?.get(call.id);
  if (fromLookup) return fromLookup;
  return call.associations?.[type]?.results.map((r) => r.id) ?? [];
}

export function recordNamesOf(call: HubSpotObject, type: 'contacts' | 'companies', lk: RowLookups): string[] {
  const names = type === 'contacts' ? lk.contactNames : lk.companyNames;
  return [...new Set(recordIdsOf(call, type, lk))].map((id) => names?.get(id) ?? (names ? `#${id}` : '…'));
}

export function hasRecording(call: HubSpotObject): boolean {
  return prop(call, 'hs_call_recording_url').trim() !== '';
}
