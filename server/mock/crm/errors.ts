/** One entry of HubSpot's `errors[]`. */
export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
  subCategory?: string;
}

/**
 * A failure with HubSpot's error semantics. The HTTP layer turns it into
 * `{ status: "error", message, correlationId, category, errors?, context? }`.
 */
export class MockError extends Error {
  readonly status: number;
  readonly category: string;
  readonly errors?: ErrorDetail[];
  readonly context?: Record<string, string[]>;
  readonly subCategory?: string;

  constructor(
    status: number,
    category: string,
    message: string,
    extra: { errors?: ErrorDetail[]; context?: Record<string, string[]>; subCategory?: string } = {},
  ) {
    super(message);
    this.name = 'MockError';
    this.status = status;
    this.category = category;
    if (extra.errors) this.errors = extra.errors;
    if (extra.context) this.context = extra.context;
    if (extra.subCategory) this.subCategory = extra.subCategory;
  }
}

/** A property-level validation problem (becomes an errors[] entry). */
export interface PropertyProblem {
  name: string;
  code: string;
  message: string;
}

function propertyDetail(p: PropertyProblem): ErrorDetail {
  return { message: p.message, code: p.code, in: p.name, context: { propertyName: [p.name] } };
}

export function validationError(problems: PropertyProblem[]): MockError {
  const summary = problems.map((p) => ({ isValid: false, message: p.message, error: p.code, name: p.name }));
  return new MockError(400, 'VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(summary)}`, {
    errors: problems.map(propertyDetail),
  });
}

export function badRequest(message: string, details?: ErrorDetail[]): MockError {
  return new MockError(400, 'VALIDATION_ERROR', message, details ? { errors: details } : {});
}

export function objectNotFound(id: string): MockError {
  return new MockError(404, 'OBJECT_NOT_FOUND', `Object not found.  objectId are usually numeric.`, {
    context: { id: [id] },
  });
}

/**
 * A bug of the mock (an exception nobody expected): HubSpot answers those 500 with
 * `message: "internal error"`; the category is the one our batch errors use for the same.
 */
export function internalError(): MockError {
  return new MockError(500, 'INTERNAL_ERROR', 'internal error');
}
