import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { metadataQueries } from '../../../api/metadata-queries';
import { propertyLabel } from '../call-properties';
import { formatCallValue } from '../call-values';
import { defaultChoices, type ConflictChoice, type ConflictRow } from './conflicts';

export type ConflictResolution =
  | { kind: 'save'; choices: Record<string, ConflictChoice> }
  | { kind: 'reload' }
  | { kind: 'cancel' };

export interface ConflictDialogProps {
  rows: readonly ConflictRow[];
  timeZone: string;
  onResolve: (resolution: ConflictResolution) => void;
}

/** Shown when the call changed in HubSpot after the form was loaded: per property, keep yours or take theirs. */
export function ConflictDialog({ rows, timeZone, onResolve }: ConflictDialogProps) {
  const titleId = useId();
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>(() => defaultChoices(rows));
  const definitions = useQuery(metadataQueries.properties('calls')).data;
  const dispositions = useQuery(metadataQueries.dispositions()).data;
  const owners = useQuery(metadataQueries.owners()).data;
  const ctx = { definitions, dispositions, owners, timeZone };
  const show = (property: string, value: string) => formatCallValue(property, value, ctx) || '(empty)';

  return (
    <Dialog open onClose={() => onResolve({ kind: 'cancel' })} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>This call changed in HubSpot</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Someone changed this call after you opened the form. For each property below, keep your value or take the one now in
          HubSpot; or reload the call and start again.
        </DialogContentText>
        <Table size="small" aria-label="Properties changed in HubSpot">
          <TableHead>
            <TableRow>
              <TableCell component="th">Property</TableCell>
              <TableCell component="th">In HubSpot now</TableCell>
              <TableCell component="th">Yours</TableCell>
              <TableCell component="th">Keep</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => {
              const label = propertyLabel(row.property, definitions);
              return (
                <TableRow key={row.field}>
                  <TableCell component="th" scope="row">
                    {label}
                  </TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{show(row.property, row.server)}</TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>
                    {show(row.property, row.mine)}
                    {!row.youChanged && ' (you did not change this)'}
                  </TableCell>
                  <TableCell>
                    <RadioGroup
                      row
                      aria-label={`Keep for ${label}`}
                      value={choices[row.field] ?? 'mine'}
                      onChange={(e) => setChoices((c) => ({ ...c, [row.field]: e.target.value === 'theirs' ? 'theirs' : 'mine' }))}
                    >
                      <FormControlLabel value="mine" control={<Radio size="small" />} label="Mine" />
                      <FormControlLabel value="theirs" control={<Radio size="small" />} label="Theirs" />
                    </RadioGroup>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={() => onResolve({ kind: 'cancel' })}>Cancel</Button>
        <Button onClick={() => onResolve({ kind: 'reload' })}>Reload (discard my changes)</Button>
        <Button
          color="warning"
          onClick={() => onResolve({ kind: 'save', choices: Object.fromEntries(rows.map((r) => [r.field, 'mine' as const])) })}
        >
          Overwrite with mine
        </Button>
        <Button variant="contained" onClick={() => onResolve({ kind: 'save', choices })}>
          Save with these choices
        </Button>
      </DialogActions>
    </Dialog>
  );
}
