import { Hono } from 'hono';
import { basePath } from 'hono/route';
import type { CrmContext } from '../crm/objects.js';
import { searchObjectsJson } from '../crm/search.js';
import type { ReadCache } from './cache.js';
import { loadSchemas, parseJsonText, readText, sendCached, type MockEnv } from './http.js';
import { objectType } from './objects.js';

/** Search, relative to the mount (`/crm/v3/objects`): `POST /{objectType}/search`, answered through `cache` when one is given. */
export function searchRoutes(ctx: CrmContext, cache: ReadCache | undefined): Hono<MockEnv> {
  const app = new Hono<MockEnv>();

  app.post('/:objectType/search', async (c) => {
    const type = objectType(c.req.param('objectType'));
    const text = await readText(c);
    const { searchInput } = await loadSchemas();
    // the mount is part of the key: the answer's paging link names it
    const path = `${basePath(c)}/${type}/search`;
    // while search lags behind a write, its answers change without another write: not cached
    const lags = ctx.db.searchLags(ctx.clock.now());
    return sendCached(c, lags ? undefined : cache, `SEARCH ${path} ${text}`, () => searchObjectsJson(ctx, type, parseJsonText(text, searchInput), path));
  });

  return app;
}
