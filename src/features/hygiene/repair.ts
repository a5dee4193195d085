/**
 * "Repair associations by phone number" (queues 3 and 4), the pure part: a call's counterpart number
 * (outbound: the number called, inbound: the caller's) normalised to E.164, the searches that find contacts and
 * companies with that number, which found records really match and why, and the change that ties a call to
 * its match.
 *
 * How HubSpot finds a number: contacts carry calculated, read-only `hs_searchable_calculated_phone_number` and
 * `hs_searchable_calculated_mobile_number`, the number as dialled within its country (digits, no country code:
 * "+1 617-234-5678" → "6172345678"), whatever spelling `phone` / `mobilephone` were saved with; so contacts are
 * searched by the national number with IN (up to 100 values a filter). Companies have no such property: their
 * `phone` is searched with IN over the usual spellings of the number. National numbers are shared across
 * countries, so every record found is checked again in E.164 before it is proposed.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { HubSpotObject, SearchFilter } from '../../api/schemas';
import type { CallChange, CallValues } from '../journal';
import { isPlaceholderName } from '../../lib/placeholder-contact';

/** Numbers written without a country code are read in this country (the demo account's). */
const DEFAULT_COUNTRY: CountryCode = 'US';
/** HubSpot's IN takes at most 100 values. */
export const IN_VALUES_MAX = 100;

export interface PhoneNumber {
  /** As HubSpot stores it on the call. */
  raw: string;
  e164: string;
  /** What HubSpot's searchable calculated properties hold: the national number, digits only. */
  national: string;
  /** "+1 415 555 0123" */
  display: string;
}

/** The number in E.164 and its national digits, or null when it is not a valid phone number. */
export function normaliseNumber(raw: string | null | undefined, country: CountryCode = DEFAULT_COUNTRY): PhoneNumber | null {
  const text = raw?.trim();
  if (!text) return null;
  const parsed = parsePhoneNumberFromString(text, country);
  if (!parsed?.isValid()) return null;
  return { raw: text, e164: parsed.number, national: parsed.nationalNumber, display: parsed.formatInternational() };
}

/** The other party's number: the number called (outbound) or the caller's (inbound). */
export function counterpartOf(call: HubSpotObject): string | null {
  const p = call.properties;
  const raw = p.hs_call_direction === 'INBOUND' ? p.hs_call_from_number : p.hs_call_to_number;
  return raw?.trim() || null;
}

/** A contact with no name, only a phone number as its name, or a dialer's default name (as the scan judges it). */
const isPlaceholderContact = (contact: HubSpotObject) => isPlaceholderName(contact.properties.firstname, contact.properties.lastname);

/** Where a contact's number is, by property: its phone, or its mobile. */
const CONTACT_FIELDS = [
  { property: 'phone', searchable: 'hs_searchable_calculated_phone_number', label: 'phone' },
  { property: 'mobilephone', searchable: 'hs_searchable_calculated_mobile_number', label: 'mobile' },
] as const;

export const CONTACT_SEARCH_PROPERTIES = ['firstname', 'lastname', 'email', 'phone', 'mobilephone'] as const;
export const COMPANY_SEARCH_PROPERTIES = ['name', 'domain', 'phone'] as const;

/** Filter groups (ORed) finding contacts whose phone or mobile is one of `nationals` (at most 100). */
export function contactFilterGroups(nationals: readonly string[]): { filters: SearchFilter[] }[] {
  return CONTACT_FIELDS.map((f) => ({ filters: [{ propertyName: f.searchable, operator: 'IN' as const, values: [...nationals] }] }));
}

/** The spellings a company's `phone` is commonly saved with ("+16172345678", "+1 617-234-5678", "(617) 234-5678"…). */
export function companyPhoneSpellings(n: PhoneNumber): string[] {
  const parsed = parsePhoneNumberFromString(n.e164);
  if (!parsed) return [n.e164];
  const national = parsed.formatNational();
  const cc = parsed.countryCallingCode;
  const d = n.national;
  const dashed = d.length === 10 ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}` : d;
  const dotted = dashed.replaceAll('-', '.');
  const spellings = [n.e164, parsed.formatInternational(), national, d, dashed, dotted, `+${cc} ${dashed}`, `${cc}${d}`];
  return [...new Set(spellings.map((s) => s.toLowerCase()))];
}

/** Filter group finding companies whose `phone` is one of `spellings` (at most 100). */
export function companyFilterGroups(spellings: readonly string[]): { filters: SearchFilter[] }[] {
  return [{ filters: [{ propertyName: 'phone', operator: 'IN', values: [...spellings] }] }];
}

export interface Candidate {
  type: 'contacts' | 'companies';
  id: string;
  name: string;
  /** Which of its numbers matches. */
  field: 'phone' | 'mobile';
}

function contactName(c: HubSpotObject): string {
  const p = c.properties;
  return [p.firstname, p.lastname].map((s) => s?.trim()).filter(Boolean).join(' ') || p.email?.trim() || `Contact ${c.id}`;
}

/** Why a candidate is proposed: "Phone +1 415 555 0123 matches contact Ada Lovelace's mobile". */
export function matchReason(n: PhoneNumber, c: Candidate): string {
  return `Phone ${n.display} matches ${c.type === 'contacts' ? 'contact' : 'company'} ${c.name}’s ${c.field}`;
}

/**
 * The records whose number is `n` in E.164, contacts first: never a placeholder contact (it carries the number
 * it was made from), never one the call is already on.
 */
function candidatesFor(n: PhoneNumber, contacts: Iterable<HubSpotObject>, companies: Iterable<HubSpotObject>, already: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  for (const c of contacts) {
    if (already.has(`contacts:${c.id}`) || isPlaceholderContact(c)) continue;
    const field = CONTACT_FIELDS.find((f) => normaliseNumber(c.properties[f.property])?.e164 === n.e164);
    if (field) out.push({ type: 'contacts', id: c.id, name: contactName(c), field: field.label });
  }
  for (const c of companies) {
    if (already.has(`companies:${c.id}`)) continue;
    if (normaliseNumber(c.properties.phone)?.e164 === n.e164) {
      out.push({ type: 'companies', id: c.id, name: c.properties.name?.trim() || c.properties.domain?.trim() || `Company ${c.id}`, field: 'phone' });
    }
  }
  return out;
}

type RepairStatus = 'no-number' | 'invalid-number' | 'no-match' | 'single' | 'several';

export interface CallRepair {
  callId: string;
  title: string;
  direction: 'INBOUND' | 'OUTBOUND' | null;
  /** The counterpart number as stored, null when the call has none. */
  raw: string | null;
  number: PhoneNumber | null;
  /** The call's contacts and companies now, read from HubSpot. */
  current: { contacts: string[]; companies: string[] };
  /** Its placeholder contacts (queue 4): the repair takes the call off them. */
  placeholders: string[];
  candidates: Candidate[];
  status: RepairStatus;
}

export interface RepairInputs {
  calls: readonly HubSpotObject[];
  /** Each call's associated ids by type. */
  associations: ReadonlyMap<string, { contacts: string[]; companies: string[] }>;
  /** The calls' current contacts (to tell placeholders). */
  currentContacts: ReadonlyMap<string, HubSpotObject>;
  foundContacts: readonly HubSpotObject[];
  foundCompanies: readonly HubSpotObject[];
}

export function buildRepairs(input: RepairInputs): CallRepair[] {
  return input.calls.map((call) => {
    const raw = counterpartOf(call);
    const number = normaliseNumber(raw);
    const current = input.associations.get(call.id) ?? { contacts: [], companies: [] };
    const placeholders = current.contacts.filter((id) => {
      const c = input.currentContacts.get(id);
      return c !== undefined && isPlaceholderContact(c);
    });
    const already = new Set([...current.contacts.map((id) => `contacts:${id}`), ...current.companies.map((id) => `companies:${id}`)]);
    const candidates = number ? candidatesFor(number, input.foundContacts, input.foundCompanies, already) : [];
    const status: RepairStatus = !raw ? 'no-number' : !number ? 'invalid-number' : candidates.length === 0 ? 'no-match' : candidates.length === 1 ? 'single' : 'several';
    const dir = call.properties.hs_call_direction;
    return {
      callId: call.id,
      title: call.properties.hs_call_title?.trim() || '(untitled call)',
      direction: dir === 'INBOUND' || dir === 'OUTBOUND' ? dir : null,
      raw,
      number,
      current,
      placeholders,
      candidates,
      status,
    };
  });
}

/**
 * The journal's before and after for tying `repair`'s call to `candidate`: its placeholder contacts are
 * removed, the match is added; the other associations stay. Only the record types that change are named.
 */
export function repairChange(repair: CallRepair, candidate: Candidate): CallChange {
  const before: CallValues = {};
  const after: CallValues = {};
  const contacts = repair.current.contacts.filter((id) => !repair.placeholders.includes(id));
  if (candidate.type === 'contacts') contacts.push(candidate.id);
  if (contacts.length !== repair.current.contacts.length || candidate.type === 'contacts') {
    before.contacts = [...repair.current.contacts];
    after.contacts = [...new Set(contacts)];
  }
  if (candidate.type === 'companies') {
    before.companies = [...repair.current.companies];
    after.companies = [...new Set([...repair.current.companies, candidate.id])];
  }
  return { callId: repair.callId, before, after };
}

/** What a repair does, in words: "Placeholder contact → contact Ada Lovelace", "+ company Acme". */
export function describeRepair(repair: CallRepair, candidate: Candidate): string {
  const record = `${candidate.type === 'contacts' ? 'contact' : 'company'} ${candidate.name}`;
  return repair.placeholders.length === 0 ? `+ ${record}` : `Placeholder contact → ${record}`;
}
