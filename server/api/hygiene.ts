/**
 * `/api/hygiene`: the "Needs attention" queues (server/hygiene) and the scan behind the scan-based ones.
 *
 *   GET    /queues?days=N          every queue: id, title, rule, source, count, computedAt (+ filterGroups)
 *   GET    /queues/:id/calls?days=N  a scan queue's call ids (duplicates: groups), or a search queue's filters
 *   POST   /scan {mode?}           starts a scan (202), or answers the one under way (200)
 *   GET    /scan                   the scan under way or the last one (404 before the first)
 *   DELETE /scan                   cancels the scan under way (409 when none is)
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { createHubSpotReader } from '../hygiene/hubspot-reader.ts';
import { DEFAULT_CALLBACK_DAYS, isQueueId } from '../hygiene/queues.ts';
import { createQueueReport } from '../hygiene/report.ts';
import { createHygieneScanner, type HygieneScanner } from '../hygiene/scan.ts';
import type { AppDb } from '../store/connection.ts';
import { listHandled } from '../store/journal.ts';
import { markInterruptedScans } from '../store/scans.ts';
import type { ApiVersion } from '../../src/api/hubspot-paths.ts';
import type { Upstream } from '../proxy.ts';
import { ApiError, NO_STORE, readJson } from './http.ts';

const MAX_DAYS = 365;
const scanInput = z.strictObject({ mode: z.enum(['full', 'incremental']).optional() });

function days(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_CALLBACK_DAYS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_DAYS) throw new ApiError(400, 'VALIDATION_ERROR', `days must be a whole number from 1 to ${MAX_DAYS}.`, [{ message: 'Out of range.', in: 'days' }]);
  return n;
}

export interface HygieneSource {
  upstream: Upstream;
  apiVersion: ApiVersion;
}

export function hygieneRoutes(db: AppDb, source: HygieneSource, opts: { onScanner?: (scanner: HygieneScanner) => void } = {}): Hono {
  markInterruptedScans(db);
  const reader = createHubSpotReader(source);
  const scanner = createHygieneScanner({ db, reader });
  opts.onScanner?.(scanner);
  const report = createQueueReport({ reader, scanner });
  const queueOptions = (raw: string | undefined) => ({ days: days(raw), handled: new Set(listHandled(db).map((m) => m.callId)) });
  const app = new Hono();

  app.get('/queues', async (c) => c.json({ queues: await report.queues(queueOptions(c.req.query('days'))), scan: scanner.progress() ?? null }, 200, NO_STORE));

  app.get('/queues/:id/calls', async (c) => {
    const id = c.req.param('id');
    if (!isQueueId(id)) throw new ApiError(404, 'NOT_FOUND', `There is no queue ${JSON.stringify(id)}.`);
    const calls = await report.calls(id, queueOptions(c.req.query('days')));
    if (!calls) throw new ApiError(409, 'SCAN_REQUIRED', 'This queue comes from a scan of every call, and none has finished yet: start one with POST /api/hygiene/scan.');
    return c.json(calls, 200, NO_STORE);
  });

  app.post('/scan', async (c) => {
    const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('content-type') !== undefined;
    const input = hasBody ? await readJson(c, scanInput) : {};
    const already = scanner.progress()?.status === 'running';
    const progress = scanner.start(input.mode);
    return c.json(progress, already ? 200 : 202, NO_STORE);
  });

  app.get('/scan', (c) => {
    const progress = scanner.progress();
    if (!progress) throw new ApiError(404, 'NOT_FOUND', 'No scan has run yet: start one with POST /api/hygiene/scan.');
    return c.json(progress, 200, NO_STORE);
  });

  app.delete('/scan', (c) => {
    if (!scanner.cancel()) throw new ApiError(409, 'CONFLICT', 'No scan is under way.');
    return c.json(scanner.progress(), 200, NO_STORE);
  });
  return app;
}
