/**
 * Phone numbers for the hygiene rules: HubSpot stores them as free text ("+1 415-555-0123", "(415) 555 0123",
 * "14155550123"), so two spellings of one number must compare equal. libphonenumber-js (already the browser's
 * library, with its "min" metadata) parses them; numbers without a country code are read in `defaultCountry`.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** The number in E.164 ("+14155550123"), or null when it is not a valid number. */
export function toE164(raw: string | null | undefined, defaultCountry?: CountryCode): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * What two numbers are compared by: E.164 when the number is valid, else its digits (a test number such as
 * "+1 555 0100" is still the same number however it is spaced); null when there is no number at all.
 */
export function phoneKey(raw: string | null | undefined, defaultCountry?: CountryCode): string | null {
  const e164 = toE164(raw, defaultCountry);
  if (e164) return e164;
  const digits = raw?.replace(/\D/g, '') ?? '';
  return digits.length >= 3 ? `#${digits}` : null;
}
