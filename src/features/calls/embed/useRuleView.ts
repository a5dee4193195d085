import { useMemo, useState } from 'react';
import type { SearchFilter } from '../../../api/schemas';
import { useSearchParams } from '../../../lib/router';
import { userTimeZone } from '../../../lib/timezone';
import type { CallListParams } from '../calls-queries';
import { parseListState, toCallListParams } from '../list/list-state';

/**
 * The calls a rule view (FilteredCallGrid over `groups`) shows now, from its first call: the rule ANDed with the
 * view's filters and search from the URL. What "every call in this view" means to a fix acting on it.
 */
export function useRuleView(groups: SearchFilter[][]): CallListParams {
  const [params] = useSearchParams();
  const [timeZone] = useState(userTimeZone);
  return useMemo(() => {
    const { after: _after, ...view } = toCallListParams(parseListState(params), timeZone, groups);
    return view;
  }, [params, timeZone, groups]);
}
