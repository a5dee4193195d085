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
 *
 * Once a call is on screen it stays there: a later read that fails (a background refresh, the edit
 * page's re-read before saving, the call deleted in another tab) shows the problem in an alert above
 * the screen, with Retry, and never unmounts the screen or a form being edited.
 */
export function CallQueryGate({ id, children }: { id: string; children: (call: HubSpotObject) => ReactNode }) {
  const { data, error, isPending, isFetching, refetch } = useQuery(callQueries.detail(id));
  if (isPending) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label="Loading call" />
      </Box>
    );
  }
  if (data === undefined) {
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
    return <ErrorState error={error} title="Could not load the call" onRetry={() => void refetch()} />;
  }
  return (
    <>
      {error && !isFetching && (
        <Box sx={{ mb: 2 }}>
          <ErrorState
            error={error}
            title={
              isNotFound(error)
                ? 'HubSpot no longer has this call (deleted, perhaps in another tab). What you see was loaded earlier.'
                : 'Could not refresh the call from HubSpot. What you see was loaded earlier.'
            }
            onRetry={() => void refetch()}
          />
        </Box>
      )}
      {children(data)}
    </>
  );
}
