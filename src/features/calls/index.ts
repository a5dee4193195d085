/** Public surface of the calls feature for other features. */
import { lazy } from 'react';

/** Its query keys (e.g. to refresh a call after a change). */
export { callKeys, callWriteKeys } from './calls-queries';
/** The list's table over the calls matching search filter groups (its own chunk, loaded when a queue shows it). */
export const FilteredCallGrid = lazy(() => import('./embed/FilteredCallGrid'));
/** Every call matching search filter groups, past HubSpot's 10,000 results (ids, or the calls with chosen properties). */
export { fetchMatchingIds, walkView, type WalkProgress } from './list/list-queries';
/** The rule of a list of call ids (e.g. a scan's result), for FilteredCallGrid and useRuleView: any number of ids. */
export { idRule } from './id-list-view';
/** The calls a rule view shows now (its rule, filters and search), for a fix acting on "every call in this view". */
export { useRuleView } from './embed/useRuleView';
export type { CallListParams } from './calls-queries';
