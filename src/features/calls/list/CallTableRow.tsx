/**
 * A row of the call table: plain elements (no MUI component, no styles of its own), memoised so a render of
 * the table re-renders only the rows whose call, selection, tab stop or columns changed (names reach the
 * cells through LookupsContext). Clicks, hover and focus are handled once on the table (CallGrid).
 */
import { memo } from 'react';
import type { HubSpotObject } from '../../../api/schemas';
import type { CallColumn } from './columns';

/** The checkbox column's `data-field`. */
export const CHECK_FIELD = '__check__';

export const ALIGN_CLASS = { left: 'calls-cell', right: 'calls-cell calls-right', center: 'calls-cell calls-center' } as const;

export interface CallTableRowProps {
  call: HubSpotObject;
  columns: readonly CallColumn[];
  selected: boolean;
  /** The field of the cell that is the table's tab stop, when it is in this row. */
  tabField: string | undefined;
  onToggle: (id: string) => void;
}

export const CallTableRow = memo(function CallTableRow({ call, columns, selected, tabField, onToggle }: CallTableRowProps) {
  return (
    <div role="row" className="calls-row" data-id={call.id} aria-selected={selected}>
      <div role="gridcell" className="calls-cell calls-check" data-field={CHECK_FIELD} tabIndex={tabField === CHECK_FIELD ? 0 : -1}>
        <label>
          <input type="checkbox" aria-label="Select row" tabIndex={-1} checked={selected} onChange={() => onToggle(call.id)} />
        </label>
      </div>
      {columns.map((c) => (
        <div key={c.id} role="gridcell" className={ALIGN_CLASS[c.align]} data-field={c.id} tabIndex={tabField === c.id ? 0 : -1}>
          {c.render(call)}
        </div>
      ))}
    </div>
  );
});
