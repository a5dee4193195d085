import { useId, useState, type MouseEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Popover from '@mui/material/Popover';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { checkConnectionAgain, connectionQuery, type Connection, type Credential } from '../lib/connection';
import { describeError } from '../lib/describeError';

type Problem = Extract<Credential, { status: 'missing-scopes' | 'invalid' | 'unknown' }>;

const isProblem = (c: Credential | undefined): c is Problem => c?.status === 'missing-scopes' || c?.status === 'invalid' || c?.status === 'unknown';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The chip's label: where calls go, then what is wrong with the credential. */
function labelOf(connection: Connection, problem: Problem | undefined): string {
  const target = connection.mode === 'mock' ? 'Mock' : `HubSpot · ${connection.host}`;
  if (!problem) return target;
  if (problem.status === 'missing-scopes') return `${target} · ${plural(problem.missingScopes.length, 'scope')} missing`;
  return `${target} · ${problem.status === 'invalid' ? 'token refused' : 'credential not checked'}`;
}

function headingOf(credential: Credential): string {
  switch (credential.status) {
    case 'checking':
      return 'Checking the credential';
    case 'ok':
      return 'The credential is fine';
    case 'invalid':
      return 'HubSpot refused the token';
    case 'unknown':
      return 'The credential could not be checked';
    case 'missing-scopes': {
      const n = credential.missingScopes.length;
      return `The credential lacks ${n === 1 ? 'a scope' : `${n} scopes`} the app needs`;
    }
  }
}

function CredentialDetails({ credential }: { credential: Credential }) {
  const keyPath = 'Development › Keys › Service keys';
  switch (credential.status) {
    case 'checking':
      return <Typography variant="body2">Checking the credential…</Typography>;
    case 'ok':
      return <Typography variant="body2">HubSpot accepts the token, and every scope the app reads with is granted.</Typography>;
    case 'invalid':
      return (
        <>
          <Typography variant="body2">{credential.message}</Typography>
          <Typography variant="body2">
            Create a Service Key in HubSpot ({keyPath}), set it as HUBSPOT_ACCESS_TOKEN on the server and restart it.
          </Typography>
        </>
      );
    case 'unknown':
      return <Typography variant="body2">{credential.message}</Typography>;
    case 'missing-scopes':
      return (
        <>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {credential.missingScopes.map((m) => (
              <Typography component="li" variant="body2" key={m.scope}>
                <Box component="code" sx={{ fontWeight: 600 }}>{m.scope}</Box>: {m.effect}
              </Typography>
            ))}
          </Box>
          {credential.message && <Typography variant="body2">{credential.message}</Typography>}
          <Typography variant="body2">Add the scopes to the Service Key in HubSpot ({keyPath}), then check again.</Typography>
        </>
      );
  }
}

/**
 * "Mock" or "HubSpot · api.hubapi.com": which backend the server's proxy talks to. When the server's credential
 * check found a problem (a missing scope, a refused token), the chip says so and opens the details, with
 * "Check again", in a popover (a button: reachable by keyboard, Escape closes it).
 */
export function ConnectionBadge() {
  const { data, isError } = useQuery(connectionQuery);
  const queryClient = useQueryClient();
  const recheck = useMutation({
    mutationFn: checkConnectionAgain,
    onSuccess: (connection) => queryClient.setQueryData(connectionQuery.queryKey, connection),
  });
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const headingId = useId();
  if (isError) {
    return (
      <Tooltip describeChild title="The server did not say which HubSpot it uses.">
        <Chip size="small" color="error" label="Connection unknown" />
      </Tooltip>
    );
  }
  if (!data) return null;
  const { credential } = data;
  const problem = isProblem(credential) ? credential : undefined;
  // Once opened, the details stay until closed, also when "Check again" finds everything fine.
  const clickable = Boolean(problem || anchor);
  const description =
    data.mode === 'mock'
      ? `Local HubSpot mock (${data.host}): demo data, nothing reaches HubSpot.`
      : `Changes are made in the HubSpot account behind ${data.host}.`;
  const color = problem?.status === 'invalid' ? 'error' : problem || data.mode === 'mock' ? 'warning' : 'success';
  return (
    <>
      <Tooltip describeChild title={clickable ? '' : description}>
        <Chip
          size="small"
          color={color}
          label={labelOf(data, problem)}
          {...(problem ? { icon: <WarningAmberOutlined /> } : {})}
          {...(clickable
            ? { onClick: (e: MouseEvent<HTMLElement>) => setAnchor(e.currentTarget), 'aria-haspopup': 'dialog' as const, 'aria-expanded': Boolean(anchor) }
            : {})}
        />
      </Tooltip>
      <Popover
        open={Boolean(anchor && credential)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{ paper: { role: 'dialog', 'aria-labelledby': headingId, sx: { p: 2, maxWidth: 460, display: 'grid', gap: 1 } } }}
      >
        {credential && (
          <>
            <Typography id={headingId} variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
              {headingOf(credential)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {description}
            </Typography>
            <CredentialDetails credential={credential} />
            {recheck.isError && (
              <Typography variant="body2" color="error" role="alert">
                Could not check again: {describeError(recheck.error).text}
              </Typography>
            )}
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
              <Button variant="outlined" size="small" loading={recheck.isPending} onClick={() => recheck.mutate()}>
                Check again
              </Button>
              {'checkedAt' in credential && (
                <Typography variant="caption" color="text.secondary">
                  Checked at {new Date(credential.checkedAt).toLocaleTimeString()}
                </Typography>
              )}
            </Box>
          </>
        )}
      </Popover>
    </>
  );
}
