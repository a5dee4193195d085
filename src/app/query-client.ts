import { QueryClient } from '@tanstack/react-query';
import { isHubSpotApiError } from '../api/errors';
import type { HubSpotApiError } from '../api/errors';

declare module '@tanstack/react-query' {
  interface Register {
    /** Every failure of the client layer is a HubSpotApiError (src/api/http.ts wraps network and schema failures too). */
    defaultError: HubSpotApiError;
  }
}

/** Data counts as fresh for 30 s: lists and details refetch on mount after that, not on every render. */
export const DEFAULT_STALE_TIME_MS = 30_000;

/**
 * Query retries on top of http.ts: http.ts already retries 429 and 502/503/504 with the right waits,
 * so the query layer adds at most one retry, and only when no HTTP answer came at all (status 0).
 * Any 4xx is final: retrying a validation error or a missing record cannot succeed.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < 1 && isHubSpotApiError(error) && error.status === 0 && error.category === 'NETWORK_ERROR';
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
