/**
 * A reader thread: one read-only connection to the mock's database file, running the statements
 * the main thread sends (first row, as an array) and answering with the row or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { openConnection } from './connection.js';
import { readerRequest, type ReaderReply } from './reader-protocol.js';

const port = parentPort;
if (!port) throw new Error('reader-worker runs as a worker thread');
const file: unknown = workerData;
if (typeof file !== 'string') throw new Error('reader-worker needs the database file');

const db = openConnection(file, { readonly: true });
const statements = new Map<string, Database.Statement>();

function statement(sql: string): Database.Statement {
  let s = statements.get(sql);
  if (!s) {
    if (statements.size > 500) statements.clear();
    s = db.prepare(sql).raw(true);
    statements.set(sql, s);
  }
  return s;
}

port.on('message', (message: unknown) => {
  const request = readerRequest(message);
  if (!request) throw new Error('reader-worker: malformed request');
  let reply: ReaderReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const row: unknown = statement(request.sql).get(...request.params);
    const values: unknown[] | undefined = Array.isArray(row) ? row : undefined;
    for (const v of values ?? []) {
      // hand large blobs over instead of copying them (a blob owning its whole ArrayBuffer)
      if (v instanceof Uint8Array && v.byteOffset === 0 && v.buffer instanceof ArrayBuffer && v.buffer.byteLength === v.byteLength) {
        transfer.push(v.buffer);
      }
    }
    reply = { id: request.id, row: values };
  } catch (e) {
    reply = { id: request.id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply, transfer);
});
port.postMessage({ ready: true });
