/**
 * A form's values kept in this tab's sessionStorage under a random key, so that what someone typed
 * survives going to another page (e.g. logging an edit of a deleted call as a new call) and a reload.
 * The key travels in the URL (`/calls/new?draft=<key>`); the draft is dropped once it is saved.
 */
import { dayjs } from '../../../lib/datetime';
import { emptyCallFormValues, type CallFormValues } from './call-form-mapping';

const PREFIX = 'call-draft:';

type Stored = Omit<CallFormValues, 'timestamp'> & { timestamp: string | null };

export function saveDraft(values: CallFormValues): string {
  const key = crypto.randomUUID();
  const stored: Stored = { ...values, timestamp: values.timestamp && values.timestamp.isValid() ? values.timestamp.toISOString() : null };
  sessionStorage.setItem(PREFIX + key, JSON.stringify(stored));
  return key;
}

/** The draft's values in `tz`, or undefined when there is none under `key`. */
export function readDraft(key: string | null, tz: string): CallFormValues | undefined {
  if (!key) return undefined;
  const text = sessionStorage.getItem(PREFIX + key);
  if (!text) return undefined;
  try {
    const stored = JSON.parse(text) as Stored;
    // A draft saved before the form had some field leaves it empty.
    return { ...emptyCallFormValues(tz), ...stored, timestamp: stored.timestamp ? dayjs(stored.timestamp).tz(tz) : null };
  } catch {
    return undefined;
  }
}

export function dropDraft(key: string | null): void {
  if (key) sessionStorage.removeItem(PREFIX + key);
}

/** The values as plain text, one "Label: value" line each, for the clipboard. */
export function draftAsText(values: CallFormValues, labels: Record<keyof CallFormValues, string>): string {
  return (Object.keys(labels) as (keyof CallFormValues)[])
    .map((field) => {
      const v = values[field];
      const text = field === 'timestamp' ? (values.timestamp?.isValid() ? values.timestamp.format('YYYY-MM-DD HH:mm Z') : '') : String(v ?? '');
      return text ? `${labels[field]}: ${text}` : '';
    })
    .filter(Boolean)
    .join('\n');
}
