/**
 * The one place that knows HubSpot's API versions and builds every HubSpot path the app uses (the
 * proxy's allowlist is built from it too). Since March 2026 HubSpot's APIs are versioned by date
 * (`/crm/objects/2026-09/calls`); `legacy` is the v3/v4 family (`/crm/v3/objects/calls`,
 * `/crm/v4/associations/...`). The server picks the version (HUBSPOT_API_VERSION) and reports it
 * at `/hubspot-connection`. Pure: no imports, so the server can use it as it is.
 */

export const API_VERSIONS = ['2026-09', '2026-03', 'legacy'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const DEFAULT_API_VERSION: ApiVersion = '2026-09';

/** The CRM objects the app reads and writes. */
export type CrmObjectType = 'calls' | 'contacts' | 'companies' | 'deals' | 'tickets';

export interface HubSpotPaths {
  readonly version: ApiVersion;
  /** List (GET) and create (POST). */
  objects(type: CrmObjectType): string;
  /** Read (GET), update (PATCH), archive (DELETE) one record. */
  object(type: CrmObjectType, id: string): string;
  objectSearch(type: CrmObjectType): string;
  objectBatch(type: CrmObjectType, op: 'read' | 'update' | 'archive'): string;
  /** Associate one pair (PUT, body: `[{associationCategory, associationTypeId}]`) or remove it (DELETE). */
  associationPair(fromType: CrmObjectType, fromId: string, toType: CrmObjectType, toId: string): string;
  /** Associations of many records (POST `{inputs: [{id, after?}]}`). */
  associationBatchRead(fromType: CrmObjectType, toType: CrmObjectType): string;
  /** Associate many pairs (`{inputs: [{from, to, types}]}`) or remove them (`{inputs: [{from, to: [{id}]}]}`). */
  associationBatchWrite(fromType: CrmObjectType, toType: CrmObjectType, op: 'create' | 'archive'): string;
  associationLabels(fromType: CrmObjectType, toType: CrmObjectType): string;
  properties(type: CrmObjectType): string;
  propertyGroups(type: CrmObjectType): string;
  property(type: CrmObjectType, name: string): string;
  owners(): string;
  accountDetails(): string;
  /** Transcripts (POST creates one: the tests seed them). */
  transcripts(): string;
  transcript(id: string): string;
  /** Call outcomes: HubSpot's dispositions API, a beta with its own version whatever the app's. */
  dispositions(): string;
  /** Call outcomes the legacy way, when HubSpot refuses the beta. */
  legacyDispositions(): string;
}

/** Where each API lives in one version. Only these differ between versions; the shapes below them are the same. */
interface Bases {
  objects: string;
  /** Per-record association writes: v4 in the legacy family, the objects API in the dated ones. */
  objectAssociations: string;
  associations: string;
  properties: string;
  owners: string;
  accountInfo: string;
  calling: string;
}

const LEGACY: Bases = {
  objects: '/crm/v3/objects',
  objectAssociations: '/crm/v4/objects',
  associations: '/crm/v4/associations',
  properties: '/crm/v3/properties',
  owners: '/crm/v3/owners',
  accountInfo: '/account-info/v3',
  calling: '/crm/v3/extensions/calling',
};

const dated = (v: string): Bases => ({
  objects: `/crm/objects/${v}`,
  objectAssociations: `/crm/objects/${v}`,
  associations: `/crm/associations/${v}`,
  properties: `/crm/properties/${v}`,
  owners: `/crm/owners/${v}`,
  accountInfo: `/account-info/${v}`,
  calling: `/crm/extensions/calling/${v}`,
});

const enc = encodeURIComponent;

/** The path builders of one API version. */
export function hubspotPaths(version: ApiVersion): HubSpotPaths {
  const b = version === 'legacy' ? LEGACY : dated(version);
  return {
    version,
    objects: (type) => `${b.objects}/${type}`,
    object: (type, id) => `${b.objects}/${type}/${enc(id)}`,
    objectSearch: (type) => `${b.objects}/${type}/search`,
    objectBatch: (type, op) => `${b.objects}/${type}/batch/${op}`,
    associationPair: (fromType, fromId, toType, toId) => `${b.objectAssociations}/${fromType}/${enc(fromId)}/associations/${toType}/${enc(toId)}`,
    associationBatchRead: (fromType, toType) => `${b.associations}/${fromType}/${toType}/batch/read`,
    associationBatchWrite: (fromType, toType, op) => `${b.associations}/${fromType}/${toType}/batch/${op}`,
    associationLabels: (fromType, toType) => `${b.associations}/${fromType}/${toType}/labels`,
    properties: (type) => `${b.properties}/${type}`,
    propertyGroups: (type) => `${b.properties}/${type}/groups`,
    property: (type, name) => `${b.properties}/${type}/${enc(name)}`,
    owners: () => b.owners,
    accountDetails: () => `${b.accountInfo}/details`,
    transcripts: () => `${b.calling}/transcripts`,
    transcript: (id) => `${b.calling}/transcripts/${enc(id)}`,
    dispositions: () => '/crm/extensions/calling/2027-03-beta/dispositions',
    legacyDispositions: () => '/calling/v1/dispositions',
  };
}

export function isApiVersion(value: string): value is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(value);
}
