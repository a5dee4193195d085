/** How the journal's screens name an entry's kind, status and counts. */
import type { JournalEntry } from './journal-api';
import { formatCount } from '../../lib/counts';

const KIND_LABELS: Record<string, string> = {
  outcome: 'Outcome',
  owner: 'Owner',
  associations: 'Associations',
  archive: 'Delete',
  'duplicate-merge': 'Duplicate merge',
  properties: 'Properties',
};

export const kindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;

/** "Applied", "Partly applied", "Failed", "Not finished" (a change whose run stopped before it reported every call), "Undone". */
export function statusLabel(entry: Pick<JournalEntry, 'status' | 'undoneAt' | 'counts'>): string {
  if (entry.undoneAt) return entry.counts.undone === 0 ? 'Undo finished (nothing restored)' : 'Undone';
  switch (entry.status) {
    case 'applied':
      return 'Applied';
    case 'partial':
      return 'Partly applied';
    case 'failed':
      return 'Failed';
    default:
      return 'Not finished';
  }
}

/** "3 applied · 1 failed · 2 undone · 1 skipped" (the parts that are not zero; applied always). */
export function countsText(c: JournalEntry['counts']): string {
  const parts = [`${formatCount(c.applied)} applied`];
  if (c.failed) parts.push(`${formatCount(c.failed)} failed`);
  if (c.pending) parts.push(`${formatCount(c.pending)} not reported`);
  if (c.undone) parts.push(`${formatCount(c.undone)} undone`);
  if (c.undoSkipped) parts.push(`${formatCount(c.undoSkipped)} skipped`);
  if (c.undoFailed) parts.push(`${formatCount(c.undoFailed)} not restored`);
  return parts.join(' · ');
}
