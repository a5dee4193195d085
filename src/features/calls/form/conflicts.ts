/**
 * Edit conflicts: the call changed in HubSpot between loading the form and saving it.
 * HubSpot has no conditional PATCH, so the edit page re-reads the call before saving and compares.
 */
import type { HubSpotObject } from '../../../api/schemas';
import { FIELD_PROPERTY, FORM_FIELDS, fieldToProperty, sameFieldValue, type CallFormField, type CallFormValues, type CallProperties } from './call-form-mapping';

export interface ConflictRow {
  field: CallFormField;
  property: string;
  /** The value HubSpot has now (raw). */
  server: string;
  /** The value the form would save (raw). */
  mine: string;
  /** Whether the user changed this field in the form. */
  youChanged: boolean;
}

export type ConflictChoice = 'mine' | 'theirs';

const raw = (props: CallProperties, name: string) => props[name] ?? '';

/** The call was modified after `base` was read (HubSpot's updatedAt or hs_lastmodifieddate moved). */
export function changedSince(base: Pick<HubSpotObject, 'updatedAt' | 'properties'>, fresh: Pick<HubSpotObject, 'updatedAt' | 'properties'>): boolean {
  return base.updatedAt !== fresh.updatedAt || raw(base.properties, 'hs_lastmodifieddate') !== raw(fresh.properties, 'hs_lastmodifieddate');
}

/** The form's properties that HubSpot now holds differently from when the form was loaded. */
export function conflictRows(
  baseProps: CallProperties,
  freshProps: CallProperties,
  initial: CallFormValues,
  values: CallFormValues,
): ConflictRow[] {
  return FORM_FIELDS.flatMap((field) => {
    const property = FIELD_PROPERTY[field];
    const server = raw(freshProps, property);
    if (raw(baseProps, property) === server) return [];
    const youChanged = !sameFieldValue(field, initial, values);
    return [{ field, property, server, mine: youChanged ? fieldToProperty(field, values) : raw(baseProps, property), youChanged }];
  });
}

/** The default choice: keep what you typed, take HubSpot's value where you changed nothing. */
export function defaultChoices(rows: readonly ConflictRow[]): Record<string, ConflictChoice> {
  return Object.fromEntries(rows.map((r) => [r.field, r.youChanged ? 'mine' : 'theirs']));
}

/**
 * The values to save after the user chose per field: "theirs" takes the form value HubSpot's current
 * value maps to, "mine" keeps the form's value. Fields not in `choices` keep the form's value.
 */
export function resolveConflict(
  values: CallFormValues,
  freshValues: CallFormValues,
  choices: Readonly<Record<string, ConflictChoice>>,
): CallFormValues {
  const out: CallFormValues = { ...values };
  for (const field of FORM_FIELDS) {
    if (choices[field] === 'theirs') assign(out, field, freshValues);
  }
  return out;
}

function assign<K extends CallFormField>(target: CallFormValues, field: K, source: CallFormValues) {
  target[field] = source[field];
}
