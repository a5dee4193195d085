import type { KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import type { Disposition, HubSpotObject } from '../../../api/schemas';
import { dispositionLabel } from '../call-properties';
import { outcomeChoices } from '../shared/useOutcomeEdit';
import { prop } from './call-row';

export interface OutcomeMenuProps {
  target: { call: HubSpotObject; anchor: HTMLElement } | null;
  dispositions: readonly Disposition[] | undefined;
  onPick: (call: HubSpotObject, guid: string) => void;
  onClose: () => void;
}

/**
 * The account's active outcomes for one call, numbered: `1`–`9` pick the outcome shown with that number. The current
 * one is checked (shown, if archived, but not offered).
 */
export function OutcomeMenu({ target, dispositions, onPick, onClose }: OutcomeMenuProps) {
  const current = target ? prop(target.call, 'hs_call_disposition') : '';
  const title = target ? prop(target.call, 'hs_call_title') || '(untitled call)' : '';
  const choices = outcomeChoices(dispositions);
  const archived = (dispositions ?? []).filter((d) => d.archived && d.id === current);
  const pick = (guid: string) => {
    if (target && guid !== current) onPick(target.call, guid);
    onClose();
  };
  return (
    <Menu
      anchorEl={target?.anchor ?? null}
      open={!!target}
      onClose={onClose}
      // In the page's main landmark, not in a portal at the end of <body> (content outside every landmark).
      disablePortal
      slotProps={{
        list: {
          'aria-label': `Outcome of ${title}`,
          dense: true,
          onKeyDown: (event: KeyboardEvent<HTMLUListElement>) => {
            const choice = /^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey ? choices[Number(event.key) - 1] : undefined;
            if (!choice) return;
            event.preventDefault();
            pick(choice.id);
          },
        },
      }}
    >
      {!dispositions && <MenuItem disabled>Loading outcomes…</MenuItem>}
      {[...choices, ...archived].map((d, index) => {
        const hotkey = index < 9 && !d.archived ? String(index + 1) : undefined;
        return (
          <MenuItem
            key={d.id}
            role="menuitemradio"
            aria-checked={d.id === current}
            aria-keyshortcuts={hotkey}
            selected={d.id === current}
            disabled={d.archived}
            onClick={() => pick(d.id)}
            sx={{ gap: 3 }}
          >
            <Box component="span" sx={{ flex: 1 }}>
              {dispositionLabel(d)}
            </Box>
            {hotkey && (
              <Box component="kbd" aria-hidden sx={{ fontFamily: 'inherit', color: 'text.secondary', typography: 'caption' }}>
                {hotkey}
              </Box>
            )}
          </MenuItem>
        );
      })}
    </Menu>
  );
}
