/**
 * Time cells of the grid: the same text as src/lib/datetime's formatDateTime / formatExactDateTime
 * ("24 Nov 2026, 14:05" and "2026-11-24 14:05:09 +01:00"), from cached Intl formatters. dayjs' tz plugin
 * builds a new Intl.DateTimeFormat per call, which made a page of rows measurably slower to render.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    cache.set(timeZone, f);
  }
  return f;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface CellTime {
  /** "24 Nov 2026, 14:05" */
  short: string;
  /** "2026-11-24 14:05:09 +01:00" */
  exact: string;
}

function parse(value: string): number {
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

export function cellTime(value: string, timeZone: string): CellTime | null {
  const ms = parse(value);
  if (!value || Number.isNaN(ms)) return null;
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const month = MONTHS.indexOf(parts.month ?? '') + 1 || Number(parts.month);
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  const day = Number(parts.day);
  return {
    short: `${day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`,
    exact: `${parts.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`,
  };
}
