/**
 * Demo calls that need attention (the "Needs attention" queues): calls with no outcome or with an
 * outcome the account does not have, calls on no record, calls on a dialer's placeholder contact
 * whose number belongs to a real contact, a deactivated owner's calls and calls with no owner,
 * completed calls lasting 0 s, calls a dialer logged twice, and missed inbound calls with and
 * without a call back. Added after the rest of the demo data, with a random source of its own, so
 * the other demo records stay as they were. Numbers come in the formats dialers and people type
 * (E.164, "+1 617-234-5678", "(617) 234-5678", "617.234.5678"): matching them needs normalising.
 */
import type { MockDb } from '../store/db.js';
import type { ObjectTypeName } from '../store/types.js';
import { CALL_TOPICS, DISPOSITION, FIRST_NAMES, LAST_NAMES, NOTE_LINES, OWNERS } from './data.js';
import { createRng, type Rng } from './prng.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** An outcome id the account has no record of (a deleted custom outcome, or one from another account). */
const UNKNOWN_OUTCOME = '4b1e7f3a-92d0-4c6e-b8a5-0f2d9e6c7a13';
/** A rep who left: HubSpot lists a deactivated user's owner only with `archived=true`; their calls keep its id. */
const DEACTIVATED_OWNER = { firstName: 'Jordan', lastName: 'Reyes', team: 'Inside Sales', deactivatedDaysAgo: 45 };
const DIALER_APP_ID = 'demo-dialer-4211';

/** A title in the style of the other demo calls. */
function titleOf(rng: Rng, direction: 'INBOUND' | 'OUTBOUND', name: string): string {
  const topic = rng.pick(CALL_TOPICS);
  return direction === 'OUTBOUND' ? `${topic} with ${name}` : `Inbound: ${topic} (${name})`;
}

type Format = 'e164' | 'intl' | 'national' | 'dotted';

/** A North American E.164 number (+1 and ten digits) written the way `format` says. */
function written(e164: string, format: Format): string {
  const d = e164.slice(2);
  const [area, exchange, line] = [d.slice(0, 3), d.slice(3, 6), d.slice(6)];
  switch (format) {
    case 'e164':
      return e164;
    case 'intl':
      return `+1 ${area}-${exchange}-${line}`;
    case 'national':
      return `(${area}) ${exchange}-${line}`;
    case 'dotted':
      return `${area}.${exchange}.${line}`;
  }
}

interface RealContact {
  id: number;
  name: string;
  phone: string;
  companyId: number | undefined;
}

interface CallSpec {
  title: string;
  direction: 'INBOUND' | 'OUTBOUND';
  /** The other party's number (outbound: to, inbound: from), as the dialer wrote it. */
  counterpart: string;
  ts: number;
  status: string;
  disposition?: string;
  durationMs: number;
  /** undefined: an active owner at random; null: no owner. */
  ownerId?: string | null;
  repNumber?: string;
  contactId?: number;
  companyId?: number;
  externalId?: string;
  body?: string;
}

export function seedHygiene(db: MockDb, now: number): void {
  const rng = createRng(20_260_114);
  const ownerIds = db.owners(false).map((o) => String(o.id));
  const link = (from: ObjectTypeName, fromId: number, to: ObjectTypeName, toId: number, typeId: number) => {
    const def = db.labels(from, to).find((d) => d.typeId === typeId);
    if (def) db.insertAssociationRaw(from, fromId, to, toId, def.category, def.typeId, def.inverseTypeId);
  };
  const repNumber = (r: Rng) => `+1617555${String(r.int(1000, 9999))}`;

  // Real contacts with a North American number, each used by one case only.
  const pool: RealContact[] = db
    .listObjects('contacts', false, 0, 10_000)
    .filter((c) => /^\+1\d{10}$/.test(c.props['phone'] ?? ''))
    .map((c) => ({
      id: c.id,
      name: `${c.props['firstname'] ?? ''} ${c.props['lastname'] ?? ''}`.trim(),
      phone: c.props['phone'] ?? '',
      companyId: db.associationsOf(c.id, 'companies')[0]?.toId,
    }));
  const take = (): RealContact => {
    const i = rng.int(0, pool.length - 1);
    const [c] = pool.splice(i, 1);
    if (!c) throw new Error('the demo seed has too few contacts with a North American number');
    return c;
  };
  /** A number no contact has (555-01xx: reserved for fiction). */
  const unknownNumber = () => `+1${rng.pick(['617', '512', '416'])}55501${String(rng.int(10, 99))}`;

  const addCall = (s: CallSpec): number => {
    const rep = s.repNumber ?? repNumber(rng);
    const props: Record<string, string> = {
      hs_timestamp: new Date(s.ts).toISOString(),
      hs_call_title: s.title,
      hs_call_direction: s.direction,
      hs_call_status: s.status,
      hs_call_duration: String(s.durationMs),
      hs_call_from_number: s.direction === 'OUTBOUND' ? rep : s.counterpart,
      hs_call_to_number: s.direction === 'OUTBOUND' ? s.counterpart : rep,
    };
    const body = s.body ?? rng.pick(NOTE_LINES);
    if (body) props['hs_call_body'] = body;
    if (s.disposition) props['hs_call_disposition'] = s.disposition;
    const owner = s.ownerId === undefined ? rng.pick(ownerIds) : s.ownerId;
    if (owner) props['hubspot_owner_id'] = owner;
    if (s.status === 'MISSED') props['hs_call_has_voicemail'] = String(s.disposition === DISPOSITION.voicemail);
    if (s.externalId) {
      props['hs_call_source'] = 'INTEGRATIONS_PLATFORM';
      props['hs_call_app_id'] = DIALER_APP_ID;
      props['hs_call_external_account_id'] = 'acct-7731';
      props['hs_call_external_id'] = s.externalId;
    }
    if (s.contactId !== undefined) {
      props['hs_call_callee_object_id'] = String(s.contactId);
      props['hs_call_callee_object_type'] = 'CONTACT';
      props['hs_call_callee_object_type_id'] = '0-1';
    }
    const createdAt = Math.min(now, s.ts + s.durationMs + rng.int(1, 20) * 1000);
    const id = db.insertRaw('calls', props, createdAt, createdAt);
    if (s.contactId !== undefined) link('calls', id, 'contacts', s.contactId, 194);
    if (s.companyId !== undefined) link('calls', id, 'companies', s.companyId, 182);
    return id;
  };
  const recent = (maxDays: number) => now - rng.int(2 * HOUR, maxDays * DAY);
  const connectedMs = () => rng.int(60, 1_500) * 1000 + rng.int(0, 999);
  const onContact = (c: RealContact, withCompany = true) => ({ contactId: c.id, ...(withCompany && c.companyId !== undefined ? { companyId: c.companyId } : {}) });

  // 1. No outcome: an integration that logs no outcome, and unanswered calls nobody set one on.
  for (let i = 0; i < 6; i++) {
    const c = take();
    const answered = i < 2;
    addCall({
      title: answered ? `${rng.pick(CALL_TOPICS)} with ${c.name}` : `Call to ${c.name}`,
      direction: 'OUTBOUND',
      counterpart: written(c.phone, rng.pick(['e164', 'intl'] as const)),
      ts: recent(30),
      status: answered ? 'COMPLETED' : i === 5 ? 'BUSY' : 'NO_ANSWER',
      durationMs: answered ? connectedMs() : rng.int(5, 30) * 1000,
      ...onContact(c),
    });
  }

  // 2. Outcomes the account does not offer: one it archived ("Callback requested") and one it has no record of.
  for (let i = 0; i < 6; i++) {
    const c = take();
    const archived = i < 2;
    addCall({
      title: `${rng.pick(CALL_TOPICS)} with ${c.name}`,
      direction: 'OUTBOUND',
      counterpart: c.phone,
      ts: recent(60),
      status: archived ? 'NO_ANSWER' : 'COMPLETED',
      disposition: archived ? DISPOSITION.callbackRequested : UNKNOWN_OUTCOME,
      durationMs: archived ? rng.int(5, 30) * 1000 : connectedMs(),
      ...onContact(c),
    });
  }

  // Real contacts sharing a number with another real contact (a shared office line): ambiguous matches.
  const sharedLine = (): RealContact => {
    const c = take();
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const company = c.companyId === undefined ? undefined : db.getObject('companies', c.companyId, false);
    const domain = company?.props['domain'] ?? 'example.com';
    const t = now - rng.int(90, 400) * DAY;
    const props: Record<string, string> = {
      firstname: first,
      lastname: last,
      email: `${first}.${last}`.normalize('NFD').replace(/[\u0300-\u036f' ]/g, '').toLowerCase() + `.frontdesk@${domain}`,
      phone: written(c.phone, 'national'),
      jobtitle: 'Office Manager',
      lifecyclestage: 'customer',
      hubspot_owner_id: rng.pick(ownerIds),
    };
    if (company?.props['name']) props['company'] = company.props['name'];
    const id = db.insertRaw('contacts', props, t, t);
    if (c.companyId !== undefined) {
      link('contacts', id, 'companies', c.companyId, 279);
      link('contacts', id, 'companies', c.companyId, 1);
    }
    return c;
  };

  // 3. Calls on no record: three numbers of one contact each, one shared line, two unknown numbers.
  const orphanNumbers: string[] = [
    written(take().phone, 'e164'),
    written(take().phone, 'national'),
    written(take().phone, 'dotted'),
    written(sharedLine().phone, 'intl'),
    unknownNumber(),
    unknownNumber(),
  ];
  orphanNumbers.forEach((counterpart, i) => {
    const inbound = i % 2 === 1;
    addCall({
      title: inbound ? `Inbound call from ${counterpart}` : `Call to ${counterpart}`,
      direction: inbound ? 'INBOUND' : 'OUTBOUND',
      counterpart,
      ts: recent(45),
      status: 'COMPLETED',
      disposition: DISPOSITION.connected,
      durationMs: connectedMs(),
    });
  });

  // 4. Calls on a dialer's placeholder contact (the placeholder carries the number too).
  const placeholders: { name: (n: string) => [string, string] | undefined; match: 'one' | 'two' | 'none'; format: Format; calls: number }[] = [
    { name: () => undefined, match: 'one', format: 'e164', calls: 1 },
    { name: (n) => [n, ''], match: 'one', format: 'intl', calls: 2 },
    { name: (n) => [n, ''], match: 'one', format: 'national', calls: 1 },
    { name: (n) => ['Caller', n], match: 'one', format: 'intl', calls: 1 },
    { name: () => ['New contact', ''], match: 'one', format: 'dotted', calls: 1 },
    { name: (n) => ['Caller', n], match: 'two', format: 'e164', calls: 1 },
    { name: () => undefined, match: 'two', format: 'national', calls: 1 },
    { name: (n) => ['Caller', n], match: 'none', format: 'intl', calls: 1 },
    { name: () => ['New contact', ''], match: 'none', format: 'e164', calls: 1 },
  ];
  for (const p of placeholders) {
    const e164 = p.match === 'one' ? take().phone : p.match === 'two' ? sharedLine().phone : unknownNumber();
    const number = written(e164, p.format);
    const t = now - rng.int(3, 50) * DAY - rng.int(0, 9 * HOUR);
    const props: Record<string, string> = { phone: number, lifecyclestage: 'lead' };
    const name = p.name(number);
    if (name) {
      props['firstname'] = name[0];
      if (name[1]) props['lastname'] = name[1];
    }
    const placeholderId = db.insertRaw('contacts', props, t, t, null, 'INTEGRATION');
    for (let k = 0; k < p.calls; k++) {
      const inbound = rng.chance(0.5);
      addCall({
        title: inbound ? `Inbound call from ${number}` : `Call to ${number}`,
        direction: inbound ? 'INBOUND' : 'OUTBOUND',
        counterpart: number,
        ts: t + k * rng.int(1, 5) * DAY + rng.int(1, 600) * 1000,
        status: 'COMPLETED',
        disposition: DISPOSITION.connected,
        durationMs: connectedMs(),
        contactId: placeholderId,
      });
    }
  }

  // 5. A deactivated owner's calls (made before the rep left), and calls an integration logged with no owner.
  const ownerId = 61_234_501 + OWNERS.length * 137;
  const leftAt = now - DEACTIVATED_OWNER.deactivatedDaysAgo * DAY;
  db.insertOwner({
    id: ownerId,
    email: `${DEACTIVATED_OWNER.firstName}.${DEACTIVATED_OWNER.lastName}@example.com`.toLowerCase(),
    firstName: DEACTIVATED_OWNER.firstName,
    lastName: DEACTIVATED_OWNER.lastName,
    userId: 9_012_341 + OWNERS.length,
    type: 'PERSON',
    teams: [{ id: '178588', name: DEACTIVATED_OWNER.team, primary: true }],
    createdAt: now - 500 * DAY,
    updatedAt: leftAt,
    archived: true,
  });
  const leaverNumber = repNumber(rng);
  for (let i = 0; i < 7; i++) {
    const c = take();
    const direction = i % 3 === 2 ? 'INBOUND' : 'OUTBOUND';
    addCall({
      title: titleOf(rng, direction, c.name),
      direction,
      counterpart: c.phone,
      ts: leftAt - rng.int(2, 150) * DAY - rng.int(0, 10 * HOUR),
      status: 'COMPLETED',
      disposition: rng.pick([DISPOSITION.connected, DISPOSITION.meetingBooked, DISPOSITION.liveMessage]),
      durationMs: connectedMs(),
      ownerId: String(ownerId),
      repNumber: leaverNumber,
      ...onContact(c),
    });
  }
  for (let i = 0; i < 5; i++) {
    const c = take();
    addCall({
      title: `Call with ${c.name}`,
      direction: 'OUTBOUND',
      counterpart: written(c.phone, 'intl'),
      ts: recent(40),
      status: 'COMPLETED',
      disposition: DISPOSITION.connected,
      durationMs: connectedMs(),
      ownerId: null,
      externalId: `dlr-9${String(rng.int(10_000, 99_999))}`,
      ...onContact(c, false),
    });
  }

  // 6. Completed calls lasting 0 s (the dialer reported no duration).
  for (let i = 0; i < 5; i++) {
    const c = take();
    const direction = i === 4 ? 'INBOUND' : 'OUTBOUND';
    addCall({
      title: titleOf(rng, direction, c.name),
      direction,
      counterpart: c.phone,
      ts: recent(30),
      status: 'COMPLETED',
      disposition: DISPOSITION.connected,
      durationMs: 0,
      ...onContact(c),
    });
  }

  // 7. A dialer's duplicates: the same external id logged two or three times (the copies with less
  // data, on fewer records), and the same call (numbers, direction, owner) logged again seconds later.
  for (let g = 0; g < 4; g++) {
    const c = take();
    const direction = g === 3 ? 'INBOUND' : 'OUTBOUND';
    const spec: CallSpec = {
      title: titleOf(rng, direction, c.name),
      direction,
      counterpart: c.phone,
      ts: recent(20),
      status: 'COMPLETED',
      disposition: DISPOSITION.connected,
      durationMs: connectedMs(),
      ownerId: rng.pick(ownerIds),
      repNumber: repNumber(rng),
      externalId: `dlr-7${String(rng.int(10_000, 99_999))}`,
      body: `${rng.pick(NOTE_LINES)} ${rng.pick(NOTE_LINES)}`,
      ...onContact(c),
    };
    addCall(spec);
    const copies = g === 0 ? 2 : 1;
    for (let k = 0; k < copies; k++) {
      addCall({ ...spec, title: `Call ${direction === 'INBOUND' ? 'from' : 'with'} ${spec.counterpart}`, body: '', ...(k === 0 ? { companyId: undefined } : { contactId: undefined, companyId: undefined }) });
    }
  }
  for (let g = 0; g < 3; g++) {
    const c = take();
    const spec: CallSpec = {
      title: `${rng.pick(CALL_TOPICS)} with ${c.name}`,
      direction: 'OUTBOUND',
      counterpart: c.phone,
      ts: recent(20),
      status: 'COMPLETED',
      disposition: DISPOSITION.connected,
      durationMs: connectedMs(),
      ownerId: rng.pick(ownerIds),
      repNumber: repNumber(rng),
      ...onContact(c),
    };
    addCall(spec);
    addCall({ ...spec, ts: spec.ts + rng.int(2, 9) * 1000, title: `Outbound call to ${c.name}`, disposition: g === 0 ? undefined : spec.disposition, companyId: undefined });
  }

  // 8. Missed inbound calls from known contacts: called back within hours or days (one only after
  // nine days, to a differently written number), or not at all.
  const missed: readonly (readonly [string, string])[] = [
    ['NO_ANSWER', DISPOSITION.noAnswer],
    ['MISSED', DISPOSITION.voicemail],
    ['BUSY', DISPOSITION.busy],
  ];
  const callbackAfter = [3 * HOUR, 1 * DAY + 2 * HOUR, 2 * DAY + 5 * HOUR, 9 * DAY, null, null, null, null];
  callbackAfter.forEach((after, i) => {
    const c = take();
    const [status, disposition] = missed[i % missed.length] ?? ['NO_ANSWER', DISPOSITION.noAnswer];
    const ownerId = rng.pick(ownerIds);
    const ts = after === null ? recent(6) : now - after - rng.int(1, 4) * DAY - rng.int(0, 8 * HOUR);
    addCall({
      title: `Missed call from ${c.name}`,
      direction: 'INBOUND',
      counterpart: c.phone,
      ts,
      status,
      disposition,
      durationMs: status === 'MISSED' ? rng.int(8, 40) * 1000 : 0,
      ownerId,
      body: status === 'MISSED' ? 'Caller left a voicemail.' : 'Missed inbound call.',
      ...onContact(c),
    });
    if (after !== null) {
      addCall({
        title: `Call back: ${c.name}`,
        direction: 'OUTBOUND',
        counterpart: written(c.phone, i % 2 === 0 ? 'national' : 'e164'),
        ts: ts + after + rng.int(0, 30 * MINUTE),
        status: 'COMPLETED',
        disposition: DISPOSITION.connected,
        durationMs: connectedMs(),
        ownerId,
        ...onContact(c),
      });
    }
  });
}
