/**
 * The paths the app builds, per API version: what they look like, and (when ../shared has HubSpot's
 * published specs) that each request the app makes is an operation of that version's spec.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hubspotPaths, type ApiVersion, type CrmObjectType, type HubSpotPaths } from './hubspot-paths';

const RECORDS = ['contacts', 'companies', 'deals', 'tickets'] as const;
const OBJECTS: CrmObjectType[] = ['calls', ...RECORDS];

/** Every request the app makes, as method and path (ids are examples). */
function requestsOf(p: HubSpotPaths): [string, string][] {
  return [
    ['GET', p.objects('calls')],
    ['POST', p.objects('calls')],
    ['GET', p.object('calls', '11')],
    ['PATCH', p.object('calls', '11')],
    ['DELETE', p.object('calls', '11')],
    ['POST', p.objectBatch('calls', 'update')],
    ['POST', p.objectBatch('calls', 'archive')],
    ...OBJECTS.map((t): [string, string] => ['POST', p.objectSearch(t)]),
    ...RECORDS.flatMap((t): [string, string][] => [
      ['GET', p.object(t, '22')],
      ['PATCH', p.object(t, '22')],
      ['POST', p.objectBatch(t, 'read')],
      ['POST', p.associationBatchRead('calls', t)],
      ['PUT', p.associationPair('calls', '11', t, '22')],
      ['DELETE', p.associationPair('calls', '11', t, '22')],
      ['GET', p.associationLabels('calls', t)],
    ]),
    ...OBJECTS.flatMap((t): [string, string][] => [
      ['GET', p.properties(t)],
      ['GET', p.propertyGroups(t)],
      ['GET', p.property(t, 'hs_call_status')],
    ]),
    ['GET', p.owners()],
    ['GET', p.accountDetails()],
    ['GET', p.transcript('33')],
  ];
}

describe('hubspotPaths', () => {
  it('builds the date-versioned family', () => {
    const p = hubspotPaths('2026-09');
    expect([
      p.objects('calls'),
      p.object('contacts', '7'),
      p.objectSearch('deals'),
      p.objectBatch('calls', 'archive'),
      p.associationPair('calls', '1', 'tickets', '2'),
      p.associationBatchRead('calls', 'companies'),
      p.associationLabels('calls', 'contacts'),
      p.properties('calls'),
      p.propertyGroups('calls'),
      p.property('deals', 'dealstage'),
      p.owners(),
      p.accountDetails(),
      p.transcript('9'),
    ]).toEqual([
      '/crm/objects/2026-09/calls',
      '/crm/objects/2026-09/contacts/7',
      '/crm/objects/2026-09/deals/search',
      '/crm/objects/2026-09/calls/batch/archive',
      '/crm/objects/2026-09/calls/1/associations/tickets/2',
      '/crm/associations/2026-09/calls/companies/batch/read',
      '/crm/associations/2026-09/calls/contacts/labels',
      '/crm/properties/2026-09/calls',
      '/crm/properties/2026-09/calls/groups',
      '/crm/properties/2026-09/deals/dealstage',
      '/crm/owners/2026-09',
      '/account-info/2026-09/details',
      '/crm/extensions/calling/2026-09/transcripts/9',
    ]);
    expect(hubspotPaths('2026-03').associationLabels('calls', 'deals')).toBe('/crm/associations/2026-03/calls/deals/labels');
  });

  it('builds the legacy v3/v4 family', () => {
    const p = hubspotPaths('legacy');
    expect([
      p.objects('calls'),
      p.object('contacts', '7'),
      p.associationPair('calls', '1', 'tickets', '2'),
      p.associationBatchRead('calls', 'companies'),
      p.associationLabels('calls', 'contacts'),
      p.property('deals', 'dealstage'),
      p.owners(),
      p.accountDetails(),
      p.transcript('9'),
    ]).toEqual([
      '/crm/v3/objects/calls',
      '/crm/v3/objects/contacts/7',
      '/crm/v4/objects/calls/1/associations/tickets/2',
      '/crm/v4/associations/calls/companies/batch/read',
      '/crm/v4/associations/calls/contacts/labels',
      '/crm/v3/properties/deals/dealstage',
      '/crm/v3/owners',
      '/account-info/v3/details',
      '/crm/v3/extensions/calling/transcripts/9',
    ]);
  });

  it('reads call outcomes from the dispositions beta (its own version) and the legacy list, whatever the version', () => {
    for (const version of ['2026-09', '2026-03', 'legacy'] as const) {
      const p = hubspotPaths(version);
      expect([p.dispositions(), p.legacyDispositions()]).toEqual(['/crm/extensions/calling/2027-03-beta/dispositions', '/calling/v1/dispositions']);
    }
  });

  it('encodes ids and names as one path segment', () => {
    const p = hubspotPaths('2026-09');
    expect(p.object('calls', '../owners')).toBe('/crm/objects/2026-09/calls/..%2Fowners');
    expect(p.associationPair('calls', 'a/b', 'contacts', 'c?d')).toBe('/crm/objects/2026-09/calls/a%2Fb/associations/contacts/c%3Fd');
    expect(p.property('calls', 'x y')).toBe('/crm/properties/2026-09/calls/x%20y');
  });
});

// HubSpot's published specs, when ../shared has them (they are not part of the repository).
const specDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/hubspot-openapi');
const SPEC_FILES: Record<ApiVersion, string[]> = {
  '2026-09': ['objects', 'calls', 'associations', 'associations-schema', 'properties', 'owners', 'account-info', 'transcriptions'].map((f) => `2026-09/${f}.json`),
  // The 2026-03 copies cover calls and associations only.
  '2026-03': ['calls', 'associations', 'associations-schema'].map((f) => `2026-03/${f}.json`),
  legacy: [
    'objects.v3.pre-2025-10-21.json',
    'calls.v3.json',
    'associations.v4.json',
    'associations-schema.v4-labels-legacy-path.json',
    'properties.v3.json',
    'owners.v3.json',
    'account-info.v3.json',
    'transcriptions.v3.json',
  ],
};

/** `METHOD template-as-regex` for every operation of the version's spec files. */
function operations(version: ApiVersion): { method: string; pattern: RegExp; template: string }[] {
  return SPEC_FILES[version].flatMap((file) => {
    const spec = JSON.parse(readFileSync(path.join(specDir, file), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    return Object.entries(spec.paths).flatMap(([template, ops]) =>
      Object.keys(ops).map((method) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      })),
    );
  });
}

describe.skipIf(!existsSync(specDir))("every request the app makes is in the version's published spec", () => {
  it.each(['2026-09', 'legacy'] as const)('%s', (version) => {
    const ops = operations(version);
    const missing = requestsOf(hubspotPaths(version)).filter(([m, p]) => !ops.some((op) => op.method === m && op.pattern.test(p)));
    expect(missing).toEqual([]);
  });

  it('2026-03, where the copies cover it (calls, records search, associations), and otherwise the 2026-09 paths with its date', () => {
    const ops = operations('2026-03');
    const covered = requestsOf(hubspotPaths('2026-03')).filter(
      ([, p]) => p.startsWith('/crm/objects/2026-03/calls') || p.endsWith('/search') || p.startsWith('/crm/associations/'),
    );
    expect(covered.length).toBeGreaterThan(20);
    expect(covered.filter(([m, p]) => !ops.some((op) => op.method === m && op.pattern.test(p)))).toEqual([]);
    expect(requestsOf(hubspotPaths('2026-03'))).toEqual(requestsOf(hubspotPaths('2026-09')).map(([m, p]) => [m, p.replace('/2026-09', '/2026-03')]));
  });

  it('2026-09 has no per-object association list (2026-03 has): the app reads associations with the batch read', () => {
    expect(operations('2026-09').some((op) => op.method === 'GET' && op.template.endsWith('/associations/{toObjectType}'))).toBe(false);
    expect(operations('2026-03').some((op) => op.method === 'GET' && op.template.endsWith('/associations/{toObjectType}'))).toBe(true);
  });
});
