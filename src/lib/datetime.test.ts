import { describe, expect, it } from 'vitest';
import { dayjs, formatDateTime, formatExactDateTime, parseHubSpotDate, toEpochMsString, toUtcIso } from './datetime';

describe('datetimes', () => {
  const iso = '2026-11-24T13:05:09.000Z';
  it('reads ISO and epoch milliseconds alike', () => {
    expect(parseHubSpotDate(iso)?.valueOf()).toBe(Date.parse(iso));
    expect(parseHubSpotDate(String(Date.parse(iso)))?.valueOf()).toBe(Date.parse(iso));
    expect(parseHubSpotDate('not a date')).toBeNull();
    expect(parseHubSpotDate('')).toBeNull();
  });
  it('shows the time in the given zone', () => {
    expect(formatDateTime(iso, 'Europe/Paris')).toBe('24 Nov 2026, 14:05');
    expect(formatDateTime(iso, 'America/New_York')).toBe('24 Nov 2026, 08:05');
    expect(formatExactDateTime(iso, 'Asia/Kolkata')).toBe('2026-11-24 18:35:09 +05:30');
  });
  it('crosses the date line correctly', () => {
    expect(formatDateTime('2026-11-24T23:30:00Z', 'Pacific/Auckland')).toBe('25 Nov 2026, 12:30');
  });
  it('sends a time picked in a zone as UTC', () => {
    const picked = dayjs.tz('2026-03-29 01:30', 'Europe/London');
    expect(toUtcIso(picked)).toBe('2026-03-29T01:30:00.000Z');
    const summer = dayjs.tz('2026-07-01 09:00', 'Europe/London');
    expect(toUtcIso(summer)).toBe('2026-07-01T08:00:00.000Z');
    expect(toEpochMsString(summer)).toBe(String(Date.parse('2026-07-01T08:00:00.000Z')));
  });
});
