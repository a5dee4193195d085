/**
 * What came of a journaled change (runJournaledChange's result), per call: how many calls it was applied to,
 * each call that failed with HubSpot's reason (linked to the call), the calls a cancel left untouched, and the
 * link to the change's journal entry, where it can be undone.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { appPaths, Link as RouterLink } from '../../lib/router';
import { callCount, formatCount } from '../../lib/counts';
import type { ChangeResult } from './run-change';

/** Failed calls listed by name; the rest are counted. */
const LISTED_FAILURES = 200;

export function ChangeReport({ result }: { result: ChangeResult }) {
  const { entry, report } = result;
  const applied = report.succeeded.length;
  const failed = report.failed.length;
  const notSent = Math.max(0, entry.counts.records - applied - failed);
  return (
    <Box role="status" aria-label="Change report">
      <Alert severity={failed || report.cancelled ? 'warning' : 'success'} sx={{ mb: 2 }}>
        Applied to {callCount(applied)}.{failed ? ` Failed on ${callCount(failed)}.` : ''}
        {report.cancelled && notSent > 0 ? ` Cancelled before ${callCount(notSent)}, which were not changed.` : ''}
      </Alert>
      {failed > 0 && (
        <Table size="small" aria-label="Calls that failed">
          <TableHead>
            <TableRow>
              <TableCell>Call</TableCell>
              <TableCell>Reason</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.failed.slice(0, LISTED_FAILURES).map((f) => (
              <TableRow key={f.id}>
                <TableCell>
                  <Link component={RouterLink} to={appPaths.call(f.id)} sx={{ fontFamily: 'monospace' }}>
                    {f.id}
                  </Link>
                </TableCell>
                <TableCell>{f.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {failed > LISTED_FAILURES && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          … and {formatCount(failed - LISTED_FAILURES)} more, listed in the journal.
        </Typography>
      )}
      <Typography variant="body2" sx={{ mt: 2 }}>
        <Link component={RouterLink} to={appPaths.journalEntry(entry.id)}>
          {applied > 0 ? 'Open in the journal to undo' : 'Open in the journal'}
        </Link>
      </Typography>
    </Box>
  );
}
