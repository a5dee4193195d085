/**
 * What every route of our own API (`/api/*`) shares: JSON errors in the shape the browser's client already
 * reads (`status: "error"`, `message`, `category`, `errors[]` naming the field in `in`), and reading a JSON
 * body checked by a zod schema. Bad input is always a 4xx with a message, never a 500.
 */
import type { Context } from 'hono';
import type { z } from 'zod';

export interface ErrorDetail {
  message: string;
  /** The body field the message is about (the browser shows it on that field). */
  in?: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: 400 | 404 | 409 | 415,
    readonly category: string,
    message: string,
    readonly errors?: ErrorDetail[],
  ) {
    super(message);
  }
}

export function errorBody(category: string, message: string, errors?: ErrorDetail[]) {
  return { status: 'error', message, category, ...(errors ? { errors } : {}) };
}

export const NO_STORE = { 'cache-control': 'no-store' };

/** The field a zod issue is about: the first segment of its path, or `body` for the body as a whole. */
function fieldOf(issue: z.core.$ZodIssue): string {
  const first = issue.path[0];
  return typeof first === 'string' ? first : 'body';
}

function validationError(error: z.ZodError): ApiError {
  const errors = error.issues.map((issue) => ({ message: issue.message, in: fieldOf(issue) }));
  const first = errors[0];
  const message = first ? (first.in === 'body' ? first.message : `${first.in}: ${first.message}`) : 'The request is not valid.';
  return new ApiError(400, 'VALIDATION_ERROR', message, errors);
}

/** The request's JSON body as `schema` reads it; 415 for another content type, 400 for bad JSON or values. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON (Content-Type: application/json).');
  }
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'VALIDATION_ERROR', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
