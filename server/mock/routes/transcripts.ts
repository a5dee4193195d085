import { Hono } from 'hono';
import type { CrmContext } from '../crm/objects.js';
import { createTranscript, deleteTranscript, readTranscript } from '../crm/transcripts.js';
import { noContent, readJson, sendJson, type MockEnv } from './http.js';

/**
 * Call transcripts, relative to the mount (`/crm/v3/extensions/calling/transcripts`,
 * `/crm/extensions/calling/2026-09/transcripts`): create at `/`, read and delete at `/{transcriptId}`.
 */
export function transcriptRoutes(ctx: CrmContext): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  app.post('/', async (c) => sendJson(c, createTranscript(ctx, await readJson(c, (s) => s.transcriptCreate))));
  app.get('/:transcriptId', (c) => sendJson(c, readTranscript(ctx, c.req.param('transcriptId'))));
  app.delete('/:transcriptId', (c) => {
    deleteTranscript(ctx, c.req.param('transcriptId'));
    return noContent(c);
  });
  return app;
}
