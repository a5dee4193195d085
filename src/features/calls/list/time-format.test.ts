import { describe, expect, it } from 'vitest';
import { formatDateTime, formatExactDateTime } from '../../../lib/datetime';
import { cellTime } from './time-format';

describe('grid time cells', () => {
  const cases = [
    ['2026-11-24T13:05:09.000Z', 'Europe/Paris'],
    ['2026-07-01T00:00:00.000Z', 'America/New_York'],
    ['2026-01-05T23:59:59.999Z', 'Asia/Kolkata'],
    ['2026-03-29T01:30:00.000Z', 'UTC'],
    ['1767225600000', 'Australia/Sydney'],
  ] as const;
  it.each(cases)('%s in %s reads like the shared formatters', (iso, tz) => {
    expect(cellTime(iso, tz)).toEqual({ short: formatDateTime(iso, tz), exact: formatExactDateTime(iso, tz) });
  });
  it('is null for empty or unreadable values', () => {
    expect(cellTime('', 'UTC')).toBeNull();
    expect(cellTime('yesterday', 'UTC')).toBeNull();
  });
});
