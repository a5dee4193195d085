import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import { useModKeyLabel, useShortcuts } from '../../../lib/useShortcuts';

type Shortcut = [keys: string[], what: string];

/** Every shortcut of the call screens (the hooks that handle them: CallListPage, OutcomeMenu, TriageBar, RecentChanges). */
function groups(mod: string): [title: string, shortcuts: Shortcut[]][] {
  return [
    [
      'Call list',
      [
        [['/'], 'Search calls'],
        [['E'], 'Change the outcome of the focused row'],
        [['1', '–', '9'], 'In the outcome menu: choose the outcome with that number'],
        [['Enter'], 'Open the focused call (on the outcome cell: change the outcome)'],
      ],
    ],
    [
      'Call page (triage)',
      [
        [['J'], 'Next call in the list'],
        [['K'], 'Previous call in the list'],
        [['1', '–', '9'], 'Set the outcome with that number'],
        [['Esc'], 'Back to the list'],
      ],
    ],
    [
      'Everywhere',
      [
        [[mod, '+', 'Z'], 'Undo the last outcome change'],
        [['?'], 'Show these shortcuts'],
      ],
    ],
  ];
}

/** The "Keyboard shortcuts" button and dialog (also `?`). Shortcuts never fire while typing in a field. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  useShortcuts({ '?': () => setOpen(true) });
  const mod = useModKeyLabel();
  return (
    <>
      <Tooltip title="Keyboard shortcuts (?)">
        <IconButton aria-label="Keyboard shortcuts" aria-keyshortcuts="?" onClick={() => setOpen(true)}>
          <KeyboardIcon />
        </IconButton>
      </Tooltip>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="shortcuts-title" maxWidth="sm" fullWidth>
        <DialogTitle id="shortcuts-title">Keyboard shortcuts</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Shortcuts do nothing while you type in a field or a menu is open.
          </Typography>
          {groups(mod).map(([title, shortcuts]) => (
            <Box key={title} component="section" sx={{ mb: 2 }}>
              <Typography variant="subtitle2" component="h3">
                {title}
              </Typography>
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '7.5rem 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
                {shortcuts.map(([keys, what]) => (
                  <Box key={what} sx={{ display: 'contents' }}>
                    <Box component="dt" sx={{ display: 'flex', gap: 0.5, alignItems: 'center' }}>
                      {keys.map((k, i) =>
                        k === '–' || k === '+' ? (
                          <span key={i}>{k}</span>
                        ) : (
                          <Box key={i} component="kbd" sx={{ px: 0.75, border: 1, borderColor: 'divider', borderRadius: 1, fontFamily: 'monospace', fontSize: 13 }}>
                            {k}
                          </Box>
                        ),
                      )}
                    </Box>
                    <Box component="dd" sx={{ m: 0 }}>
                      {what}
                    </Box>
                  </Box>
                ))}
              </Box>
            </Box>
          ))}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
