/**
 * Our server's saved-views API (`/api/views`, server/api/views.ts): the team's views of the call list,
 * stored on the server (not in HubSpot), so everyone using this console sees the same ones.
 */
import * as z from 'zod/mini';
import { serverRequest } from '../../api/http';
import { noContentSchema } from '../../api/schemas';

const BASE = '/api/views';

const viewColumnsSchema = z.object({
  order: z.array(z.string()),
  hidden: z.array(z.string()),
  widths: z.record(z.string(), z.number()),
});
const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  search: z.string(),
  columns: z.nullable(viewColumnsSchema),
  density: z.nullable(z.enum(['compact', 'standard'])),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

/** What a view restores: the list's query string (filters, sort, search, page size), its columns and density. */
export type ViewState = Pick<SavedView, 'search' | 'columns' | 'density'>;

/** Longest name the server takes (server/api/views.ts). */
export const NAME_MAX = 80;

export async function listViews(signal?: AbortSignal): Promise<SavedView[]> {
  return (await serverRequest(BASE, { schema: z.object({ results: z.array(savedViewSchema) }), signal })).results;
}

export function getView(id: string, signal?: AbortSignal): Promise<SavedView> {
  return serverRequest(`${BASE}/${encodeURIComponent(id)}`, { schema: savedViewSchema, signal });
}

export function createView(input: ViewState & { name: string }): Promise<SavedView> {
  return serverRequest(BASE, { method: 'POST', body: input, schema: savedViewSchema });
}

export function updateView(id: string, patch: Partial<ViewState & { name: string }>): Promise<SavedView> {
  return serverRequest(`${BASE}/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, schema: savedViewSchema });
}

export async function deleteView(id: string): Promise<void> {
  await serverRequest(`${BASE}/${encodeURIComponent(id)}`, { method: 'DELETE', schema: noContentSchema });
}
