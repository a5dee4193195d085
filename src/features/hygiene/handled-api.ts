/**
 * Missed calls marked handled, in our server's journal (`/api/journal/handled`, server/api/journal.ts): HubSpot
 * has no field for it. A marked call leaves the "Missed calls with no call back" queue; unmarking brings it back.
 */
import * as z from 'zod/mini';
import { isHubSpotApiError } from '../../api/errors';
import { serverRequest } from '../../api/http';

const BASE = '/api/journal/handled';

const markSchema = z.object({ callId: z.string(), handledAt: z.string(), actor: z.string(), note: z.nullable(z.string()) });
const marksSchema = z.object({ results: z.array(markSchema) });
type HandledMark = z.infer<typeof markSchema>;

export async function markHandled(callId: string): Promise<HandledMark | undefined> {
  const answer = await serverRequest(BASE, { method: 'POST', body: { callIds: [callId] }, schema: marksSchema });
  return answer.results.find((m) => m.callId === callId);
}

/** Removes the mark; a call that is not marked (any more) is already what was asked. */
export async function unmarkHandled(callId: string): Promise<void> {
  try {
    await serverRequest(`${BASE}/${encodeURIComponent(callId)}`, { method: 'DELETE', schema: z.undefined() });
  } catch (error) {
    if (isHubSpotApiError(error) && error.status === 404) return;
    throw error;
  }
}
