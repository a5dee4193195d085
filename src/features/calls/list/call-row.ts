/**
 * What a row of the call list shows, derived from a HubSpot call and the account's metadata.
 * Shared by the grid cells and the CSV export so both say the same thing. Pure.
 */
import type { HubSpotObject } from '../../../api/schemas';

export const COLUMN_IDS = [
  'title',
  'time',
  'direction',
  'outcome',
  'status',
  'duration',
  'owner',
  'from',
  'to',
  'contacts',
  'companies',
  'recording',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const COLUMN_LABELS: Record<ColumnId, string> = {
  title: 'Title',
  time: 'Time',
  direction: 'Direction',
  outcome: 'Outcome',
  status: 'Status',
  duration: 'Duration',
  owner: 'Owner',
  from: 'From number',
  to: 'To number',
  contacts: 'Contacts',
  companies: 'Companies',
  recording: 'Recording',
};

export function isColumnId(v: string): v is ColumnId {
  return (COLUMN_IDS as readonly string[]).includes(v);
}

/** Lookups from the account's metadata and the page's batch reads. Missing maps mean "still loading". */
export interface RowLookups {
  /** Outcome GUID -> label (from /calling/v1/dispositions). */
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

export interface OutcomeView {
  guid: string;
  label: string;
  /** The GUID is not among the account's outcomes. */
  unknown: boolean;
}

export function outcomeOf(call: HubSpotObject, lk: RowLookups): OutcomeView | undefined {
  const guid = prop(call, 'hs_call_disposition');
  if (!guid) return undefined;
  if (!lk.dispositions) return { guid, label: '…', unknown: false };
  const label = lk.dispositions.get(guid);
  return label === undefined ? { guid, label: 'Unknown outcome', unknown: true } : { guid, label, unknown: false };
}

export function optionLabel(value: string, labels: ReadonlyMap<string, string> | undefined): string {
  if (!value) return '';
  return labels?.get(value) ?? humanize(value);
}

/** `NO_ANSWER` -> `No answer`; the fallback when the property's options have not loaded or lack the value. */
function humanize(value: string): string {
  const s = value.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function ownerNameOf(call: HubSpotObject, lk: RowLookups): string {
  const id = prop(call, 'hubspot_owner_id');
  if (!id) return '';
  return lk.owners?.get(id) ?? `Owner ${id}`;
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
