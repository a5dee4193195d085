import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone, validatePhone } from './phone';

describe('phone numbers', () => {
  it('formats a valid number internationally', () => {
    expect(formatPhone('+14155550123')).toBe('+1 415 555 0123');
    expect(formatPhone('+442071838750')).toBe('+44 20 7183 8750');
  });
  it('shows an unparseable number as stored', () => {
    expect(formatPhone('ext. 42')).toBe('ext. 42');
    expect(formatPhone(null)).toBe('');
  });
  it('accepts international numbers and empty input', () => {
    expect(validatePhone('+1 415 555 0123')).toBeNull();
    expect(validatePhone('')).toBeNull();
  });
  it('asks for the country code when it is missing', () => {
    expect(validatePhone('415 555 0123')).toMatch(/international format/);
  });
  it('rejects digits that cannot be a number of that country', () => {
    expect(validatePhone('+1 123')).toMatch(/not a valid phone number/);
  });
  it('normalizes to E.164', () => {
    expect(normalizePhone(' +1 (415) 555-0123 ')).toBe('+14155550123');
  });
});
