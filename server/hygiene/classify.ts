/**
 * The scan-based queues' rules as pure functions over scanned calls and contacts (queues.ts describes them
 * to users). Results are newest first; duplicate groups are ordered by their newest call.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { ScannedCall, ScannedContact } from './model.ts';
import { isPlaceholderName } from '../../src/lib/placeholder-contact.ts';
import { phoneKey } from './phones.ts';
import { DUPLICATE_WINDOW_MS, MISSED_STATUSES } from './queues.ts';

const DAY_MS = 86_400_000;

const newestFirst = (a: ScannedCall, b: ScannedCall) => (b.timestamp ?? -Infinity) - (a.timestamp ?? -Infinity) || Number(b.id) - Number(a.id);

/** Queue 3: no contact and no company. */
export function withoutAssociation(calls: Iterable<ScannedCall>): ScannedCall[] {
  return [...calls].filter((c) => c.contactIds.length === 0 && c.companyIds.length === 0).sort(newestFirst);
}

/** A contact whose name is missing, only a phone number, or a dialer's default (src/lib/placeholder-contact.ts). */
export const isPlaceholderContact = (contact: ScannedContact): boolean => isPlaceholderName(contact.firstname, contact.lastname);

/** Queue 4: associated with at least one placeholder contact (contacts not in `contacts` are not judged). */
export function withPlaceholderContact(calls: Iterable<ScannedCall>, contacts: ReadonlyMap<string, ScannedContact>): ScannedCall[] {
  return [...calls]
    .filter((c) => c.contactIds.some((id) => {
      const contact = contacts.get(id);
      return contact !== undefined && isPlaceholderContact(contact);
    }))
    .sort(newestFirst);
}

/**
 * Queue 7: groups of two or more calls that share an external id, or have the same from and to numbers,
 * direction and owner with at most DUPLICATE_WINDOW_MS between one call and the next. A call linked both
 * ways joins the groups into one.
 */
export function duplicateGroups(calls: Iterable<ScannedCall>, defaultCountry?: CountryCode): ScannedCall[][] {
  const list = [...calls];
  const parent = list.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    parent[i] = root;
    return root;
  };
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };

  const byExternalId = new Map<string, number>();
  const byRoute = new Map<string, number[]>();
  list.forEach((call, i) => {
    if (call.externalId) {
      const first = byExternalId.get(call.externalId);
      if (first === undefined) byExternalId.set(call.externalId, i);
      else join(i, first);
    }
    const from = phoneKey(call.fromNumber, defaultCountry);
    const to = phoneKey(call.toNumber, defaultCountry);
    if (from && to && call.timestamp !== null) {
      const key = [from, to, call.direction ?? '', call.ownerId ?? ''].join('|');
      byRoute.set(key, [...(byRoute.get(key) ?? []), i]);
    }
  });
  for (const indexes of byRoute.values()) {
    indexes.sort((a, b) => (list[a]?.timestamp ?? 0) - (list[b]?.timestamp ?? 0));
    for (let k = 1; k < indexes.length; k += 1) {
      const prev = indexes[k - 1] as number;
      const cur = indexes[k] as number;
      if ((list[cur]?.timestamp ?? 0) - (list[prev]?.timestamp ?? 0) <= DUPLICATE_WINDOW_MS) join(cur, prev);
    }
  }

  const groups = new Map<number, ScannedCall[]>();
  list.forEach((call, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), call]);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort(newestFirst))
    .sort((a, b) => newestFirst(a[0] as ScannedCall, b[0] as ScannedCall));
}

function isMissedInbound(call: ScannedCall): boolean {
  return call.direction === 'INBOUND' && (call.hasVoicemail || (call.status !== null && MISSED_STATUSES.includes(call.status)));
}

/**
 * Queue 8: missed inbound calls with no outbound call to the caller's number in the `days` days after it
 * (a call back before the window ends counts; one still to come may yet), minus the calls marked handled.
 */
export function missedWithoutCallback(
  calls: Iterable<ScannedCall>,
  opts: { days: number; handled?: ReadonlySet<string>; defaultCountry?: CountryCode },
): ScannedCall[] {
  const list = [...calls];
  const outboundAt = new Map<string, number[]>();
  for (const call of list) {
    const to = call.direction === 'OUTBOUND' && call.timestamp !== null ? phoneKey(call.toNumber, opts.defaultCountry) : null;
    if (to) outboundAt.set(to, [...(outboundAt.get(to) ?? []), call.timestamp as number]);
  }
  const windowMs = opts.days * DAY_MS;
  return list
    .filter((call) => {
      if (!isMissedInbound(call) || opts.handled?.has(call.id)) return false;
      const from = phoneKey(call.fromNumber, opts.defaultCountry);
      if (!from || call.timestamp === null) return true;
      const start = call.timestamp;
      return !(outboundAt.get(from) ?? []).some((at) => at > start && at <= start + windowMs);
    })
    .sort(newestFirst);
}
