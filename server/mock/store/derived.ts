/**
 * What the store derives from a record's properties on every write (pure, no SQL): the
 * read-only `hs_body_preview` HubSpot computes from a call's notes, and the search text the
 * free-text `query` of a search matches words in.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ObjectTypeName } from './types.js';

/**
 * The default searchable properties of HubSpot's search guide: `query` looks only in these.
 * (Properties the mock does not define simply have no value.)
 */
const SEARCHABLE_PROPERTIES: Record<ObjectTypeName, readonly string[]> = {
  calls: ['hs_call_title', 'hs_body_preview'],
  contacts: ['firstname', 'lastname', 'email', 'phone', 'hs_additional_emails', 'fax', 'mobilephone', 'company', 'hs_marketable_until_renewal'],
  companies: ['website', 'phone', 'name', 'domain'],
  deals: ['dealname', 'pipeline', 'dealstage', 'description', 'dealtype'],
  tickets: ['subject', 'content', 'hs_pipeline_stage', 'hs_ticket_category', 'hs_ticket_id'],
};

/** Longest hs_body_preview, in characters (HubSpot truncates the preview; its exact length is not documented). */
const BODY_PREVIEW_MAX = 10_000;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The plain-text preview of HTML notes: scripts and styles dropped, tags removed (block ends
 * and line breaks become spaces), entities decoded, whitespace collapsed, at most
 * BODY_PREVIEW_MAX characters. Empty when the notes have no text.
 */
function bodyPreview(html: string): string {
  const text = decodeEntities(
    html
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre)\b[^>]*>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(text).slice(0, BODY_PREVIEW_MAX).join('');
}

/**
 * Contacts' searchable phone numbers, as HubSpot computes them from `phone` and `mobilephone`: the number as
 * dialled within its country, digits only, with no country code and no leading zeros ("+1 617-234-5678",
 * "(617) 234-5678" → "6172345678"; "+33 6 55 55 55 55" → "655555555"). Numbers written without a country code
 * are read as the account's country (the demo account's: US). Observed in HubSpot's API answers (e.g.
 * phone "513-227-1572" → "5132271572", "+5511999999999" → "11999999999", "08180854296" → "8180854296").
 */
const CALCULATED_PHONES: readonly (readonly [source: string, calculated: string])[] = [
  ['phone', 'hs_searchable_calculated_phone_number'],
  ['mobilephone', 'hs_searchable_calculated_mobile_number'],
];
const ACCOUNT_COUNTRY = 'US';

/** The searchable form of a phone number (see CALCULATED_PHONES); empty when it has no digits. */
function searchablePhoneNumber(raw: string): string {
  const parsed = parsePhoneNumberFromString(raw.trim(), ACCOUNT_COUNTRY);
  if (parsed?.isPossible()) return parsed.nationalNumber;
  return raw.replace(/\D/g, '').replace(/^0+/, '');
}

/** The record's properties with the values HubSpot computes (calls: hs_body_preview from hs_call_body; contacts: searchable phone numbers). */
export function withDerived(type: ObjectTypeName, props: Record<string, string>): Record<string, string> {
  if (type === 'contacts') {
    const out = { ...props };
    for (const [source, calculated] of CALCULATED_PHONES) {
      const value = props[source] ? searchablePhoneNumber(props[source]) : '';
      if (value) out[calculated] = value;
      else delete out[calculated];
    }
    return out;
  }
  if (type !== 'calls') return props;
  const out = { ...props };
  const preview = props['hs_call_body'] ? bodyPreview(props['hs_call_body']) : '';
  if (preview) out['hs_body_preview'] = preview;
  else delete out['hs_body_preview'];
  return out;
}

/** The words of a text, lower-cased: runs of letters and digits (so `ada@example.com` is `ada`, `example`, `com`). */
export function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The text a search's free-text terms are matched in: the words of the searchable properties,
 * each preceded by a space, so that "a word starts with the term" is `LIKE '% term%'`.
 */
export function searchTextOf(type: ObjectTypeName, props: Record<string, string>): string {
  let out = '';
  for (const name of SEARCHABLE_PROPERTIES[type]) {
    const v = props[name];
    if (v) for (const w of words(v)) out += ` ${w}`;
  }
  return out;
}
