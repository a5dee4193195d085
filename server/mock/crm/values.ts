import type { PropertyDef } from './property-definitions.js';
import type { PropertyProblem } from './errors.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO-8601 datetime/date or epoch-ms string; returns epoch ms or undefined. */
export function parseDateTime(raw: string): number | undefined {
  const s = raw.trim();
  if (/^-?\d{1,16}$/.test(s)) {
    const n = Number(s);
    return Number.isSafeInteger(n) && Math.abs(n) <= 8.64e15 ? n : undefined;
  }
  if (ISO_DATE.test(s)) {
    const t = Date.parse(`${s}T00:00:00.000Z`);
    return Number.isNaN(t) ? undefined : t;
  }
  if (ISO_DATETIME.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

const DAY_MS = 86_400_000;
const MAX_FAST_MS = 253_402_300_800_000; // 10000-01-01: beyond it ISO years get 6 digits
const dayPrefixes = new Map<number, string>();

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Epoch ms -> ISO-8601 UTC with milliseconds (Date#toISOString, with the date part cached). */
export function toIso(ms: number): string {
  if (!(ms >= 0 && ms < MAX_FAST_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    if (dayPrefixes.size > 20_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  return `${prefix}${pad(h, 2)}:${pad(m, 2)}:${pad(sec, 2)}.${pad(rest - sec * 1000, 3)}Z`;
}

/**
 * Validates and normalises one input value for a property definition.
 * Returns the stored string ("" = clear) or a problem.
 */
export function normaliseValue(def: PropertyDef, raw: string): { value: string } | { problem: PropertyProblem } {
  const name = def.name;
  if (raw === '') return { value: '' };
  const fail = (code: string, message: string) => ({ problem: { name, code, message } });
  switch (def.type) {
    case 'number': {
      const s = raw.trim();
      if (def.integer) {
        if (!INTEGER.test(s)) return fail('INVALID_INTEGER', `${JSON.stringify(raw)} is not a valid integer for ${name}.`);
        const n = BigInt(s);
        if (def.min !== undefined && n < BigInt(def.min)) {
          return fail('INVALID_INTEGER', `${JSON.stringify(raw)} is below the minimum ${def.min} for ${name}.`);
        }
        return { value: String(n) };
      }
      if (!NUMBER.test(s) || !Number.isFinite(Number(s)))
        return fail('INVALID_NUMBER', `${JSON.stringify(raw)} is not a valid number for ${name}.`);
      return { value: s.replace(/^\+/, '') };
    }
    case 'datetime':
    case 'date': {
      const ms = parseDateTime(raw);
      if (ms === undefined) {
        return fail(
          def.type === 'date' ? 'INVALID_DATE' : 'INVALID_DATETIME',
          `${JSON.stringify(raw)} is not a valid datetime for ${name}: use ISO 8601 (2024-01-17T19:55:04.281Z) or epoch milliseconds.`,
        );
      }
      return { value: toIso(ms) };
    }
    case 'bool': {
      const s = raw.trim().toLowerCase();
      if (s !== 'true' && s !== 'false') return fail('INVALID_BOOLEAN', `${JSON.stringify(raw)} is not a valid boolean for ${name}: use "true" or "false".`);
      return { value: s };
    }
    case 'enumeration': {
      const parts = def.fieldType === 'checkbox' ? raw.split(';').filter((p) => p !== '') : [raw];
      const allowed = new Set(def.options.map((o) => o.value));
      const bad = parts.find((p) => !allowed.has(p));
      if (bad !== undefined) {
        const code = def.referencedObjectType === 'OWNER' ? 'INVALID_OWNER_ID' : 'INVALID_OPTION';
        const what = def.referencedObjectType === 'OWNER' ? 'an existing owner id' : 'one of the allowed options';
        return fail(code, `${JSON.stringify(bad)} was not ${what} for ${name}.`);
      }
      return { value: parts.join(';') };
    }
    case 'string':
    case 'phone_number': {
      if (raw.length > 65536) return fail('TOO_LONG', `The value for ${name} is longer than 65536 characters.`);
      if (def.httpsUrl) {
        let ok: boolean;
        try {
          ok = new URL(raw.trim()).protocol === 'https:';
        } catch {
          ok = false;
        }
        if (!ok) return fail('INVALID_URL', `${JSON.stringify(raw)} is not a valid https URL for ${name}.`);
        return { value: raw.trim() };
      }
      if (def.email && !EMAIL.test(raw.trim()))
        return fail('INVALID_EMAIL', `${JSON.stringify(raw)} is not a valid email address for ${name}.`);
      return { value: def.email ? raw.trim().toLowerCase() : raw };
    }
  }
}
