/**
 * One tooltip for the whole call table (cells stay light): when the pointer enters a cell or a cell gets the
 * keyboard focus, and the cell's text is cut, the tooltip shows it in full. Escape closes it.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Popper from '@mui/material/Popper';
import type { HubSpotObject } from '../../../api/schemas';
import { CUT_TEXT_CLASS } from './columns';

interface CutTip {
  anchor: HTMLElement;
  text: string;
  /** The rows the anchor belongs to: a new page closes the tooltip. */
  rows: readonly HubSpotObject[];
}

export function useCutTextTip(rows: readonly HubSpotObject[]) {
  const [shownTip, setTip] = useState<CutTip | null>(null);
  const tip = shownTip?.rows === rows ? shownTip : null;
  const showFor = (target: EventTarget) => {
    const cell = target instanceof Element ? target.closest<HTMLElement>('[role="gridcell"]') : null;
    const cut = cell?.querySelector<HTMLElement>(`.${CUT_TEXT_CLASS}`);
    const text = cut && cut.scrollWidth > cut.clientWidth ? (cut.textContent ?? '') : '';
    setTip((now) => (cell && text ? (now?.anchor === cell && now.text === text && now.rows === rows ? now : { anchor: cell, text, rows }) : null));
  };
  const hide = () => setTip(null);
  const handlers = {
    onMouseOver: (e: React.MouseEvent) => showFor(e.target),
    onMouseLeave: hide,
    onFocus: (e: React.FocusEvent) => showFor(e.target),
    onBlur: hide,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    },
  };
  const element = (
    // Popper's root has role="tooltip".
    <Popper open={!!tip} anchorEl={tip?.anchor} placement="bottom-start" sx={{ zIndex: 'tooltip', pointerEvents: 'none' }}>
      <Box
        sx={{ bgcolor: 'grey.800', color: 'common.white', typography: 'body2', px: 1, py: 0.5, borderRadius: 1, maxWidth: 480, overflowWrap: 'anywhere' }}
      >
        {tip?.text}
      </Box>
    </Popper>
  );
  return { handlers, element };
}
