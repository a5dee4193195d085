import { describe, expect, it } from 'vitest';
import { parseDateTime, toIso } from './values';

describe('toIso', () => {
  it('matches Date#toISOString across days, edges and out-of-range values', () => {
    const samples = [0, 1, 999, 86_399_999, 86_400_000, 951_782_400_000, 1_705_521_304_281, 1_767_225_599_999, 253_402_300_799_999];
    for (let i = 0; i < 2000; i++) samples.push(Math.floor(((i * 2_654_435_761) % 4_294_967_296) * 59_000));
    samples.push(-1, -86_400_001, 253_402_300_800_000);
    for (const ms of samples) expect(toIso(ms)).toBe(new Date(ms).toISOString());
  });
});

describe('parseDateTime', () => {
  it('accepts epoch milliseconds, ISO datetimes with offsets, and dates', () => {
    expect(parseDateTime('1730030400000')).toBe(Date.UTC(2024, 9, 27, 12));
    expect(parseDateTime('2024-10-27T12:00:00Z')).toBe(Date.UTC(2024, 9, 27, 12));
    expect(parseDateTime('2024-10-27T14:00:00+02:00')).toBe(Date.UTC(2024, 9, 27, 12));
    expect(parseDateTime('2024-10-27')).toBe(Date.UTC(2024, 9, 27));
  });

  it('rejects words, partial dates and impossible dates', () => {
    for (const bad of ['yesterday', '2024-10', '2024-13-45T00:00:00Z', '12:00', '']) expect(parseDateTime(bad)).toBeUndefined();
  });
});
