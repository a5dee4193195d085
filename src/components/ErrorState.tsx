import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { describeError } from '../lib/describeError';

export interface ErrorStateProps {
  error: unknown;
  /** Heading above HubSpot's message, e.g. "Could not load calls"; else the kind of failure. */
  title?: string;
  /** Shows a Retry button when given. */
  onRetry?: () => void;
  retryLabel?: string;
}

/** An error as an admin needs it: HubSpot's message, its correlation ID (for HubSpot support) and a way to retry. */
export function ErrorState({ error, title, onRetry, retryLabel = 'Retry' }: ErrorStateProps) {
  const described = describeError(error);
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {retryLabel}
          </Button>
        ) : undefined
      }
      sx={{ alignItems: 'flex-start' }}
    >
      <AlertTitle>{title ?? described.title}</AlertTitle>
      <Box component="p" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {described.message}
      </Box>
      {described.details && (
        <Typography variant="body2" component="p" sx={{ mt: 1, opacity: 0.85, overflowWrap: 'anywhere', userSelect: 'text' }}>
          {described.details}
        </Typography>
      )}
    </Alert>
  );
}
