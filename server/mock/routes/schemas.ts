import { z } from 'zod';
import { OPERATORS } from '../crm/search.js';

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const idString = z.union([z.string(), z.number()]).transform((v) => String(v));
export const propertiesInput = z.record(z.string(), value);

export const associationSpec = z.object({
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'INTEGRATOR_DEFINED', 'USER_DEFINED', 'WORK']),
  associationTypeId: z.number().int(),
});
const objectId = z.object({ id: idString });

export const createInput = z.object({
  properties: propertiesInput,
  associations: z
    .array(z.object({ to: objectId, types: z.array(associationSpec) }))
    .optional(),
  objectWriteTraceId: z.string().optional(),
});
export const updateInput = z.object({ properties: propertiesInput, objectWriteTraceId: z.string().optional() });

export const batchReadInput = z.object({
  inputs: z.array(objectId),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
});
export const batchCreateInput = z.object({ inputs: z.array(createInput) });
export const batchUpdateInput = z.object({
  inputs: z.array(z.object({ id: idString, properties: propertiesInput, idProperty: z.string().optional(), objectWriteTraceId: z.string().optional() })),
});
export const batchArchiveInput = z.object({ inputs: z.array(objectId) });

const filter = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(OPERATORS),
  value: scalar.optional(),
  highValue: scalar.optional(),
  values: z.array(scalar).optional(),
});
const sort = z.union([
  z.string(),
  z.object({ propertyName: z.string().min(1), direction: z.string().optional() }),
]);
export const searchInput = z.object({
  filterGroups: z.array(z.object({ filters: z.array(filter) })).optional(),
  sorts: z.array(sort).optional(),
  query: z.string().optional(),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().optional(),
  after: z.union([z.string(), z.number()]).optional(),
});

export const v4SpecsBody = z.array(associationSpec);
export const v4BatchRead = z.object({ inputs: z.array(z.object({ id: idString, after: z.string().optional() })) });
export const v4BatchCreate = z.object({ inputs: z.array(z.object({ from: objectId, to: objectId, types: z.array(associationSpec) })) });
export const v4BatchDefault = z.object({ inputs: z.array(z.object({ from: objectId, to: objectId })) });
export const v4BatchArchive = z.object({ inputs: z.array(z.object({ from: objectId, to: z.array(objectId) })) });
export const labelCreate = z.object({ name: z.string().min(1), label: z.string().min(1), inverseLabel: z.string().optional() });
export const labelUpdate = z.object({ associationTypeId: z.number().int(), label: z.string().min(1), inverseLabel: z.string().optional() });
// call outcomes (dispositions API, 2027-03-beta): create, and rename / reorder / archive
const dispositionLabel = z.string().trim().min(1).max(100);
export const dispositionCreate = z.object({ label: dispositionLabel, displayOrder: z.number().int().min(0).optional() });
export const dispositionUpdate = z.object({
  label: dispositionLabel.optional(),
  displayOrder: z.number().int().min(0).optional(),
  archived: z.boolean().optional(),
});

export const v3BatchAssoc = z.object({ inputs: z.array(z.object({ from: objectId, to: objectId, type: z.string().min(1) })) });
export const v3BatchRead = z.object({ inputs: z.array(objectId) });
export const propertiesBatchRead = z.object({ inputs: z.array(z.object({ name: z.string() })), archived: z.boolean().optional() });

/** HubSpot's int32 millisecond offsets (2026-09 spec) from the start of the call. */
const callOffsetMillis = z.number().int().min(0).max(2_147_483_647);
export const transcriptCreate = z.object({
  // the id of a call; HubSpot's JSON reader also takes it as a numeric string
  engagementId: z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,15}$/).transform(Number)]),
  transcriptCreateUtterances: z
    .array(
      z.object({
        speaker: z.object({ id: idString, name: z.string(), email: z.string().optional() }),
        text: z.string(),
        startTimeMillis: callOffsetMillis,
        endTimeMillis: callOffsetMillis,
        languageCode: z.string().optional(),
      }),
    )
    .min(1),
});
