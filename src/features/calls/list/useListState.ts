import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseListState, serializeListState, type ListState } from './list-state';

/** The list's view state, read from and written to the URL (push by default, so back/forward walk through it). */
export function useListState(): [ListState, (next: ListState, opts?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params), [params]);
  const setState = useCallback(
    (next: ListState, opts?: { replace?: boolean }) => {
      setParams(serializeListState(next), { replace: opts?.replace ?? false });
    },
    [setParams],
  );
  return [state, setState];
}
