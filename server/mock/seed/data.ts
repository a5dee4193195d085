import type { AssociationLabelDef } from '../store/types.js';

interface SeedDisposition {
  id: string;
  label: string;
  archived?: boolean;
}

/** HubSpot's six default call outcomes (calls guide). */
export const DEFAULT_DISPOSITIONS: SeedDisposition[] = [
  { id: '9d9162e7-6cf3-4944-bf63-4dff82258764', label: 'Busy' },
  { id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected' },
  { id: 'a4c4c377-d246-4b32-a13b-75a56a4cd0ff', label: 'Left live message' },
  { id: 'b2cf5968-551e-4856-9783-52b3da59a7d0', label: 'Left voicemail' },
  { id: '73a0d17f-1163-4015-bdd5-ec830791da20', label: 'No answer' },
  { id: '17b47fee-58de-441e-a44c-c6300d46f273', label: 'Wrong number' },
];
/** The demo account's own outcomes: two in use, and one it archived (some calls still carry it). */
export const CUSTOM_DISPOSITIONS: SeedDisposition[] = [
  { id: '5c7e0b1a-3f2d-4e8b-9a61-2d4f8c9e7b10', label: 'Meeting booked' },
  { id: 'e3a1f9d2-7b6c-4d05-8e2f-61c0b5a4d387', label: 'Not interested' },
  { id: '8f3c2a61-4b7d-4e19-a0c5-93d2e7f16b48', label: 'Callback requested', archived: true },
];

export const DISPOSITION = {
  busy: '9d9162e7-6cf3-4944-bf63-4dff82258764',
  connected: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
  liveMessage: 'a4c4c377-d246-4b32-a13b-75a56a4cd0ff',
  voicemail: 'b2cf5968-551e-4856-9783-52b3da59a7d0',
  noAnswer: '73a0d17f-1163-4015-bdd5-ec830791da20',
  wrongNumber: '17b47fee-58de-441e-a44c-c6300d46f273',
  meetingBooked: '5c7e0b1a-3f2d-4e8b-9a61-2d4f8c9e7b10',
  notInterested: 'e3a1f9d2-7b6c-4d05-8e2f-61c0b5a4d387',
  /** Archived by the account. */
  callbackRequested: '8f3c2a61-4b7d-4e19-a0c5-93d2e7f16b48',
} as const;

type Pair = [AssociationLabelDef['fromType'], AssociationLabelDef['toType']];

function pair(
  [from, to]: Pair,
  category: string,
  typeId: number,
  inverseTypeId: number,
  name: string,
  inverseName: string,
  label: string | null = null,
  inverseLabel: string | null = label,
): AssociationLabelDef[] {
  return [
    { fromType: from, toType: to, category, typeId, name, label, inverseTypeId },
    { fromType: to, toType: from, category, typeId: inverseTypeId, name: inverseName, label: inverseLabel, inverseTypeId: typeId },
  ];
}

/** Association types: HubSpot-defined ids (client AssociationTypes enum), some labelled ("Primary"). */
export const ASSOCIATION_DEFINITIONS: AssociationLabelDef[] = [
  ...pair(['calls', 'contacts'], 'HUBSPOT_DEFINED', 194, 193, 'call_to_contact', 'contact_to_call'),
  ...pair(['calls', 'companies'], 'HUBSPOT_DEFINED', 182, 181, 'call_to_company', 'company_to_call'),
  ...pair(['calls', 'deals'], 'HUBSPOT_DEFINED', 206, 205, 'call_to_deal', 'deal_to_call'),
  ...pair(['calls', 'tickets'], 'HUBSPOT_DEFINED', 220, 219, 'call_to_ticket', 'ticket_to_call'),
  ...pair(['contacts', 'companies'], 'HUBSPOT_DEFINED', 279, 280, 'contact_to_company_unlabeled', 'company_to_contact_unlabeled'),
  ...pair(['contacts', 'companies'], 'HUBSPOT_DEFINED', 1, 2, 'contact_to_company', 'company_to_contact', 'Primary'),
  ...pair(['deals', 'contacts'], 'HUBSPOT_DEFINED', 3, 4, 'deal_to_contact', 'contact_to_deal'),
  ...pair(['deals', 'companies'], 'HUBSPOT_DEFINED', 341, 342, 'deal_to_company_unlabeled', 'company_to_deal_unlabeled'),
  ...pair(['tickets', 'contacts'], 'HUBSPOT_DEFINED', 16, 15, 'ticket_to_contact', 'contact_to_ticket'),
  ...pair(['tickets', 'companies'], 'HUBSPOT_DEFINED', 339, 340, 'ticket_to_company_unlabeled', 'company_to_ticket_unlabeled'),
  ...pair(['tickets', 'deals'], 'HUBSPOT_DEFINED', 28, 27, 'ticket_to_deal', 'deal_to_ticket'),
];

/**
 * Custom labels between calls and records, which HubSpot does not allow (it has custom labels only
 * between contacts, companies, deals, tickets and custom objects). Seeded only with
 * `customCallLabels`, for clients whose tests still rely on them.
 */
export const CUSTOM_CALL_LABELS: AssociationLabelDef[] = [
  ...pair(['calls', 'contacts'], 'USER_DEFINED', 1001, 1002, 'decision_maker', 'decision_maker_inverse', 'Decision maker'),
  ...pair(['calls', 'contacts'], 'USER_DEFINED', 1003, 1004, 'gatekeeper', 'gatekeeper_inverse', 'Gatekeeper'),
  ...pair(['calls', 'companies'], 'USER_DEFINED', 1005, 1006, 'account_review', 'account_review_inverse', 'Account review'),
  ...pair(['calls', 'deals'], 'USER_DEFINED', 1007, 1008, 'pricing_discussion', 'pricing_discussion_inverse', 'Pricing discussion'),
];

export const OWNERS = [
  ['Maya', 'Patel', 'Inside Sales'],
  ['Liam', "O'Connor", 'Inside Sales'],
  ['Sofia', 'García', 'Account Management'],
  ['Kenji', 'Watanabe', 'Account Management'],
  ['Amara', 'Okafor', 'Customer Success'],
  ['Lukas', 'Schmidt', 'Customer Success'],
  ['Chloé', 'Dubois', 'Inside Sales'],
  ['Noah', 'Williams', 'Sales Leadership'],
] as const;

export const FIRST_NAMES = [
  'Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Tim', 'Katherine', 'Dennis', 'Barbara', 'Ken', 'Radia', 'Vint',
  'Frances', 'John', 'Hedy', 'Claude', 'Shafi', 'Anita', 'Edsger', 'Karen', 'Leslie', 'Niklaus', 'Sophie', 'Guido',
  'Yukihiro', 'Bjarne', 'Joan', 'Donald', 'Fran', 'Jean', 'Mary', 'Evelyn', 'Ivan', 'Ole', 'Rasmus', 'Lars', 'Ingrid',
  'Priya', 'Arjun', 'Mei', 'Wei', 'Fatima', 'Omar', 'Lucía', 'Mateo', 'Zoë', 'Björn', 'Aoife', 'Siobhan', 'Tomás',
];
export const LAST_NAMES = [
  'Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Berners-Lee', 'Johnson', 'Ritchie', 'Liskov', 'Thompson',
  'Perlman', 'Cerf', 'Allen', 'McCarthy', 'Lamarr', 'Shannon', 'Goldwasser', 'Borg', 'Dijkstra', 'Spärck Jones',
  'Lamport', 'Wirth', 'Wilson', 'van Rossum', 'Matsumoto', 'Stroustrup', 'Clarke', 'Knuth', 'Bilas', 'Sammet',
  'Keller', 'Boyd', 'Sutherland', 'Dahl', 'Lerdorf', 'Bak', 'Nilsen', 'Raman', 'Mehta', 'Chen', 'Zhang', 'Haddad',
  'Nasser', 'Fernández', 'Rossi', 'Müller', 'Andersson', 'Byrne', 'Murphy', 'Silva',
];
export const COMPANY_PREFIXES = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Cyberdyne', 'Tyrell',
  'Wonka', 'Aperture', 'Massive', 'Oscorp', 'Pied Piper', 'Gringotts', 'Monarch', 'Nakatomi', 'Virtucon', 'Blue Sun',
  'Duff', 'Prestige', 'Sterling', 'Dunder',
];
export const COMPANY_SUFFIXES = ['Logistics', 'Analytics', 'Health', 'Retail', 'Systems', 'Labs', 'Partners', 'Foods', 'Energy', 'Media'];
export const JOB_TITLES = [
  'Head of Operations', 'CFO', 'VP Sales', 'IT Manager', 'Procurement Lead', 'Office Manager', 'CTO', 'Founder',
  'Customer Success Manager', 'Marketing Director', 'Operations Analyst', 'Purchasing Manager',
];
export const CITIES: readonly (readonly [string, string, string])[] = [
  ['Boston', 'United States', '+1617'],
  ['Austin', 'United States', '+1512'],
  ['Toronto', 'Canada', '+1416'],
  ['London', 'United Kingdom', '+4420'],
  ['Dublin', 'Ireland', '+3531'],
  ['Berlin', 'Germany', '+4930'],
  ['Paris', 'France', '+331'],
  ['Sydney', 'Australia', '+612'],
  ['Madrid', 'Spain', '+3491'],
  ['Tokyo', 'Japan', '+813'],
];
export const PRODUCTS = ['Platform licence', 'Onboarding package', 'Support renewal', 'Analytics add-on', 'Enterprise upgrade', 'Pilot'];
export const CALL_TOPICS = [
  'Intro call', 'Discovery', 'Pricing questions', 'Renewal check-in', 'Onboarding follow-up', 'Demo recap',
  'Contract review', 'Support escalation', 'Quarterly business review', 'Implementation kickoff', 'Billing question',
  'Feature request follow-up',
];
export const NOTE_LINES = [
  'Walked through the current setup and pain points.',
  'Customer wants a proposal by the end of the week.',
  'Budget is approved for next quarter.',
  'Needs sign-off from the finance team before moving ahead.',
  'Asked for a second demo with the technical team.',
  'Raised concerns about data migration timelines.',
  'Happy with support response times so far.',
  'Interested in the analytics add-on.',
  'Requested references from similar companies.',
  'Will loop in procurement next week.',
  'Left details about the new pricing tiers.',
  'Agreed on next steps and a follow-up date.',
];
export const TICKET_SUBJECTS = [
  'Cannot export report', 'Invoice shows wrong amount', 'Login fails with SSO', 'Request: bulk edit calls',
  'Sync delayed by several hours', 'Recording does not play', 'Add new user seats', 'Question about API limits',
];
