import { useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import HistoryIcon from '@mui/icons-material/History';
import { useModKeyLabel, useShortcuts } from '../../../lib/useShortcuts';
import { useOutcomeAnnouncement, useOutcomeChangeStore, useOutcomeChanges, type OutcomeChange } from './outcome-changes';
import { useOutcomeUndo } from './useOutcomeEdit';

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

const STATE_TEXT: Record<OutcomeChange['state'], string> = {
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved',
  undoing: 'Undoing…',
  undone: 'Undone',
};

const outcomeText = (label: string) => label || 'no outcome';

/**
 * "Recent changes": the outcome changes made in this tab, newest first, each with its own Undo; Ctrl/⌘+Z
 * undoes the newest one that can be. Also the screen reader's live region for saved and undone changes.
 */
export function RecentChanges() {
  const changes = useOutcomeChanges();
  const store = useOutcomeChangeStore();
  const announcement = useOutcomeAnnouncement();
  const { undo, undoLast } = useOutcomeUndo();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const paper = useRef<HTMLDivElement>(null);
  useShortcuts({ 'mod+z': undoLast });
  const mod = useModKeyLabel();

  return (
    <>
      <Button
        startIcon={<HistoryIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        disabled={changes.length === 0}
        aria-haspopup="dialog"
        aria-expanded={anchor ? true : undefined}
      >
        Recent changes{changes.length > 0 ? ` (${changes.length})` : ''}
      </Button>
      {/* At the left edge: where the button's line ends, the 1 px box could sit past a phone's screen and widen the page. */}
      <Box role="status" sx={{ ...visuallyHidden, top: 0, left: 0 }}>
        <span key={announcement.seq}>{announcement.text}</span>
      </Box>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { ref: paper, role: 'dialog', 'aria-label': 'Recent changes', sx: { width: 420, maxWidth: 'calc(100vw - 32px)', p: 2 } } }}
      >
        <Typography variant="subtitle1" component="h2">
          Recent changes
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {mod}+Z undoes the last change.
        </Typography>
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {changes.map((c) => {
            const undoable = store.canUndo(c.key);
            const superseded = !undoable && (c.state === 'saved' || c.state === 'saving');
            return (
              <Box component="li" key={c.key} sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.75, borderTop: 1, borderColor: 'divider' }}>
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Typography variant="body2" noWrap title={c.title}>
                    {c.title}
                  </Typography>
                  <Typography variant="caption" color={c.state === 'failed' ? 'error' : 'text.secondary'} component="div">
                    {outcomeText(c.fromLabel)} → {outcomeText(c.toLabel)} · {STATE_TEXT[c.state]}
                    {c.error ? `: ${c.error}` : ''}
                    {superseded ? ' · changed again since' : ''}
                  </Typography>
                </Box>
                {(undoable || superseded) && (
                  <Button
                    size="small"
                    onClick={() => {
                      undo(c.key);
                      // The button goes away with the change undone: keep the keyboard in the list (Esc closes it).
                      paper.current?.focus();
                    }}
                    disabled={!undoable}
                    aria-label={`Undo ${c.title}: ${outcomeText(c.fromLabel)} → ${outcomeText(c.toLabel)}`}
                  >
                    Undo
                  </Button>
                )}
              </Box>
            );
          })}
        </Box>
      </Popover>
    </>
  );
}
