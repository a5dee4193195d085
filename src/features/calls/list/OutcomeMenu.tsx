import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import type { Disposition, HubSpotObject } from '../../../api/schemas';
import { dispositionLabel } from '../call-properties';
import { prop } from './call-row';

export interface OutcomeMenuProps {
  target: { call: HubSpotObject; anchor: HTMLElement } | null;
  dispositions: readonly Disposition[] | undefined;
  onPick: (call: HubSpotObject, guid: string) => void;
  onClose: () => void;
}

/** The account's active outcomes for one call; the current one is checked (shown, if archived, but not offered). */
export function OutcomeMenu({ target, dispositions, onPick, onClose }: OutcomeMenuProps) {
  const current = target ? prop(target.call, 'hs_call_disposition') : '';
  const title = target ? prop(target.call, 'hs_call_title') || '(untitled call)' : '';
  const options = (dispositions ?? []).filter((d) => !d.archived || d.id === current);
  return (
    <Menu
      anchorEl={target?.anchor ?? null}
      open={!!target}
      onClose={onClose}
      slotProps={{ list: { 'aria-label': `Outcome of ${title}`, dense: true } }}
    >
      {!dispositions && <MenuItem disabled>Loading outcomes…</MenuItem>}
      {options.map((d) => (
        <MenuItem
          key={d.id}
          role="menuitemradio"
          aria-checked={d.id === current}
          selected={d.id === current}
          disabled={d.archived}
          onClick={() => {
            if (target && d.id !== current) onPick(target.call, d.id);
            onClose();
          }}
        >
          {dispositionLabel(d)}
        </MenuItem>
      ))}
    </Menu>
  );
}
