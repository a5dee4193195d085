/**
 * What the "Needs attention" area reads: each queue with its count and how fresh it is (search queues are
 * counted now by HubSpot's search; scan queues come from the last finished scan), and a scan queue's calls.
 */
import { duplicateGroups, missedWithoutCallback, withoutAssociation, withPlaceholderContact } from './classify.ts';
import { searchPageSchema, type HubSpotReader } from './hubspot-reader.ts';
import type { ScannedCall } from './model.ts';
import { QUEUES, searchFilterGroups, type AccountFacts, type FilterGroup, type QueueId } from './queues.ts';
import type { HygieneScanner } from './scan.ts';

export interface QueueSummary {
  id: QueueId;
  title: string;
  rule: string;
  source: 'search' | 'scan';
  /** null: not known (no scan yet, or the search failed: see `error`). */
  count: number | null;
  /** When the count was computed (search: now, a few seconds behind HubSpot's writes; scan: when it finished). */
  computedAt: string | null;
  /** The search queues' filters, to list their calls with HubSpot's search. */
  filterGroups?: FilterGroup[];
  error?: string;
}

export type QueueCalls =
  | { id: QueueId; source: 'search'; filterGroups: FilterGroup[] }
  | { id: QueueId; source: 'scan'; computedAt: string; callIds: string[] }
  | { id: 'duplicates'; source: 'scan'; computedAt: string; groups: string[][] };

export interface QueueOptions {
  /** Queue 8's N. */
  days: number;
  handled: ReadonlySet<string>;
}

function scanQueue(id: QueueId, calls: ScannedCall[], contacts: Parameters<typeof withPlaceholderContact>[1], opts: QueueOptions): ScannedCall[] | ScannedCall[][] {
  switch (id) {
    case 'no-association':
      return withoutAssociation(calls);
    case 'placeholder-contact':
      return withPlaceholderContact(calls, contacts);
    case 'duplicates':
      return duplicateGroups(calls);
    case 'missed-no-callback':
      return missedWithoutCallback(calls, opts);
    default:
      throw new Error(`${id} is a search queue.`);
  }
}

/**
 * How long the account's outcomes and deactivated owners are reused: they change rarely (an admin archives an
 * outcome, a rep leaves), and reading them costs two requests or more on every count. The counts are never reused.
 */
const ACCOUNT_FACTS_TTL_MS = 30_000;

export function createQueueReport(deps: { reader: HubSpotReader; scanner: HygieneScanner; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  let known: { at: number; facts: Promise<AccountFacts> } | undefined;

  /** The account's facts, read at most once per ACCOUNT_FACTS_TTL_MS (concurrent callers share a read; a failure is not kept). */
  function facts(): Promise<AccountFacts> {
    const at = now().getTime();
    if (known && at - known.at >= 0 && at - known.at < ACCOUNT_FACTS_TTL_MS) return known.facts;
    const read = Promise.all([deps.reader.activeOutcomeIds(), deps.reader.deactivatedOwnerIds()]).then(([activeOutcomeIds, deactivatedOwnerIds]) => ({ activeOutcomeIds, deactivatedOwnerIds }));
    const entry = { at, facts: read };
    known = entry;
    read.catch(() => {
      if (known === entry) known = undefined;
    });
    return read;
  }

  return {
    async queues(opts: QueueOptions): Promise<QueueSummary[]> {
      let account: AccountFacts | Error;
      try {
        account = await facts();
      } catch (error) {
        account = error instanceof Error ? error : new Error(String(error));
      }
      const scanned = deps.scanner.snapshot();
      return Promise.all(
        QUEUES.map(async (q): Promise<QueueSummary> => {
          const base = { id: q.id, title: q.title, rule: q.rule, source: q.source };
          if (q.source === 'scan') {
            if (!scanned) return { ...base, count: null, computedAt: null };
            return { ...base, count: scanQueue(q.id, scanned.snapshot.calls, scanned.snapshot.contacts, opts).length, computedAt: scanned.computedAt };
          }
          if (account instanceof Error) return { ...base, count: null, computedAt: null, error: account.message };
          const filterGroups = searchFilterGroups(q.id, account) ?? [];
          try {
            const page = await deps.reader.post(deps.reader.paths.objectSearch('calls'), { filterGroups, limit: 1, properties: ['hs_object_id'] }, searchPageSchema);
            return { ...base, count: page.total, computedAt: now().toISOString(), filterGroups };
          } catch (error) {
            return { ...base, count: null, computedAt: null, filterGroups, error: error instanceof Error ? error.message : String(error) };
          }
        }),
      );
    },

    /** A queue's calls (scan) or its search filters; undefined for a scan queue before the first scan. */
    async calls(id: QueueId, opts: QueueOptions): Promise<QueueCalls | undefined> {
      const definition = QUEUES.find((q) => q.id === id);
      if (definition?.source === 'search') return { id, source: 'search', filterGroups: searchFilterGroups(id, await facts()) ?? [] };
      const scanned = deps.scanner.snapshot();
      if (!scanned) return undefined;
      const result = scanQueue(id, scanned.snapshot.calls, scanned.snapshot.contacts, opts);
      if (id === 'duplicates') return { id, source: 'scan', computedAt: scanned.computedAt, groups: (result as ScannedCall[][]).map((g) => g.map((c) => c.id)) };
      return { id, source: 'scan', computedAt: scanned.computedAt, callIds: (result as ScannedCall[]).map((c) => c.id) };
    },
  };
}
