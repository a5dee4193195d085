/** What a scan keeps of each call and each associated contact: only what the queue rules read. */

/** The call properties a scan requests (HubSpot's names), and so the only ones the rules may read. */
export const SCANNED_CALL_PROPERTIES = [
  'hs_timestamp',
  'hs_call_direction',
  'hs_call_status',
  'hs_call_from_number',
  'hs_call_to_number',
  'hs_call_external_id',
  'hs_call_has_voicemail',
  'hubspot_owner_id',
  'hs_lastmodifieddate',
] as const;

export const SCANNED_CONTACT_PROPERTIES = ['firstname', 'lastname', 'phone', 'mobilephone'] as const;

export interface ScannedCall {
  id: string;
  /** hs_timestamp in epoch ms (null when the call has none or an unreadable one). */
  timestamp: number | null;
  direction: string | null;
  status: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  externalId: string | null;
  hasVoicemail: boolean;
  ownerId: string | null;
  contactIds: string[];
  companyIds: string[];
}

export interface ScannedContact {
  id: string;
  firstname: string | null;
  lastname: string | null;
  phone: string | null;
  mobilephone: string | null;
}

/** A HubSpot property value as the rules read it: an empty string is no value. */
function value(properties: Record<string, string | null | undefined>, name: string): string | null {
  const v = properties[name];
  return v === undefined || v === null || v.trim() === '' ? null : v;
}

/** A call from HubSpot's JSON (properties as strings, associations by plural type). */
export function toScannedCall(
  id: string,
  properties: Record<string, string | null | undefined>,
  contactIds: readonly string[],
  companyIds: readonly string[],
): ScannedCall {
  const at = value(properties, 'hs_timestamp');
  const ms = at === null ? NaN : /^\d+$/.test(at) ? Number(at) : Date.parse(at);
  return {
    id,
    timestamp: Number.isFinite(ms) ? ms : null,
    direction: value(properties, 'hs_call_direction'),
    status: value(properties, 'hs_call_status'),
    fromNumber: value(properties, 'hs_call_from_number'),
    toNumber: value(properties, 'hs_call_to_number'),
    externalId: value(properties, 'hs_call_external_id'),
    hasVoicemail: value(properties, 'hs_call_has_voicemail') === 'true',
    ownerId: value(properties, 'hubspot_owner_id'),
    contactIds: [...new Set(contactIds)],
    companyIds: [...new Set(companyIds)],
  };
}

export function toScannedContact(id: string, properties: Record<string, string | null | undefined>): ScannedContact {
  return {
    id,
    firstname: value(properties, 'firstname'),
    lastname: value(properties, 'lastname'),
    phone: value(properties, 'phone'),
    mobilephone: value(properties, 'mobilephone'),
  };
}
