/** The records calls are tied to: contacts, companies, deals and tickets (the objects API). */
import { currentPaths } from './api-version';
import { hubspotRequest } from './http';
import {
  batchResponseSchema,
  hubSpotObjectSchema,
  searchCollectionSchema,
  toBatchResult,
  toPage,
  type BatchResult,
  type HubSpotObject,
  type SearchPage,
  type SearchRequest,
} from './schemas';

export const RECORD_TYPES = ['contacts', 'companies', 'deals', 'tickets'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const RECORD_TYPE_LABELS: Record<RecordType, { one: string; many: string }> = {
  contacts: { one: 'Contact', many: 'Contacts' },
  companies: { one: 'Company', many: 'Companies' },
  deals: { one: 'Deal', many: 'Deals' },
  tickets: { one: 'Ticket', many: 'Tickets' },
};

/** What the console reads of each record type: a name, one detail, and the pin. */
export const RECORD_PROPERTIES: Record<RecordType, readonly string[]> = {
  contacts: ['firstname', 'lastname', 'email', 'phone', 'hs_pinned_engagement_id'],
  companies: ['name', 'domain', 'hs_pinned_engagement_id'],
  deals: ['dealname', 'amount', 'dealstage', 'pipeline', 'hs_pinned_engagement_id'],
  tickets: ['subject', 'hs_pipeline_stage', 'hs_ticket_priority', 'hs_pinned_engagement_id'],
};

/** Free-text search on one record type (HubSpot's search `query`). */
export async function searchRecords(
  type: RecordType,
  text: string,
  opts: { limit?: number } = {},
  signal?: AbortSignal,
): Promise<SearchPage<HubSpotObject>> {
  const data = await hubspotRequest((await currentPaths()).objectSearch(type), {
    method: 'POST',
    body: { query: text, limit: opts.limit ?? 10, properties: RECORD_PROPERTIES[type], filterGroups: [], sorts: [] },
    schema: searchCollectionSchema,
    signal,
  });
  return { ...toPage(data), total: data.total };
}

/** A search on one record type with filters (HubSpot's search: up to 200 a page, `after` for the next). */
export async function searchRecordsWhere(type: RecordType, req: SearchRequest, signal?: AbortSignal): Promise<SearchPage<HubSpotObject>> {
  const data = await hubspotRequest((await currentPaths()).objectSearch(type), {
    method: 'POST',
    body: { sorts: [], ...req },
    schema: searchCollectionSchema,
    signal,
  });
  return { ...toPage(data), total: data.total };
}

/** Reads up to 100 records in one request; unknown ids come back as errors, not failures. */
export async function batchReadRecords(
  type: RecordType,
  ids: readonly string[],
  properties: readonly string[] = RECORD_PROPERTIES[type],
  signal?: AbortSignal,
): Promise<BatchResult<HubSpotObject>> {
  if (ids.length === 0) return { results: [], errors: [] };
  const data = await hubspotRequest((await currentPaths()).objectBatch(type, 'read'), {
    method: 'POST',
    body: { inputs: ids.map((id) => ({ id })), properties, propertiesWithHistory: [] },
    schema: batchResponseSchema,
    signal,
  });
  return toBatchResult(data);
}

export async function getRecord(
  type: RecordType,
  id: string,
  properties: readonly string[] = RECORD_PROPERTIES[type],
  signal?: AbortSignal,
): Promise<HubSpotObject> {
  return hubspotRequest((await currentPaths()).object(type, id), { query: { properties }, schema: hubSpotObjectSchema, signal });
}

export async function updateRecord(type: RecordType, id: string, properties: Record<string, string>): Promise<HubSpotObject> {
  return hubspotRequest((await currentPaths()).object(type, id), { method: 'PATCH', body: { properties }, schema: hubSpotObjectSchema });
}

const prop = (r: HubSpotObject, name: string): string => r.properties[name]?.trim() ?? '';

/** A name a person recognises: "Ada Lovelace", "Acme Corp", the deal name, the ticket subject. */
export function recordDisplayName(type: RecordType, r: HubSpotObject): string {
  let name = '';
  switch (type) {
    case 'contacts':
      name = [prop(r, 'firstname'), prop(r, 'lastname')].filter(Boolean).join(' ') || prop(r, 'email');
      break;
    case 'companies':
      name = prop(r, 'name') || prop(r, 'domain');
      break;
    case 'deals':
      name = prop(r, 'dealname');
      break;
    case 'tickets':
      name = prop(r, 'subject');
      break;
  }
  return name || `${RECORD_TYPE_LABELS[type].one} ${r.id}`;
}

const amountFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** The one detail shown beside the name: email, domain, amount and stage, ticket status. */
export function recordDetail(type: RecordType, r: HubSpotObject): string {
  switch (type) {
    case 'contacts':
      return prop(r, 'email');
    case 'companies':
      return prop(r, 'domain');
    case 'deals': {
      const amount = prop(r, 'amount');
      const amountText = amount && Number.isFinite(Number(amount)) ? amountFormat.format(Number(amount)) : amount;
      return [amountText, prop(r, 'dealstage')].filter(Boolean).join(' · ');
    }
    case 'tickets':
      return prop(r, 'hs_pipeline_stage');
  }
}
