import { queryOptions } from '@tanstack/react-query';
import { loadConnection } from '../api/connection';

/** What `GET /hubspot-connection` tells the UI: where the proxy sends HubSpot calls, the API version (never the token). */
export const connectionQuery = queryOptions({
  queryKey: ['connection'],
  queryFn: () => loadConnection(),
  // The target is fixed for the life of the server process.
  staleTime: Infinity,
});
