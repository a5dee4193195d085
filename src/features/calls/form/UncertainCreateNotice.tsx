/** What became of a create whose answer was lost: checking, found (with a link), not found, or unknown. */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { HubSpotObject } from '../../../api/schemas';
import { Link } from '../../../lib/router';

export type UncertainCreate =
  | { state: 'checking'; error: unknown }
  | { state: 'found'; error: unknown; call: HubSpotObject }
  | { state: 'absent'; error: unknown }
  | { state: 'unknown'; error: unknown; checkError: unknown };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Only after `absent` may the form send the call again. */
export const maySendAgain = (u: UncertainCreate | null) => u === null || u.state === 'absent';

export function UncertainCreateNotice({ value, onCheckAgain, onOpen }: { value: UncertainCreate; onCheckAgain: () => void; onOpen: () => void }) {
  const lost = (
    <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
      HubSpot’s answer did not arrive: {messageOf(value.error)}
    </Typography>
  );
  const checkAgain = (
    <Button color="inherit" size="small" onClick={onCheckAgain}>
      Check again
    </Button>
  );
  switch (value.state) {
    case 'checking':
      return (
        <Alert severity="info" role="status" icon={<CircularProgress size={20} aria-hidden />}>
          <AlertTitle>Checking whether HubSpot saved the call…</AlertTitle>
          {lost}
        </Alert>
      );
    case 'found':
      return (
        <Alert severity="success" role="alert">
          <AlertTitle>HubSpot saved the call after all</AlertTitle>
          {lost}
          <Typography variant="body2" sx={{ mt: 1 }}>
            It is there:{' '}
            <Link to={`/calls/${encodeURIComponent(value.call.id)}`} onClick={onOpen}>
              {value.call.properties.hs_call_title || 'Untitled call'} (call {value.call.id})
            </Link>
            . It was not sent again.
          </Typography>
        </Alert>
      );
    case 'absent':
      return (
        <Alert severity="warning" role="alert" action={checkAgain}>
          <AlertTitle>HubSpot has no such call: it was not saved</AlertTitle>
          {lost}
          <Typography variant="body2" sx={{ mt: 1 }}>
            A search just now found no call with this time, title and owner. You can send it again.
          </Typography>
        </Alert>
      );
    case 'unknown':
      return (
        <Alert severity="error" role="alert" action={checkAgain}>
          <AlertTitle>The call may have been saved</AlertTitle>
          {lost}
          <Typography variant="body2" sx={{ mt: 1, overflowWrap: 'anywhere' }}>
            Checking whether HubSpot has it failed too ({messageOf(value.checkError)}). Check again before sending it a second time.
          </Typography>
        </Alert>
      );
  }
}
