/**
 * HubSpot serves the same CRM behaviour under several families of paths: the legacy v3/v4 ones
 * and the date-versioned ones (`/crm/objects/2026-09/...`). A family is what its published spec
 * says differently about the answers; the sub-apps take one and app.ts mounts each family.
 */
export interface ApiFamily {
  /**
   * A batch with failed inputs answers 207 (v3, v4 and 2026-03 list it). 2026-09 lists no 207:
   * such a batch answers the operation's success status, with `errors` in the body.
   */
  multiStatus: boolean;
  /** Success status of association `batch/create`: 201 in v4 and 2026-03, 200 in 2026-09. */
  associationCreateStatus: 200 | 201;
  /** Association `batch/archive` and `batch/labels/archive` answer 200 with a batch response (v4: 204, no body). */
  archiveAnswersBatch: boolean;
  /** `GET /{objectType}/{objectId}/associations/{toObjectType}` exists (v4 and 2026-03; 2026-09's spec has none). */
  recordAssociationList: boolean;
  /** Label lists name `fromObjectTypeId`/`toObjectTypeId` (2026-03 as `/crm/associations/v4`; 2026-09's schema has neither). */
  labelTypeIds: boolean;
}

/** The seed's paths: `/crm/v3/objects`, `/crm/v4/...`, `/crm/v3/properties`, `/crm/v3/owners`. */
export const LEGACY: ApiFamily = {
  multiStatus: true,
  associationCreateStatus: 201,
  archiveAnswersBatch: false,
  recordAssociationList: true,
  labelTypeIds: true,
};

/** The date-versioned families served, by their version segment (`/crm/objects/{version}/...`). */
export const DATED_FAMILIES: Readonly<Record<string, ApiFamily>> = {
  '2026-03': { ...LEGACY, archiveAnswersBatch: true },
  '2026-09': { multiStatus: false, associationCreateStatus: 200, archiveAnswersBatch: true, recordAssociationList: false, labelTypeIds: false },
};
