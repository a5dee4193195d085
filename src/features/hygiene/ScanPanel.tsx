/**
 * The scan behind the scan-based queues: what it does before the first one, its progress (calls read of the
 * total, a progress bar) with Cancel while it runs, how the last one ended (its error as the server said it),
 * and Scan now / Refresh (only calls changed since) / Full scan.
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorState } from '../../components/ErrorState';
import type { ScanProgress } from './hygiene-api';
import { ago, clockTime, scanPercent, scanProgressText } from './freshness';
import { useCancelScan, useScan, useStartScan } from './hygiene-queries';

const ENDED: Record<Exclude<ScanProgress['status'], 'running' | 'done'>, { severity: 'error' | 'warning' | 'info'; title: string }> = {
  failed: { severity: 'error', title: 'The last scan failed' },
  cancelled: { severity: 'info', title: 'The last scan was cancelled' },
  interrupted: { severity: 'warning', title: 'The last scan was interrupted (the server stopped)' },
};

function Running({ scan }: { scan: ScanProgress }) {
  const cancel = useCancelScan();
  const percent = scanPercent(scan);
  return (
    <Stack spacing={1}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography sx={{ flex: 1 }} role="status">
          {scan.mode === 'full' ? 'Scanning every call' : 'Refreshing the calls changed since the last scan'}: {scanProgressText(scan)}
        </Typography>
        <Button onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          Cancel scan
        </Button>
      </Box>
      <LinearProgress aria-label="Scan progress" variant={percent === undefined ? 'indeterminate' : 'determinate'} value={percent} />
      {cancel.isError && <ErrorState error={cancel.error} title="Could not cancel the scan" />}
    </Stack>
  );
}

export function ScanPanel({ now, timeZone }: { now: Date; timeZone: string }) {
  const scan = useScan();
  const start = useStartScan();
  const last = scan.data;
  const actions = (
    <Stack direction="row" spacing={1}>
      {last ? (
        <>
          <Button variant="contained" onClick={() => start.mutate('incremental')} disabled={start.isPending}>
            Refresh
          </Button>
          <Button onClick={() => start.mutate('full')} disabled={start.isPending}>
            Full scan
          </Button>
        </>
      ) : (
        <Button variant="contained" onClick={() => start.mutate('full')} disabled={start.isPending || scan.isPending}>
          Scan now
        </Button>
      )}
    </Stack>
  );

  let body: React.ReactNode;
  if (scan.isError) body = <ErrorState error={scan.error} title="Could not read the scan’s state" onRetry={() => void scan.refetch()} />;
  else if (scan.isPending) body = <Typography color="text.secondary">Reading the scan’s state…</Typography>;
  else if (!last) {
    body = (
      <Stack spacing={1.5}>
        <Typography>
          No scan yet. Four queues need one: HubSpot’s search cannot tell which calls have no contact or company, sit on a placeholder contact, are
          duplicates, or were missed with no call back. A scan reads every call with its contacts and companies through HubSpot’s list endpoint (100
          calls a request) and the contacts they name, within HubSpot’s rate limits: about 2 seconds per 1,000 calls, so a few minutes for 100,000. It
          only reads; nothing in HubSpot changes. The result stays on this server, and Refresh later reads only the calls changed since.
        </Typography>
        {actions}
      </Stack>
    );
  } else if (last.status === 'running') body = <Running scan={last} />;
  else {
    const ended = last.status === 'done' ? undefined : ENDED[last.status];
    const when = last.finishedAt ?? last.startedAt;
    body = (
      <Stack spacing={1.5}>
        {ended ? (
          <Alert severity={ended.severity} role={last.status === 'failed' ? 'alert' : 'status'}>
            <AlertTitle>{ended.title}</AlertTitle>
            {last.error ?? `${scanProgressText(last)} when it stopped.`} The queues keep the last finished scan’s result, if any.
          </Alert>
        ) : (
          <Typography>
            Last scan ({last.mode === 'full' ? 'every call' : 'calls changed since the scan before'}) finished at {clockTime(when, now, timeZone)},{' '}
            {ago(when, now)}: {scanProgressText(last)}.
          </Typography>
        )}
        {actions}
      </Stack>
    );
  }

  return (
    <Paper variant="outlined" component="section" aria-labelledby="scan-heading" sx={{ p: 2 }}>
      <Typography id="scan-heading" variant="h6" component="h2" gutterBottom>
        Scan of every call
      </Typography>
      {body}
      {start.isError && (
        <Box sx={{ mt: 1.5 }}>
          <ErrorState error={start.error} title="Could not start the scan" />
        </Box>
      )}
    </Paper>
  );
}
