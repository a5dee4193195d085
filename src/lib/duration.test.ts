import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

describe('formatDuration', () => {
  it.each([
    [0, '0:00:00'],
    [245_000, '0:04:05'],
    ['3800', '0:00:04'],
    [3_723_000, '1:02:03'],
    [36_000_000, '10:00:00'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
  it.each([null, undefined, '', 'abc', -5])('%s reads as nothing', (ms) => {
    expect(formatDuration(ms)).toBe('');
  });
});

describe('parseDuration', () => {
  it.each([
    ['1:02:03', 3_723_000],
    ['4:05', 245_000],
    ['65', 65_000],
    [' 0:00:30 ', 30_000],
    ['90:00', 5_400_000],
  ])('%s is %s ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
  it.each(['', 'abc', '1:60', '1:2:3:4', '-1', '1.5', '1:02:60'])('%s is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
  it('round-trips through formatDuration', () => {
    expect(parseDuration(formatDuration(3_723_000))).toBe(3_723_000);
  });
});
