/**
 * The one registry of the call properties the app knows: each one's fallback label, its list column
 * (header, and the URL sort key when HubSpot's search can sort by it) and how its value reads on screen.
 * Labels the account owns (outcomes, options, owners, property labels) come from the account; the texts
 * here are fallbacks for when its metadata has not loaded or lacks the value. Pure.
 *
 * Every view of the list is a HubSpot search, sorted newest first unless a sort key is chosen
 * (calls-queries.ts, DEFAULT_SORT).
 */
import type { Disposition, PropertyDefinition } from '../../api/schemas';

/** How a value of a property reads. */
export type ValueKind = 'text' | 'datetime' | 'duration' | 'phone' | 'outcome' | 'owner' | 'option' | 'html' | 'ids' | 'bool';

interface PropertySpec {
  /** Fallback label (HubSpot's own, for when the account's definitions have not loaded). */
  label: string;
  kind: ValueKind;
  /** HubSpot sets the value (never the app, so no history and no revert). */
  readOnly?: true;
  /** What calling integrations send: read for the call page only, and shown there only with a value. */
  integration?: true;
}

const CALL_PROPERTY_SPECS: Readonly<Record<string, PropertySpec>> = {
  hs_call_title: { label: 'Call title', kind: 'text' },
  hs_timestamp: { label: 'Activity date', kind: 'datetime' },
  hs_call_direction: { label: 'Call direction', kind: 'option' },
  hs_call_disposition: { label: 'Call outcome', kind: 'outcome' },
  hs_call_status: { label: 'Call status', kind: 'option' },
  hs_activity_type: { label: 'Call and meeting type', kind: 'option' },
  hs_call_duration: { label: 'Call duration', kind: 'duration' },
  hs_call_from_number: { label: 'From number', kind: 'phone' },
  hs_call_to_number: { label: 'To number', kind: 'phone' },
  hs_call_recording_url: { label: 'Recording URL', kind: 'text' },
  hs_call_body: { label: 'Call notes', kind: 'html' },
  hs_call_source: { label: 'Call source', kind: 'option' },
  hs_call_has_voicemail: { label: 'Has voicemail', kind: 'bool' },
  hs_call_callee_object_id: { label: 'Callee object ID', kind: 'text' },
  hs_call_callee_object_type: { label: 'Callee object type', kind: 'option' },
  hubspot_owner_id: { label: 'Activity assigned to', kind: 'owner' },
  hs_attachment_ids: { label: 'Attached file IDs', kind: 'ids' },
  hs_call_callee_object_type_id: { label: 'Callee object type ID', kind: 'text', integration: true },
  hs_call_external_id: { label: 'External call ID', kind: 'text', integration: true },
  hs_call_external_account_id: { label: 'External account ID', kind: 'text', integration: true },
  hs_call_app_id: { label: 'Calling app ID', kind: 'text', integration: true },
  hs_call_summary: { label: 'Call summary', kind: 'html', integration: true },
  hs_call_has_transcript: { label: 'Has transcript', kind: 'bool', integration: true },
  hs_call_transcription_id: { label: 'Transcription ID', kind: 'text', integration: true },
  hs_call_recording_duration: { label: 'Recording duration', kind: 'duration', integration: true },
  hs_call_video_recording_url: { label: 'Video recording URL', kind: 'text', integration: true },
  hs_body_preview: { label: 'Body preview', kind: 'text', readOnly: true, integration: true },
  hs_createdate: { label: 'Created', kind: 'datetime', readOnly: true },
  hs_lastmodifieddate: { label: 'Last modified', kind: 'datetime', readOnly: true },
  hs_object_id: { label: 'Record ID', kind: 'text', readOnly: true },
};

const ALL_CALL_PROPERTIES = Object.keys(CALL_PROPERTY_SPECS);

/** The call properties lists, searches and exports read. */
export const CALL_PROPERTIES: readonly string[] = ALL_CALL_PROPERTIES.filter((name) => !CALL_PROPERTY_SPECS[name]?.integration);

/** The call properties the call page reads: the list's and what integrations send. */
export const CALL_DETAIL_PROPERTIES: readonly string[] = ALL_CALL_PROPERTIES;

/** The properties a person (or an integration) sets: the call page shows the history of each, with one-field revert. */
export const CALL_HISTORY_PROPERTIES: readonly string[] = ALL_CALL_PROPERTIES.filter((name) => !CALL_PROPERTY_SPECS[name]?.readOnly);

/** True for the properties the call page shows only when the call has a value (what integrations send). */
export function shownOnlyWithValue(name: string): boolean {
  return CALL_PROPERTY_SPECS[name]?.integration === true;
}

/** The call list's columns, in their default order. */
export const COLUMN_IDS = ['title', 'time', 'direction', 'outcome', 'status', 'duration', 'owner', 'from', 'to', 'contacts', 'companies', 'recording'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

interface ColumnSpec {
  header: string;
  /** The property shown (contacts and companies are associations, not properties). */
  property?: string;
  /** True when HubSpot's search can sort by the property; the column id is then the URL sort key. */
  sortable?: true;
}

export const COLUMNS = {
  title: { header: 'Title', property: 'hs_call_title', sortable: true },
  time: { header: 'Time', property: 'hs_timestamp', sortable: true },
  direction: { header: 'Direction', property: 'hs_call_direction', sortable: true },
  // Not sortable: HubSpot's search orders an outcome by its stored GUID, not its label (as the owner by id, not name).
  outcome: { header: 'Outcome', property: 'hs_call_disposition' },
  status: { header: 'Status', property: 'hs_call_status', sortable: true },
  duration: { header: 'Duration', property: 'hs_call_duration', sortable: true },
  owner: { header: 'Owner', property: 'hubspot_owner_id' },
  from: { header: 'From number', property: 'hs_call_from_number' },
  to: { header: 'To number', property: 'hs_call_to_number' },
  contacts: { header: 'Contacts' },
  companies: { header: 'Companies' },
  recording: { header: 'Recording', property: 'hs_call_recording_url' },
} as const satisfies Record<ColumnId, ColumnSpec>;

export function isColumnId(v: string): v is ColumnId {
  return (COLUMN_IDS as readonly string[]).includes(v);
}

/** URL sort keys (`?sort=-duration`): the sortable columns. */
export type SortKey = { [K in ColumnId]: (typeof COLUMNS)[K] extends { sortable: true } ? K : never }[ColumnId];
const SORT_KEYS = COLUMN_IDS.filter((id): id is SortKey => (COLUMNS[id] as ColumnSpec).sortable === true);

export function isSortKey(v: string): v is SortKey {
  return (SORT_KEYS as readonly string[]).includes(v);
}

/** The HubSpot property a sort key sorts by. */
export function sortProperty(key: SortKey): string {
  return COLUMNS[key].property;
}

/** The account's label of a property, else the fallback, else its name. */
export function propertyLabel(name: string, definitions?: readonly PropertyDefinition[]): string {
  return definitions?.find((d) => d.name === name)?.label ?? CALL_PROPERTY_SPECS[name]?.label ?? name;
}

// ---- Labels of values the account owns. Lookups are label maps; a missing map means "still loading". ----

export interface OutcomeView {
  label: string;
  /** The GUID is not among the account's outcomes. */
  unknown: boolean;
}

/** An outcome's label as a person reads it: archived outcomes say so ("Left voicemail (archived)"). */
export function dispositionLabel(d: Disposition): string {
  return d.archived ? `${d.label} (archived)` : d.label;
}

/** Whether a value of a property may be chosen again (e.g. by a revert): not an outcome the account archived. */
export function canChooseValue(name: string, value: string, dispositions: readonly Disposition[] | undefined): boolean {
  return name !== 'hs_call_disposition' || !dispositions?.some((d) => d.id === value && d.archived);
}

/** Outcome GUID -> label, from the account's outcomes (archived ones included, marked). */
export function dispositionLabels(dispositions: readonly Disposition[] | undefined): Map<string, string> | undefined {
  return dispositions && new Map(dispositions.map((d) => [d.id, dispositionLabel(d)]));
}

/** An outcome GUID as a person reads it: "…" while outcomes load, a flagged "Unknown outcome" for a GUID the account lacks. */
export function outcomeLabel(guid: string | null | undefined, labels: ReadonlyMap<string, string> | undefined): OutcomeView | undefined {
  if (!guid) return undefined;
  if (!labels) return { label: '…', unknown: false };
  const label = labels.get(guid);
  return label === undefined ? { label: 'Unknown outcome', unknown: true } : { label, unknown: false };
}

/** Option value -> label of one property, from the account's definitions. */
export function optionLabels(definitions: readonly PropertyDefinition[] | undefined, name: string): Map<string, string> | undefined {
  const def = definitions?.find((d) => d.name === name);
  return def && new Map(def.options.map((o) => [o.value, o.label]));
}

/** An option value as a person reads it: the account's label, else `NO_ANSWER` -> `No answer`. */
export function optionLabel(value: string | null | undefined, labels: ReadonlyMap<string, string> | undefined): string {
  if (!value) return '';
  return labels?.get(value) ?? humanize(value);
}

function humanize(value: string): string {
  const s = value.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** An owner id as a person reads it: the name; `Owner 7` while owners load; `Unknown owner (7)` when the account has no such owner. */
export function ownerLabel(id: string | null | undefined, names: ReadonlyMap<string, string> | undefined): string {
  if (!id) return '';
  if (!names) return `Owner ${id}`;
  return names.get(id) ?? `Unknown owner (${id})`;
}

/** Text of an HTML fragment, for short previews (never rendered as HTML). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** How a property's value reads (its spec's kind; else from its definition's type), for call-values.ts. */
export function valueKind(name: string, def: PropertyDefinition | undefined): ValueKind {
  return (
    CALL_PROPERTY_SPECS[name]?.kind ??
    (def?.type === 'datetime' ? 'datetime' : def?.type === 'bool' || def?.type === 'booleancheckbox' ? 'bool' : def?.options.length ? 'option' : 'text')
  );
}
