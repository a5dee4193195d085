/**
 * Our own response schemas for the mock's HTTP contract (zod). They follow HubSpot's published
 * specs, tightened where the specs leave room (ids are numeric strings, timestamps are ISO-8601
 * UTC, property values are strings, correlation ids are UUIDs). Every test body is checked with
 * these, whether or not ../shared is present.
 */
import { z } from 'zod';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a UUID');
const isoUtc = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'an ISO-8601 UTC date-time');
const numericId = z.string().regex(/^\d+$/, 'a numeric id string');

const valueWithTimestamp = z.object({
  value: z.string(),
  timestamp: isoUtc,
  sourceType: z.string().min(1),
  sourceId: z.string().optional(),
  sourceLabel: z.string().optional(),
  updatedByUserId: z.number().int().optional(),
});

const nextPaging = z.object({
  next: z.object({ after: z.string().min(1), link: z.string().optional() }),
});

const associatedId = z.object({ id: numericId, type: z.string().min(1) });

export const hubSpotObject = z.object({
  id: numericId,
  properties: z.record(z.string(), z.string()),
  propertiesWithHistory: z.record(z.string(), z.array(valueWithTimestamp)).optional(),
  createdAt: isoUtc,
  updatedAt: isoUtc,
  archived: z.boolean(),
  archivedAt: isoUtc.optional(),
  associations: z
    .record(z.string(), z.object({ results: z.array(associatedId), paging: nextPaging.optional() }))
    .optional(),
});
export type HubSpotObject = z.infer<typeof hubSpotObject>;

const upsertObject = hubSpotObject.extend({ new: z.boolean() });

export const listPage = z.object({ results: z.array(hubSpotObject), paging: nextPaging.optional() });
export const searchPage = z.object({
  total: z.number().int().nonnegative(),
  results: z.array(hubSpotObject),
  paging: nextPaging.optional(),
});

const errorDetail = z.object({
  message: z.string().min(1),
  in: z.string().optional(),
  code: z.string().optional(),
  subCategory: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
});

/** HubSpot's error body (spec `Error` plus the `status: "error"` real bodies carry). */
export const errorBody = z.object({
  status: z.literal('error'),
  message: z.string().min(1),
  correlationId: uuid,
  category: z.string().min(1),
  subCategory: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
  links: z.record(z.string(), z.string()).optional(),
  errors: z.array(errorDetail).optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** A per-item error inside a 207 batch answer (spec `StandardError`). */
const standardError = z.object({
  status: z.string().min(1),
  category: z.string().min(1),
  message: z.string().min(1),
  context: z.record(z.string(), z.array(z.string())),
  errors: z.array(errorDetail),
  links: z.record(z.string(), z.string()),
  id: z.string().optional(),
  subCategory: z.record(z.string(), z.unknown()).optional(),
});

const batchStatus = z.enum(['CANCELED', 'COMPLETE', 'PENDING', 'PROCESSING']);

function batchResponse<T extends z.ZodType>(item: T) {
  return z.object({
    status: batchStatus,
    results: z.array(item),
    requestedAt: isoUtc.optional(),
    startedAt: isoUtc,
    completedAt: isoUtc,
    links: z.record(z.string(), z.string()).optional(),
    numErrors: z.number().int().optional(),
    errors: z.array(standardError).optional(),
  });
}
export const batchObjects = batchResponse(hubSpotObject);
/** A batch answer without results (date-versioned association archives). */
export const batchVoid = batchResponse(z.never());
export const batchUpsert = batchResponse(upsertObject);

/** 429 body as HubSpot sends it (no `category`, so not a spec `Error`). */
export const rateLimitBody = z.object({
  status: z.literal('error'),
  message: z.string().min(1),
  errorType: z.literal('RATE_LIMIT'),
  correlationId: uuid,
  policyName: z.string().min(1),
});

// --- associations ---------------------------------------------------------------------------

const associationType = z.object({
  category: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED', 'WORK']),
  typeId: z.number().int(),
  label: z.string().optional(),
});
const v4AssociatedObject = z.object({ toObjectId: numericId, associationTypes: z.array(associationType).min(1) });
export const v4AssociationPage = z.object({ results: z.array(v4AssociatedObject), paging: nextPaging.optional() });

export const labelsBetweenObjectPair = z.object({
  fromObjectTypeId: z.string().min(1),
  fromObjectId: numericId,
  toObjectTypeId: z.string().min(1),
  toObjectId: numericId,
  labels: z.array(z.string()),
});

export const defaultAssociationBatch = batchResponse(
  z.object({
    from: z.object({ id: numericId }),
    to: z.object({ id: numericId }),
    associationSpec: z.object({ associationCategory: z.string(), associationTypeId: z.number().int() }),
  }),
);

export const v4BatchRead = batchResponse(
  z.object({ from: z.object({ id: numericId }), to: z.array(v4AssociatedObject), paging: nextPaging.optional() }),
);
export const v4BatchCreate = batchResponse(labelsBetweenObjectPair);

export const labelList = z.object({
  results: z.array(
    z.object({
      category: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED', 'WORK']),
      typeId: z.number().int(),
      label: z.string().optional(),
    }),
  ),
});

// --- metadata -------------------------------------------------------------------------------

const propertyOption = z.object({
  label: z.string(),
  value: z.string(),
  description: z.string().optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean(),
});
export const propertyDefinition = z.object({
  name: z.string().min(1),
  label: z.string().min(1),
  type: z.enum(['bool', 'date', 'datetime', 'enumeration', 'number', 'phone_number', 'string']),
  fieldType: z.enum([
    'booleancheckbox',
    'calculation_equation',
    'checkbox',
    'date',
    'file',
    'html',
    'number',
    'phonenumber',
    'radio',
    'select',
    'text',
    'textarea',
  ]),
  groupName: z.string().min(1),
  description: z.string(),
  options: z.array(propertyOption),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  hubspotDefined: z.boolean().optional(),
  modificationMetadata: z
    .object({
      archivable: z.boolean(),
      readOnlyDefinition: z.boolean(),
      readOnlyValue: z.boolean(),
      readOnlyOptions: z.boolean().optional(),
    })
    .optional(),
});
export const propertyList = z.object({ results: z.array(propertyDefinition) });
export const propertyBatch = batchResponse(propertyDefinition);
export const propertyGroup = z.object({ name: z.string().min(1), label: z.string().min(1), displayOrder: z.number().int().optional(), archived: z.boolean() });
export const propertyGroupList = z.object({ results: z.array(propertyGroup) });

export const owner = z.object({
  id: numericId,
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  userId: z.number().int().optional(),
  type: z.enum(['PERSON', 'QUEUE']),
  createdAt: isoUtc,
  updatedAt: isoUtc,
  archived: z.boolean(),
});
export const ownerPage = z.object({ results: z.array(owner), paging: nextPaging.optional() });

export const dispositionList = z.array(z.object({ id: z.string().min(1), label: z.string().min(1), deleted: z.boolean() }));

/** `GET /account-info/{v3,2026-09}/details` (spec `PortalInformationResponse`). */
export const accountDetails = z.object({
  portalId: z.number().int().positive(),
  accountType: z.enum(['APP_DEVELOPER', 'DEVELOPER_TEST', 'SANDBOX', 'STANDARD']),
  timeZone: z.string().min(1),
  companyCurrency: z.string().length(3),
  additionalCurrencies: z.array(z.string().length(3)),
  dataHostingLocation: z.string().min(1),
  uiDomain: z.string().min(1),
  utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/),
  utcOffsetMilliseconds: z.number().int(),
});

/** A transcript (spec `TranscriptResponse`; utterance ids are numeric strings here). */
export const transcript = z.object({
  id: numericId,
  engagementId: z.number().int().positive(),
  transcriptSource: z.enum(['HUBSPOT_GENERATED', 'INTEGRATOR_GENERATED']),
  transcriptUtterances: z.array(
    z.object({
      id: numericId,
      speaker: z.object({ id: z.string(), name: z.string(), email: z.string().optional() }).optional(),
      text: z.string(),
      startTimeMillis: z.number().int().nonnegative(),
      endTimeMillis: z.number().int().positive(),
      languageCode: z.string().optional(),
    }),
  ),
  createdAt: isoUtc,
  updatedAt: isoUtc,
});
export const transcriptCreated = z.object({ id: numericId });
/** The dispositions API (2027-03-beta): one call outcome, and the list. */
export const dispositionBeta = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  displayOrder: z.number().int().min(0),
  custom: z.boolean(),
  archived: z.boolean(),
  createdAt: isoUtc,
  updatedAt: isoUtc,
});
export const dispositionBetaList = z.object({ results: z.array(dispositionBeta) });
