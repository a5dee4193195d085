/** The fixes a search queue offers above its calls: reassign owners (queue 5), outcome rules (queues 1 and 2). */
import type { SearchFilter } from '../../api/schemas';
import { useRuleView } from '../calls';
import type { QueueId } from './hygiene-api';
import { OutcomeRule } from './OutcomeRule';
import { ReassignOwner } from './ReassignOwner';

export function QueueFixes({ id, groups, selection }: { id: QueueId; groups: SearchFilter[][]; selection: ReadonlySet<string> }) {
  const view = useRuleView(groups);
  if (id === 'no-owner') return <ReassignOwner view={view} selected={selection} />;
  if (id === 'no-outcome') return <OutcomeRule preset="none" />;
  if (id === 'unknown-outcome') return <OutcomeRule preset="unknown" />;
  return null;
}
