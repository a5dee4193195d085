/** The static property catalog: each type's property definitions, option lists and groups. */
import type { ObjectTypeName } from '../store/types.js';

type PropertyType = 'string' | 'number' | 'datetime' | 'date' | 'enumeration' | 'bool' | 'phone_number';
type FieldType =
  | 'text'
  | 'textarea'
  | 'html'
  | 'number'
  | 'date'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'booleancheckbox'
  | 'phonenumber'
  | 'calculation_equation'
  | 'file';

interface PropertyOption {
  label: string;
  value: string;
  description?: string;
  displayOrder: number;
  hidden: boolean;
}

/** Internal definition (the HTTP shape is built by propertyToJson). */
export interface PropertyDef {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: FieldType;
  groupName: string;
  description: string;
  options: PropertyOption[];
  readOnly: boolean;
  hidden: boolean;
  hasUniqueValue: boolean;
  calculated: boolean;
  displayOrder: number;
  /** Only whole numbers are valid (number type). */
  integer?: boolean;
  /** Smallest valid value (number type). */
  min?: number;
  /** Only https URLs are valid (string type). */
  httpsUrl?: boolean;
  email?: boolean;
  referencedObjectType?: string;
  /** Where the options come from at runtime. */
  dynamicOptions?: 'owners' | 'dispositions';
}

export interface PropertyGroupDef {
  name: string;
  label: string;
  displayOrder: number;
}


type Spec = Partial<PropertyDef> & Pick<PropertyDef, 'name' | 'label' | 'type'>;

function opts(pairs: readonly (readonly [string, string])[]): PropertyOption[] {
  return pairs.map(([value, label], i) => ({ label, value, displayOrder: i, hidden: false }));
}

const FIELD_FOR: Record<PropertyType, FieldType> = {
  string: 'text',
  number: 'number',
  datetime: 'date',
  date: 'date',
  enumeration: 'select',
  bool: 'booleancheckbox',
  phone_number: 'phonenumber',
};

function build(groupName: string, specs: Spec[]): PropertyDef[] {
  return specs.map((s, i) => ({
    fieldType: FIELD_FOR[s.type],
    groupName,
    description: '',
    options: s.type === 'bool' ? opts([['true', 'Yes'], ['false', 'No']]) : [],
    readOnly: false,
    hidden: false,
    hasUniqueValue: false,
    calculated: false,
    displayOrder: i,
    ...s,
  }));
}

const SYSTEM_COMMON: Spec[] = [
  { name: 'hs_object_id', label: 'Record ID', type: 'number', readOnly: true, description: 'The unique ID for this record. This value is set automatically by HubSpot.' },
  { name: 'hs_created_by_user_id', label: 'Created by user ID', type: 'number', readOnly: true },
  { name: 'hs_updated_by_user_id', label: 'Updated by user ID', type: 'number', readOnly: true },
];

const OWNER: Spec = {
  name: 'hubspot_owner_id',
  label: 'Activity assigned to',
  type: 'enumeration',
  fieldType: 'select',
  referencedObjectType: 'OWNER',
  dynamicOptions: 'owners',
  description: 'The user assigned to this record.',
};

const PINNED: Spec = {
  name: 'hs_pinned_engagement_id',
  label: 'Pinned engagement ID',
  type: 'number',
  integer: true,
  description: 'The ID of the activity pinned to the top of this record’s timeline. It must be associated with the record.',
};

const CALL_STATUS_OPTIONS = [
  ['BUSY', 'Busy'],
  ['CALLING_CRM_USER', 'Calling CRM user'],
  ['CANCELED', 'Canceled'],
  ['COMPLETED', 'Completed'],
  ['CONNECTING', 'Connecting'],
  ['FAILED', 'Failed'],
  ['IN_PROGRESS', 'In progress'],
  ['NO_ANSWER', 'No answer'],
  ['QUEUED', 'Queued'],
  ['RINGING', 'Ringing'],
  // HubSpot's property docs and calling SDK: a missed inbound call (with hs_call_has_voicemail when one was left)
  ['MISSED', 'Missed'],
] as const;

/**
 * Where calls come from. HubSpot documents only INTEGRATIONS_PLATFORM (calls guide); VOIP is the value
 * integrators filter on for HubSpot's own VoIP calls [observed]; ZOOM is our choice (not published).
 */
const CALL_SOURCE_OPTIONS = [
  ['INTEGRATIONS_PLATFORM', 'Integrations platform'],
  ['VOIP', 'VoIP'],
  ['ZOOM', 'Zoom'],
] as const;

/** The account's call types: HubSpot's calls guide creates its example call as a "Phone Call". */
const ACTIVITY_TYPE_OPTIONS = [
  ['Phone Call', 'Phone Call'],
  ['Discovery call', 'Discovery call'],
  ['Demo', 'Demo'],
  ['Follow-up', 'Follow-up'],
  ['Check-in', 'Check-in'],
  ['Negotiation', 'Negotiation'],
  ['Support', 'Support'],
] as const;

const CALL_PROPERTIES: PropertyDef[] = [
  ...build('call_information', [
    { name: 'hs_call_title', label: 'Call title', type: 'string', description: 'The title of the call.' },
    { name: 'hs_call_body', label: 'Call notes', type: 'string', fieldType: 'html', description: 'The notes of the call (HTML).' },
    { name: 'hs_call_direction', label: 'Call direction', type: 'enumeration', options: opts([['INBOUND', 'Inbound'], ['OUTBOUND', 'Outbound']]) },
    {
      name: 'hs_call_disposition',
      label: 'Call outcome',
      type: 'enumeration',
      dynamicOptions: 'dispositions',
      description: 'The outcome of the call. Values are the account’s call outcome GUIDs.',
    },
    { name: 'hs_call_status', label: 'Call status', type: 'enumeration', options: opts(CALL_STATUS_OPTIONS) },
    { name: 'hs_call_duration', label: 'Call duration', type: 'number', integer: true, min: 0, description: 'The duration of the call in milliseconds.' },
    { name: 'hs_call_from_number', label: 'From number', type: 'phone_number' },
    { name: 'hs_call_to_number', label: 'To number', type: 'phone_number' },
    { name: 'hs_call_recording_url', label: 'Recording URL', type: 'string', httpsUrl: true, description: 'The URL of the call recording (HTTPS only).' },
    { name: 'hs_call_has_voicemail', label: 'Has voicemail', type: 'bool' },
    { name: 'hs_call_source', label: 'Call source', type: 'enumeration', options: opts(CALL_SOURCE_OPTIONS) },
    { name: 'hs_call_callee_object_id', label: 'Callee object ID', type: 'number', integer: true },
    { name: 'hs_call_callee_object_type', label: 'Callee object type', type: 'enumeration', options: opts([['CONTACT', 'Contact'], ['COMPANY', 'Company']]) },
    // What integrations send today (notes §13); with hs_call_source INTEGRATIONS_PLATFORM the external
    // ids and the app id let HubSpot fetch an authenticated recording (recordings and transcripts guide).
    { name: 'hs_call_callee_object_type_id', label: 'Callee object type ID', type: 'string', description: 'The object type ID of the callee, e.g. 0-1 (contact) or 0-2 (company).' },
    { name: 'hs_call_external_id', label: 'External call ID', type: 'string', description: 'The ID of the call in the calling app.' },
    { name: 'hs_call_external_account_id', label: 'External account ID', type: 'string', description: 'The ID of the account in the calling app.' },
    { name: 'hs_call_app_id', label: 'Calling app ID', type: 'string', description: 'The ID of the calling app that logged the call.' },
    { name: 'hs_call_summary', label: 'Call summary', type: 'string', fieldType: 'textarea', description: 'A summary of the call.' },
    { name: 'hs_call_has_transcript', label: 'Has transcript', type: 'bool' },
    { name: 'hs_call_transcription_id', label: 'Transcription ID', type: 'string' },
    { name: 'hs_call_recording_duration', label: 'Recording duration', type: 'number', integer: true, min: 0, description: 'The duration of the recording in milliseconds.' },
    { name: 'hs_call_video_recording_url', label: 'Video recording URL', type: 'string', httpsUrl: true, description: 'The URL of the video recording (HTTPS only).' },
    {
      name: 'hs_body_preview',
      label: 'Body preview',
      type: 'string',
      fieldType: 'textarea',
      readOnly: true,
      calculated: true,
      description: 'A plain-text preview of the call notes. This value is set automatically by HubSpot.',
    },
  ]),
  ...build('engagement', [
    { name: 'hs_timestamp', label: 'Activity date', type: 'datetime', description: 'The date and time the call happened (required).' },
    OWNER,
    { name: 'hs_activity_type', label: 'Call and meeting type', type: 'enumeration', options: opts(ACTIVITY_TYPE_OPTIONS) },
    { name: 'hs_attachment_ids', label: 'Attached file IDs', type: 'string', description: 'Semicolon-separated IDs of attached files.' },
  ]),
  ...build('system', [
    ...SYSTEM_COMMON,
    { name: 'hs_createdate', label: 'Create date', type: 'datetime', readOnly: true },
    { name: 'hs_lastmodifieddate', label: 'Last modified date', type: 'datetime', readOnly: true },
  ]),
];

const LIFECYCLE_OPTIONS = [
  ['subscriber', 'Subscriber'],
  ['lead', 'Lead'],
  ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
  ['evangelist', 'Evangelist'],
  ['other', 'Other'],
] as const;

const CONTACT_PROPERTIES: PropertyDef[] = [
  ...build('contactinformation', [
    { name: 'firstname', label: 'First Name', type: 'string' },
    { name: 'lastname', label: 'Last Name', type: 'string' },
    { name: 'email', label: 'Email', type: 'string', email: true, hasUniqueValue: true },
    { name: 'phone', label: 'Phone Number', type: 'phone_number' },
    { name: 'mobilephone', label: 'Mobile Phone Number', type: 'phone_number' },
    {
      name: 'hs_searchable_calculated_phone_number',
      label: 'Phone Number (searchable)',
      type: 'string',
      fieldType: 'calculation_equation',
      readOnly: true,
      calculated: true,
      hidden: true,
      description: 'The phone number without its country code, digits only, for search. This value is set automatically by HubSpot.',
    },
    {
      name: 'hs_searchable_calculated_mobile_number',
      label: 'Mobile Phone Number (searchable)',
      type: 'string',
      fieldType: 'calculation_equation',
      readOnly: true,
      calculated: true,
      hidden: true,
      description: 'The mobile phone number without its country code, digits only, for search. This value is set automatically by HubSpot.',
    },
    { name: 'company', label: 'Company Name', type: 'string' },
    { name: 'jobtitle', label: 'Job Title', type: 'string' },
    { name: 'city', label: 'City', type: 'string' },
    { name: 'country', label: 'Country/Region', type: 'string' },
    { name: 'lifecyclestage', label: 'Lifecycle Stage', type: 'enumeration', fieldType: 'radio', options: opts(LIFECYCLE_OPTIONS) },
    { ...OWNER, label: 'Contact owner' },
    PINNED,
  ]),
  ...build('system', [
    ...SYSTEM_COMMON,
    { name: 'createdate', label: 'Create Date', type: 'datetime', readOnly: true },
    { name: 'lastmodifieddate', label: 'Last Modified Date', type: 'datetime', readOnly: true },
  ]),
];

const INDUSTRY_OPTIONS = [
  ['COMPUTER_SOFTWARE', 'Computer Software'],
  ['FINANCIAL_SERVICES', 'Financial Services'],
  ['HOSPITAL_HEALTH_CARE', 'Hospital & Health Care'],
  ['RETAIL', 'Retail'],
  ['LOGISTICS_AND_SUPPLY_CHAIN', 'Logistics and Supply Chain'],
  ['EDUCATION_MANAGEMENT', 'Education Management'],
  ['CONSTRUCTION', 'Construction'],
  ['TELECOMMUNICATIONS', 'Telecommunications'],
] as const;

const COMPANY_PROPERTIES: PropertyDef[] = [
  ...build('companyinformation', [
    { name: 'name', label: 'Company name', type: 'string' },
    { name: 'domain', label: 'Company Domain Name', type: 'string' },
    { name: 'website', label: 'Website URL', type: 'string' },
    { name: 'phone', label: 'Phone Number', type: 'phone_number' },
    { name: 'industry', label: 'Industry', type: 'enumeration', options: opts(INDUSTRY_OPTIONS) },
    { name: 'city', label: 'City', type: 'string' },
    { name: 'country', label: 'Country/Region', type: 'string' },
    { name: 'numberofemployees', label: 'Number of Employees', type: 'number', integer: true },
    { ...OWNER, label: 'Company owner' },
    PINNED,
  ]),
  ...build('system', [
    ...SYSTEM_COMMON,
    { name: 'createdate', label: 'Create Date', type: 'datetime', readOnly: true },
    { name: 'hs_lastmodifieddate', label: 'Last Modified Date', type: 'datetime', readOnly: true },
  ]),
];

const DEAL_STAGE_OPTIONS = [
  ['appointmentscheduled', 'Appointment Scheduled'],
  ['qualifiedtobuy', 'Qualified To Buy'],
  ['presentationscheduled', 'Presentation Scheduled'],
  ['decisionmakerboughtin', 'Decision Maker Bought-In'],
  ['contractsent', 'Contract Sent'],
  ['closedwon', 'Closed Won'],
  ['closedlost', 'Closed Lost'],
] as const;

const DEAL_PROPERTIES: PropertyDef[] = [
  ...build('dealinformation', [
    { name: 'dealname', label: 'Deal Name', type: 'string' },
    { name: 'amount', label: 'Amount', type: 'number' },
    { name: 'closedate', label: 'Close Date', type: 'datetime' },
    { name: 'pipeline', label: 'Pipeline', type: 'enumeration', options: opts([['default', 'Sales Pipeline']]) },
    { name: 'dealstage', label: 'Deal Stage', type: 'enumeration', options: opts(DEAL_STAGE_OPTIONS) },
    { name: 'description', label: 'Deal Description', type: 'string', fieldType: 'textarea' },
    { ...OWNER, label: 'Deal owner' },
    PINNED,
  ]),
  ...build('system', [
    ...SYSTEM_COMMON,
    { name: 'createdate', label: 'Create Date', type: 'datetime', readOnly: true },
    { name: 'hs_lastmodifieddate', label: 'Last Modified Date', type: 'datetime', readOnly: true },
  ]),
];

const TICKET_STAGE_OPTIONS = [
  ['1', 'New'],
  ['2', 'Waiting on contact'],
  ['3', 'Waiting on us'],
  ['4', 'Closed'],
] as const;

const TICKET_PROPERTIES: PropertyDef[] = [
  ...build('ticketinformation', [
    { name: 'subject', label: 'Ticket name', type: 'string' },
    { name: 'content', label: 'Ticket description', type: 'string', fieldType: 'textarea' },
    { name: 'hs_pipeline', label: 'Pipeline', type: 'enumeration', options: opts([['0', 'Support Pipeline']]) },
    { name: 'hs_pipeline_stage', label: 'Ticket status', type: 'enumeration', options: opts(TICKET_STAGE_OPTIONS) },
    {
      name: 'hs_ticket_priority',
      label: 'Priority',
      type: 'enumeration',
      options: opts([['LOW', 'Low'], ['MEDIUM', 'Medium'], ['HIGH', 'High'], ['URGENT', 'Urgent']]),
    },
    {
      name: 'hs_ticket_category',
      label: 'Category',
      type: 'enumeration',
      fieldType: 'checkbox',
      options: opts([
        ['PRODUCT_ISSUE', 'Product issue'],
        ['BILLING_ISSUE', 'Billing issue'],
        ['FEATURE_REQUEST', 'Feature request'],
        ['GENERAL_INQUIRY', 'General inquiry'],
      ]),
    },
    { ...OWNER, label: 'Ticket owner' },
    PINNED,
  ]),
  ...build('system', [
    ...SYSTEM_COMMON,
    { name: 'createdate', label: 'Create date', type: 'datetime', readOnly: true },
    { name: 'hs_lastmodifieddate', label: 'Last modified date', type: 'datetime', readOnly: true },
  ]),
];

export const PROPERTY_DEFINITIONS: Record<ObjectTypeName, PropertyDef[]> = {
  calls: CALL_PROPERTIES,
  contacts: CONTACT_PROPERTIES,
  companies: COMPANY_PROPERTIES,
  deals: DEAL_PROPERTIES,
  tickets: TICKET_PROPERTIES,
};

export const PROPERTY_GROUPS: Record<ObjectTypeName, PropertyGroupDef[]> = {
  calls: [
    { name: 'call_information', label: 'Call information', displayOrder: 0 },
    { name: 'engagement', label: 'Activity information', displayOrder: 1 },
    { name: 'system', label: 'System information', displayOrder: 2 },
  ],
  contacts: [
    { name: 'contactinformation', label: 'Contact information', displayOrder: 0 },
    { name: 'system', label: 'System information', displayOrder: 1 },
  ],
  companies: [
    { name: 'companyinformation', label: 'Company information', displayOrder: 0 },
    { name: 'system', label: 'System information', displayOrder: 1 },
  ],
  deals: [
    { name: 'dealinformation', label: 'Deal information', displayOrder: 0 },
    { name: 'system', label: 'System information', displayOrder: 1 },
  ],
  tickets: [
    { name: 'ticketinformation', label: 'Ticket information', displayOrder: 0 },
    { name: 'system', label: 'System information', displayOrder: 1 },
  ],
};

