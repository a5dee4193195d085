import { randomUUID } from 'node:crypto';
import type { DispositionRow, OwnerRow } from '../store/types.js';
import { MockError, badRequest } from './errors.js';
import { decodeCursor, encodeCursor, type CrmContext } from './objects.js';
import { forgetPropertyCatalog } from './properties.js';
import { toIso } from './values.js';

export interface OwnerJson {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  userIdIncludingInactive: number;
  type: 'PERSON' | 'QUEUE';
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  teams: { id: string; name: string; primary: boolean }[];
}

function ownerJson(o: OwnerRow): OwnerJson {
  return {
    id: String(o.id),
    email: o.email,
    firstName: o.firstName,
    lastName: o.lastName,
    userId: o.userId,
    userIdIncludingInactive: o.userId,
    type: o.type,
    createdAt: toIso(o.createdAt),
    updatedAt: toIso(o.updatedAt),
    archived: o.archived,
    teams: o.teams,
  };
}

export function listOwners(
  ctx: CrmContext,
  opts: { email?: string; after?: string; limit: number; archived: boolean; /** the list's path, for paging links */ base: string },
): { results: OwnerJson[]; paging?: { next: { after: string; link: string } } } {
  let rows = ctx.db.owners(opts.archived);
  if (opts.email) {
    const e = opts.email.toLowerCase();
    rows = rows.filter((o) => o.email.toLowerCase() === e);
  }
  if (opts.after) {
    const afterId = decodeCursor(opts.after);
    if (afterId === undefined) throw badRequest(`Invalid paging cursor: ${opts.after}`, [{ message: 'invalid after', code: 'INVALID_AFTER', in: 'after' }]);
    rows = rows.filter((o) => o.id > afterId);
  }
  if (rows.length > opts.limit) {
    const page = rows.slice(0, opts.limit);
    const last = page[page.length - 1];
    if (last) {
      const after = encodeCursor(last.id);
      return { results: page.map(ownerJson), paging: { next: { after, link: `${opts.base}/?after=${after}` } } };
    }
  }
  return { results: rows.map(ownerJson) };
}

export function getOwner(ctx: CrmContext, rawId: string, opts: { idProperty: 'id' | 'userId'; archived: boolean }): OwnerJson {
  const n = Number(rawId);
  const owner = ctx.db.owners(opts.archived).find((o) => (opts.idProperty === 'userId' ? o.userId : o.id) === n);
  if (!owner) {
    throw new MockError(404, 'OBJECT_NOT_FOUND', `Owner ${rawId} not found.`, { context: { id: [rawId] } });
  }
  return ownerJson(owner);
}

/** `/calling/v1/dispositions`: the account's active outcomes, a bare array (the legacy API lists no archived ones). */
export function listDispositions(ctx: CrmContext): { id: string; label: string; deleted: boolean }[] {
  return ctx.db
    .dispositions()
    .filter((d) => !d.archived)
    .map((d) => ({ id: d.id, label: d.label, deleted: false }));
}

export interface DispositionJson {
  id: string;
  label: string;
  displayOrder: number;
  custom: boolean;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

function dispositionJson(d: DispositionRow): DispositionJson {
  return {
    id: d.id,
    label: d.label,
    displayOrder: d.displayOrder,
    custom: d.custom,
    archived: d.archived,
    createdAt: toIso(d.createdAt),
    updatedAt: toIso(d.updatedAt),
  };
}

/** The dispositions API (2027-03-beta): active outcomes, or with `archived` the archived ones too. */
export function listDispositionsBeta(ctx: CrmContext, archived: boolean): { results: DispositionJson[] } {
  return { results: ctx.db.dispositions().filter((d) => archived || !d.archived).map(dispositionJson) };
}

function refuseDuplicateLabel(ctx: CrmContext, label: string, exceptId?: string): void {
  const taken = ctx.db.dispositions().find((d) => !d.archived && d.id !== exceptId && d.label.toLowerCase() === label.toLowerCase());
  if (taken) {
    throw new MockError(409, 'CONFLICT', `A call outcome labelled "${label}" already exists.`, { context: { id: [taken.id] } });
  }
}

/**
 * Writes an outcome at position `displayOrder` of the account's list (the others keep their order and are
 * renumbered 0..n-1); the properties API's options of hs_call_disposition follow.
 */
function save(ctx: CrmContext, d: DispositionRow): DispositionJson {
  const others = ctx.db.dispositions().filter((x) => x.id !== d.id);
  const at = Math.min(d.displayOrder, others.length);
  const ordered = [...others.slice(0, at), d, ...others.slice(at)];
  ctx.db.tx(() => {
    ordered.forEach((x, i) => {
      if (x === d || x.displayOrder !== i) ctx.db.putDisposition({ ...x, displayOrder: i });
    });
  });
  forgetPropertyCatalog(ctx.db);
  return dispositionJson({ ...d, displayOrder: at });
}

/** Creates a custom outcome, last in the order unless a `displayOrder` is given. */
export function createDisposition(ctx: CrmContext, input: { label: string; displayOrder?: number | undefined }): DispositionJson {
  refuseDuplicateLabel(ctx, input.label);
  const now = ctx.clock.now();
  const displayOrder = input.displayOrder ?? Number.MAX_SAFE_INTEGER;
  return save(ctx, { id: randomUUID(), label: input.label, archived: false, custom: true, displayOrder, createdAt: now, updatedAt: now });
}

/** Renames, moves (`displayOrder`), archives or unarchives one outcome. */
export function updateDisposition(
  ctx: CrmContext,
  id: string,
  changes: { label?: string | undefined; displayOrder?: number | undefined; archived?: boolean | undefined },
): DispositionJson {
  const current = ctx.db.dispositions().find((d) => d.id === id);
  if (!current) throw new MockError(404, 'OBJECT_NOT_FOUND', `Call outcome ${id} does not exist.`, { context: { id: [id] } });
  const archived = changes.archived ?? current.archived;
  const label = changes.label ?? current.label;
  if (!archived && (label !== current.label || current.archived)) refuseDuplicateLabel(ctx, label, id);
  return save(ctx, { ...current, label, archived, displayOrder: changes.displayOrder ?? current.displayOrder, updatedAt: ctx.clock.now() });
}
