/**
 * Pure helpers of the associations feature: what a call's associated record looks like in the UI,
 * how association labels read, how picks become HubSpot association inputs, and HubSpot record links.
 */
import { CALL_ASSOCIATION_TYPE_IDS } from '../../api/associations';
import type { AssociationSpec } from '../../api/associations';
import { RECORD_TYPE_LABELS, recordDetail, recordDisplayName } from '../../api/records';
import type { RecordType } from '../../api/records';
import { ASSOCIATION_CATEGORIES, type AssociationCategory, type AssociationType, type HubSpotObject } from '../../api/schemas';

/** One record the user picked to associate with a call, with the association type (label) chosen. */
export interface PickedRecord {
  type: RecordType;
  id: string;
  name: string;
  associationTypeId: number;
  associationCategory: string;
}

/** A record associated with the call, as the panel keeps it in the query cache. */
export interface AssociatedEntry {
  type: RecordType;
  id: string;
  /** Every association type between the call and this record (default and labels). */
  associationTypes: AssociationType[];
  /** The record's properties; null while an optimistic add waits for HubSpot, or when HubSpot did not return it. */
  record: HubSpotObject | null;
  /** Name shown before the record is read (optimistic add). */
  fallbackName?: string;
  /** True while the association exists only on this screen (add in flight). */
  pending?: boolean;
}

/** Choices offered for the association label of one record type. */
export interface LabelOption {
  typeId: number;
  category: AssociationCategory;
  text: string;
  isDefault: boolean;
}

export const PINNED_PROPERTY = 'hs_pinned_engagement_id';

function toCategory(value: string): AssociationCategory {
  return (ASSOCIATION_CATEGORIES as readonly string[]).includes(value) ? (value as AssociationCategory) : 'USER_DEFINED';
}

const DEFAULT_LABEL_TEXT = 'No label (HubSpot default)';

/**
 * The label choices for call → `type`: HubSpot's unlabelled default first, then every labelled
 * type the account has for the pair (HubSpot-defined labels such as "Primary", and custom ones).
 */
export function labelOptions(type: RecordType, accountTypes: readonly AssociationType[] | undefined): LabelOption[] {
  const defaultId = CALL_ASSOCIATION_TYPE_IDS[type];
  const options: LabelOption[] = [{ typeId: defaultId, category: 'HUBSPOT_DEFINED', text: DEFAULT_LABEL_TEXT, isDefault: true }];
  const seen = new Set([defaultId]);
  for (const t of accountTypes ?? []) {
    const text = t.label?.trim();
    if (!text || seen.has(t.typeId)) continue;
    seen.add(t.typeId);
    options.push({ typeId: t.typeId, category: toCategory(t.category), text, isDefault: false });
  }
  return options;
}

/** The labels to show for one association: the named types, without the unlabelled default. */
export function associationLabelTexts(types: readonly AssociationType[]): string[] {
  const texts: string[] = [];
  for (const t of types) {
    const text = t.label?.trim();
    if (text && !texts.includes(text)) texts.push(text);
  }
  return texts;
}

/**
 * The association types to send for one pick. A labelled association is sent together with the
 * unlabelled default, so the record stays associated the way HubSpot's own UI leaves it.
 */
export function pickedToSpecs(p: Pick<PickedRecord, 'type' | 'associationTypeId' | 'associationCategory'>): AssociationSpec[] {
  const defaultId = CALL_ASSOCIATION_TYPE_IDS[p.type];
  const chosen: AssociationSpec = { associationCategory: toCategory(p.associationCategory), associationTypeId: p.associationTypeId };
  if (p.associationTypeId === defaultId && chosen.associationCategory === 'HUBSPOT_DEFINED') return [chosen];
  return [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: defaultId }, chosen];
}

/** The `associations` array of a call create request, from the picker's value. */
export function pickedToAssociationInputs(picked: readonly PickedRecord[]): { to: { id: string }; types: AssociationSpec[] }[] {
  return picked.map((p) => ({ to: { id: p.id }, types: pickedToSpecs(p) }));
}

/** A new pick gets HubSpot's default association type. */
export function defaultPick(type: RecordType, id: string, name: string): PickedRecord {
  return { type, id, name, associationTypeId: CALL_ASSOCIATION_TYPE_IDS[type], associationCategory: 'HUBSPOT_DEFINED' };
}

export function entryName(e: AssociatedEntry): string {
  if (e.record) return recordDisplayName(e.type, e.record);
  return e.fallbackName?.trim() || `${RECORD_TYPE_LABELS[e.type].one} ${e.id}`;
}

/**
 * The one detail shown beside a record's name (email, domain, amount and stage, ticket status),
 * with stage/status values replaced by the account's labels when they are known.
 */
export function detailOf(type: RecordType, record: HubSpotObject, stageLabels?: ReadonlyMap<string, string>): string {
  if (!stageLabels || stageLabels.size === 0 || (type !== 'deals' && type !== 'tickets')) return recordDetail(type, record);
  const stageProp = type === 'deals' ? 'dealstage' : 'hs_pipeline_stage';
  const raw = record.properties[stageProp]?.trim() ?? '';
  const label = stageLabels.get(raw);
  if (!raw || !label) return recordDetail(type, record);
  if (type === 'tickets') return `Status: ${label}`;
  return recordDetail(type, { ...record, properties: { ...record.properties, [stageProp]: label } });
}

export function entryDetail(e: AssociatedEntry, stageLabels?: ReadonlyMap<string, string>): string {
  return e.record ? detailOf(e.type, e.record, stageLabels) : '';
}

/** The activity the record pins, or '' when it pins none. */
function pinnedActivityId(e: AssociatedEntry): string {
  return e.record?.properties[PINNED_PROPERTY]?.trim() ?? '';
}

export type PinState = { kind: 'this-call' } | { kind: 'none' } | { kind: 'other'; activityId: string };

export function pinState(e: AssociatedEntry, callId: string): PinState {
  const pinned = pinnedActivityId(e);
  if (!pinned) return { kind: 'none' };
  if (pinned === callId) return { kind: 'this-call' };
  return { kind: 'other', activityId: pinned };
}

/** Adds (or merges the types of) picked records into a type's cached list. */
export function withAdded(list: readonly AssociatedEntry[], picks: readonly PickedRecord[]): AssociatedEntry[] {
  const next = [...list];
  for (const p of picks) {
    const types: AssociationType[] = pickedToSpecs(p).map((s) => ({ category: s.associationCategory, typeId: s.associationTypeId }));
    const index = next.findIndex((e) => e.id === p.id);
    const existing = index >= 0 ? next[index] : undefined;
    if (existing) {
      const merged = [...existing.associationTypes];
      for (const t of types) if (!merged.some((m) => m.typeId === t.typeId)) merged.push(t);
      next[index] = { ...existing, associationTypes: merged };
    } else {
      next.push({ type: p.type, id: p.id, associationTypes: types, record: null, fallbackName: p.name, pending: true });
    }
  }
  return next;
}

/** Object type ids HubSpot uses in record URLs. */
const OBJECT_TYPE_IDS: Record<RecordType, string> = { contacts: '0-1', companies: '0-2', deals: '0-3', tickets: '0-5' };

/** The record's page in HubSpot's app, e.g. https://app.hubspot.com/contacts/123/record/0-1/456. */
export function hubspotRecordUrl(account: { portalId: number | string; uiDomain?: string }, type: RecordType, id: string): string {
  const domain = account.uiDomain?.trim() || 'app.hubspot.com';
  return `https://${domain}/contacts/${encodeURIComponent(String(account.portalId))}/record/${OBJECT_TYPE_IDS[type]}/${encodeURIComponent(id)}`;
}
