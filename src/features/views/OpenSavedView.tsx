/**
 * The call list at `/calls?view=<id>` (a saved view's link): loads the view, then hands it to `onOpen`, which
 * applies its columns and density and replaces the address with the list's own URL for the view. A view that
 * no longer exists says so, with a way on to the list.
 */
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isNotFound } from '../../api/errors';
import { ErrorState } from '../../components/ErrorState';
import { appPaths, Link as RouterLink } from '../../lib/router';
import type { SavedView } from './views-api';
import { viewQueries } from './views-queries';

export function OpenSavedView({ id, onOpen }: { id: string; onOpen: (view: SavedView) => void }) {
  const qc = useQueryClient();
  const listKey = viewQueries.list().queryKey;
  const query = useQuery({
    ...viewQueries.detail(id),
    // Opened from the Views menu: the list already has it.
    initialData: () => qc.getQueryData(listKey)?.find((v) => v.id === id),
    initialDataUpdatedAt: () => qc.getQueryState(listKey)?.dataUpdatedAt,
  });
  const view = query.data;
  useEffect(() => {
    if (view) onOpen(view);
  }, [view, onOpen]);

  let body: React.ReactNode;
  if (query.isError && isNotFound(query.error)) {
    body = (
      <Alert severity="warning" role="alert">
        This saved view no longer exists: someone on the team may have deleted it.
        <Box sx={{ mt: 1 }}>
          <Button component={RouterLink} to={appPaths.calls()} variant="outlined" size="small">
            Open the call list
          </Button>
        </Box>
      </Alert>
    );
  } else if (query.isError) {
    body = <ErrorState error={query.error} title="Could not open the saved view" onRetry={() => void query.refetch()} />;
  } else {
    body = (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} role="status">
        <CircularProgress size={20} aria-hidden />
        <Typography>Opening the saved view…</Typography>
      </Box>
    );
  }
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Calls
      </Typography>
      {body}
    </Stack>
  );
}
