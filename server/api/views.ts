/**
 * `/api/views`: the team's saved views of the call list (list, read, create, rename or change, delete),
 * over server/store/views.ts. Names are 1-80 characters and unique per team whatever their case (409).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDb } from '../store/connection.ts';
import { createView, deleteView, getView, listViews, NameTakenError, updateView } from '../store/views.ts';
import { ApiError, NO_STORE, readJson } from './http.ts';

const NAME_MAX = 80;
/** The list's query string: up to 3,000 characters of search text plus filters, sort and page size. */
const SEARCH_MAX = 4000;
const MAX_COLUMNS = 64;

const name = z
  .string({ error: 'The name must be text.' })
  .regex(/^[^\p{Cc}]*$/u, 'The name cannot contain control characters.')
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'Give the view a name.').max(NAME_MAX, `Names are at most ${NAME_MAX} characters.`));

/** As URLSearchParams writes it (a leading `?` is dropped): nothing a query string cannot carry. */
const search = z
  .string({ error: 'search must be the list’s query string.' })
  .max(SEARCH_MAX, `search is at most ${SEARCH_MAX} characters.`)
  .transform((s) => s.replace(/^\?/, ''))
  .refine((s) => /^[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*$/.test(s), 'search must be a URL query string, e.g. "outcome=…&sort=-time".');

const columnId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Column ids are letters, digits, "-" and "_".');
const columns = z.strictObject({
  order: z.array(columnId).max(MAX_COLUMNS),
  hidden: z.array(columnId).max(MAX_COLUMNS),
  widths: z
    .record(columnId, z.number().int().min(40).max(2000))
    .refine((w) => Object.keys(w).length <= MAX_COLUMNS, `At most ${MAX_COLUMNS} column widths.`),
});
const density = z.enum(['compact', 'standard']);

const createInput = z.strictObject({
  name,
  search,
  columns: columns.nullable().default(null),
  density: density.nullable().default(null),
});
const updateInput = z
  .strictObject({ name, search, columns: columns.nullable(), density: density.nullable() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one of name, search, columns, density.');

function notFound(id: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `There is no saved view ${JSON.stringify(id)}: it may have been deleted.`);
}

/** Runs a write; a name another view has is a 409 on the name field. */
function unlessNameTaken<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (!(error instanceof NameTakenError)) throw error;
    const message = `${error.message} Choose another name.`;
    throw new ApiError(409, 'CONFLICT', message, [{ message, in: 'name' }]);
  }
}

export function viewsRoutes(db: AppDb): Hono {
  const app = new Hono();
  app.get('/', (c) => c.json({ results: listViews(db) }, 200, NO_STORE));

  app.post('/', async (c) => {
    const input = await readJson(c, createInput);
    const view = unlessNameTaken(() => createView(db, input));
    return c.json(view, 201, { ...NO_STORE, location: `/api/views/${view.id}` });
  });

  app.get('/:id', (c) => {
    const view = getView(db, c.req.param('id'));
    if (!view) throw notFound(c.req.param('id'));
    return c.json(view, 200, NO_STORE);
  });

  app.patch('/:id', async (c) => {
    const id = c.req.param('id');
    const patch = await readJson(c, updateInput);
    const view = unlessNameTaken(() => updateView(db, id, patch));
    if (!view) throw notFound(id);
    return c.json(view, 200, NO_STORE);
  });

  app.delete('/:id', (c) => {
    if (!deleteView(db, c.req.param('id'))) throw notFound(c.req.param('id'));
    return c.body(null, 204, NO_STORE);
  });
  return app;
}
