/** How a call property reads on screen: labels instead of GUIDs and option values, h:mm:ss instead of ms. */
import type { Disposition, Owner, PropertyDefinition } from '../../../api/schemas';
import { formatDateTime } from '../../../lib/datetime';
import { formatDuration } from '../../../lib/duration';
import { formatPhone } from '../../../lib/phone';
import { dispositionLabel, ownerName } from '../../../api/metadata-queries';

export interface FormatContext {
  definitions?: readonly PropertyDefinition[];
  dispositions?: readonly Disposition[];
  owners?: readonly Owner[];
  timeZone: string;
}

const PHONE_PROPERTIES = new Set(['hs_call_from_number', 'hs_call_to_number']);
const DATETIME_PROPERTIES = new Set(['hs_timestamp', 'hs_createdate', 'hs_lastmodifieddate']);

/** Fallback labels for the properties the app knows, when the account's definitions are not loaded. */
const KNOWN_LABELS: Record<string, string> = {
  hs_call_title: 'Call title',
  hs_timestamp: 'Activity date',
  hs_call_direction: 'Call direction',
  hs_call_disposition: 'Call outcome',
  hs_call_status: 'Call status',
  hs_activity_type: 'Call and meeting type',
  hs_call_duration: 'Call duration',
  hs_call_from_number: 'From number',
  hs_call_to_number: 'To number',
  hs_call_recording_url: 'Recording URL',
  hs_call_body: 'Call notes',
  hs_call_source: 'Call source',
  hs_call_has_voicemail: 'Has voicemail',
  hs_call_callee_object_id: 'Callee object id',
  hs_call_callee_object_type: 'Callee object type',
  hubspot_owner_id: 'Activity assigned to',
  hs_attachment_ids: 'Attachment ids',
  hs_createdate: 'Created',
  hs_lastmodifieddate: 'Last modified',
  hs_object_id: 'Record ID',
};

export function propertyLabel(name: string, definitions?: readonly PropertyDefinition[]): string {
  return definitions?.find((d) => d.name === name)?.label ?? KNOWN_LABELS[name] ?? name;
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

/** A property value as a person reads it; "" for an empty value. */
export function formatPropertyValue(name: string, raw: string | null | undefined, ctx: FormatContext): string {
  if (raw === null || raw === undefined || raw === '') return '';
  if (name === 'hs_call_disposition') {
    const d = dispositionLabel(ctx.dispositions, raw);
    return d ? d.label : raw;
  }
  if (name === 'hubspot_owner_id') {
    const owner = ctx.owners?.find((o) => o.id === raw);
    return owner ? ownerName(owner) : `Unknown owner (${raw})`;
  }
  if (name === 'hs_call_duration') return formatDuration(raw) || raw;
  if (PHONE_PROPERTIES.has(name)) return formatPhone(raw);
  if (name === 'hs_call_body') return htmlToText(raw);
  if (name === 'hs_attachment_ids') return raw.split(';').filter(Boolean).join(', ');
  const def = ctx.definitions?.find((d) => d.name === name);
  if (DATETIME_PROPERTIES.has(name) || def?.type === 'datetime') return formatDateTime(raw, ctx.timeZone) || raw;
  if (def?.type === 'bool' || def?.type === 'booleancheckbox') return raw === 'true' ? 'Yes' : raw === 'false' ? 'No' : raw;
  if (def && def.options.length > 0) {
    const values = def.fieldType === 'checkbox' ? raw.split(';') : [raw];
    return values.map((v) => def.options.find((o) => o.value === v)?.label ?? v).join(', ');
  }
  if (name === 'hs_call_has_voicemail') return raw === 'true' ? 'Yes' : raw === 'false' ? 'No' : raw;
  return raw;
}
