import { formatCount } from '../../../lib/counts';

export { callCount, formatCount } from '../../../lib/counts';

export interface ListStatusFacts {
  /** The view's page is shown (not loading, not another view's page standing in). */
  loaded: boolean;
  /** The page could not be loaded (the error shows below, so the status line says nothing). */
  failed: boolean;
  /** HubSpot's search total of the view (every list view is a search). */
  total: number | undefined;
}

/** The status line above the list: the same total as the grid's footer (CallGrid), HubSpot's search total. */
export function listStatus({ loaded, failed, total }: ListStatusFacts): string {
  if (failed) return '';
  if (!loaded) return 'Loading calls…';
  if (total === undefined) return '';
  return total === 1 ? '1 call matches.' : `${formatCount(total)} calls match.`;
}
