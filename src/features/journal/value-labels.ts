/**
 * Names for what a journal record holds, as a user reads them: a property's label ("Call outcome") and a value's
 * label ("Busy" for an outcome's GUID) from the account's call property definitions (one request; without them,
 * the property's name and the raw value), association sets by record type ("Contacts 12, 15").
 */
import { getObjectProperties } from '../../api/metadata';
import { RECORD_TYPE_LABELS } from '../../api/records';
import type { PropertyDefinition } from '../../api/schemas';
import { isAssociationKey, type CallValues } from './call-values';

export interface ValueLabels {
  /** "Call outcome" for hs_call_disposition; "Contacts" for contacts. */
  key(name: string): string;
  /** "Busy"; "none" for no value; ids joined for an association set. */
  value(name: string, value: CallValues[string] | undefined): string;
}

export function valueLabels(definitions: readonly PropertyDefinition[]): ValueLabels {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  return {
    key: (name) => (isAssociationKey(name) ? RECORD_TYPE_LABELS[name].many : (byName.get(name)?.label ?? name)),
    value: (name, value) => {
      if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
      if (value === null || value === undefined || value === '') return 'empty';
      return byName.get(name)?.options.find((o) => o.value === value)?.label ?? value;
    },
  };
}

/** The account's call property labels, or names alone when HubSpot does not give them. */
export async function loadValueLabels(signal?: AbortSignal): Promise<ValueLabels> {
  try {
    return valueLabels(await getObjectProperties('calls', signal));
  } catch {
    if (signal?.aborted) throw signal.reason;
    return valueLabels([]);
  }
}
