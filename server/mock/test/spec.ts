/**
 * Validation of response bodies against HubSpot's published OpenAPI specs in ../shared.
 * The folder is optional: `hasSpecs` tells suites whether to run their spec-validation parts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const sharedDir = path.resolve(repoRoot, '../shared');
const specDir = path.join(sharedDir, 'hubspot-openapi');
export const hasSpecs = existsSync(specDir);

export type SpecFile =
  | 'calls.v3.json'
  | 'contacts.v3.json'
  | 'companies.v3.json'
  | 'deals.v3.json'
  | 'tickets.v3.json'
  | 'associations.v4.json'
  | 'associations.v3.json'
  | 'associations-schema.v4.json'
  | 'associations-schema.v4-labels-legacy-path.json'
  | 'associations-schema.v3.json'
  | 'properties.v3.json'
  | 'owners.v3.json'
  | 'objects.v3.pre-2025-10-21.json'
  | 'account-info.v3.json'
  | 'transcriptions.v3.json'
  | DatedSpecFile;

/** The date-versioned specs (`2026-09/objects.json`, …); ../shared has no 2026-03 objects, properties or owners. */
type DatedSpecFile =
  | '2026-09/objects.json'
  | '2026-09/calls.json'
  | '2026-09/associations.json'
  | '2026-09/associations-schema.json'
  | '2026-09/properties.json'
  | '2026-09/owners.json'
  | '2026-03/calls.json'
  | '2026-03/associations.json'
  | '2026-03/associations-schema.json'
  | '2026-09/account-info.json'
  | '2026-09/transcriptions.json';

type Json = Record<string, unknown>;

// ajv-formats is published as CommonJS; under Node ESM its default export may be wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

let ajv: Ajv | undefined;
const loaded = new Map<SpecFile, Json>();
const compiled = new Map<string, ValidateFunction>();

function load(file: SpecFile): Json {
  const cached = loaded.get(file);
  if (cached) return cached;
  ajv ??= addFormats(new Ajv({ strict: false, allErrors: true }));
  const doc = JSON.parse(readFileSync(path.join(specDir, file), 'utf8')) as Json;
  ajv.addSchema(doc, file);
  loaded.set(file, doc);
  return doc;
}

function child(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Json)[key] : undefined;
}

/** The `$ref` of an operation's response for `status` (or its `default`), e.g. `#/components/schemas/Error`. */
export function responseRef(file: SpecFile, method: string, pathTemplate: string, status: number): string | undefined {
  const doc = load(file);
  const op = child(child(child(doc, 'paths'), pathTemplate), method.toLowerCase());
  if (!op) throw new Error(`${file}: no ${method.toUpperCase()} ${pathTemplate}`);
  const responses = child(op, 'responses');
  let response = child(responses, String(status)) ?? child(responses, 'default');
  const ref = child(response, '$ref');
  if (typeof ref === 'string') response = child(child(child(doc, 'components'), 'responses'), ref.split('/').pop() ?? '');
  const content = child(response, 'content');
  const media = child(content, 'application/json') ?? child(content, '*/*');
  const schemaRef = child(child(media, 'schema'), '$ref');
  return typeof schemaRef === 'string' ? schemaRef : undefined;
}

/** Validates `body` against a named component schema; returns Ajv's error text or null. */
function schemaErrors(file: SpecFile, schemaName: string, body: unknown): string | null {
  load(file);
  const key = `${file}#/components/schemas/${schemaName}`;
  let validate = compiled.get(key);
  if (!validate) {
    const found = ajv?.getSchema(key);
    if (!found) throw new Error(`no schema ${key}`);
    validate = found;
    compiled.set(key, validate);
  }
  if (validate(body)) return null;
  return (ajv as Ajv).errorsText(validate.errors, { separator: '\n' });
}

/**
 * Validates a response against the spec operation `method pathTemplate` for `status`
 * (falling back to the operation's `default`, i.e. HubSpot's `Error`). Throws with Ajv's
 * messages when it does not conform. Responses without a body schema (204) must be empty.
 */
export function assertSpec(file: SpecFile, method: string, pathTemplate: string, status: number, body: unknown): void {
  const ref = responseRef(file, method, pathTemplate, status);
  if (!ref) {
    if (body !== undefined && body !== '') throw new Error(`${method} ${pathTemplate} ${status}: spec has no body, got ${JSON.stringify(body)}`);
    return;
  }
  const errors = schemaErrors(file, ref.split('/').pop() ?? '', body);
  if (errors) {
    throw new Error(
      `${file} ${method.toUpperCase()} ${pathTemplate} ${status} (${ref}) does not match:\n${errors}\nbody: ${JSON.stringify(body).slice(0, 1500)}`,
    );
  }
}

/** The object spec file and its path prefix for one object type (deals' spec uses `0-3`). */
export function objectSpec(type: string): { file: SpecFile; base: string; idParam: string } {
  switch (type) {
    case 'calls':
      return { file: 'calls.v3.json', base: '/crm/v3/objects/calls', idParam: '{callId}' };
    case 'contacts':
      return { file: 'contacts.v3.json', base: '/crm/v3/objects/contacts', idParam: '{contactId}' };
    case 'companies':
      return { file: 'companies.v3.json', base: '/crm/v3/objects/companies', idParam: '{companyId}' };
    case 'deals':
      return { file: 'deals.v3.json', base: '/crm/v3/objects/0-3', idParam: '{dealId}' };
    case 'tickets':
      return { file: 'tickets.v3.json', base: '/crm/v3/objects/tickets', idParam: '{ticketId}' };
    default:
      throw new Error(`no spec for ${type}`);
  }
}
