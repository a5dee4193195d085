import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { appPaths, Link as RouterLink } from '../lib/router';

export interface NotFoundProps {
  title?: string;
  message?: string;
  backTo?: string;
  backLabel?: string;
}

/** Shown for unknown routes and for records that do not exist. */
export function NotFound({
  title = 'Page not found',
  message = 'There is nothing at this address. It may have been mistyped, or the record may have been deleted.',
  backTo = appPaths.calls(),
  backLabel = 'Back to calls',
}: NotFoundProps) {
  return (
    <Paper variant="outlined" sx={{ p: { xs: 3, sm: 5 }, textAlign: 'center', maxWidth: 640, mx: 'auto', mt: 4 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {title}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {message}
      </Typography>
      <Button variant="contained" component={RouterLink} to={backTo}>
        {backLabel}
      </Button>
    </Paper>
  );
}
