/** Fetches every call of the current view (past 10,000 too) and builds the CSV (with names of associated records). */
import { batchReadAssociations } from '../../../api/associations';
import type { HubSpotObject } from '../../../api/schemas';
import type { CallListParams } from '../calls-queries';
import type { ColumnId } from '../call-properties';
import type { RowLookups } from './call-row';
import { callsToCsv } from './csv';
import { fetchRecordNames, walkView, type NameType, type WalkProgress } from './list-queries';

export interface ExportResult {
  csv: string;
  count: number;
}

export async function exportView(
  params: CallListParams,
  columns: readonly ColumnId[],
  metadata: RowLookups,
  onProgress: (p: WalkProgress) => void,
  signal: AbortSignal,
): Promise<ExportResult> {
  const types: NameType[] = (['contacts', 'companies'] as const).filter((t) => columns.includes(t));
  const byCall: Record<NameType, Map<string, string[]>> = { contacts: new Map(), companies: new Map() };
  const names: Record<NameType, Map<string, string>> = { contacts: new Map(), companies: new Map() };

  const onPage = async (page: HubSpotObject[], progress: WalkProgress) => {
    for (const type of types) {
      const assoc = await batchReadAssociations('calls', type, page.map((c) => c.id), signal);
      const missing = new Set<string>();
      for (const c of page) {
        const ids = (assoc.get(c.id) ?? []).map((a) => a.toObjectId);
        byCall[type].set(c.id, ids);
        for (const id of ids) if (!names[type].has(id)) missing.add(id);
      }
      if (missing.size) for (const [id, name] of await fetchRecordNames(type, [...missing], signal)) names[type].set(id, name);
    }
    onProgress(progress);
  };

  const res = await walkView(params, { onPage, signal });
  const lookups: RowLookups = {
    ...metadata,
    callContacts: byCall.contacts,
    callCompanies: byCall.companies,
    contactNames: names.contacts,
    companyNames: names.companies,
  };
  return { csv: callsToCsv(res.calls, columns, lookups), count: res.calls.length };
}

/** Hands the CSV to the browser as a download. */
export function downloadCsv(csv: string, fileName: string): void {
  // BOM so spreadsheet apps read UTF-8 names correctly.
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
