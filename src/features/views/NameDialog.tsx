/**
 * Asks for a view's name (saving or renaming). The name is checked on the field as it is typed; the
 * server's refusal (a name another view has) lands on the field too, any other failure above the buttons.
 * Nothing closes the dialog but success or the user: the typed name is never lost.
 */
import { useId, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { describeError } from '../../lib/describeError';
import { NAME_MAX } from './views-api';

export interface NameDialogProps {
  title: string;
  description?: string;
  initialName?: string;
  confirmLabel: string;
  /** Resolves when saved (the dialog closes), rejects with the server's error (the dialog shows it). */
  onSubmit: (name: string) => Promise<unknown>;
  onClose: () => void;
}

/** The name as the server keeps it: spaces trimmed and runs of spaces made one. */
const tidy = (name: string) => name.replace(/\s+/g, ' ').trim();

function problemWith(name: string): string | undefined {
  const n = tidy(name);
  if (!n) return 'Give the view a name.';
  if (n.length > NAME_MAX) return `Names are at most ${NAME_MAX} characters (this one has ${n.length}).`;
  return undefined;
}

export function NameDialog({ title, description, initialName = '', confirmLabel, onSubmit, onClose }: NameDialogProps) {
  const titleId = useId();
  const [name, setName] = useState(initialName);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The server's answer to the last attempt: on the field (its name) or for the whole form. */
  const [refusal, setRefusal] = useState<{ forName: string; field?: string; form?: string } | null>(null);

  const local = problemWith(name);
  const fieldError = (touched ? local : undefined) ?? (refusal && refusal.forName === name ? refusal.field : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (local || busy) return;
    setBusy(true);
    setRefusal(null);
    try {
      await onSubmit(tidy(name));
      onClose();
    } catch (error) {
      const described = describeError(error);
      const field = described.fieldErrors.name;
      setRefusal(field ? { forName: name, field } : { forName: name, form: described.text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={() => !busy && onClose()} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {description && <DialogContentText sx={{ mb: 2 }}>{description}</DialogContentText>}
          <TextField
            autoFocus
            fullWidth
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => setTouched(true)}
            error={!!fieldError}
            helperText={fieldError ?? `Up to ${NAME_MAX} characters. Everyone on the team sees it.`}
            slotProps={{ htmlInput: { 'aria-required': true } }}
            sx={{ mt: 1 }}
          />
          {refusal?.form && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {refusal.form}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="contained"
            disabled={busy}
            startIcon={busy ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
          >
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
