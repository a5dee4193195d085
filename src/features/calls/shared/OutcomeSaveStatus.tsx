import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import { useLatestOutcomeChange } from './outcome-changes';

/**
 * Where an outcome was changed (its row, the call page's triage bar), how its latest change went: saving,
 * "Saved" or "Undone" (shown for a few seconds), or why it was not saved. Screen readers are told as it happens
 * by RecentChanges' live region.
 */
export function OutcomeSaveStatus({ callId, withText = false }: { callId: string; withText?: boolean }) {
  const change = useLatestOutcomeChange(callId);
  // An accessible name, not an SVG <title>: the cell's text stays the outcome alone. With text beside it, the icon is decoration.
  const label = (text: string) => (withText ? {} : { role: 'img', 'aria-hidden': false, 'aria-label': text });
  if (!change) return null;
  let icon: ReactNode;
  let text: string;
  if (change.state === 'saving' || change.state === 'undoing') {
    text = change.state === 'saving' ? 'Saving…' : 'Undoing…';
    icon = <CircularProgress size={14} {...(withText ? { 'aria-hidden': true } : { 'aria-label': text })} />;
  } else if (change.state === 'failed') {
    text = `Not saved: ${change.error ?? ''}`;
    icon = <ErrorIcon fontSize="small" color="error" {...label(text)} />;
  } else {
    text = change.state === 'saved' ? 'Saved' : 'Undone';
    icon = <CheckCircleIcon fontSize="small" color="success" {...label(text)} />;
  }
  // "Saved" and "Undone" show briefly, then fade; they stay readable to a screen reader as the row's last change.
  const faded = (change.state === 'saved' || change.state === 'undone') && !change.fresh;
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, flexShrink: 0, opacity: faded ? 0 : 1, transition: 'opacity 600ms' }}
      title={faded ? undefined : text}
    >
      {icon}
      {withText && (
        <Box component="span" sx={{ typography: 'body2', color: change.state === 'failed' ? 'error.main' : 'text.secondary' }}>
          {text}
        </Box>
      )}
    </Box>
  );
}
