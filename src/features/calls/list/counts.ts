/** Counts as the list screens write them: `1,234`, and `1 call` / `2 calls`. */
export const formatCount = (x: number) => x.toLocaleString('en-US');

export const callCount = (x: number) => `${formatCount(x)} call${x === 1 ? '' : 's'}`;

export interface ListStatusFacts {
  /** The view's page is shown (not loading, not another view's page standing in). */
  loaded: boolean;
  /** The page could not be loaded (the error shows below, so the status line says nothing). */
  failed: boolean;
  /** HubSpot's count of matching calls (search only). */
  total: number | undefined;
  /** Zero-based page number. */
  page: number;
  /** The number of calls in the view once its last page is known (the list endpoint has no total): the footer's count. */
  lastPageCount: number | undefined;
}

/**
 * The status line above the list. It states the same total as the grid's footer (CallGrid): HubSpot's
 * search total, else the count the last page of the plain list gives.
 */
export function listStatus({ loaded, failed, total, page, lastPageCount }: ListStatusFacts): string {
  if (failed) return '';
  if (!loaded) return 'Loading calls…';
  if (total !== undefined) return total === 1 ? '1 call matches.' : `${formatCount(total)} calls match.`;
  if (lastPageCount !== undefined) return `Page ${page + 1}. ${callCount(lastPageCount)} in all.`;
  return `Page ${page + 1}. HubSpot does not report a total for the unfiltered list; search or filter to get a count.`;
}
