/**
 * Triage on a call's page: where the call stands in the list the user came from (the list URL remembered by
 * list-return: filters, search, sort and page kept) and the previous and next calls of that list, across its
 * page boundaries (the neighbouring page is fetched with the list's own query, so it is shared with the list).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { appPaths, navigate } from '../../../lib/router';
import { userTimeZone } from '../../../lib/timezone';
import { callQueries } from '../calls-queries';
import { nextTrail, previousTrail } from '../list/cursor-trail';
import { parseListState, toCallListParams, withListParams, type ListState } from '../list/list-state';
import { moveListReturn, rememberedList } from '../shared/list-return';

export interface TriagePlace {
  /** The user came from a list (else there is nothing to move through). */
  fromList: boolean;
  /** 1-based position of the call in the list's view, once known. */
  position?: number;
  /** The view's total, when HubSpot reports one. */
  total?: number;
  /** The call is no longer in the list's view (e.g. its new outcome is filtered out); the neighbours stay as they were. */
  leftView: boolean;
  canPrevious: boolean;
  canNext: boolean;
  /** Opens the previous (-1) or next (1) call of the list; resolves false when there is none. */
  move: (step: 1 | -1) => Promise<boolean>;
}

const stateOf = (listUrl: string) => parseListState(new URL(listUrl, window.location.origin).searchParams);
/** The list's URL at another page: the same screen (the list, or a rule view such as a queue) with `state`. */
const urlOf = (listUrl: string, state: ListState) => {
  const url = new URL(listUrl, window.location.origin);
  const query = withListParams(url.searchParams, state).toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
};

export function useTriage(callId: string): TriagePlace {
  const qc = useQueryClient();
  const remembered = rememberedList();
  const listUrl = remembered?.url;
  const groupsKey = JSON.stringify(remembered?.groups ?? null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const groups = useMemo(() => remembered?.groups, [groupsKey]);
  const [timeZone] = useState(userTimeZone);
  const state = useMemo(() => (listUrl ? stateOf(listUrl) : undefined), [listUrl]);
  // A rule view's calls are the list's over the rule's filter groups.
  const paramsOf = useCallback((s: ListState) => toCallListParams(s, timeZone, groups), [timeZone, groups]);
  const params = useMemo(() => paramsOf(state ?? stateOf(appPaths.calls())), [state, paramsOf]);
  const { data } = useQuery({ ...callQueries.list(params), enabled: !!state });

  const results = data?.results;
  const index = results?.findIndex((c) => c.id === callId) ?? -1;
  // Where the call was when last seen in the list: after it leaves the view, its neighbours are found from there.
  const [seenAt, setSeenAt] = useState<number>();
  if (index >= 0 && index !== seenAt) setSeenAt(index);
  const at = index >= 0 ? index : seenAt;
  const length = results?.length ?? 0;
  const trailLength = state?.trail.length ?? 0;
  // With the call gone from the page, the call after it now stands at its old index.
  const nextIndex = at === undefined ? undefined : index >= 0 ? at + 1 : at;
  const previousIndex = at === undefined ? undefined : at - 1;

  // The next call is usually opened next: have it ready.
  const nextId = nextIndex !== undefined ? results?.[nextIndex]?.id : undefined;
  useEffect(() => {
    if (nextId) void qc.prefetchQuery(callQueries.detail(nextId));
  }, [qc, nextId]);

  const moving = useRef(false);
  const move = async (step: 1 | -1): Promise<boolean> => {
    if (!state || !listUrl || moving.current) return false;
    moving.current = true;
    try {
      // The page as HubSpot has it now (the cached one unless an edit made it stale).
      const page = await qc.fetchQuery(callQueries.list(params));
      const i = page.results.findIndex((c) => c.id === callId);
      const from = i >= 0 ? i : seenAt;
      if (from === undefined) return false;
      const target = step === 1 ? (i >= 0 ? from + 1 : from) : from - 1;
      let to: { id: string; listUrl: string } | undefined;
      const here = page.results[target];
      if (here) to = { id: here.id, listUrl };
      else if (step === 1 && page.nextAfter) {
        const next: ListState = { ...state, trail: nextTrail(state.trail, page.nextAfter) };
        const first = (await qc.fetchQuery(callQueries.list(paramsOf(next)))).results[0];
        if (first) to = { id: first.id, listUrl: urlOf(listUrl, next) };
      } else if (step === -1 && target < 0 && state.trail.length > 0) {
        const previous: ListState = { ...state, trail: previousTrail(state.trail) };
        const last = (await qc.fetchQuery(callQueries.list(paramsOf(previous)))).results.at(-1);
        if (last) to = { id: last.id, listUrl: urlOf(listUrl, previous) };
      }
      if (!to) return false;
      moveListReturn(to.id, to.listUrl, groups);
      // Moving through the list replaces the call in history: Back returns to the list.
      navigate(appPaths.call(to.id), { replace: true });
      return true;
    } finally {
      moving.current = false;
    }
  };

  return {
    fromList: !!state,
    position: at === undefined || !state ? undefined : trailLength * state.pageSize + at + 1,
    total: data?.total,
    leftView: index < 0 && seenAt !== undefined,
    canPrevious: previousIndex !== undefined && (previousIndex >= 0 || trailLength > 0),
    canNext: nextIndex !== undefined && (nextIndex < length || !!data?.nextAfter),
    move,
  };
}
