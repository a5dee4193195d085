/**
 * Server configuration from the environment and `.env.local` (the environment wins).
 * Only this file reads the environment (for serve.ts and dev.ts); everything else receives a ServerConfig.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { API_VERSIONS, DEFAULT_API_VERSION, isApiVersion, type ApiVersion } from '../src/api/hubspot-paths.ts';

export type Env = Record<string, string | undefined>;

export type UpstreamConfig =
  | { mode: 'hubspot'; baseUrl: string; token?: string }
  | {
      mode: 'mock';
      dbFile: string;
      seedCalls?: number;
      /** A credential with only these scopes, simulated by the mock (MOCK_SCOPES). */
      scopes?: string[];
      /** HubSpot's all-or-nothing batches, or the lenient per-item 207 (MOCK_BATCH_MODE). */
      batchMode: 'atomic' | 'per-item';
      /** How long a write takes to reach search (MOCK_SEARCH_LAG_MS). */
      searchLagMs: number;
      /** Seed custom call labels HubSpot does not allow into a new database (MOCK_CALL_LABELS=custom). */
      customCallLabels?: true;
    };

export interface ServerConfig {
  host: string;
  port: number;
  /** Basic auth for every route when set; required when `host` is not a loopback address. */
  adminUser: string;
  adminPassword?: string;
  upstream: UpstreamConfig;
  /** The HubSpot API family the app speaks and the proxy forwards (HUBSPOT_API_VERSION). */
  apiVersion: ApiVersion;
  /** How long the proxy waits for HubSpot before answering 504. */
  timeoutMs: number;
  /** Our server's own SQLite file (saved views), created on first start; `:memory:` keeps nothing. */
  appDb: string;
  /** The `.env.local` file that was read, if any (for the startup message). */
  envFile?: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const HUBSPOT_API_URL = 'https://api.hubapi.com';
const DEFAULT_MOCK_DB = '.data/hubspot-mock.sqlite';
const DEFAULT_APP_DB = '.data/app.sqlite';
const DEFAULT_TIMEOUT_MS = 30_000;
/** The embedded mock's search lag: a little over a second, like HubSpot's eventually consistent search. */
const DEFAULT_MOCK_SEARCH_LAG_MS = 1100;
/** Shorter than this, ADMIN_PASSWORD is refused: it could be guessed even with the sign-in throttle. */
const MIN_PASSWORD_LENGTH = 12;

/** The process environment over `.env.local` in `cwd`. A variable set in the environment, even to '', wins. */
export function readEnv(opts: { env?: Env; cwd?: string; envFile?: boolean } = {}): { env: Env; envFile?: string } {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  if (opts.envFile === false) return { env: { ...env } };
  const file = path.join(cwd, '.env.local');
  if (!existsSync(file)) return { env: { ...env } };
  const fromFile = parseEnv(readFileSync(file, 'utf8'));
  const merged: Env = { ...fromFile };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return { env: merged, envFile: file };
}

const nonEmpty = (v: string | undefined): string | undefined => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

function parsePort(value: string | undefined, fallback: number): number {
  const v = nonEmpty(value);
  if (v === undefined) return fallback;
  const port = Number(v);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a number from 0 to 65535, got "${v}".`);
  return port;
}

function parsePositiveInt(name: string, value: string | undefined): number | undefined {
  const v = nonEmpty(value);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive whole number, got "${v}".`);
  return n;
}

function parseApiVersion(value: string | undefined): ApiVersion {
  const v = nonEmpty(value);
  if (v === undefined) return DEFAULT_API_VERSION;
  if (isApiVersion(v)) return v;
  const choices = API_VERSIONS.map((a) => (a === DEFAULT_API_VERSION ? `${a} (the default)` : a)).join(', ');
  throw new ConfigError(
    `HUBSPOT_API_VERSION must be one of ${choices}, got "${v}". ` +
      'The dates are HubSpot\'s date-versioned APIs; "legacy" is the v3/v4 paths (/crm/v3/..., /crm/v4/...).',
  );
}

function appDbFile(value: string | undefined, cwd: string): string {
  return value === ':memory:' ? value : path.resolve(cwd, value ?? DEFAULT_APP_DB);
}

function parseNonNegativeInt(name: string, value: string | undefined, fallback: number): number {
  const v = nonEmpty(value);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number of 0 or more, got "${v}".`);
  return n;
}

function parseChoice<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T | undefined {
  const v = nonEmpty(value);
  if (v === undefined) return undefined;
  const choice = choices.find((c) => c === v);
  if (choice === undefined) throw new ConfigError(`${name} must be one of ${choices.join(', ')}, got "${v}".`);
  return choice;
}

function parseBaseUrl(value: string, hasToken: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`HUBSPOT_BASE_URL must be an absolute URL such as ${HUBSPOT_API_URL}, got "${value}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('HUBSPOT_BASE_URL must use http or https.');
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError('HUBSPOT_BASE_URL must not contain credentials, a query or a fragment.');
  }
  if (url.protocol === 'http:' && hasToken && !isLoopbackHost(url.hostname)) {
    throw new ConfigError('HUBSPOT_BASE_URL must use https when HUBSPOT_ACCESS_TOKEN is set (the token would travel in clear text).');
  }
  return url.toString().replace(/\/+$/, '');
}

/**
 * A token goes into an HTTP header: printable ASCII only. Anything else (a line break pasted with it, a tab,
 * a space, a typographic character) would make every request fail, so it is refused at startup. The message
 * says where, never what the token is.
 */
function checkToken(token: string): string {
  const bad = /[^\x21-\x7e]/.exec(token);
  if (!bad) return token;
  const char = bad[0];
  const code = char.charCodeAt(0);
  const kind = code < 0x20 || code === 0x7f ? 'a control character (line break, tab or similar)' : char === ' ' ? 'a space' : 'a character outside printable ASCII';
  throw new ConfigError(
    `HUBSPOT_ACCESS_TOKEN contains ${kind} at position ${bad.index + 1}; a HubSpot token has only letters, digits and dashes. ` +
      'Copy the token again from your Service Key (or private app) in HubSpot.',
  );
}

function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError(
      `ADMIN_PASSWORD is too short: use at least ${MIN_PASSWORD_LENGTH} characters (a few random words work well).`,
    );
  }
  return password;
}

export function loadConfig(opts: { env?: Env; cwd?: string; envFile?: boolean; defaultPort: number }): ServerConfig {
  const { env, envFile } = readEnv(opts);
  const cwd = opts.cwd ?? process.cwd();
  const rawToken = nonEmpty(env.HUBSPOT_ACCESS_TOKEN);
  const token = rawToken === undefined ? undefined : checkToken(rawToken);
  const baseUrl = nonEmpty(env.HUBSPOT_BASE_URL);
  let upstream: UpstreamConfig;
  if (baseUrl) upstream = { mode: 'hubspot', baseUrl: parseBaseUrl(baseUrl, Boolean(token)), ...(token ? { token } : {}) };
  else if (token) upstream = { mode: 'hubspot', baseUrl: HUBSPOT_API_URL, token };
  else {
    const seedCalls = parsePositiveInt('MOCK_SEED_CALLS', env.MOCK_SEED_CALLS);
    const callLabels = parseChoice('MOCK_CALL_LABELS', env.MOCK_CALL_LABELS, ['hubspot', 'custom'] as const);
    // A credential lacking scopes, simulated by the embedded mock: `crm.objects.contacts.read,tickets`.
    const scopes = nonEmpty(env.MOCK_SCOPES)?.split(',').map((s) => s.trim()).filter(Boolean);
    upstream = {
      mode: 'mock',
      dbFile: path.resolve(cwd, nonEmpty(env.MOCK_DB) ?? DEFAULT_MOCK_DB),
      ...(seedCalls ? { seedCalls } : {}),
      batchMode: parseChoice('MOCK_BATCH_MODE', env.MOCK_BATCH_MODE, ['atomic', 'per-item'] as const) ?? 'atomic',
      searchLagMs: parseNonNegativeInt('MOCK_SEARCH_LAG_MS', env.MOCK_SEARCH_LAG_MS, DEFAULT_MOCK_SEARCH_LAG_MS),
      ...(callLabels === 'custom' ? { customCallLabels: true as const } : {}),
      ...(scopes ? { scopes } : {}),
    };
  }
  const appDb = appDbFile(nonEmpty(env.APP_DB), cwd);
  if (upstream.mode === 'mock' && appDb === upstream.dbFile) throw new ConfigError('APP_DB must be another file than MOCK_DB.');
  const rawPassword = nonEmpty(env.ADMIN_PASSWORD);
  const adminPassword = rawPassword === undefined ? undefined : checkPassword(rawPassword);
  return {
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    port: parsePort(env.PORT, opts.defaultPort),
    adminUser: nonEmpty(env.ADMIN_USER) ?? 'admin',
    ...(adminPassword ? { adminPassword } : {}),
    upstream,
    apiVersion: parseApiVersion(env.HUBSPOT_API_VERSION),
    timeoutMs: parsePositiveInt('HUBSPOT_TIMEOUT_MS', env.HUBSPOT_TIMEOUT_MS) ?? DEFAULT_TIMEOUT_MS,
    appDb,
    ...(envFile ? { envFile } : {}),
  };
}

/** Refuses configurations that would expose the console (and the token's power) without a password. */
export function assertSafeBinding(config: ServerConfig): void {
  if (!isLoopbackHost(config.host) && !config.adminPassword) {
    throw new ConfigError(
      `Refusing to listen on HOST=${config.host}: it is reachable from other machines, and anyone who can reach it ` +
        'could read and change your HubSpot calls. Set ADMIN_PASSWORD (HTTP basic auth on every route) or use HOST=127.0.0.1.',
    );
  }
}

/** One line that says where HubSpot calls go, never the token. */
export function describeUpstream(upstream: UpstreamConfig, cwd = process.cwd()): string {
  if (upstream.mode === 'mock') return `embedded HubSpot mock (demo data in ${path.relative(cwd, upstream.dbFile) || upstream.dbFile})`;
  return `HubSpot at ${new URL(upstream.baseUrl).host}${upstream.token ? ' (token from HUBSPOT_ACCESS_TOKEN)' : ' (no token)'}`;
}
