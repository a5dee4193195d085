/** What came of a fix: calls changed, calls that failed with HubSpot's reason, and whether it was stopped. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ChangeResult } from '../journal';

const calls = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'call' : 'calls'}`;

export function FixReport({ result }: { result: ChangeResult }) {
  const { report } = result;
  return (
    <Box role="status">
      <Alert severity={report.failed.length ? 'warning' : 'success'}>
        {calls(report.succeeded.length)} changed.{report.failed.length ? ` ${calls(report.failed.length)} not changed.` : ''}
        {report.cancelled ? ' Stopped before the end.' : ''}
      </Alert>
      {report.failed.length > 0 && (
        <Table size="small" aria-label="Calls not changed">
          <TableHead>
            <TableRow>
              <TableCell>Call ID</TableCell>
              <TableCell>Reason</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.failed.map((f) => (
              <TableRow key={f.id}>
                <TableCell>{f.id}</TableCell>
                <TableCell>{f.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
