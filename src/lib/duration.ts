/** Call durations: HubSpot stores milliseconds; people read and type h:mm:ss. */

/** 245000 → "0:04:05"; empty, missing or non-numeric input → "". */
export function formatDuration(ms: number | string | null | undefined): string {
  if (ms === null || ms === undefined || ms === '') return '';
  const n = typeof ms === 'number' ? ms : Number(ms);
  if (!Number.isFinite(n) || n < 0) return '';
  const total = Math.round(n / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * "1:02:03" (h:mm:ss), "4:05" (m:ss) or "65" (seconds) → milliseconds; null when it is not a
 * duration (minutes and seconds after the first part must be 0-59).
 */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (!/^\d+(:\d{1,2}){0,2}$/.test(t)) return null;
  const parts = t.split(':').map(Number);
  const rest = parts.slice(1);
  if (rest.some((p) => p > 59)) return null;
  let seconds = 0;
  for (const p of parts) seconds = seconds * 60 + p;
  return seconds * 1000;
}
