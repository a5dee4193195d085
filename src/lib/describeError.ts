/**
 * The one error presenter: what a failure says on screen, wherever it is shown (error states, snackbars,
 * the form's root error, bulk and export reports). HubSpot's own message comes first; its correlation ID
 * (what HubSpot support asks for) is always spelled "correlation ID".
 */
import { isHubSpotApiError } from '../api/errors';

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

/** The text of `error` as a person reads it. Never throws, whatever is thrown at it. */
export function describeError(error: unknown): ErrorDescription {
  if (isHubSpotApiError(error)) {
    const { status, category, correlationId } = error;
    const facts = [status > 0 ? `HTTP ${status}` : '', status > 0 ? category : '', correlationId ? `Correlation ID: ${correlationId}` : ''].filter(Boolean);
    return {
      title: titleOf(status, category),
      message: error.message,
      status,
      category,
      correlationId,
      fieldErrors: error.fieldErrors,
      details: facts.length ? facts.join(' · ') : undefined,
      text: correlationId ? `${error.message} (correlation ID ${correlationId})` : error.message,
    };
  }
  const message = error instanceof Error && error.message ? error.message : typeof error === 'string' && error ? error : 'Something went wrong.';
  return { title: 'Something went wrong', message, fieldErrors: {}, text: message };
}
