import * as z from 'zod/mini';

/** HubSpot's error body (spec `Error`, plus the `status: "error"` real responses carry). */
export const hubSpotErrorBodySchema = z.looseObject({
  status: z.optional(z.string()),
  message: z.optional(z.string()),
  correlationId: z.optional(z.string()),
  category: z.optional(z.string()),
  errorType: z.optional(z.string()),
  policyName: z.optional(z.string()),
  context: z.optional(z.record(z.string(), z.unknown())),
  errors: z.optional(
    z.array(
      z.looseObject({
        message: z.string(),
        in: z.optional(z.string()),
        code: z.optional(z.string()),
        subCategory: z.optional(z.string()),
        context: z.optional(z.record(z.string(), z.unknown())),
      }),
    ),
  ),
});
type HubSpotErrorBody = z.infer<typeof hubSpotErrorBodySchema>;

export interface HubSpotApiErrorInit {
  status: number;
  message: string;
  category: string;
  correlationId?: string;
  fieldErrors?: Record<string, string>;
  body?: unknown;
  retryAfterSeconds?: number;
}

/** The one error type of the client layer: every failed request becomes one of these. */
export class HubSpotApiError extends Error {
  override readonly name = 'HubSpotApiError';
  /** HTTP status; 0 when no answer came (network failure). */
  readonly status: number;
  readonly category: string;
  readonly correlationId?: string;
  /** HubSpot property name -> message, from the body's `errors[]`. */
  readonly fieldErrors: Record<string, string>;
  readonly body: unknown;
  readonly retryAfterSeconds?: number;

  constructor(init: HubSpotApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.category = init.category;
    this.correlationId = init.correlationId;
    this.fieldErrors = init.fieldErrors ?? {};
    this.body = init.body;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function isHubSpotApiError(e: unknown): e is HubSpotApiError {
  return e instanceof HubSpotApiError;
}

export function isNotFound(e: unknown): boolean {
  return isHubSpotApiError(e) && e.status === 404;
}

const firstString = (v: unknown): string | undefined => {
  if (typeof v === 'string' && v) return v;
  if (Array.isArray(v)) return v.find((x): x is string => typeof x === 'string' && x.length > 0);
  return undefined;
};

/** The property an error detail names: `context.propertyName`, else `in` when it is a property name. */
function propertyOf(detail: NonNullable<HubSpotErrorBody['errors']>[number]): string | undefined {
  const fromContext = firstString(detail.context?.propertyName) ?? firstString(detail.context?.property);
  if (fromContext) return fromContext;
  if (detail.in && /^[a-z][a-z0-9_]*$/i.test(detail.in) && detail.in !== 'body' && detail.in !== 'query') return detail.in;
  return undefined;
}

export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

const statusText: Record<number, string> = {
  400: 'HubSpot rejected the request.',
  401: 'HubSpot did not accept the credentials.',
  403: 'This request is not allowed.',
  404: 'Not found.',
  409: 'The record changed in HubSpot.',
  413: 'The request is too large.',
  429: 'HubSpot is rate-limiting requests.',
  500: 'HubSpot had an internal error.',
  502: 'HubSpot could not be reached.',
  503: 'HubSpot is unavailable.',
  504: 'HubSpot did not answer in time.',
};

/** Builds the typed error from an HTTP status, HubSpot's body (parsed JSON or text) and headers. */
export function errorFromResponse(status: number, body: unknown, headers?: Headers): HubSpotApiError {
  const parsed = hubSpotErrorBodySchema.safeParse(body);
  const b = parsed.success ? parsed.data : undefined;
  const fieldErrors: Record<string, string> = {};
  for (const detail of b?.errors ?? []) {
    const prop = propertyOf(detail);
    if (prop && !(prop in fieldErrors)) fieldErrors[prop] = detail.message;
  }
  const message =
    b?.message ?? (typeof body === 'string' && body.trim() && body.length < 300 ? body.trim() : undefined) ?? statusText[status] ?? `HubSpot answered with HTTP ${status}.`;
  const category = b?.category ?? b?.errorType ?? (status === 429 ? 'RATE_LIMIT' : `HTTP_${status}`);
  return new HubSpotApiError({
    status,
    message,
    category,
    correlationId: b?.correlationId ?? headers?.get('x-hubspot-correlation-id') ?? undefined,
    fieldErrors,
    body,
    retryAfterSeconds: parseRetryAfter(headers?.get('retry-after') ?? null),
  });
}

export function networkError(cause: unknown): HubSpotApiError {
  const detail = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
  return new HubSpotApiError({
    status: 0,
    category: 'NETWORK_ERROR',
    message: `Could not reach the server. Check your connection and try again${detail}.`,
    body: undefined,
  });
}

export function invalidResponseError(path: string, issues: string): HubSpotApiError {
  return new HubSpotApiError({
    status: 200,
    category: 'INVALID_RESPONSE',
    message: `HubSpot's answer to ${path} did not have the expected shape: ${issues}`,
  });
}
