/** The list's selection: explicit ids (kept across pages) or "every call matching the view". A new view clears it. */
import { useCallback, useState } from 'react';

const EMPTY: ReadonlySet<string> = new Set();

export interface Selection {
  ids: ReadonlySet<string>;
  allMatching: boolean;
  /** Picks rows by hand (and drops "all matching"). */
  setIds: (ids: ReadonlySet<string>) => void;
  selectAllMatching: () => void;
  clear: () => void;
}

/** `viewKey` names the view (filters, sort, search, page size, not the page): when it changes, the selection empties. */
export function useSelection(viewKey: string): Selection {
  const [ids, setIdsState] = useState<ReadonlySet<string>>(EMPTY);
  const [allMatching, setAllMatching] = useState(false);
  const [selectionView, setSelectionView] = useState(viewKey);
  if (selectionView !== viewKey) {
    setSelectionView(viewKey);
    setIdsState(EMPTY);
    setAllMatching(false);
  }
  const setIds = useCallback((next: ReadonlySet<string>) => {
    setIdsState(next);
    setAllMatching(false);
  }, []);
  const selectAllMatching = useCallback(() => setAllMatching(true), []);
  const clear = useCallback(() => setIds(EMPTY), [setIds]);
  return { ids, allMatching, setIds, selectAllMatching, clear };
}
