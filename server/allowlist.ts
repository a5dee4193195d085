/**
 * What the /hubspot proxy forwards: exactly the HubSpot requests the app makes (src/api/*.ts and the
 * features' direct reads) in the configured API version's family, and nothing else. The paths come from
 * the app's own path builders (src/api/hubspot-paths.ts), so the allowlist and the app cannot drift apart.
 * Writes are limited to what the app writes: calls, their associations, and on contacts, companies, deals
 * and tickets only the pin (`hs_pinned_engagement_id`).
 */
import { hubspotPaths, type ApiVersion, type CrmObjectType } from '../src/api/hubspot-paths.ts';

const RECORD_TYPES = ['contacts', 'companies', 'deals', 'tickets'] as const;
const OBJECT_TYPES: readonly CrmObjectType[] = ['calls', ...RECORD_TYPES];

/** Stands for one path segment (an id, a property name) when a path is built for a pattern. */
const SEGMENT = 'ALLOWLIST-SEGMENT';

/** The one property the app changes on a contact, company, deal or ticket: the call pinned there. */
const PIN_PROPERTY = 'hs_pinned_engagement_id';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Rule {
  methods: readonly Method[];
  pattern: RegExp;
  /** Checks the parsed JSON body; returns why the request is refused, or undefined to forward it. */
  body?: (body: unknown) => string | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** PATCH of a record: `{ "properties": { "hs_pinned_engagement_id": "<call id or empty>" } }` and nothing more. */
const onlyThePin =
  (type: string) =>
  (body: unknown): string | undefined => {
    const allowed = `The proxy only lets this app change ${PIN_PROPERTY} on ${type}`;
    if (!isObject(body) || !isObject(body.properties)) return `${allowed}; the request has no "properties" object.`;
    const extraKeys = Object.keys(body).filter((k) => k !== 'properties');
    if (extraKeys.length > 0) return `${allowed}; the request also sends ${extraKeys.join(', ')}.`;
    const others = Object.keys(body.properties).filter((k) => k !== PIN_PROPERTY);
    if (others.length > 0) return `${allowed}; the request also changes ${others.join(', ')}.`;
    if (typeof body.properties[PIN_PROPERTY] !== 'string') return `${allowed}; the request does not set it to a string.`;
    return undefined;
  };

/** A built path as an exact pattern, each SEGMENT standing for one non-empty segment. */
function exactly(path: string): RegExp {
  const literal = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${literal.split(SEGMENT).join('[^/]+')}$`);
}

function rulesFor(version: ApiVersion): Rule[] {
  const p = hubspotPaths(version);
  const rules: Rule[] = [];
  const allow = (methods: readonly Method[], path: string, body?: Rule['body']) =>
    rules.push({ methods, pattern: exactly(path), ...(body ? { body } : {}) });

  // Calls: list, create, read, update, archive, search, batch update, archive and read.
  allow(['GET', 'POST'], p.objects('calls'));
  allow(['GET', 'PATCH', 'DELETE'], p.object('calls', SEGMENT));
  allow(['POST'], p.objectBatch('calls', 'update'));
  allow(['POST'], p.objectBatch('calls', 'archive'));
  // Batch read: undoing a bulk change compares each call's values now with what the change wrote.
  allow(['POST'], p.objectBatch('calls', 'read'));
  for (const type of OBJECT_TYPES) allow(['POST'], p.objectSearch(type));
  for (const type of RECORD_TYPES) {
    // The records calls link to: read (one, a batch; the list is read by the e2e fixtures), and pin a call.
    allow(['GET'], p.objects(type));
    allow(['GET'], p.object(type, SEGMENT));
    allow(['PATCH'], p.object(type, SEGMENT), onlyThePin(type));
    allow(['POST'], p.objectBatch(type, 'read'));
    // Associations from a call to a record: batch read, associate, remove (one pair, or many in a batch), labels.
    allow(['POST'], p.associationBatchRead('calls', type));
    allow(['POST'], p.associationBatchWrite('calls', type, 'create'));
    allow(['POST'], p.associationBatchWrite('calls', type, 'archive'));
    allow(['PUT', 'DELETE'], p.associationPair('calls', SEGMENT, type, SEGMENT));
    allow(['GET'], p.associationLabels('calls', type));
  }
  // Metadata, read only: property definitions and groups, owners.
  for (const type of OBJECT_TYPES) {
    allow(['GET'], p.properties(type));
    allow(['GET'], p.propertyGroups(type));
    allow(['GET'], p.property(type, SEGMENT));
  }
  allow(['GET'], p.owners());
  // The account's portal id and app domain, for links from records to their pages in HubSpot.
  allow(['GET'], p.accountDetails());
  // A call's transcript (the one its hs_call_transcription_id names), read only.
  allow(['GET'], p.transcript(SEGMENT));
  // Call outcomes: the dispositions beta (its own version whatever the app's), and the legacy list it falls back to.
  allow(['GET'], p.dispositions());
  allow(['GET'], p.legacyDispositions());
  return rules;
}

/** Paths that could escape the pattern after normalisation upstream are refused outright. */
function isSuspiciousPath(rawPath: string): boolean {
  if (rawPath.includes('//') || rawPath.includes('\\')) return true;
  if (/%(?:2f|5c|2e|00)/i.test(rawPath)) return true;
  return rawPath.split('/').some((segment) => segment === '.' || segment === '..');
}

export interface Allowlist {
  /** `rawPath` is the HubSpot path exactly as the browser sent it (still percent-encoded), without the query. */
  isAllowed(method: string, rawPath: string): boolean;
  /** Why an allowed path's body is refused, or undefined. `text` is the body exactly as received. */
  bodyRefusal(method: string, rawPath: string, text: string): string | undefined;
}

/** The requests the app makes in `version`'s family. */
export function createAllowlist(version: ApiVersion): Allowlist {
  const rules = rulesFor(version);
  const findRule = (method: string, rawPath: string): Rule | undefined => {
    if (isSuspiciousPath(rawPath)) return undefined;
    return rules.find((rule) => (rule.methods as readonly string[]).includes(method) && rule.pattern.test(rawPath));
  };
  return {
    isAllowed: (method, rawPath) => findRule(method, rawPath) !== undefined,
    bodyRefusal(method, rawPath, text) {
      const check = findRule(method, rawPath)?.body;
      if (!check) return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return 'The proxy checks what this request changes, and its body is not valid JSON.';
      }
      return check(parsed);
    },
  };
}
