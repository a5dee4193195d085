/** Phone numbers as HubSpot stores them (free text) and as people read them (international format). */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** "+14155550123" → "+1 415 555 0123"; anything that is not a valid number is shown as stored. */
export function formatPhone(raw: string | null | undefined): string {
  if (!raw) return '';
  const parsed = parsePhoneNumberFromString(raw.trim());
  return parsed?.isValid() ? parsed.formatInternational() : raw;
}

/** null when `raw` is an international number, else a message that says what to type. */
export function validatePhone(raw: string): string | null {
  const t = raw.trim();
  if (!t) return null;
  if (!t.startsWith('+')) return 'Use the international format with the country code, e.g. +1 415 555 0123.';
  const parsed = parsePhoneNumberFromString(t);
  if (!parsed || !parsed.isValid()) return 'This is not a valid phone number for its country code. Check the digits.';
  return null;
}

/** The number in E.164 ("+14155550123"), or the trimmed input when it cannot be parsed. */
export function normalizePhone(raw: string): string {
  const parsed = parsePhoneNumberFromString(raw.trim());
  return parsed?.isValid() ? parsed.number : raw.trim();
}
