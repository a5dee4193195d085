/** Every call of "Repair by phone number" at a glance: its number, what was found for it, and what became of it. */
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { CallRepair, Candidate } from './repair';

export type RepairOutcome =
  | { kind: 'repaired'; candidate: Candidate; entryId: string }
  | { kind: 'failed'; reason: string; entryId?: string }
  | { kind: 'skipped' };

const recordName = (c: Candidate) => `${c.type === 'contacts' ? 'contact' : 'company'} ${c.name}`;

/** What was found for a call, in words. */
export function statusText(r: CallRepair): string {
  switch (r.status) {
    case 'no-number':
      return 'This call has no phone number.';
    case 'invalid-number':
      return `“${r.raw ?? ''}” is not a valid phone number.`;
    case 'no-match':
      return 'No contact or company has this number.';
    case 'single':
      return `1 match: ${r.candidates.map(recordName).join('')}`;
    case 'several':
      return `${r.candidates.length} matches: ${r.candidates.map(recordName).join(', ')}`;
  }
}

function outcomeText(o: RepairOutcome | undefined): string {
  if (!o) return '';
  if (o.kind === 'repaired') return `Repaired → ${recordName(o.candidate)}`;
  if (o.kind === 'failed') return `Failed: ${o.reason}`;
  return 'Skipped';
}

export function RepairCallList({ repairs, outcomes, index, onSelect }: { repairs: readonly CallRepair[]; outcomes: Readonly<Record<string, RepairOutcome>>; index: number; onSelect: (i: number) => void }) {
  return (
    <Table size="small" aria-label="Calls to repair">
      <TableHead>
        <TableRow>
          <TableCell>Call</TableCell>
          <TableCell>Number</TableCell>
          <TableCell>Found</TableCell>
          <TableCell>Done</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {repairs.map((r, i) => (
          <TableRow key={r.callId} selected={i === index} data-id={r.callId}>
            <TableCell>
              <Button size="small" onClick={() => onSelect(i)} aria-current={i === index ? 'true' : undefined} sx={{ textTransform: 'none', textAlign: 'left' }}>
                {r.title}
              </Button>
            </TableCell>
            <TableCell>{r.number ? r.number.e164 : (r.raw ?? '—')}</TableCell>
            <TableCell>{statusText(r)}</TableCell>
            <TableCell>{outcomeText(outcomes[r.callId])}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
