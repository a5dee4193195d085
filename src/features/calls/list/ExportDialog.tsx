/** CSV export of the current view: every page fetched with progress and cancel, then downloaded. */
import { useEffect, useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { describeError } from '../../../lib/describeError';
import type { CallListParams } from '../calls-queries';
import type { ColumnId } from '../call-properties';
import type { RowLookups } from './call-row';
import { callCount } from './counts';
import { csvFileName } from './csv';
import { downloadCsv, exportView } from './export';
import { FetchProgress } from './FetchProgress';

type Phase =
  | { kind: 'run'; fetched: number; total?: number }
  | { kind: 'done'; count: number }
  | { kind: 'error'; error: unknown };


export interface ExportDialogProps {
  params: CallListParams;
  columns: readonly ColumnId[];
  lookups: RowLookups;
  onClose: () => void;
}

export function ExportDialog({ params, columns, lookups, onClose }: ExportDialogProps) {
  const titleId = useId();
  const [attempt, setAttempt] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'run', fetched: 0 });

  useEffect(() => {
    // Closing the dialog unmounts it, which aborts the run (Cancel = close).
    const ac = new AbortController();
    exportView(params, columns, lookups, (p) => setPhase({ kind: 'run', fetched: p.fetched, total: p.total }), ac.signal).then(
      (res) => {
        downloadCsv(res.csv, csvFileName(new Date()));
        setPhase({ kind: 'done', count: res.count });
      },
      (e: unknown) => {
        if (ac.signal.aborted) return;
        setPhase({ kind: 'error', error: e });
      },
    );
    return () => ac.abort();
    // Lookups are read once at the start of an export; a retry starts a new one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params, columns, attempt]);

  return (
    <Dialog open onClose={phase.kind === 'run' ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Export to CSV</DialogTitle>
      <DialogContent>
        {phase.kind === 'run' && <FetchProgress lead="Fetching calls…" tail="so far." label="Export progress" fetched={phase.fetched} total={phase.total} />}
        {phase.kind === 'done' && (
          <Alert severity="success" role="status">
            Exported {callCount(phase.count)}.
          </Alert>
        )}
        {phase.kind === 'error' && (
          <Alert severity="error" role="alert">
            {describeError(phase.error).text}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {phase.kind === 'run' && (
          <Button onClick={onClose}>Cancel export</Button>
        )}
        {phase.kind === 'error' && (
          <Button
            onClick={() => {
              setPhase({ kind: 'run', fetched: 0 });
              setAttempt((a) => a + 1);
            }}
          >
            Retry
          </Button>
        )}
        {phase.kind !== 'run' && (
          <Button variant="contained" onClick={onClose}>
            Close
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
