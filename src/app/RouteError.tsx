import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { appPaths, Link as RouterLink } from '../lib/router';
import { ErrorState } from '../components/ErrorState';

/** Error boundary of the routes: a page that crashed shows what happened and a way back. */
export function RouteError({ error }: { error: unknown }) {
  return (
    <Box sx={{ maxWidth: 720, mx: 'auto', mt: 4 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        This page stopped working
      </Typography>
      <ErrorState error={error} title="The page hit an unexpected error" />
      <Stack direction="row" spacing={2} sx={{ mt: 3 }}>
        <Button variant="contained" component={RouterLink} to={appPaths.calls()} reloadDocument>
          Back to calls
        </Button>
        <Button variant="outlined" onClick={() => window.location.reload()}>
          Reload page
        </Button>
      </Stack>
    </Box>
  );
}
