/**
 * The one place that converts HubSpot's string properties of a call to form values and back.
 *
 * HubSpot sends and accepts every property as a string: `hs_timestamp` is ISO-8601 UTC,
 * `hs_call_duration` is milliseconds, `hs_attachment_ids` is `;`-separated. The form works with
 * what a person types: a date-time in their own time zone, `h:mm:ss`, comma or `;` separated ids.
 */
import * as z from 'zod/mini';
import { dayjs, type Dayjs } from '../../../lib/datetime';
import { formatDuration, parseDuration } from '../../../lib/duration';
import { normalizePhone, validatePhone } from '../../../lib/phone';

export interface CallFormValues {
  title: string;
  timestamp: Dayjs | null;
  direction: string;
  disposition: string;
  status: string;
  activityType: string;
  duration: string;
  fromNumber: string;
  toNumber: string;
  recordingUrl: string;
  ownerId: string;
  body: string;
  attachmentIds: string;
  source: string;
  /** The callee: who was called (outbound) or called (inbound), one of the call's contacts or companies. */
  calleeType: string;
  calleeId: string;
}

export type CallFormField = keyof CallFormValues;

/** Form field -> HubSpot property name. */
export const FIELD_PROPERTY = {
  title: 'hs_call_title',
  timestamp: 'hs_timestamp',
  direction: 'hs_call_direction',
  disposition: 'hs_call_disposition',
  status: 'hs_call_status',
  activityType: 'hs_activity_type',
  duration: 'hs_call_duration',
  fromNumber: 'hs_call_from_number',
  toNumber: 'hs_call_to_number',
  recordingUrl: 'hs_call_recording_url',
  ownerId: 'hubspot_owner_id',
  body: 'hs_call_body',
  attachmentIds: 'hs_attachment_ids',
  source: 'hs_call_source',
  calleeType: 'hs_call_callee_object_type',
  calleeId: 'hs_call_callee_object_id',
} as const satisfies Record<CallFormField, string>;

export const FORM_FIELDS = Object.keys(FIELD_PROPERTY) as CallFormField[];

const PROPERTY_FIELD: Record<string, CallFormField> = Object.fromEntries(
  FORM_FIELDS.map((f) => [FIELD_PROPERTY[f], f]),
);

/** The form field that edits a HubSpot property, if any (used to put HubSpot's 400s on the right field). */
export function fieldForProperty(property: string): CallFormField | undefined {
  return PROPERTY_FIELD[property];
}

export type CallProperties = Record<string, string | null | undefined>;

/** Defaults for a new call: everything empty, the time is now (to the minute, as the picker shows it) in the user's time zone. */
export function emptyCallFormValues(tz: string, now: Dayjs = dayjs()): CallFormValues {
  return {
    title: '',
    timestamp: now.tz(tz).startOf('minute'),
    direction: '',
    disposition: '',
    status: '',
    activityType: '',
    duration: '',
    fromNumber: '',
    toNumber: '',
    recordingUrl: '',
    ownerId: '',
    body: '',
    attachmentIds: '',
    source: '',
    calleeType: '',
    calleeId: '',
  };
}

function parseHubSpotTime(raw: string | null | undefined, tz: string): Dayjs | null {
  if (!raw) return null;
  const asNumber = /^\d+$/.test(raw) ? Number(raw) : NaN;
  const d = Number.isFinite(asNumber) ? dayjs(asNumber) : dayjs(raw);
  return d.isValid() ? d.tz(tz) : null;
}

/** HubSpot properties -> form values, time shown in the time zone `tz`. */
export function propertiesToFormValues(props: CallProperties, tz: string): CallFormValues {
  const s = (name: string) => props[name] ?? '';
  const durationRaw = s('hs_call_duration').trim();
  return {
    title: s('hs_call_title'),
    timestamp: parseHubSpotTime(props.hs_timestamp, tz),
    direction: s('hs_call_direction'),
    disposition: s('hs_call_disposition'),
    status: s('hs_call_status'),
    activityType: s('hs_activity_type'),
    duration: durationRaw === '' ? '' : formatDuration(durationRaw),
    fromNumber: s('hs_call_from_number'),
    toNumber: s('hs_call_to_number'),
    recordingUrl: s('hs_call_recording_url'),
    ownerId: s('hubspot_owner_id'),
    body: s('hs_call_body'),
    attachmentIds: s('hs_attachment_ids'),
    source: s('hs_call_source'),
    calleeType: s('hs_call_callee_object_type'),
    calleeId: s('hs_call_callee_object_id'),
  };
}

/** Splits what a person typed ("1, 2;3") into HubSpot's `;`-separated form ("1;2;3"). */
export function normalizeAttachmentIds(raw: string): string {
  return raw
    .split(/[;,\s]+/)
    .map((x) => x.trim())
    .filter(Boolean)
    .join(';');
}

/** One form field -> the string HubSpot stores ("" clears the property). */
export function fieldToProperty(field: CallFormField, values: CallFormValues): string {
  switch (field) {
    case 'timestamp':
      return values.timestamp && values.timestamp.isValid() ? values.timestamp.utc().toISOString() : '';
    case 'duration': {
      const text = values.duration.trim();
      if (!text) return '';
      const ms = parseDuration(text);
      return ms === null ? '' : String(Math.round(ms));
    }
    case 'fromNumber':
    case 'toNumber':
      return normalizePhone(values[field]);
    case 'attachmentIds':
      return normalizeAttachmentIds(values.attachmentIds);
    case 'body':
      // Notes are kept exactly as typed (HubSpot stores the body as entered/HTML).
      return values.body;
    case 'title':
    case 'recordingUrl':
      return values[field].trim();
    default:
      return values[field];
  }
}

/** Properties for a create: every field with a value (empty fields are left out). */
export function formValuesToProperties(values: CallFormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of FORM_FIELDS) {
    const v = fieldToProperty(field, values);
    if (v !== '') out[FIELD_PROPERTY[field]] = v;
  }
  return out;
}

/** Whether a field holds the same value in both (times compared to the millisecond, text as typed). */
export function sameFieldValue(field: CallFormField, a: CallFormValues, b: CallFormValues): boolean {
  if (field === 'timestamp') {
    const x = a.timestamp;
    const y = b.timestamp;
    if (!x || !y) return !x && !y;
    return x.valueOf() === y.valueOf();
  }
  if (field === 'body') return a.body === b.body;
  return a[field].trim() === b[field].trim();
}

/** The fields a person changed, compared with the values the form was loaded with. */
export function changedFields(initial: CallFormValues, values: CallFormValues): CallFormField[] {
  return FORM_FIELDS.filter((f) => !sameFieldValue(f, initial, values));
}

/**
 * Properties for an update: only the fields that changed; a cleared field is sent as "".
 * A field left as loaded is never re-sent, even if re-encoding it would spell it differently.
 */
export function changedProperties(initial: CallFormValues, values: CallFormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of changedFields(initial, values)) {
    out[FIELD_PROPERTY[field]] = fieldToProperty(field, values);
  }
  return out;
}

const HTTPS_URL = /^https:\/\/[^\s/$.?#].[^\s]*$/i;

/**
 * The form's rules. `initial` (edit) lets a value that came from HubSpot unchanged pass, so an old
 * call with, say, a national phone number can still have its outcome fixed.
 */
export function callFormSchema(initial?: CallFormValues) {
  const unchanged = (field: CallFormField, v: CallFormValues) => initial !== undefined && sameFieldValue(field, initial, v);
  return z
    .object({
      title: z.string().check(z.maxLength(2000, 'Keep the title under 2,000 characters')),
      timestamp: z.custom<Dayjs | null>((v) => v === null || dayjs.isDayjs(v)),
      direction: z.string(),
      disposition: z.string(),
      status: z.string(),
      activityType: z.string(),
      duration: z.string(),
      fromNumber: z.string(),
      toNumber: z.string(),
      recordingUrl: z.string(),
      ownerId: z.string(),
      body: z.string(),
      attachmentIds: z.string(),
      source: z.string(),
      calleeType: z.string(),
      calleeId: z.string(),
    })
    .check(
      z.superRefine((values, ctx) => {
        if (!values.timestamp) {
          ctx.addIssue({ code: 'custom', path: ['timestamp'], message: 'Enter when the call happened' });
        } else if (!values.timestamp.isValid()) {
          ctx.addIssue({ code: 'custom', path: ['timestamp'], message: 'Enter a complete date and time' });
        }
        const duration = values.duration.trim();
        if (duration && parseDuration(duration) === null) {
          ctx.addIssue({ code: 'custom', path: ['duration'], message: 'Type the duration as h:mm:ss or mm:ss, e.g. 4:05' });
        }
        for (const field of ['fromNumber', 'toNumber'] as const) {
          const raw = values[field].trim();
          if (!raw || unchanged(field, values)) continue;
          const problem = validatePhone(raw);
          if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem });
        }
        const url = values.recordingUrl.trim();
        if (url && !unchanged('recordingUrl', values)) {
          if (!/^https:\/\//i.test(url)) {
            ctx.addIssue({ code: 'custom', path: ['recordingUrl'], message: 'Recording URLs must start with https:// (HubSpot only plays secure recordings)' });
          } else if (!HTTPS_URL.test(url)) {
            ctx.addIssue({ code: 'custom', path: ['recordingUrl'], message: 'Enter a complete https:// address' });
          }
        }
        const callee = [values.calleeType.trim(), values.calleeId.trim()];
        if (callee.filter(Boolean).length === 1 && !(unchanged('calleeType', values) && unchanged('calleeId', values))) {
          ctx.addIssue({ code: 'custom', path: ['calleeId'], message: 'Choose the callee again: HubSpot needs both its type and its id' });
        }
        const ids = values.attachmentIds.trim();
        if (ids && !unchanged('attachmentIds', values)) {
          const parts = normalizeAttachmentIds(ids).split(';');
          if (parts.some((p) => !/^\d+$/.test(p))) {
            ctx.addIssue({ code: 'custom', path: ['attachmentIds'], message: 'Attachment ids are numbers separated by ; (e.g. 1234;5678)' });
          }
        }
      }),
    );
}
