import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { isHubSpotApiError } from '../api/errors';

export interface ErrorStateProps {
  error: unknown;
  /** Heading above HubSpot's message, e.g. "Could not load calls". */
  title?: string;
  /** Shows a Retry button when given. */
  onRetry?: () => void;
  retryLabel?: string;
}

function describe(error: unknown): { message: string; correlationId?: string; status?: number; category?: string } {
  if (isHubSpotApiError(error)) {
    return { message: error.message, correlationId: error.correlationId, status: error.status, category: error.category };
  }
  if (error instanceof Error && error.message) return { message: error.message };
  if (typeof error === 'string' && error) return { message: error };
  return { message: 'Something went wrong.' };
}

/** An error as an admin needs it: HubSpot's message, its correlationId (for HubSpot support) and a way to retry. */
export function ErrorState({ error, title = 'Something went wrong', onRetry, retryLabel = 'Retry' }: ErrorStateProps) {
  const { message, correlationId, status, category } = describe(error);
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
      <AlertTitle>{title}</AlertTitle>
      <Box component="p" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {message}
      </Box>
      {(correlationId || (status !== undefined && status > 0)) && (
        <Typography variant="body2" component="p" sx={{ mt: 1, opacity: 0.85, overflowWrap: 'anywhere' }}>
          {status !== undefined && status > 0 ? `HTTP ${status}${category ? ` · ${category}` : ''}` : null}
          {correlationId ? (
            <>
              {status !== undefined && status > 0 ? ' · ' : null}
              Correlation ID: <Box component="span" sx={{ fontFamily: 'monospace', userSelect: 'all' }}>{correlationId}</Box>
            </>
          ) : null}
        </Typography>
      )}
    </Alert>
  );
}
