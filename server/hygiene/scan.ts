/**
 * The hygiene scan: reads every call through HubSpot's list endpoint (100 a page, with their contacts and
 * companies) and the associated contacts by batch read (100 a request), and keeps the result in our store
 * (server/store/scans.ts) for the scan-based queues. One run at a time, with progress and cancel.
 *
 * Refresh ("incremental"): HubSpot's list is ordered by id, not by change, so listing cannot stop early at
 * the calls changed since; search can filter and sort on hs_lastmodifieddate. A refresh therefore:
 *  - searches calls with hs_lastmodifieddate ≥ (last finished run's start − SEARCH_LAG_MARGIN_MS), oldest change
 *    first, 200 a page; search stops at 10,000 results, so it restarts from the last change seen (keyset);
 *    the margin covers search's lag (a change made just before the last run may have reached search after it);
 *  - re-reads the associations (batch, 1,000 a request) of those calls and of the calls in the "no contact or
 *    company" and "placeholder contact" queues, since associating a call (the repair) does not change it;
 *  - re-reads new contacts and the placeholder contacts (a rename does not change the call);
 *  - lists deleted calls (`archived=true`) and drops them.
 * What a refresh cannot see: a contact deleted or renamed, or an association removed, on a call in no queue
 * (HubSpot does not change the call). A full scan sees everything; the UI should offer it.
 *
 * The server only reads HubSpot here.
 */
import { isPlaceholderContact, withoutAssociation } from './classify.ts';
import { readAllAssociationPages } from '../../src/api/association-pages.ts';
import { associationBatchSchema, batchReadSchema, listPageSchema, searchPageSchema, type HubSpotReader, type HubSpotRecord } from './hubspot-reader.ts';
import { SCANNED_CALL_PROPERTIES, SCANNED_CONTACT_PROPERTIES, toScannedCall, toScannedContact, type ScannedCall, type ScannedContact } from './model.ts';
import type { AppDb } from '../store/connection.ts';
import { finishScanRun, lastDoneScanRun, latestScanRun, readSnapshot, startScanRun, type ScanMode, type ScanRun, type Snapshot, type SnapshotChange } from '../store/scans.ts';

const SEARCH_LAG_MARGIN_MS = 60_000;
const LIST_PAGE = 100;
const SEARCH_PAGE = 200;
const SEARCH_RESULT_CAP = 10_000;
const BATCH_READ = 100;

type ScanProgress = Omit<ScanRun, 'id'> & { id: string };

const chunks = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const ids = (r: HubSpotRecord, type: 'contacts' | 'companies') => r.associations?.[type]?.results.map((a) => a.id) ?? [];

export interface HygieneScanner {
  /** Starts a run (a refresh when a finished one exists, unless `mode` says full); the one under way if any. */
  start(mode?: ScanMode): ScanProgress;
  /** The run under way, else the last one; undefined before the first. */
  progress(): ScanProgress | undefined;
  /** Cancels the run under way; false when none is. */
  cancel(): boolean;
  /** The snapshot of the last finished run and when it was computed; undefined before the first. */
  snapshot(): { snapshot: Snapshot; computedAt: string; run: ScanRun } | undefined;
  /** Resolves when the run under way ends (tests, scripts). */
  settled(): Promise<void>;
}

export function createHygieneScanner(opts: { db: AppDb; reader: HubSpotReader; now?: () => Date }): HygieneScanner {
  const { db, reader } = opts;
  const now = opts.now ?? (() => new Date());
  let running: { progress: ScanProgress; abort: AbortController; done: Promise<void> } | undefined;
  let cache: { runId: string; snapshot: Snapshot } | undefined;

  async function contactsById(contactIds: Iterable<string>, signal: AbortSignal): Promise<ScannedContact[]> {
    const out: ScannedContact[] = [];
    for (const chunk of chunks([...new Set(contactIds)], BATCH_READ)) {
      const page = await reader.post(
        reader.paths.objectBatch('contacts', 'read'),
        { inputs: chunk.map((id) => ({ id })), properties: [...SCANNED_CONTACT_PROPERTIES], propertiesWithHistory: [] },
        batchReadSchema,
        signal,
      );
      out.push(...page.results.map((r) => toScannedContact(r.id, r.properties)));
    }
    return out;
  }

  async function fullScan(p: ScanProgress, signal: AbortSignal): Promise<SnapshotChange> {
    p.callsTotal = await countCalls(signal);
    const calls: ScannedCall[] = [];
    let after: string | undefined;
    do {
      const query = { limit: String(LIST_PAGE), properties: SCANNED_CALL_PROPERTIES.join(','), associations: 'contacts,companies', ...(after ? { after } : {}) };
      const page = await reader.get(reader.paths.objects('calls'), query, listPageSchema, signal);
      calls.push(...page.results.map((r) => toScannedCall(r.id, r.properties, ids(r, 'contacts'), ids(r, 'companies'))));
      p.callsRead = calls.length;
      p.requests = reader.requests - requestsAtStart;
      after = page.paging?.next?.after;
    } while (after);
    const contacts = await contactsById(calls.flatMap((c) => c.contactIds), signal);
    return { replace: true, calls, deletedCallIds: [], contacts };
  }

  async function countCalls(signal: AbortSignal): Promise<number> {
    const page = await reader.post(reader.paths.objectSearch('calls'), { filterGroups: [], limit: 1, properties: ['hs_object_id'] }, searchPageSchema, signal);
    return page.total;
  }

  async function associationsOf(callIds: readonly string[], toType: 'contacts' | 'companies', signal: AbortSignal): Promise<Map<string, string[]>> {
    const path = reader.paths.associationBatchRead('calls', toType);
    const all = await readAllAssociationPages(callIds, (inputs) => reader.post(path, { inputs }, associationBatchSchema, signal));
    return new Map([...all].map(([id, to]) => [id, to.map((t) => t.toObjectId)]));
  }

  async function refresh(p: ScanProgress, since: Date, signal: AbortSignal): Promise<SnapshotChange> {
    const current = readSnapshot(db);
    const known = new Map(current.calls.map((c) => [c.id, c]));
    // Calls changed since: properties from search, oldest change first.
    const changed = new Map<string, HubSpotRecord>();
    let from = since.getTime() - SEARCH_LAG_MARGIN_MS;
    for (;;) {
      let after: string | undefined;
      let lastChange = from;
      let read = 0;
      do {
        const page = await reader.post(
          reader.paths.objectSearch('calls'),
          {
            filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(from) }] }],
            sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
            properties: [...SCANNED_CALL_PROPERTIES],
            limit: SEARCH_PAGE,
            ...(after ? { after } : {}),
          },
          searchPageSchema,
          signal,
        );
        p.callsTotal ??= page.total;
        for (const r of page.results) {
          changed.set(r.id, r);
          const at = Date.parse(r.properties['hs_lastmodifieddate'] ?? '');
          if (Number.isFinite(at)) lastChange = Math.max(lastChange, at);
        }
        read += page.results.length;
        p.callsRead = changed.size;
        p.requests = reader.requests - requestsAtStart;
        after = page.paging?.next?.after;
      } while (after && read + SEARCH_PAGE <= SEARCH_RESULT_CAP);
      if (!after) break;
      if (lastChange === from) throw new Error('More than 10,000 calls changed at the same moment: run a full scan.');
      from = lastChange;
    }

    // Associations of the changed calls, and of the calls whose queue a repair may have emptied.
    const placeholderIds = new Set([...current.contacts.values()].filter(isPlaceholderContact).map((c) => c.id));
    const recheck = current.calls.filter((c) => c.contactIds.some((id) => placeholderIds.has(id)));
    const reread = [...new Set([...changed.keys(), ...withoutAssociation(current.calls).map((c) => c.id), ...recheck.map((c) => c.id)])];
    const contactsOf = await associationsOf(reread, 'contacts', signal);
    const companiesOf = await associationsOf(reread, 'companies', signal);
    const calls: ScannedCall[] = [];
    for (const id of reread) {
      const record = changed.get(id);
      const previous = known.get(id);
      const contactIds = contactsOf.get(id) ?? [];
      const companyIds = companiesOf.get(id) ?? [];
      if (record) calls.push(toScannedCall(id, record.properties, contactIds, companyIds));
      else if (previous) calls.push({ ...previous, contactIds, companyIds });
    }

    // Deleted calls: HubSpot lists them with archived=true (for 90 days).
    const deletedCallIds: string[] = [];
    let after: string | undefined;
    do {
      const page = await reader.get(reader.paths.objects('calls'), { archived: 'true', limit: String(LIST_PAGE), properties: 'hs_object_id', ...(after ? { after } : {}) }, listPageSchema, signal);
      for (const r of page.results) if (known.has(r.id) || changed.has(r.id)) deletedCallIds.push(r.id);
      after = page.paging?.next?.after;
    } while (after);

    const newContacts = calls.flatMap((c) => c.contactIds).filter((id) => !current.contacts.has(id));
    const contacts = await contactsById([...newContacts, ...placeholderIds], signal);
    return { replace: false, calls, deletedCallIds, contacts };
  }

  let requestsAtStart = 0;

  function start(mode?: ScanMode): ScanProgress {
    if (running) return { ...running.progress };
    const last = lastDoneScanRun(db);
    const chosen: ScanMode = mode ?? (last ? 'incremental' : 'full');
    const run = startScanRun(db, chosen === 'incremental' && !last ? 'full' : chosen, now());
    const progress: ScanProgress = { ...run };
    const abort = new AbortController();
    requestsAtStart = reader.requests;
    const work = async () => {
      try {
        const change = progress.mode === 'full' || !last ? await fullScan(progress, abort.signal) : await refresh(progress, new Date(last.startedAt), abort.signal);
        progress.requests = reader.requests - requestsAtStart;
        finishScanRun(db, run.id, { status: 'done', callsRead: progress.callsRead, callsTotal: progress.callsTotal, requests: progress.requests }, change, now());
        cache = undefined;
      } catch (error) {
        const cancelled = abort.signal.aborted;
        const message = cancelled ? undefined : error instanceof Error ? error.message : String(error);
        finishScanRun(db, run.id, { status: cancelled ? 'cancelled' : 'failed', callsRead: progress.callsRead, callsTotal: progress.callsTotal, requests: reader.requests - requestsAtStart, ...(message ? { error: message } : {}) }, undefined, now());
      } finally {
        running = undefined;
      }
    };
    running = { progress, abort, done: work() };
    return { ...progress };
  }

  return {
    start,
    progress: () => (running ? { ...running.progress } : latestScanRun(db)),
    cancel() {
      if (!running) return false;
      running.abort.abort(new Error('The scan was cancelled.'));
      return true;
    },
    snapshot() {
      const run = lastDoneScanRun(db);
      if (!run?.finishedAt) return undefined;
      if (cache?.runId !== run.id) cache = { runId: run.id, snapshot: readSnapshot(db) };
      return { snapshot: cache.snapshot, computedAt: run.finishedAt, run };
    },
    settled: async () => {
      await running?.done;
    },
  };
}
