/**
 * Messages between the main thread and a reader thread (reader.ts, reader-worker.ts), checked on
 * arrival by these guards (no schema library: the main thread loads zod lazily, after startup).
 */

export type SqlParam = string | number | null;

/** main thread -> reader: run this statement, answer with its first row. */
export interface ReaderRequest {
  id: number;
  sql: string;
  params: SqlParam[];
}

/** reader -> main thread: the row (raw; undefined when none) or the error of a request. */
export type ReaderReply = { id: number; row: unknown[] | undefined } | { id: number; error: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

const isParam = (v: unknown): v is SqlParam => typeof v === 'string' || typeof v === 'number' || v === null;

export function readerRequest(v: unknown): ReaderRequest | undefined {
  if (!isRecord(v) || typeof v.id !== 'number' || typeof v.sql !== 'string' || !Array.isArray(v.params)) return undefined;
  const params: unknown[] = v.params;
  return params.every(isParam) ? { id: v.id, sql: v.sql, params } : undefined;
}

/** 'ready' once the reader opened the database, a reply, or undefined for anything else. */
export function readerMessage(v: unknown): 'ready' | ReaderReply | undefined {
  if (!isRecord(v)) return undefined;
  if (v.ready === true) return 'ready';
  if (typeof v.id !== 'number') return undefined;
  if (typeof v.error === 'string') return { id: v.id, error: v.error };
  if (v.row === undefined) return { id: v.id, row: undefined };
  if (Array.isArray(v.row)) {
    const row: unknown[] = v.row;
    return { id: v.id, row };
  }
  return undefined;
}
