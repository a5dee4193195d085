/** zod schemas for HubSpot's responses: the types of the client layer are inferred from these. */
import * as z from 'zod/mini';

const propertyValueSchema = z.nullable(z.string());

const valueWithTimestampSchema = z.looseObject({
  value: z.string(),
  timestamp: z.string(),
  sourceType: z.string(),
  sourceId: z.optional(z.string()),
  sourceLabel: z.optional(z.string()),
  updatedByUserId: z.optional(z.number()),
});
export type ValueWithTimestamp = z.infer<typeof valueWithTimestampSchema>;

const associatedIdSchema = z.looseObject({ id: z.string(), type: z.string() });

const nextPagingSchema = z.optional(z.looseObject({ next: z.optional(z.looseObject({ after: z.string(), link: z.optional(z.string()) })) }));

export const hubSpotObjectSchema = z.looseObject({
  id: z.string(),
  properties: z.record(z.string(), propertyValueSchema),
  propertiesWithHistory: z.optional(z.record(z.string(), z.array(valueWithTimestampSchema))),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z._default(z.boolean(), false),
  archivedAt: z.optional(z.string()),
  associations: z.optional(z.record(z.string(), z.looseObject({ results: z.array(associatedIdSchema), paging: nextPagingSchema }))),
});
export type HubSpotObject = z.infer<typeof hubSpotObjectSchema>;

export interface Page<T> {
  results: T[];
  nextAfter?: string;
}
export interface SearchPage<T> extends Page<T> {
  total: number;
}

export const collectionSchema = z.looseObject({
  results: z.array(hubSpotObjectSchema),
  paging: nextPagingSchema,
});

export const searchCollectionSchema = z.looseObject({
  total: z.number(),
  results: z.array(hubSpotObjectSchema),
  paging: nextPagingSchema,
});

export const standardErrorSchema = z.looseObject({
  status: z.optional(z.string()),
  category: z.string(),
  message: z.string(),
  context: z.optional(z.record(z.string(), z.array(z.string()))),
  errors: z.optional(z.array(z.looseObject({ message: z.string() }))),
});

export const batchResponseSchema = z.looseObject({
  status: z.string(),
  results: z.array(hubSpotObjectSchema),
  errors: z.optional(z.array(standardErrorSchema)),
  numErrors: z.optional(z.number()),
});

interface BatchError {
  message: string;
  category: string;
  /** The input ids this error is about (from `context.ids`), when HubSpot says. */
  ids: string[];
}
export interface BatchResult<T> {
  results: T[];
  errors: BatchError[];
}

const optionSchema = z.looseObject({
  label: z.string(),
  value: z.string(),
  description: z.optional(z.string()),
  displayOrder: z.optional(z.number()),
  hidden: z._default(z.boolean(), false),
});
export type PropertyOption = z.infer<typeof optionSchema>;

export const propertyDefinitionSchema = z.looseObject({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string(),
  description: z._default(z.string(), ''),
  displayOrder: z.optional(z.number()),
  hidden: z.optional(z.boolean()),
  calculated: z.optional(z.boolean()),
  hubspotDefined: z.optional(z.boolean()),
  options: z._default(z.array(optionSchema), []),
  modificationMetadata: z.optional(z.looseObject({ readOnlyValue: z.optional(z.boolean()) })),
});
export type PropertyDefinition = z.infer<typeof propertyDefinitionSchema>;
export const propertyCollectionSchema = z.looseObject({ results: z.array(propertyDefinitionSchema) });

const propertyGroupSchema = z.looseObject({
  name: z.string(),
  label: z.string(),
  displayOrder: z.optional(z.number()),
  archived: z.optional(z.boolean()),
});
export type PropertyGroupDefinition = z.infer<typeof propertyGroupSchema>;
export const propertyGroupCollectionSchema = z.looseObject({ results: z.array(propertyGroupSchema) });

const ownerSchema = z.looseObject({
  id: z.string(),
  email: z.optional(z.string()),
  firstName: z.optional(z.string()),
  lastName: z.optional(z.string()),
  userId: z.optional(z.number()),
  type: z.optional(z.string()),
  archived: z._default(z.boolean(), false),
});
export type Owner = z.infer<typeof ownerSchema>;
export const ownerCollectionSchema = z.looseObject({ results: z.array(ownerSchema), paging: nextPagingSchema });

/** A call outcome of the account (`hs_call_disposition` GUID and label), from either dispositions API. */
export interface Disposition {
  id: string;
  label: string;
  /** The account archived it: calls may still carry it, but it is no longer offered for new edits. */
  archived: boolean;
}

/** `/calling/v1/dispositions` (legacy): a bare array of the active outcomes; `deleted` is optional. */
export const legacyDispositionListSchema = z.array(z.looseObject({ id: z.string(), label: z.string(), deleted: z._default(z.boolean(), false) }));

/** `/crm/extensions/calling/2027-03-beta/dispositions`: `{ results }`, archived outcomes included on request. */
export const dispositionCollectionSchema = z.looseObject({
  results: z.array(
    z.looseObject({
      id: z.string(),
      label: z.string(),
      displayOrder: z.optional(z.number()),
      custom: z.optional(z.boolean()),
      archived: z._default(z.boolean(), false),
    }),
  ),
});

export const ASSOCIATION_CATEGORIES = ['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED', 'WORK'] as const;
export type AssociationCategory = (typeof ASSOCIATION_CATEGORIES)[number];

const associationTypeSchema = z.looseObject({
  category: z.string(),
  typeId: z.number(),
  label: z.optional(z.nullable(z.string())),
});
export type AssociationType = z.infer<typeof associationTypeSchema>;

const associatedRecordSchema = z.looseObject({
  toObjectId: z.pipe(z.union([z.string(), z.number()]), z.transform(String)),
  associationTypes: z.array(associationTypeSchema),
});
export type AssociatedRecord = z.infer<typeof associatedRecordSchema>;

export const associationBatchReadSchema = z.looseObject({
  status: z.optional(z.string()),
  results: z.array(
    z.looseObject({
      from: z.looseObject({ id: z.string() }),
      to: z.array(associatedRecordSchema),
      paging: nextPagingSchema,
    }),
  ),
  errors: z.optional(z.array(standardErrorSchema)),
});

export const associationLabelListSchema = z.looseObject({ results: z.array(associationTypeSchema) });

/** For 204 answers and bodies the app ignores. */
export const anySchema = z.unknown();
export const noContentSchema = z.pipe(z.unknown(), z.transform(() => undefined));

type FilterOperator =
  | 'EQ' | 'NEQ' | 'LT' | 'LTE' | 'GT' | 'GTE' | 'BETWEEN' | 'IN' | 'NOT_IN'
  | 'HAS_PROPERTY' | 'NOT_HAS_PROPERTY' | 'CONTAINS_TOKEN' | 'NOT_CONTAINS_TOKEN';

export interface SearchFilter {
  propertyName: string;
  operator: FilterOperator;
  value?: string;
  highValue?: string;
  values?: string[];
}
interface SearchSort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}
export interface SearchRequest {
  filterGroups?: { filters: SearchFilter[] }[];
  sorts?: SearchSort[];
  query?: string;
  properties?: readonly string[];
  limit?: number;
  after?: string;
}

export function toPage<T>(data: { results: T[]; paging?: { next?: { after: string } } }): Page<T> {
  const nextAfter = data.paging?.next?.after;
  return nextAfter ? { results: data.results, nextAfter } : { results: data.results };
}

export function toBatchResult(data: z.infer<typeof batchResponseSchema>): BatchResult<HubSpotObject> {
  return {
    results: data.results,
    errors: (data.errors ?? []).map((e) => ({ message: e.message, category: e.category, ids: e.context?.ids ?? [] })),
  };
}
