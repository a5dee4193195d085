/**
 * The scopes HubSpot requires per request, for simulating a credential that lacks some
 * (`createMockApp({ scopes })`, `--scopes`, `MOCK_SCOPES`). From the `security` sections of
 * HubSpot's specs (../shared/hubspot-openapi): calls are covered by the contacts scopes, tickets
 * by `tickets`, owners by `crm.objects.owners.read`, account details by `oauth`, transcripts by
 * their own pair. Associations need the scopes of both object types; property definitions the
 * scope of their object type. One map for both path families: v3/v4 (`/crm/v3/objects/calls`)
 * and date-versioned (`/crm/objects/2026-09/calls`).
 */
import { resolveObjectType } from './crm/object-types.js';
import type { ObjectTypeName } from './store/types.js';

const OBJECT_SCOPES: Record<ObjectTypeName, { read: string; write: string }> = {
  calls: { read: 'crm.objects.contacts.read', write: 'crm.objects.contacts.write' },
  contacts: { read: 'crm.objects.contacts.read', write: 'crm.objects.contacts.write' },
  companies: { read: 'crm.objects.companies.read', write: 'crm.objects.companies.write' },
  deals: { read: 'crm.objects.deals.read', write: 'crm.objects.deals.write' },
  tickets: { read: 'tickets', write: 'tickets' },
};
const OWNERS = 'crm.objects.owners.read';
const ACCOUNT_INFO = 'oauth';
const TRANSCRIPTS = { read: 'crm.extensions_calling_transcripts.read', write: 'crm.extensions_calling_transcripts.write' };

/** Every scope the map can ask for (the CLI refuses other names: a typo would silently grant nothing). */
export const KNOWN_SCOPES: readonly string[] = [
  ...new Set([...Object.values(OBJECT_SCOPES).flatMap((s) => [s.read, s.write]), OWNERS, ACCOUNT_INFO, TRANSCRIPTS.read, TRANSCRIPTS.write]),
];

/** A version segment: `v3`, `v4`, `2026-09`, `2027-03-beta`. */
const V = String.raw`(?:v\d+|\d{4}-\d{2}(?:-beta)?)`;
const SEG = '([^/]+)';
const family = (name: string) => String.raw`/crm/(?:${V}/${name}|${name}/${V})`;

type Need = (m: RegExpExecArray, write: boolean) => (string | undefined)[];
const objectScope = (raw: string | undefined, write: boolean): string | undefined => {
  const type = raw === undefined ? undefined : resolveObjectType(raw);
  return type && OBJECT_SCOPES[type][write ? 'write' : 'read'];
};

const FAMILIES: readonly { pattern: RegExp; need: Need }[] = [
  // records, and per-record associations (`/{type}/{id}/associations/[default/]{toType}...`)
  {
    pattern: new RegExp(`^${family('objects')}/${SEG}(?:/[^/]+/associations/(?:default/)?${SEG})?`),
    need: (m, w) => [objectScope(m[1], w), objectScope(m[2], w)],
  },
  // association batches and labels (also the schema API's `/crm/associations/v4/{from}/{to}/labels`)
  { pattern: new RegExp(`^${family('associations')}/${SEG}/${SEG}`), need: (m, w) => [objectScope(m[1], w), objectScope(m[2], w)] },
  { pattern: new RegExp(`^${family('properties')}/${SEG}`), need: (m, w) => [objectScope(m[1], w)] },
  { pattern: new RegExp(`^${family('owners')}(?:/|$)`), need: () => [OWNERS] },
  { pattern: new RegExp(`^/account-info/${V}/`), need: () => [ACCOUNT_INFO] },
  {
    pattern: new RegExp(`^/crm/(?:${V}/extensions/calling|extensions/calling/${V})/transcripts(?:/|$)`),
    need: (_m, w) => [w ? TRANSCRIPTS.write : TRANSCRIPTS.read],
  },
];

/** Requests that only read although they are POSTs. */
const READ_ONLY_POST = /\/(?:search|batch\/read)$/;

/** The first scope `method path` needs that `granted` lacks, or undefined (also for paths no scope guards). */
export function missingScope(method: string, path: string, granted: ReadonlySet<string>): string | undefined {
  const write = method !== 'GET' && method !== 'HEAD' && !(method === 'POST' && READ_ONLY_POST.test(path));
  for (const { pattern, need } of FAMILIES) {
    const m = pattern.exec(path);
    if (m) return need(m, write).find((scope) => scope !== undefined && !granted.has(scope));
  }
  return undefined;
}

/** HubSpot's answer to a request its credential lacks a scope for (403; body as HubSpot sends it). */
export function missingScopesBody(scope: string): { message: string; errors: unknown[]; links: Record<string, string> } {
  return {
    message: "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    errors: [{ message: 'One or more of the following scopes are required.', context: { requiredScopes: [scope] } }],
    links: { scopes: 'https://developers.hubspot.com/scopes' },
  };
}
