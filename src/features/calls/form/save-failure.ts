/**
 * What a failed write means for the user's data. A write HubSpot refused (4xx), or one that never left
 * (the proxy could not connect, or the page gave up before sending), did not change anything: saying
 * "not saved" is true and sending it again is safe. Anything else (a timeout, a connection lost after
 * sending, our own server gone mid-request, an answer we could not read) may have been applied.
 */
import { isHubSpotApiError } from '../../../api/errors';

/**
 * The proxy's 502 category for "HubSpot was never reached, nothing was sent" (server/proxy.ts answers
 * `UPSTREAM_CONNECTION_LOST` when the connection broke after sending: that one is ambiguous, as is any
 * other 502).
 */
const PROXY_NOT_SENT_CATEGORY = 'BAD_GATEWAY';

export type SaveFailureKind = 'refused' | 'not-sent' | 'ambiguous';

/** Thrown when a save stopped before its write was sent (e.g. the re-read before an edit failed). */
export class NotSentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NotSentError';
  }
}

export function saveFailureKind(error: unknown): SaveFailureKind {
  if (error instanceof NotSentError) return 'not-sent';
  if (!isHubSpotApiError(error)) return 'ambiguous';
  if (error.status >= 400 && error.status < 500) return 'refused';
  if (error.status === 502 && error.category === PROXY_NOT_SENT_CATEGORY) return 'not-sent';
  return 'ambiguous';
}

/** The heading of the form's error for each kind of failure. */
export const SAVE_FAILURE_TITLE: Record<SaveFailureKind, string> = {
  refused: 'HubSpot did not save the call',
  'not-sent': 'The call was not saved',
  ambiguous: 'The call may not have been saved',
};
