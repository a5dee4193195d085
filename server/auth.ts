/**
 * HTTP basic auth for every route (ADMIN_PASSWORD), with failed attempts throttled per client address:
 * a few free mistakes, then each further failure locks that address out for twice as long as the last
 * (429 with Retry-After), up to 15 minutes. Failures are logged with the address, never the credentials.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import type { LogLine } from './log.ts';
import { repeatSummarizingLog } from './log.ts';

/** Failed attempts allowed before the lockouts start (typos happen). */
const FREE_FAILURES = 5;
const MAX_LOCK_MS = 15 * 60_000;
/** A client's failures are forgotten this long after its last one. */
const FORGET_AFTER_MS = 60 * 60_000;

interface Failures {
  count: number;
  lastAt: number;
  lockedUntil: number;
}

const digest = (text: string) => createHash('sha256').update(text).digest();
const sameText = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/**
 * The address the request came from. Behind a reverse proxy on the same machine (the peer is loopback), the
 * last X-Forwarded-For entry is the one that proxy added; from anywhere else the header is ignored.
 */
function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress ?? 'unknown';
  if (/^(?:127\.|::1$|::ffff:127\.)/.test(peer)) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  return peer;
}

export function adminAuth(opts: { user: string; password: string; log?: LogLine; now?: () => number }): MiddlewareHandler {
  const now = opts.now ?? Date.now;
  const report = repeatSummarizingLog(opts.log ?? (() => {}), { now });
  const failures = new Map<string, Failures>();

  const forgetOld = () => {
    const cutoff = now() - FORGET_AFTER_MS;
    for (const [address, f] of failures) if (f.lastAt < cutoff && f.lockedUntil < now()) failures.delete(address);
  };

  const failed = (address: string) => {
    if (failures.size > 1000) forgetOld();
    const f = failures.get(address) ?? { count: 0, lastAt: 0, lockedUntil: 0 };
    f.count += 1;
    f.lastAt = now();
    failures.set(address, f);
    report(`[auth] failed sign-in from ${address}`, `[auth] failed sign-in from ${address} (wrong user name or password, ${f.count} in a row)`);
    if (f.count >= FREE_FAILURES) {
      const lockMs = Math.min(1000 * 2 ** (f.count - FREE_FAILURES), MAX_LOCK_MS);
      f.lockedUntil = now() + lockMs;
      report(`[auth] sign-in locked for ${address}`, `[auth] ${address} may not sign in for ${Math.ceil(lockMs / 1000)} s after ${f.count} failed attempts`);
    }
  };

  const check = basicAuth({
    realm: 'HubSpot Calls Admin',
    verifyUser: (user, password, c) => {
      const userOk = sameText(user, opts.user);
      const ok = sameText(password, opts.password) && userOk;
      if (ok) failures.delete(clientAddress(c));
      else failed(clientAddress(c));
      return ok;
    },
  });

  return async (c, next) => {
    const locked = failures.get(clientAddress(c))?.lockedUntil ?? 0;
    if (locked > now()) {
      const seconds = Math.ceil((locked - now()) / 1000);
      return c.text(`Too many failed sign-in attempts. Try again in ${seconds} s.`, 429, { 'retry-after': String(seconds) });
    }
    return check(c, next);
  };
}
