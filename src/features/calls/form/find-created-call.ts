/**
 * After a create whose answer was lost (timeout, connection cut): did HubSpot store the call anyway?
 * Searches for a call with the same time, title and owner created since shortly before the attempt
 * (not every value: HubSpot may store notes or numbers a little differently from what was sent, and a
 * near-certain match is better than a duplicate). HubSpot's search shows a new call only a few seconds
 * after it is stored, so "none" is only believed from a search made that long after the failure. Never
 * creates anything.
 */
import { searchCalls } from '../../../api/calls';
import type { HubSpotObject, SearchFilter } from '../../../api/schemas';

/** Clocks differ between the browser and HubSpot: look back this much further than the attempt. */
const CLOCK_SLACK_MS = 5 * 60_000;

const sameOrMissing = (propertyName: string, value: string | undefined): SearchFilter =>
  value ? { propertyName, operator: 'EQ', value } : { propertyName, operator: 'NOT_HAS_PROPERTY' };

/** How long HubSpot's search may lag behind a write ("a few seconds"; the embedded mock: 1.1 s). */
const SEARCH_LAG_MS = 5_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The newest call that matches what the create sent, or undefined when HubSpot has none: searched at once,
 * and when nothing is found, again once search has caught up (`searchLagMs` later).
 */
export async function findCreatedCall(
  sent: Record<string, string>,
  attemptStartedAt: number,
  { searchLagMs = SEARCH_LAG_MS }: { searchLagMs?: number } = {},
): Promise<HubSpotObject | undefined> {
  const found = await searchForCreatedCall(sent, attemptStartedAt);
  if (found) return found;
  await wait(searchLagMs);
  return searchForCreatedCall(sent, attemptStartedAt);
}

async function searchForCreatedCall(sent: Record<string, string>, attemptStartedAt: number): Promise<HubSpotObject | undefined> {
  const timestamp = sent.hs_timestamp ? Date.parse(sent.hs_timestamp) : NaN;
  const filters: SearchFilter[] = [
    { propertyName: 'hs_createdate', operator: 'GTE', value: String(attemptStartedAt - CLOCK_SLACK_MS) },
    sameOrMissing('hs_call_title', sent.hs_call_title),
    sameOrMissing('hubspot_owner_id', sent.hubspot_owner_id),
  ];
  if (!Number.isNaN(timestamp)) filters.push({ propertyName: 'hs_timestamp', operator: 'EQ', value: String(timestamp) });
  const page = await searchCalls({
    filterGroups: [{ filters }],
    sorts: [{ propertyName: 'hs_createdate', direction: 'DESCENDING' }],
    properties: ['hs_call_title'],
    limit: 1,
  });
  return page.results[0];
}
