/**
 * Coming back from a call: once the page is loaded, focus the remembered row's cell (Tab and arrow keys go on
 * from there) and scroll as the list was, or bring the row into view. When triage moved on to a later page of
 * the same view, Back lands on the page the user opened the call from: the list then moves to the row's page.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { HubSpotObject } from '../../../api/schemas';
import { navigate } from '../../../lib/router';
import { isColumnId } from '../call-properties';
import { clearListFocus, listFocus, type ListFocus } from '../shared/list-return';
import { parseListState, serializeListState } from './list-state';

/** Where the list is now (what a call opened from it remembers). */
export const here = () => `${window.location.pathname}${window.location.search}`;
/** A list URL without its page (cursor trail). */
const viewOf = (url: string) => serializeListState({ ...parseListState(new URL(url, window.location.origin).searchParams), trail: [] }).toString();

export function useFocusOnReturn(gridRef: RefObject<HTMLElement | null>, rows: readonly HubSpotObject[], loading: boolean, hidden: readonly string[]) {
  const target = useRef<ListFocus | null | undefined>(undefined);
  useEffect(() => {
    if (target.current === undefined) target.current = listFocus();
    const focus = target.current;
    const grid = gridRef.current;
    if (!focus || !grid) return;
    if (focus.listUrl !== here() && viewOf(focus.listUrl) === viewOf(here())) {
      navigate(focus.listUrl, { replace: true });
      return;
    }
    if (loading) return;
    target.current = null;
    clearListFocus();
    const row = [...grid.querySelectorAll<HTMLElement>('[role="row"][data-id]')].find((r) => r.dataset.id === focus.callId);
    if (!row) return;
    const field = focus.field && isColumnId(focus.field) && !hidden.includes(focus.field) ? focus.field : 'title';
    if (focus.scrollY !== undefined) window.scrollTo({ top: focus.scrollY });
    row.querySelector<HTMLElement>(`[role="gridcell"][data-field="${field}"]`)?.focus({ preventScroll: true });
    requestAnimationFrame(() => row.scrollIntoView({ block: focus.scrollY === undefined ? 'center' : 'nearest' }));
  }, [gridRef, rows, loading, hidden]);
}
