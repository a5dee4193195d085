import type { Clock } from '../clock.js';
import type { MockDb } from '../store/db.js';
import type { ObjectTypeName } from '../store/types.js';
import {
  ASSOCIATION_DEFINITIONS,
  CALL_TOPICS,
  CITIES,
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  CUSTOM_CALL_LABELS,
  CUSTOM_DISPOSITIONS,
  DEFAULT_DISPOSITIONS,
  DISPOSITION,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  NOTE_LINES,
  OWNERS,
  PRODUCTS,
  TICKET_SUBJECTS,
} from './data.js';
import { seedCallExtras } from './call-extras.js';
import { seedHygiene } from './hygiene.js';
import { createRng, type Rng } from './prng.js';
import { seedTranscripts, type RecordedCall } from './transcripts.js';

const DAY = 86_400_000;
const YEAR = 365 * DAY;
/** When HubSpot's own definitions (the default outcomes) were made, as the properties API dates them. */
const HUBSPOT_DEFINED_AT = Date.parse('2019-08-06T02:41:52.000Z');

/**
 * Account configuration every database gets: owners, call outcomes, association types (with
 * `customCallLabels`, also custom call labels HubSpot does not allow: see CUSTOM_CALL_LABELS).
 */
export function seedAccount(db: MockDb, clock: Clock, customCallLabels = false): void {
  const now = clock.now();
  DEFAULT_DISPOSITIONS.forEach((d, i) =>
    db.putDisposition({ ...d, archived: false, custom: false, displayOrder: i, createdAt: HUBSPOT_DEFINED_AT, updatedAt: HUBSPOT_DEFINED_AT }),
  );
  CUSTOM_DISPOSITIONS.forEach((d, i) => {
    const createdAt = now - 2 * YEAR + i * 30 * DAY;
    const archived = d.archived ?? false;
    db.putDisposition({ ...d, archived, custom: true, displayOrder: DEFAULT_DISPOSITIONS.length + i, createdAt, updatedAt: archived ? now - 60 * DAY : createdAt });
  });
  for (const def of [...ASSOCIATION_DEFINITIONS, ...(customCallLabels ? CUSTOM_CALL_LABELS : [])]) db.putLabel(def);
  OWNERS.forEach(([first, last, team], i) => {
    const email = `${first}.${last}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f']/g, '')
      .toLowerCase()
      .replace(/\s+/g, '');
    db.insertOwner({
      id: 61_234_501 + i * 137,
      email: `${email}@example.com`,
      firstName: first,
      lastName: last,
      userId: 9_012_341 + i,
      type: 'PERSON',
      teams: [{ id: String(178_588 + ['Inside Sales', 'Account Management', 'Customer Success', 'Sales Leadership'].indexOf(team)), name: team, primary: true }],
      createdAt: now - 2 * YEAR + i * 31 * DAY,
      updatedAt: now - 30 * DAY + i * DAY,
      archived: false,
    });
  });
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function phone(rng: Rng, prefix: string): string {
  return `${prefix}${rng.int(2_000_000, 9_999_999)}`;
}

interface CallContext {
  rng: Rng;
  now: number;
  ownerIds: string[];
}

interface GeneratedCall {
  props: Record<string, string>;
  createdAt: number;
  updatedAt: number;
}

const STATUS_FOR: Record<string, readonly (readonly [string, number])[]> = {
  [DISPOSITION.connected]: [['COMPLETED', 1]],
  [DISPOSITION.meetingBooked]: [['COMPLETED', 1]],
  [DISPOSITION.notInterested]: [['COMPLETED', 1]],
  [DISPOSITION.liveMessage]: [['COMPLETED', 1]],
  [DISPOSITION.voicemail]: [['NO_ANSWER', 3], ['COMPLETED', 1]],
  [DISPOSITION.noAnswer]: [['NO_ANSWER', 4], ['CANCELED', 1]],
  [DISPOSITION.busy]: [['BUSY', 4], ['FAILED', 1]],
  [DISPOSITION.wrongNumber]: [['COMPLETED', 2], ['FAILED', 1]],
};

const DISPOSITION_WEIGHTS: readonly (readonly [string, number])[] = [
  [DISPOSITION.connected, 40],
  [DISPOSITION.noAnswer, 16],
  [DISPOSITION.voicemail, 14],
  [DISPOSITION.liveMessage, 8],
  [DISPOSITION.busy, 7],
  [DISPOSITION.wrongNumber, 3],
  [DISPOSITION.meetingBooked, 8],
  [DISPOSITION.notInterested, 4],
];

function htmlBody(rng: Rng, who: string): string {
  const a = rng.pick(NOTE_LINES);
  const b = rng.pick(NOTE_LINES);
  return rng.chance(0.5)
    ? `<p>Spoke with <strong>${who}</strong>.</p><ul><li>${a}</li><li>${b}</li></ul>`
    : `<p>${a}</p><p><em>Next step:</em> ${b}</p>`;
}

function generateCall(c: CallContext, who: { name: string; phone: string; city?: string } | undefined, ageLimit = YEAR): GeneratedCall {
  const { rng, now } = c;
  const ts = now - rng.int(10 * 60_000, ageLimit);
  const disposition = rng.weighted(DISPOSITION_WEIGHTS);
  const status = rng.weighted(STATUS_FOR[disposition] ?? [['COMPLETED', 1]]);
  const connected = status === 'COMPLETED' && disposition !== DISPOSITION.wrongNumber;
  const direction = rng.chance(0.62) ? 'OUTBOUND' : 'INBOUND';
  const repPhone = `+1617555${String(rng.int(1000, 9999))}`;
  const otherPhone = who?.phone ?? `+1${rng.int(200, 989)}555${String(rng.int(1000, 9999))}`;
  const name = who?.name ?? 'Unknown caller';
  const topic = rng.pick(CALL_TOPICS);
  const props: Record<string, string> = {
    hs_timestamp: new Date(ts).toISOString(),
    hs_call_title: direction === 'OUTBOUND' ? `${topic} with ${name}` : `Inbound: ${topic} (${name})`,
    hs_call_direction: direction,
    hs_call_disposition: disposition,
    hs_call_status: status,
    hs_call_duration: String(connected ? rng.int(45, 2_700) * 1000 + rng.int(0, 999) : rng.int(0, 40) * 1000),
    hs_call_from_number: direction === 'OUTBOUND' ? repPhone : otherPhone,
    hs_call_to_number: direction === 'OUTBOUND' ? otherPhone : repPhone,
  };
  if (c.ownerIds.length) props['hubspot_owner_id'] = rng.pick(c.ownerIds);
  if (rng.chance(0.8)) {
    props['hs_call_body'] = rng.chance(0.45) ? htmlBody(rng, name) : `${rng.pick(NOTE_LINES)} ${rng.pick(NOTE_LINES)}`;
  }
  if (connected && rng.chance(0.55)) {
    props['hs_call_recording_url'] = `https://recordings.example.com/calls/${Math.floor(ts / 1000)}-${rng.int(1000, 9999)}.mp3`;
  }
  if (disposition === DISPOSITION.voicemail) props['hs_call_has_voicemail'] = 'true';
  else if (rng.chance(0.5)) props['hs_call_has_voicemail'] = 'false';
  if (rng.chance(0.7)) props['hs_activity_type'] = rng.pick(['Discovery call', 'Demo', 'Follow-up', 'Check-in', 'Negotiation', 'Support']);
  if (rng.chance(0.35)) props['hs_call_source'] = 'INTEGRATIONS_PLATFORM';
  if (rng.chance(0.06)) props['hs_attachment_ids'] = `${rng.int(10_000_000, 99_999_999)};${rng.int(10_000_000, 99_999_999)}`;
  const createdAt = Math.min(now, ts + rng.int(1, 30) * 60_000);
  const updatedAt = rng.chance(0.3) ? Math.min(now, createdAt + rng.int(1, 20) * DAY) : createdAt;
  return { props, createdAt, updatedAt };
}

/**
 * Demo CRM data: about 200 contacts, 50 companies, 40 deals, 30 tickets and 500 calls, some with
 * transcripts, then about 90 calls that need attention (hygiene.ts) and a deactivated owner.
 */
export function seedDemo(db: MockDb, clock: Clock): void {
  const rng = createRng(20_240_117);
  const now = clock.now();
  const ownerIds = db.owners(false).map((o) => String(o.id));
  const created = (maxAge: number) => now - rng.int(30 * DAY, maxAge);
  // association types of the account (the custom call labels only when seeded: seedAccount)
  const A = (from: ObjectTypeName, fromId: number, to: ObjectTypeName, toId: number, typeId: number) => {
    const def = db.labels(from, to).find((d) => d.typeId === typeId);
    if (def) db.insertAssociationRaw(from, fromId, to, toId, def.category, def.typeId, def.inverseTypeId);
  };

  // companies
  const companies: { id: number; name: string; domain: string; city: readonly [string, string, string] }[] = [];
  for (let i = 0; i < 50; i++) {
    const name = `${COMPANY_PREFIXES[i % COMPANY_PREFIXES.length] ?? 'Acme'} ${COMPANY_SUFFIXES[Math.floor(i / 5) % COMPANY_SUFFIXES.length] ?? 'Labs'}`;
    const domain = `${slug(name)}.example.com`;
    const city = rng.pick(CITIES);
    const t = created(2 * YEAR);
    const props: Record<string, string> = {
      name,
      domain,
      website: `https://www.${domain}`,
      phone: phone(rng, city[2]),
      industry: rng.pick(['COMPUTER_SOFTWARE', 'FINANCIAL_SERVICES', 'HOSPITAL_HEALTH_CARE', 'RETAIL', 'LOGISTICS_AND_SUPPLY_CHAIN', 'EDUCATION_MANAGEMENT', 'CONSTRUCTION', 'TELECOMMUNICATIONS']),
      city: city[0],
      country: city[1],
      numberofemployees: String(rng.pick([12, 25, 60, 140, 320, 800, 2500, 12000])),
      hubspot_owner_id: rng.pick(ownerIds),
    };
    companies.push({ id: db.insertRaw('companies', props, t, t + rng.int(0, 20) * DAY), name, domain, city });
  }

  // contacts
  const contacts: { id: number; name: string; phone: string; companyId: number }[] = [];
  for (let i = 0; i < 200; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length] ?? 'Ada';
    const last = LAST_NAMES[(i * 7 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length] ?? 'Lovelace';
    const company = companies[i % companies.length];
    if (!company) continue;
    const ph = phone(rng, company.city[2]);
    const t = created(2 * YEAR);
    const props: Record<string, string> = {
      firstname: first,
      lastname: last,
      email: `${slug(first)}.${slug(last)}${i >= 50 ? i : ''}@${company.domain}`,
      phone: ph,
      company: company.name,
      jobtitle: rng.pick(JOB_TITLES),
      city: company.city[0],
      country: company.city[1],
      lifecyclestage: rng.pick(['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'customer', 'evangelist']),
      hubspot_owner_id: rng.pick(ownerIds),
    };
    if (rng.chance(0.3)) props['mobilephone'] = phone(rng, company.city[2]);
    const id = db.insertRaw('contacts', props, t, t + rng.int(0, 20) * DAY);
    contacts.push({ id, name: `${first} ${last}`, phone: ph, companyId: company.id });
    A('contacts', id, 'companies', company.id, 279);
    A('contacts', id, 'companies', company.id, 1);
  }

  // deals
  const deals: { id: number; companyId: number; contactIds: number[] }[] = [];
  for (let i = 0; i < 40; i++) {
    const company = rng.pick(companies);
    const stage = rng.pick(['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost']);
    const t = created(YEAR);
    const closeAt = stage.startsWith('closed') ? t + rng.int(10, 90) * DAY : now + rng.int(5, 120) * DAY;
    const props: Record<string, string> = {
      dealname: `${company.name} – ${rng.pick(PRODUCTS)}`,
      amount: String(rng.int(20, 900) * 100),
      closedate: new Date(closeAt).toISOString(),
      pipeline: 'default',
      dealstage: stage,
      hubspot_owner_id: rng.pick(ownerIds),
    };
    const id = db.insertRaw('deals', props, t, Math.min(now, t + rng.int(0, 30) * DAY));
    const people = contacts.filter((c) => c.companyId === company.id).slice(0, rng.int(1, 2));
    for (const p of people) A('deals', id, 'contacts', p.id, 3);
    A('deals', id, 'companies', company.id, 341);
    deals.push({ id, companyId: company.id, contactIds: people.map((p) => p.id) });
  }

  // tickets
  const tickets: { id: number; contactId: number }[] = [];
  for (let i = 0; i < 30; i++) {
    const contact = rng.pick(contacts);
    const t = created(YEAR);
    const props: Record<string, string> = {
      subject: rng.pick(TICKET_SUBJECTS),
      content: `${rng.pick(NOTE_LINES)} Reported by ${contact.name}.`,
      hs_pipeline: '0',
      hs_pipeline_stage: rng.pick(['1', '2', '3', '4']),
      hs_ticket_priority: rng.pick(['LOW', 'MEDIUM', 'HIGH', 'URGENT']),
      hs_ticket_category: rng.pick(['PRODUCT_ISSUE', 'BILLING_ISSUE', 'FEATURE_REQUEST', 'GENERAL_INQUIRY']),
      hubspot_owner_id: rng.pick(ownerIds),
    };
    const id = db.insertRaw('tickets', props, t, Math.min(now, t + rng.int(0, 15) * DAY));
    A('tickets', id, 'contacts', contact.id, 16);
    tickets.push({ id, contactId: contact.id });
  }

  // calls
  const ctx: CallContext = { rng, now, ownerIds };
  const callIds: { id: number; contactId?: number; companyId?: number; dealId?: number; ticketId?: number }[] = [];
  const recorded: RecordedCall[] = [];
  for (let i = 0; i < 500; i++) {
    const contact = rng.chance(0.92) ? rng.pick(contacts) : undefined;
    const call = generateCall(ctx, contact);
    if (contact) {
      call.props['hs_call_callee_object_id'] = String(contact.id);
      call.props['hs_call_callee_object_type'] = 'CONTACT';
    }
    const archivedAt = i % 100 === 99 ? Math.min(now, call.updatedAt + DAY) : null;
    const id = db.insertRaw('calls', call.props, call.createdAt, archivedAt ?? call.updatedAt, archivedAt);
    const entry: (typeof callIds)[number] = { id };
    if (contact) {
      A('calls', id, 'contacts', contact.id, 194);
      entry.contactId = contact.id;
      if (rng.chance(0.12)) A('calls', id, 'contacts', contact.id, rng.chance(0.7) ? 1001 : 1003);
      if (rng.chance(0.6)) {
        A('calls', id, 'companies', contact.companyId, 182);
        entry.companyId = contact.companyId;
      }
      const deal = deals.find((d) => d.contactIds.includes(contact.id));
      if (deal && rng.chance(0.7)) {
        A('calls', id, 'deals', deal.id, 206);
        if (rng.chance(0.2)) A('calls', id, 'deals', deal.id, 1007);
        entry.dealId = deal.id;
      }
      const ticket = tickets.find((t) => t.contactId === contact.id);
      if (ticket && rng.chance(0.6)) {
        A('calls', id, 'tickets', ticket.id, 220);
        entry.ticketId = ticket.id;
      }
    }
    if (archivedAt === null) callIds.push(entry);
    const ownerId = call.props['hubspot_owner_id'];
    if (archivedAt === null && contact && call.props['hs_call_recording_url']) {
      recorded.push({ id, createdAt: call.createdAt, durationMs: Number(call.props['hs_call_duration']), contact, ...(ownerId ? { ownerId } : {}) });
    }
  }
  seedTranscripts(db, recorded);

  // a few pinned calls
  const pin = (type: ObjectTypeName, recordId: number | undefined, callId: number) => {
    if (recordId === undefined) return;
    db.setPropRaw(type, recordId, 'hs_pinned_engagement_id', String(callId));
  };
  const withContact = callIds.filter((c) => c.contactId !== undefined);
  for (const c of withContact.slice(0, 3)) pin('contacts', c.contactId, c.id);
  const withCompany = callIds.find((c) => c.companyId !== undefined);
  if (withCompany) pin('companies', withCompany.companyId, withCompany.id);
  const withDeal = callIds.find((c) => c.dealId !== undefined);
  if (withDeal) pin('deals', withDeal.dealId, withDeal.id);
  const withTicket = callIds.find((c) => c.ticketId !== undefined);
  if (withTicket) pin('tickets', withTicket.ticketId, withTicket.id);

  seedCallExtras(db);
  seedHygiene(db, now);
}

/** Adds `count` generated calls (benchmarks); associated with existing contacts when there are any. */
export function seedGeneratedCalls(db: MockDb, clock: Clock, count: number): void {
  if (count <= 0) return;
  const rng = createRng(1_000_003 + count);
  const now = clock.now();
  const ownerIds = db.owners(false).map((o) => String(o.id));
  const contactIds = db.liveIds('contacts');
  const ctx: CallContext = { rng, now, ownerIds };
  const contactDef = ASSOCIATION_DEFINITIONS.find((d) => d.fromType === 'calls' && d.toType === 'contacts' && d.typeId === 194);
  for (let i = 0; i < count; i++) {
    const contactId = contactIds.length ? contactIds[i % contactIds.length] : undefined;
    const who = { name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`, phone: `+1${rng.int(200, 989)}555${rng.int(1000, 9999)}` };
    const call = generateCall(ctx, who);
    const id = db.insertRaw('calls', call.props, call.createdAt, call.updatedAt);
    if (contactId !== undefined && contactDef) {
      db.insertAssociationRaw('calls', id, 'contacts', contactId, contactDef.category, contactDef.typeId, contactDef.inverseTypeId);
    }
  }
}
