/**
 * The credential check: does HubSpot accept the configured token, and which scopes that the app reads
 * with does it lack? One cheap GET per scope (`limit=1`), run at start and when the UI asks again
 * (`POST /hubspot-connection/check`), never per request. 401: the token is wrong, expired or revoked.
 * 403 `MISSING_SCOPES`: HubSpot names the scope in its body; the report says what will not work without it.
 * Write scopes cannot be checked without writing, so HubSpot refuses those only when a change is made.
 * The report never contains the token.
 */
import * as z from 'zod';
import { hubspotPaths, type ApiVersion, type HubSpotPaths } from '../src/api/hubspot-paths.ts';
import { errorCode, type Upstream } from './proxy.ts';

interface MissingScope {
  scope: string;
  /** What will not work without it, e.g. "deals will not show on calls". */
  effect: string;
}

export type CredentialReport =
  | { status: 'checking' }
  | { status: 'ok'; checkedAt: string }
  | { status: 'missing-scopes'; checkedAt: string; missingScopes: MissingScope[]; message?: string }
  /** invalid: HubSpot refused the token (401). unknown: the check could not tell (network, 5xx, 429, another 403). */
  | { status: 'invalid' | 'unknown'; checkedAt: string; message: string };

interface Probe {
  /** The scope HubSpot's specs require for this read (README "Scopes"). */
  scope: string;
  effect: string;
  path: (p: HubSpotPaths) => string;
}

const PROBES: readonly Probe[] = [
  {
    scope: 'crm.objects.contacts.read',
    effect: 'calls cannot be listed, opened or searched (HubSpot covers calls with the contacts scopes), and contacts will not show on calls',
    path: (p) => `${p.objects('calls')}?limit=1`,
  },
  { scope: 'crm.objects.companies.read', effect: 'companies will not show on calls', path: (p) => `${p.objects('companies')}?limit=1` },
  { scope: 'crm.objects.deals.read', effect: 'deals will not show on calls', path: (p) => `${p.objects('deals')}?limit=1` },
  { scope: 'tickets', effect: 'tickets will not show on calls', path: (p) => `${p.objects('tickets')}?limit=1` },
  { scope: 'crm.objects.owners.read', effect: 'call owners show as ids and cannot be chosen or filtered by', path: (p) => `${p.owners()}?limit=1` },
  { scope: 'oauth', effect: 'records will not link to their pages in HubSpot', path: (p) => p.accountDetails() },
  // No list endpoint: an id that cannot exist answers 404 when the scope is granted, 403 when not.
  { scope: 'crm.extensions_calling_transcripts.read', effect: 'call transcripts will not show', path: (p) => p.transcript('0') },
];

/** The parts of HubSpot's error body the check reads (403 MISSING_SCOPES names the scopes in errors[].context). */
const hubspotError = z.object({
  message: z.string().optional(),
  category: z.string().optional(),
  errors: z.array(z.object({ context: z.record(z.string(), z.array(z.string())).optional() })).optional(),
});

type Outcome =
  | { kind: 'granted' }
  | { kind: 'missing'; scope: string }
  | { kind: 'invalid' | 'unknown'; message: string };

/** The probe's scope, plus what HubSpot asked for when its body names other scopes. */
function scopeToName(probe: Probe, named: string[]): string {
  if (named.length === 0 || named.includes(probe.scope)) return probe.scope;
  const shown = named.length > 5 ? `${named.slice(0, 5).join(', ')} … (${named.length})` : named.join(', ');
  return `${probe.scope} (HubSpot asks for one of: ${shown})`;
}

async function runProbe(upstream: Upstream, paths: HubSpotPaths, probe: Probe, timeoutMs: number): Promise<Outcome> {
  const path = probe.path(paths);
  let res: Response;
  let text: string;
  try {
    res = await upstream.fetch(
      new Request(`${upstream.baseUrl}${path}`, {
        headers: { accept: 'application/json', authorization: `Bearer ${upstream.token ?? ''}`, 'user-agent': 'hubspot-calls-admin-credential-check' },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      }),
    );
    text = await res.text();
  } catch (error) {
    // Only an errno-style code: a free-text error message could quote a request header.
    const code = errorCode(error) ?? (error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${Math.round(timeoutMs / 1000)} s` : 'network error');
    return { kind: 'unknown', message: `Could not reach HubSpot (${upstream.host}): ${code}.` };
  }
  if (res.status < 300 || res.status === 400 || res.status === 404) return { kind: 'granted' };
  let parsed: z.infer<typeof hubspotError> = {};
  try {
    parsed = hubspotError.catch({}).parse(JSON.parse(text));
  } catch {
    // not JSON: the status says enough
  }
  const said = parsed.message ? `: ${upstream.token ? parsed.message.split(upstream.token).join('[token]') : parsed.message}` : '.';
  if (res.status === 401) return { kind: 'invalid', message: `HubSpot refused the token (401${parsed.category ? ` ${parsed.category}` : ''})${said}` };
  if (res.status === 403 && parsed.category === 'MISSING_SCOPES') {
    const named = (parsed.errors ?? []).flatMap((e) => e.context?.['requiredScopes'] ?? []);
    return { kind: 'missing', scope: scopeToName(probe, named) };
  }
  return { kind: 'unknown', message: `HubSpot answered ${res.status} to GET ${path.split('?')[0]}${said}` };
}

/** How the check runs: the server's timeout, and the HubSpot API version (HUBSPOT_API_VERSION) whose paths it probes. */
interface CheckOptions {
  timeoutMs: number;
  apiVersion: ApiVersion;
}

/** Runs every probe once (in parallel), on the paths of the API version the app speaks, and sums them up. Never rejects. */
export async function checkCredential(upstream: Upstream, opts: CheckOptions): Promise<CredentialReport> {
  const paths = hubspotPaths(opts.apiVersion);
  const outcomes = await Promise.all(PROBES.map((probe) => runProbe(upstream, paths, probe, opts.timeoutMs)));
  const checkedAt = new Date().toISOString();
  const missingScopes: MissingScope[] = [];
  let invalid: string | undefined;
  let unknown: string | undefined;
  outcomes.forEach((o, i) => {
    if (o.kind === 'missing') missingScopes.push({ scope: o.scope, effect: PROBES[i]!.effect });
    else if (o.kind === 'invalid') invalid ??= o.message;
    else if (o.kind === 'unknown') unknown ??= o.message;
  });
  if (invalid) return { status: 'invalid', checkedAt, message: invalid };
  if (missingScopes.length) return { status: 'missing-scopes', checkedAt, missingScopes, ...(unknown ? { message: `Some scopes could not be checked. ${unknown}` } : {}) };
  if (unknown) return { status: 'unknown', checkedAt, message: unknown };
  return { status: 'ok', checkedAt };
}

export interface CredentialCheck {
  /** The last finished check's report ('checking' before the first), after waiting up to `waitMs` for one under way. */
  current(waitMs?: number): Promise<CredentialReport>;
  /** Starts a check unless one is under way; resolves with that check's report. */
  run(): Promise<CredentialReport>;
}

/** The server's one credential check, for an upstream with a token (none without: nothing to check). */
export function createCredentialCheck(upstream: Upstream, opts: CheckOptions): CredentialCheck | undefined {
  if (!upstream.token) return undefined;
  let latest: CredentialReport = { status: 'checking' };
  let running: Promise<CredentialReport> | undefined;
  const run = () =>
    (running ??= checkCredential(upstream, opts).then((report) => {
      latest = report;
      running = undefined;
      return report;
    }));
  return {
    run,
    async current(waitMs = 0) {
      if (running && waitMs > 0) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([running, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
        clearTimeout(timer);
      }
      return latest;
    },
  };
}

/** The start-up lines about the credential (never the token). */
export function describeCredential(report: CredentialReport): string {
  switch (report.status) {
    case 'checking':
      return 'Credential: being checked.';
    case 'ok':
      return 'Credential: HubSpot accepts the token, and every scope the app reads with is granted.';
    case 'invalid':
      return `Credential: ${report.message} Create a Service Key (README "Connecting to HubSpot") and set HUBSPOT_ACCESS_TOKEN.`;
    case 'unknown':
      return `Credential: not checked. ${report.message}`;
    case 'missing-scopes':
      return [
        `Credential: the token lacks ${report.missingScopes.length === 1 ? 'a scope' : `${report.missingScopes.length} scopes`} the app needs:`,
        ...report.missingScopes.map((m) => `  - ${m.scope}: ${m.effect}`),
        ...(report.message ? [`  ${report.message}`] : []),
        '  Add them to the Service Key in HubSpot (README "Connecting to HubSpot"), then restart or press "Check again" in the app.',
      ].join('\n');
  }
}

/**
 * Runs the first check and prints its report: always for HubSpot, for the embedded mock only when it
 * simulates a credential lacking something (MOCK_SCOPES).
 */
export function reportCredentialAtStart(check: CredentialCheck | undefined, upstream: Upstream, print: (text: string) => void): void {
  void check?.run().then((report) => {
    if (upstream.mode === 'hubspot' || report.status !== 'ok') print(describeCredential(report));
  });
}
