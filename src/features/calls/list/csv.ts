/**
 * CSV export of the call list: the visible columns in their order, with human labels beside raw values
 * (outcome label + GUID, duration h:mm:ss + ms, ISO time). Pure; papaparse does the quoting.
 */
import Papa from 'papaparse';
import type { HubSpotObject } from '../../../api/schemas';
import { formatDuration } from '../../../lib/duration';
import { optionLabel, type ColumnId } from '../call-properties';
import { hasRecording, outcomeOf, ownerNameOf, prop, recordIdsOf, recordNamesOf, type RowLookups } from './call-row';

interface CsvField {
  header: string;
  value: (call: HubSpotObject, lk: RowLookups) => string;
}

/**
 * Spreadsheet apps run cells starting with = + - @ (or a tab/CR) as formulas. The one rule, applied to
 * every cell: such a cell is prefixed with an apostrophe, unless it holds only a number as people write
 * phone numbers and amounts (sign, digits, spaces, dots, dashes, parentheses), which no spreadsheet can
 * turn into a call: `+1 415 555 0123` stays, `=HYPERLINK(…)`, `@SUM(1+1)` and `+1|cmd` do not.
 */
function neutralizeFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text) || /^[+-]?\d[\d ().-]*$/.test(text)) return text;
  return `'${text}`;
}

const durationMs = (call: HubSpotObject): string => {
  const raw = prop(call, 'hs_call_duration');
  return raw && Number.isFinite(Number(raw)) ? String(Math.round(Number(raw))) : '';
};

const FIELDS: Record<ColumnId, CsvField[]> = {
  title: [{ header: 'Title', value: (c) => prop(c, 'hs_call_title') }],
  time: [{ header: 'Time (ISO 8601, UTC)', value: (c) => prop(c, 'hs_timestamp') }],
  direction: [
    { header: 'Direction', value: (c, lk) => optionLabel(prop(c, 'hs_call_direction'), lk.directionLabels) },
    { header: 'Direction value', value: (c) => prop(c, 'hs_call_direction') },
  ],
  outcome: [
    {
      header: 'Outcome',
      value: (c, lk) => {
        const o = outcomeOf(c, lk);
        return o ? (o.unknown ? 'Unknown outcome' : o.label) : '';
      },
    },
    { header: 'Outcome GUID', value: (c) => prop(c, 'hs_call_disposition') },
  ],
  status: [
    { header: 'Status', value: (c, lk) => optionLabel(prop(c, 'hs_call_status'), lk.statusLabels) },
    { header: 'Status value', value: (c) => prop(c, 'hs_call_status') },
  ],
  duration: [
    { header: 'Duration (h:mm:ss)', value: (c) => (durationMs(c) ? formatDuration(durationMs(c)) : '') },
    { header: 'Duration (ms)', value: durationMs },
  ],
  owner: [
    { header: 'Owner', value: (c, lk) => ownerNameOf(c, lk) },
    { header: 'Owner ID', value: (c) => prop(c, 'hubspot_owner_id') },
  ],
  from: [{ header: 'From number', value: (c) => prop(c, 'hs_call_from_number') }],
  to: [{ header: 'To number', value: (c) => prop(c, 'hs_call_to_number') }],
  contacts: [
    { header: 'Contacts', value: (c, lk) => recordNamesOf(c, 'contacts', lk).join('; ') },
    { header: 'Contact IDs', value: (c, lk) => [...new Set(recordIdsOf(c, 'contacts', lk))].join(';') },
  ],
  companies: [
    { header: 'Companies', value: (c, lk) => recordNamesOf(c, 'companies', lk).join('; ') },
    { header: 'Company IDs', value: (c, lk) => [...new Set(recordIdsOf(c, 'companies', lk))].join(';') },
  ],
  recording: [
    { header: 'Has recording', value: (c) => (hasRecording(c) ? 'yes' : 'no') },
    { header: 'Recording URL', value: (c) => prop(c, 'hs_call_recording_url') },
  ],
};

/** The CSV fields for the visible columns, in order, always led by the call id. */
function csvFields(visibleColumns: readonly ColumnId[]): CsvField[] {
  return [{ header: 'Call ID', value: (c) => c.id }, ...visibleColumns.flatMap((id) => FIELDS[id])];
}

function toCsvRows(calls: readonly HubSpotObject[], fields: readonly CsvField[], lk: RowLookups): string[][] {
  return calls.map((c) => fields.map((f) => neutralizeFormula(f.value(c, lk))));
}

/** A complete CSV document (CRLF line ends, RFC 4180 quoting). */
export function callsToCsv(calls: readonly HubSpotObject[], visibleColumns: readonly ColumnId[], lk: RowLookups): string {
  const fields = csvFields(visibleColumns);
  return Papa.unparse({ fields: fields.map((f) => f.header), data: toCsvRows(calls, fields, lk) }, { newline: '\r\n' });
}

/** `calls-2026-11-24T0812.csv` */
export function csvFileName(now: Date): string {
  const iso = now.toISOString();
  return `calls-${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}.csv`;
}
