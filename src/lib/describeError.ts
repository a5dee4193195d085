/**
 * The one error presenter: what a failure says on screen, wherever it is shown (error states, snackbars,
 * the form's root error, bulk and export reports). HubSpot's own message comes first; its correlation ID
 * (what HubSpot support asks for) is always spelled "correlation ID".
 */
import { hubSpotErrorBodySchema, isHubSpotApiError, type HubSpotApiError } from '../api/errors';

export interface ErrorDescription {
  /** A short heading for the kind of failure, for when the screen has none of its own. */
  title: string;
  /** HubSpot's message, or the error's own. */
  message: string;
  /** HTTP status; 0 when no answer came; absent for errors that are not requests. */
  status?: number;
  category?: string;
  correlationId?: string;
  /** HubSpot property -> message, from a validation error. */
  fieldErrors: Record<string, string>;
  /** The facts for support, e.g. `HTTP 400 · VALIDATION_ERROR · Correlation ID: 3f9c…`; absent when there are none. */
  details?: string;
  /** One line for snackbars and reports: `Property values were not valid (correlation ID 3f9c…)`. */
  text: string;
}

const TITLES: Record<number, string> = {
  400: 'HubSpot rejected the request',
  401: 'HubSpot did not accept the credentials',
  403: 'Not allowed',
  404: 'Not found',
  409: 'The record changed in HubSpot',
  429: 'HubSpot is rate-limiting requests',
};

function titleOf(status: number, category: string): string {
  if (status === 0) return 'Could not reach the server';
  if (category === 'INVALID_RESPONSE') return 'HubSpot answered in an unexpected shape';
  if (category === 'VALIDATION_ERROR') return 'HubSpot did not accept the values';
  return TITLES[status] ?? (status >= 500 ? 'HubSpot had a problem' : 'The request failed');
}

/**
 * HubSpot's own sentences: the messages inside the JSON HubSpot sometimes embeds in `message`
 * ("Property values were not valid: [{"isValid":false,…,"message":"…"}]"), else `message`, else the
 * messages of `errors[]`.
 */
function hubspotSentences(e: HubSpotApiError): string {
  const embedded = /^[^[]*?:\s*(\[.*\])\s*$/s.exec(e.message)?.[1];
  if (embedded) {
    try {
      const items: unknown = JSON.parse(embedded);
      const messages = Array.isArray(items)
        ? items.flatMap((i: unknown) => (typeof i === 'object' && i !== null && 'message' in i && typeof i.message === 'string' ? [i.message] : []))
        : [];
      if (messages.length > 0) return messages.join(' ');
    } catch {
      // not JSON after all: HubSpot's message as it is
    }
  }
  if (e.message) return e.message;
  const body = hubSpotErrorBodySchema.safeParse(e.body);
  return body.success ? (body.data.errors ?? []).map((d) => d.message).filter(Boolean).join(' ') : '';
}

/** The text of `error` as a person reads it. Never throws, whatever is thrown at it. */
export function describeError(error: unknown): ErrorDescription {
  if (isHubSpotApiError(error)) {
    const { status, category, correlationId } = error;
    const message = hubspotSentences(error);
    const facts = [status > 0 ? `HTTP ${status}` : '', status > 0 ? category : '', correlationId ? `Correlation ID: ${correlationId}` : ''].filter(Boolean);
    return {
      title: titleOf(status, category),
      message,
      status,
      category,
      correlationId,
      fieldErrors: error.fieldErrors,
      details: facts.length ? facts.join(' · ') : undefined,
      text: correlationId ? `${message} (correlation ID ${correlationId})` : message,
    };
  }
  const message = error instanceof Error && error.message ? error.message : typeof error === 'string' && error ? error : 'Something went wrong.';
  return { title: 'Something went wrong', message, fieldErrors: {}, text: message };
}
