import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { getJson, postJson } from '../api/http';

/** What the server's credential check found (server/credential.ts); absent when there is no token to check. */
const credentialSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('checking') }),
  z.object({ status: z.literal('ok'), checkedAt: z.string() }),
  z.object({
    status: z.literal('missing-scopes'),
    checkedAt: z.string(),
    missingScopes: z.array(z.object({ scope: z.string(), effect: z.string() })),
    message: z.optional(z.string()),
  }),
  z.object({ status: z.enum(['invalid', 'unknown']), checkedAt: z.string(), message: z.string() }),
]);
export type Credential = z.infer<typeof credentialSchema>;

/** What `GET /hubspot-connection` tells the UI: where the proxy sends HubSpot calls and how the credential fares (never the token). */
const connectionSchema = z.object({
  mode: z.enum(['mock', 'hubspot']),
  host: z.string(),
  credential: z.optional(credentialSchema),
});
export type Connection = z.infer<typeof connectionSchema>;

/** While the server's first check is under way, ask again this often. */
const CHECKING_POLL_MS = 2000;

export const connectionQuery = queryOptions({
  queryKey: ['connection'],
  queryFn: ({ signal }) => getJson('/hubspot-connection', connectionSchema, signal),
  // The target is fixed for the life of the server process; the credential is checked at start and on request.
  staleTime: Infinity,
  refetchInterval: (query) => (query.state.data?.credential?.status === 'checking' ? CHECKING_POLL_MS : false),
});

/** "Check again": the server checks the credential anew and answers with the connection as it is now. */
export function checkConnectionAgain(): Promise<Connection> {
  return postJson('/hubspot-connection/check', connectionSchema);
}
