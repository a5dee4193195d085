import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { getJson } from '../api/http';

/** What `GET /hubspot-connection` tells the UI: where the proxy sends HubSpot calls (never the token). */
const connectionSchema = z.object({
  mode: z.enum(['mock', 'hubspot']),
  host: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;

function getConnection(signal?: AbortSignal): Promise<Connection> {
  return getJson('/hubspot-connection', connectionSchema, signal);
}

export const connectionQuery = queryOptions({
  queryKey: ['connection'],
  queryFn: ({ signal }) => getConnection(signal),
  // The target is fixed for the life of the server process.
  staleTime: Infinity,
});
