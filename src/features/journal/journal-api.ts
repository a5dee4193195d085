/**
 * Our server's journal of bulk changes (`/api/journal`, server/api/journal.ts): an entry per change with each
 * call's previous and new values, what came of applying it, and of undoing it.
 */
import * as z from 'zod/mini';
import { serverRequest } from '../../api/http';
import type { CallChange, ChangeKind } from './call-values';

const BASE = '/api/journal';
/** The server takes at most this many records per request. */
export const RECORDS_PER_REQUEST = 1000;

const valuesSchema = z.record(z.string(), z.union([z.string(), z.null(), z.array(z.string())]));

const entrySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  actor: z.string(),
  kind: z.string(),
  summary: z.string(),
  status: z.enum(['pending', 'applied', 'partial', 'failed']),
  finishedAt: z.nullable(z.string()),
  undoneAt: z.nullable(z.string()),
  undoneBy: z.nullable(z.string()),
  counts: z.object({
    records: z.number(),
    applied: z.number(),
    failed: z.number(),
    pending: z.number(),
    undone: z.number(),
    undoSkipped: z.number(),
    undoFailed: z.number(),
  }),
});
export type JournalEntry = z.infer<typeof entrySchema>;

const entriesSchema = z.object({ results: z.array(entrySchema), paging: z.optional(z.object({ next: z.object({ before: z.string() }) })) });

const recordSchema = z.object({
  callId: z.string(),
  before: valuesSchema,
  after: valuesSchema,
  result: z.enum(['pending', 'applied', 'failed']),
  error: z.nullable(z.string()),
  undoResult: z.nullable(z.enum(['undone', 'skipped', 'failed'])),
  undoError: z.nullable(z.string()),
});
export type JournalRecord = z.infer<typeof recordSchema>;
const recordsSchema = z.object({ results: z.array(recordSchema), paging: z.optional(z.object({ next: z.object({ after: z.string() }) })) });

export function createEntry(input: { kind: ChangeKind; summary: string; records: readonly CallChange[] }): Promise<JournalEntry> {
  return serverRequest(BASE, { method: 'POST', body: input, schema: entrySchema });
}

export function appendRecords(id: string, records: readonly CallChange[]): Promise<JournalEntry> {
  return serverRequest(`${BASE}/${encodeURIComponent(id)}/records`, { method: 'POST', body: { records }, schema: entrySchema });
}

export function reportResults(
  id: string,
  input: { results: readonly { callId: string; result: 'applied' | 'failed'; error?: string }[]; finished: boolean },
): Promise<JournalEntry> {
  return serverRequest(`${BASE}/${encodeURIComponent(id)}/results`, { method: 'POST', body: input, schema: entrySchema });
}

export function reportUndo(
  id: string,
  input: { results: readonly { callId: string; result: 'undone' | 'skipped' | 'failed'; reason?: string }[]; finished: boolean },
): Promise<JournalEntry> {
  return serverRequest(`${BASE}/${encodeURIComponent(id)}/undo`, { method: 'POST', body: input, schema: entrySchema });
}

export function getEntry(id: string, signal?: AbortSignal): Promise<JournalEntry> {
  return serverRequest(`${BASE}/${encodeURIComponent(id)}`, { schema: entrySchema, signal });
}

/** Newest first, a page at a time (`before`: the last entry id of the previous page). */
export function listEntries(p: { limit?: number; before?: string }, signal?: AbortSignal): Promise<z.infer<typeof entriesSchema>> {
  return serverRequest(BASE, { query: { limit: p.limit, before: p.before }, schema: entriesSchema, signal });
}

/** Every record of an entry, following the server's pages. */
export async function listAllRecords(id: string, signal?: AbortSignal): Promise<JournalRecord[]> {
  const all: JournalRecord[] = [];
  let after: string | undefined;
  do {
    const page = await serverRequest(`${BASE}/${encodeURIComponent(id)}/records`, { query: { limit: RECORDS_PER_REQUEST, after }, schema: recordsSchema, signal });
    all.push(...page.results);
    after = page.paging?.next.after;
  } while (after);
  return all;
}
