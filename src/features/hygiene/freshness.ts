/** How fresh a queue's count is, in words (pure). */
import type { QueueSummary, ScanProgress } from './hygiene-api';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "3 min ago", "2 h ago", "5 days ago". */
export function ago(iso: string, now: Date): string {
  const ms = Math.max(0, now.getTime() - Date.parse(iso));
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`;
  const days = Math.floor(ms / DAY);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

/** "10:42" today, else "Mar 3, 10:42" (in the user's zone). */
export function clockTime(iso: string, now: Date, timeZone: string): string {
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const at = new Date(iso);
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  if (day(at) === day(now)) return time;
  return `${new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric' }).format(at)}, ${time}`;
}

/** Where a queue's count comes from and when it was computed. */
export function freshness(q: Pick<QueueSummary, 'source' | 'computedAt' | 'error'>, now: Date, timeZone: string): string {
  if (q.error) return `Could not count: ${q.error}`;
  if (!q.computedAt) return q.source === 'scan' ? 'Needs a scan of every call' : 'Not counted yet';
  if (q.source === 'search') return `Counted ${ago(q.computedAt, now)} by HubSpot’s search`;
  return `From the scan of ${clockTime(q.computedAt, now, timeZone)}, ${ago(q.computedAt, now)}`;
}

/** "1,234 of 5,000 calls read" (the total is unknown for a moment at the start). */
export function scanProgressText(scan: Pick<ScanProgress, 'callsRead' | 'callsTotal'>): string {
  const read = scan.callsRead.toLocaleString('en-US');
  return scan.callsTotal === null ? `${read} calls read` : `${read} of ${scan.callsTotal.toLocaleString('en-US')} calls read`;
}

/** The progress bar's value (0–100), or undefined while the total is unknown. */
export function scanPercent(scan: Pick<ScanProgress, 'callsRead' | 'callsTotal'>): number | undefined {
  if (!scan.callsTotal) return undefined;
  return Math.min(100, Math.round((scan.callsRead / scan.callsTotal) * 100));
}
