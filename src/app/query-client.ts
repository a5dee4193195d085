import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isHubSpotApiError } from '../api/errors';
import type { HubSpotApiError } from '../api/errors';
import { rememberCallWrites } from '../features/calls/list/recent-writes';
import { describeError } from '../lib/describeError';
import type { Notification } from '../lib/notifications';

/**
 * How a query or mutation wants its failures told by the cache (`meta: { errorTitle: 'Could not refresh the call' }`).
 * `errorTitle: false` opts out: the screen reports the failure in place.
 */
interface ErrorMeta extends Record<string, unknown> {
  errorTitle?: string | false;
}

declare module '@tanstack/react-query' {
  interface Register {
    /** Every failure of the client layer is a HubSpotApiError (src/api/http.ts wraps network and schema failures too). */
    defaultError: HubSpotApiError;
    queryMeta: ErrorMeta;
    mutationMeta: ErrorMeta;
  }
}

const DEFAULT_REFRESH_TITLE = 'Could not refresh data from HubSpot';
const DEFAULT_MUTATION_TITLE = 'HubSpot did not save the change';

/** Data counts as fresh for 30 s: lists and details refetch on mount after that, not on every render. */
const DEFAULT_STALE_TIME_MS = 30_000;

/**
 * Query retries on top of http.ts: http.ts already retries 429 and 502/503/504 with the right waits,
 * so the query layer adds at most one retry, and only when no HTTP answer came at all (status 0).
 * Any 4xx is final: retrying a validation error or a missing record cannot succeed.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < 1 && isHubSpotApiError(error) && error.status === 0 && error.category === 'NETWORK_ERROR';
}

/**
 * The app's query client. `notify` tells failures the screen cannot show itself:
 * - a query whose data is on screen and whose background refresh fails: the data stays, and one notice says
 *   so (once per failure streak of that query: the next notice comes only after it has succeeded again).
 *   A query without data shows its own error state, so the cache stays quiet about it.
 * - a mutation that does not report its failure in place (those opt out with `meta: { errorTitle: false }`).
 */
export function createQueryClient(notify?: (notification: Notification) => void): QueryClient {
  const failing = new Set<string>();
  const tell = (title: string, error: unknown) => notify?.({ message: `${title}: ${describeError(error).text}`, severity: 'error' });
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        const title = query.meta?.errorTitle;
        if (title === false || query.state.data === undefined || !query.isActive() || failing.has(query.queryHash)) return;
        failing.add(query.queryHash);
        tell(title ?? DEFAULT_REFRESH_TITLE, error);
      },
      onSuccess: (_data, query) => {
        failing.delete(query.queryHash);
      },
    }),
    mutationCache: new MutationCache({
      // The user's own writes of calls outlive the mutation cache (and a reload): lists overlay them on lagging search pages.
      onSuccess: (data, _variables, _context, mutation) => rememberCallWrites(data, mutation),
      onError: (error, _variables, _context, mutation) => {
        const title = mutation.meta?.errorTitle;
        if (title !== false) tell(title ?? DEFAULT_MUTATION_TITLE, error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: DEFAULT_STALE_TIME_MS,
        refetchOnWindowFocus: false,
        retry: shouldRetryQuery,
      },
      mutations: {
        // Writes are retried only by http.ts, and only on 429 (HubSpot applied nothing).
        retry: false,
      },
    },
  });
}
