import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isNotFound } from '../../../api/errors';
import type { HubSpotObject } from '../../../api/schemas';
import { ErrorState } from '../../../components/ErrorState';
import { NotFound } from '../../../components/NotFound';
import { callQueries } from '../calls-queries';
import { lastListUrl } from './list-return';

/**
 * Loads one call for a screen: a spinner while it loads, the not-found page for a missing or
 * deleted call (with a way back to the list as the user left it), HubSpot's error with Retry, and
 * otherwise the screen itself.
 */
export function CallQueryGate({ id, children }: { id: string; children: (call: HubSpotObject) => ReactNode }) {
  const { data, error, isPending, refetch } = useQuery(callQueries.detail(id));
  if (isPending) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label="Loading call" />
      </Box>
    );
  }
  if (isNotFound(error)) {
    return (
      <NotFound
        title="Call not found"
        message="This call does not exist in HubSpot, or it was deleted (deleted calls stay in HubSpot's recycling bin for 90 days)."
        backTo={lastListUrl()}
        backLabel="Back to calls"
      />
    );
  }
  if (error) return <ErrorState error={error} title="Could not load the call" onRetry={() => void refetch()} />;
  return children(data);
}
