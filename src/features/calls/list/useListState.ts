import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { SearchFilter } from '../../../api/schemas';
import { useLocation, useSearchParams } from '../../../lib/router';
import { rememberListUrl } from '../shared/list-return';
import { parseListState, withListParams, type ListState } from './list-state';

export type ListStateUpdate = (change: (current: ListState) => ListState, opts?: { replace?: boolean }) => void;

/**
 * The list's view state, read from and written to the URL (push by default, so back/forward walk through it); the
 * screen's own parameters (e.g. a queue's `days`) are kept.
 * `update` is stable across renders (it reads the URL at call time), so memoised children keep their props.
 * `groups`: the filter groups of a rule view (the list's grid over a rule, e.g. a queue), remembered with its URL.
 */
export function useListState(groups?: SearchFilter[][]): [ListState, (next: ListState, opts?: { replace?: boolean }) => void, ListStateUpdate] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params), [params]);
  // "Open in list" on a call returns to this exact view (filters, sort, search, page) in any browser:
  // the URL exactly as the address bar has it.
  const location = useLocation();
  useEffect(() => {
    rememberListUrl(`${location.pathname}${location.search}`, groups);
  }, [location.pathname, location.search, groups]);
  const setState = useCallback(
    (next: ListState, opts?: { replace?: boolean }) => {
      setParams((prev) => withListParams(prev, next), { replace: opts?.replace ?? false });
    },
    [setParams],
  );
  const latest = useRef(setParams);
  useLayoutEffect(() => {
    latest.current = setParams;
  });
  const update = useCallback<ListStateUpdate>((change, opts) => {
    latest.current((prev) => withListParams(prev, change(parseListState(prev))), { replace: opts?.replace ?? false });
  }, []);
  return [state, setState, update];
}
