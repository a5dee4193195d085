/**
 * Reads what "Repair by phone number" needs from HubSpot, in batches: the queue's calls (search by id, 100 a
 * search), their contacts and companies (association batch reads), those contacts (to tell placeholders), and
 * the contacts and companies with the calls' numbers (IN filters of up to 100 numbers, not one search per
 * call). Searches go one at a time, at most 4 a second: HubSpot allows 5 per second per account, and the rest
 * of the app shares them.
 */
import { queryOptions } from '@tanstack/react-query';
import { batchReadAssociations } from '../../api/associations';
import { searchCalls } from '../../api/calls';
import { abortableSleep } from '../../api/http';
import { batchReadRecords, searchRecordsWhere } from '../../api/records';
import type { HubSpotObject, SearchRequest } from '../../api/schemas';
import type { QueueId } from './hygiene-api';
import {
  buildRepairs,
  COMPANY_SEARCH_PROPERTIES,
  companyFilterGroups,
  companyPhoneSpellings,
  CONTACT_SEARCH_PROPERTIES,
  contactFilterGroups,
  counterpartOf,
  IN_VALUES_MAX,
  normaliseNumber,
  type CallRepair,
} from './repair';

const SEARCH_SPACING_MS = 250;
const PAGE = 200;
const CALL_PROPERTIES = ['hs_call_title', 'hs_timestamp', 'hs_call_direction', 'hs_call_from_number', 'hs_call_to_number'];

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs searches one after another, each at least SEARCH_SPACING_MS after the previous one started. */
function pacer(signal?: AbortSignal) {
  let last = 0;
  return async <T>(run: () => Promise<T>): Promise<T> => {
    const wait = last + SEARCH_SPACING_MS - Date.now();
    if (wait > 0) await abortableSleep(wait, signal);
    last = Date.now();
    return run();
  };
}

type Paced = ReturnType<typeof pacer>;

/** Every page of one search. */
async function searchAll(paced: Paced, search: (req: SearchRequest) => Promise<{ results: HubSpotObject[]; nextAfter?: string | undefined }>, req: SearchRequest): Promise<HubSpotObject[]> {
  const all: HubSpotObject[] = [];
  let after: string | undefined;
  do {
    const page = await paced(() => search({ ...req, limit: PAGE, ...(after ? { after } : {}) }));
    all.push(...page.results);
    after = page.nextAfter;
  } while (after);
  return all;
}

async function lookUpRepairs(callIds: readonly string[], signal?: AbortSignal): Promise<CallRepair[]> {
  const paced = pacer(signal);
  const calls: HubSpotObject[] = [];
  for (const ids of chunks(callIds, IN_VALUES_MAX)) {
    const page = await paced(() =>
      searchCalls({ filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'IN', values: ids }] }], properties: CALL_PROPERTIES, limit: ids.length }, signal),
    );
    calls.push(...page.results);
  }
  const order = new Map(callIds.map((id, i) => [id, i]));
  calls.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));

  const associations = new Map<string, { contacts: string[]; companies: string[] }>(calls.map((c) => [c.id, { contacts: [], companies: [] }]));
  for (const ids of chunks(calls.map((c) => c.id), IN_VALUES_MAX)) {
    for (const type of ['contacts', 'companies'] as const) {
      const map = await batchReadAssociations('calls', type, ids, signal);
      for (const [callId, records] of map) {
        const entry = associations.get(callId);
        if (entry) entry[type] = [...new Set(records.map((r) => r.toObjectId))];
      }
    }
  }
  const currentContacts = new Map<string, HubSpotObject>();
  const contactIds = [...new Set([...associations.values()].flatMap((a) => a.contacts))];
  for (const ids of chunks(contactIds, IN_VALUES_MAX)) {
    const read = await batchReadRecords('contacts', ids, CONTACT_SEARCH_PROPERTIES, signal);
    for (const c of read.results) currentContacts.set(c.id, c);
  }

  const numbers = new Map<string, ReturnType<typeof normaliseNumber>>();
  for (const call of calls) {
    const n = normaliseNumber(counterpartOf(call));
    if (n) numbers.set(n.e164, n);
  }
  const valid = [...numbers.values()].filter((n) => n !== null);
  const foundContacts = new Map<string, HubSpotObject>();
  for (const part of chunks([...new Set(valid.map((n) => n.national))], IN_VALUES_MAX)) {
    const found = await searchAll(paced, (req) => searchRecordsWhere('contacts', req, signal), { filterGroups: contactFilterGroups(part), properties: CONTACT_SEARCH_PROPERTIES });
    for (const c of found) foundContacts.set(c.id, c);
  }
  const foundCompanies = new Map<string, HubSpotObject>();
  for (const part of chunks([...new Set(valid.flatMap(companyPhoneSpellings))], IN_VALUES_MAX)) {
    const found = await searchAll(paced, (req) => searchRecordsWhere('companies', req, signal), { filterGroups: companyFilterGroups(part), properties: COMPANY_SEARCH_PROPERTIES });
    for (const c of found) foundCompanies.set(c.id, c);
  }
  return buildRepairs({ calls, associations, currentContacts, foundContacts: [...foundContacts.values()], foundCompanies: [...foundCompanies.values()] });
}

export const repairQueries = {
  /** Read once per opening: after a repair, search lags HubSpot's writes, so the plan is not read again by itself. */
  plan: (queue: QueueId, callIds: readonly string[]) =>
    queryOptions({
      queryKey: ['hygiene', 'repair-by-phone', queue, [...callIds]] as const,
      queryFn: ({ signal }) => lookUpRepairs(callIds, signal),
      staleTime: Infinity,
      gcTime: 0,
      retry: false,
      meta: { errorTitle: false },
    }),
};
