/**
 * The grid's row checkbox as a native checkbox: the grid's default (an MUI Checkbox: ButtonBase, ripple, SVG
 * icons, emotion styles) per row was a large part of rendering a page of 100 calls. Same contract: the grid
 * gives the checked state, the change handler, the tab index of its focus management and the accessible name.
 */
import type { GridSlotProps } from '@mui/x-data-grid';

export function RowCheckbox(props: GridSlotProps['rowCheckbox']) {
  const { checked, indeterminate, disabled, onChange, onClick, onMouseDown, onKeyDown, tabIndex, className, slotProps, inputRef, autoFocus, name } = props;
  const { ref: htmlRef, ...htmlInput } = slotProps?.htmlInput ?? {};
  return (
    <span className={className ? `calls-row-checkbox ${className}` : 'calls-row-checkbox'}>
      <input
        type="checkbox"
        name={name}
        {...htmlInput}
        ref={(el) => {
          if (el) el.indeterminate = !!indeterminate;
          for (const r of [inputRef, htmlRef]) {
            if (typeof r === 'function') r(el);
            else if (r) (r as { current: HTMLInputElement | null }).current = el;
          }
        }}
        checked={!!checked}
        disabled={disabled}
        autoFocus={autoFocus}
        tabIndex={tabIndex}
        onChange={onChange}
        onClick={onClick}
        onMouseDown={onMouseDown}
        onKeyDown={onKeyDown}
      />
    </span>
  );
}

/** The styles of RowCheckbox, set once on the grid. */
export const ROW_CHECKBOX_SX = {
  '& .calls-row-checkbox': { display: 'inline-flex', alignItems: 'center', justifyContent: 'center', width: 42, height: 42 },
  '& .calls-row-checkbox input': { width: 18, height: 18, m: 0, cursor: 'pointer', accentColor: (t: { palette: { primary: { main: string } } }) => t.palette.primary.main },
} as const;
