/**
 * Dates and times: HubSpot speaks ISO-8601 UTC; people read their own time zone. The app's one dayjs, with its
 * plugins (utc, timezone) extended here: import `dayjs` and `Dayjs` from this module, never from 'dayjs'.
 */
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { userTimeZone } from './timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };
export type { Dayjs };

export { userTimeZone };

/** HubSpot datetime (ISO or epoch ms) → Dayjs, or null when absent or unreadable. */
export function parseHubSpotDate(value: string | number | null | undefined): Dayjs | null {
  if (value === null || value === undefined || value === '') return null;
  const d = typeof value === 'number' || /^\d+$/.test(value) ? dayjs(Number(value)) : dayjs(value);
  return d.isValid() ? d : null;
}

/** "24 Nov 2026, 14:05" in the given time zone (the user's by default); "" when absent. */
export function formatDateTime(value: string | number | null | undefined, tz: string = userTimeZone()): string {
  const d = parseHubSpotDate(value);
  return d ? d.tz(tz).format('D MMM YYYY, HH:mm') : '';
}

/** Exact time with seconds and zone offset, for hovers and admins: "2026-11-24 14:05:09 +01:00". */
export function formatExactDateTime(value: string | number | null | undefined, tz: string = userTimeZone()): string {
  const d = parseHubSpotDate(value);
  return d ? d.tz(tz).format('YYYY-MM-DD HH:mm:ss Z') : '';
}

/** A picked date-time → the ISO-8601 UTC string HubSpot stores ("2026-11-24T13:05:00.000Z"). */
export function toUtcIso(d: Dayjs): string {
  return d.utc().toISOString();
}

/** Epoch milliseconds as HubSpot's search filters want them ("1732453500000"). */
export function toEpochMsString(d: Dayjs): string {
  return String(d.valueOf());
}
