/**
 * The "placeholder contact" rule (the Needs-attention queue 4, and what the repair by phone number takes a call
 * off): a contact with no name, a name that is only a phone number, or a dialer's default name ("Caller +1 555…",
 * "New contact", "Unknown caller"). One home for the rule: the server's scan and the browser's repair both use it.
 * Pure: no imports, so the server can use it as it is.
 */

/** Dialer defaults that are not a person's name. */
const PLACEHOLDER_NAMES: readonly RegExp[] = [/^caller\b/i, /^new contact\b/i, /^unknown(?: (?:caller|contact|number))?$/i, /^anonymous\b/i];

/** Text that is only a phone number: digits with the usual separators, at least 5 digits. */
export function looksLikePhoneNumber(text: string): boolean {
  return /^[+\d\s().\-/]+$/.test(text) && text.replace(/\D/g, '').length >= 5;
}

/** Whether a contact with this first and last name is a placeholder. */
export function isPlaceholderName(firstname: string | null | undefined, lastname: string | null | undefined): boolean {
  const name = [firstname, lastname].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  if (!name) return true;
  return looksLikePhoneNumber(name) || PLACEHOLDER_NAMES.some((pattern) => pattern.test(name));
}
