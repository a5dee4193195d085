/**
 * What the /hubspot proxy forwards: exactly the HubSpot requests the app makes (src/api/*.ts and the
 * features' direct reads), and nothing else. Writes are limited to what the app writes: calls, their
 * associations, and on contacts, companies, deals and tickets only the pin (`hs_pinned_engagement_id`).
 */

const RECORD = '(?:contacts|companies|deals|tickets)';
const OBJECT = '(?:calls|contacts|companies|deals|tickets)';
const ID = '[^/]+';

/** The one property the app changes on a contact, company, deal or ticket: the call pinned there. */
const PIN_PROPERTY = 'hs_pinned_engagement_id';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Rule {
  methods: readonly Method[];
  pattern: RegExp;
  /** Checks the parsed JSON body; returns why the request is refused, or undefined to forward it. */
  body?: (body: unknown, path: string) => string | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** PATCH of a record: `{ "properties": { "hs_pinned_engagement_id": "<call id or empty>" } }` and nothing more. */
function onlyThePin(body: unknown, path: string): string | undefined {
  const type = path.split('/')[4];
  const allowed = `The proxy only lets this app change ${PIN_PROPERTY} on ${type}`;
  if (!isObject(body) || !isObject(body.properties)) return `${allowed}; the request has no "properties" object.`;
  const extraKeys = Object.keys(body).filter((k) => k !== 'properties');
  if (extraKeys.length > 0) return `${allowed}; the request also sends ${extraKeys.join(', ')}.`;
  const others = Object.keys(body.properties).filter((k) => k !== PIN_PROPERTY);
  if (others.length > 0) return `${allowed}; the request also changes ${others.join(', ')}.`;
  if (typeof body.properties[PIN_PROPERTY] !== 'string') return `${allowed}; the request does not set it to a string.`;
  return undefined;
}

const rules: readonly Rule[] = [
  // Calls: list, create, read, update, archive, search, batch read/update/archive.
  { methods: ['GET', 'POST'], pattern: /^\/crm\/v3\/objects\/calls$/ },
  { methods: ['GET', 'PATCH', 'DELETE'], pattern: new RegExp(`^/crm/v3/objects/calls/${ID}$`) },
  { methods: ['POST'], pattern: /^\/crm\/v3\/objects\/calls\/batch\/(?:read|update|archive)$/ },
  { methods: ['POST'], pattern: new RegExp(`^/crm/v3/objects/${OBJECT}/search$`) },
  // The records calls link to: read (one, a batch; the list is read by the e2e fixtures), and pin a call.
  { methods: ['GET'], pattern: new RegExp(`^/crm/v3/objects/${RECORD}$`) },
  { methods: ['GET'], pattern: new RegExp(`^/crm/v3/objects/${RECORD}/${ID}$`) },
  { methods: ['PATCH'], pattern: new RegExp(`^/crm/v3/objects/${RECORD}/${ID}$`), body: onlyThePin },
  { methods: ['POST'], pattern: new RegExp(`^/crm/v3/objects/${RECORD}/batch/read$`) },
  // v4 associations from a call to a record: list, batch read, associate, remove, labels.
  { methods: ['GET'], pattern: new RegExp(`^/crm/v4/objects/calls/${ID}/associations/${RECORD}$`) },
  { methods: ['PUT', 'DELETE'], pattern: new RegExp(`^/crm/v4/objects/calls/${ID}/associations/${RECORD}/${ID}$`) },
  { methods: ['POST'], pattern: new RegExp(`^/crm/v4/associations/calls/${RECORD}/batch/read$`) },
  { methods: ['GET'], pattern: new RegExp(`^/crm/v4/associations/calls/${RECORD}/labels$`) },
  // Metadata, read only: property definitions and groups, owners, call outcomes.
  { methods: ['GET'], pattern: new RegExp(`^/crm/v3/properties/${OBJECT}(?:/groups|/${ID})?$`) },
  { methods: ['GET'], pattern: /^\/crm\/v3\/owners$/ },
  { methods: ['GET'], pattern: /^\/calling\/v1\/dispositions$/ },
  { methods: ['GET'], pattern: /^\/crm\/extensions\/calling\/2027-03-beta\/dispositions$/ },
  // The account's portal id and app domain, for links from records to their pages in HubSpot.
  { methods: ['GET'], pattern: /^\/account-info\/v3\/details$/ },
  // A call's transcript (the one its hs_call_transcription_id names), read only.
  { methods: ['GET'], pattern: new RegExp(`^/crm/v3/extensions/calling/transcripts/${ID}$`) },
];

/** Paths that could escape the pattern after normalisation upstream are refused outright. */
function isSuspiciousPath(rawPath: string): boolean {
  if (rawPath.includes('//') || rawPath.includes('\\')) return true;
  if (/%(?:2f|5c|2e|00)/i.test(rawPath)) return true;
  return rawPath.split('/').some((segment) => segment === '.' || segment === '..');
}

function findRule(method: string, rawPath: string): Rule | undefined {
  if (isSuspiciousPath(rawPath)) return undefined;
  return rules.find((rule) => (rule.methods as readonly string[]).includes(method) && rule.pattern.test(rawPath));
}

/** `rawPath` is the HubSpot path exactly as the browser sent it (still percent-encoded), without the query. */
export function isAllowed(method: string, rawPath: string): boolean {
  return findRule(method, rawPath) !== undefined;
}

/** Why an allowed path's body is refused, or undefined. `text` is the body exactly as received. */
export function bodyRefusal(method: string, rawPath: string, text: string): string | undefined {
  const check = findRule(method, rawPath)?.body;
  if (!check) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'The proxy checks what this request changes, and its body is not valid JSON.';
  }
  return check(parsed, rawPath);
}
