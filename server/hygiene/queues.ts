/**
 * The "Needs attention" queues (issue 14), one home for their rules: what each is called, the rule as a user
 * reads it, and how it is computed: HubSpot's search (a filter, counted in one request) where search can
 * express the rule, else a classifier over a scan of every call (classify.ts).
 */

export const QUEUE_IDS = [
  'no-outcome',
  'unknown-outcome',
  'no-association',
  'placeholder-contact',
  'no-owner',
  'zero-duration',
  'duplicates',
  'missed-no-callback',
] as const;
export type QueueId = (typeof QUEUE_IDS)[number];

interface SearchFilter {
  propertyName: string;
  operator: 'EQ' | 'NEQ' | 'IN' | 'NOT_IN' | 'HAS_PROPERTY' | 'NOT_HAS_PROPERTY' | 'GT' | 'GTE' | 'LT' | 'LTE';
  value?: string;
  values?: string[];
}
export interface FilterGroup {
  filters: SearchFilter[];
}

/** What the search rules need to know about the account. */
export interface AccountFacts {
  /** Ids of the outcomes the account offers today (HubSpot's dispositions, not archived). */
  activeOutcomeIds: readonly string[];
  /** Ids of the owners HubSpot lists with `archived=true` (deactivated users). */
  deactivatedOwnerIds: readonly string[];
}

export interface QueueDefinition {
  id: QueueId;
  title: string;
  /** The rule in a sentence, shown with the queue. */
  rule: string;
  source: 'search' | 'scan';
}

/** How many days after a missed inbound call a call back counts, unless the user says otherwise. */
export const DEFAULT_CALLBACK_DAYS = 2;
/** Two calls with the same numbers, direction and owner this close together are probable duplicates. */
export const DUPLICATE_WINDOW_MS = 10_000;

/** Statuses of an inbound call nobody answered; a voicemail left counts too. */
export const MISSED_STATUSES: readonly string[] = ['NO_ANSWER', 'BUSY', 'MISSED'];

export const QUEUES: readonly QueueDefinition[] = [
  { id: 'no-outcome', title: 'No outcome', rule: 'Calls with no outcome set.', source: 'search' },
  {
    id: 'unknown-outcome',
    title: 'Archived or unknown outcome',
    rule: 'Calls whose outcome is not one of the account’s current outcomes: it was archived, or it is unknown to the account.',
    source: 'search',
  },
  {
    id: 'no-association',
    title: 'No contact or company',
    rule: 'Calls not associated with any contact or company (deals and tickets do not count).',
    source: 'scan',
  },
  {
    id: 'placeholder-contact',
    title: 'Placeholder contact',
    rule: 'Calls associated with a contact that has no name, a name that is just a phone number, or a dialer’s default name such as “Caller …”, “New contact” or “Unknown”.',
    source: 'scan',
  },
  {
    id: 'no-owner',
    title: 'No owner or deactivated owner',
    rule: 'Calls with no owner, or owned by a user HubSpot lists as deactivated (archived owner).',
    source: 'search',
  },
  {
    id: 'zero-duration',
    title: 'Completed with zero duration',
    rule: 'Calls with status Completed and a duration of zero or none.',
    source: 'search',
  },
  {
    id: 'duplicates',
    title: 'Probable duplicates',
    rule: `Calls with the same external id, or with the same from and to numbers, direction and owner within ${DUPLICATE_WINDOW_MS / 1000} seconds of each other; grouped.`,
    source: 'scan',
  },
  {
    id: 'missed-no-callback',
    title: 'Missed calls with no call back',
    rule: 'Inbound calls with status No answer, Busy or Missed, or with a voicemail, and no outbound call to that number within N days after (N is your choice), unless marked handled.',
    source: 'scan',
  },
];

export function isQueueId(id: string): id is QueueId {
  return (QUEUE_IDS as readonly string[]).includes(id);
}

/**
 * The search filters of a search-expressible queue (groups are ORed, filters in a group ANDed), or null for a
 * queue search cannot express. The same filters list the queue's calls in the browser.
 */
export function searchFilterGroups(id: QueueId, facts: AccountFacts): FilterGroup[] | null {
  switch (id) {
    case 'no-outcome':
      return [{ filters: [{ propertyName: 'hs_call_disposition', operator: 'NOT_HAS_PROPERTY' }] }];
    case 'unknown-outcome': {
      const has = { propertyName: 'hs_call_disposition', operator: 'HAS_PROPERTY' } as const;
      // Search's string NOT_IN values must be lowercase (HubSpot's search guide); outcome ids are GUIDs.
      const ids = facts.activeOutcomeIds.map((o) => o.toLowerCase());
      return [{ filters: ids.length ? [has, { propertyName: 'hs_call_disposition', operator: 'NOT_IN', values: ids }] : [has] }];
    }
    case 'no-owner': {
      const groups: FilterGroup[] = [{ filters: [{ propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' }] }];
      if (facts.deactivatedOwnerIds.length) {
        groups.push({ filters: [{ propertyName: 'hubspot_owner_id', operator: 'IN', values: [...facts.deactivatedOwnerIds] }] });
      }
      return groups;
    }
    case 'zero-duration': {
      const completed = { propertyName: 'hs_call_status', operator: 'EQ', value: 'COMPLETED' } as const;
      return [
        { filters: [completed, { propertyName: 'hs_call_duration', operator: 'EQ', value: '0' }] },
        { filters: [completed, { propertyName: 'hs_call_duration', operator: 'NOT_HAS_PROPERTY' }] },
      ];
    }
    default:
      return null;
  }
}
