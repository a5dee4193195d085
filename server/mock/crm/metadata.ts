import type { OwnerRow } from '../store/types.js';
import { MockError, badRequest } from './errors.js';
import { decodeCursor, encodeCursor, type CrmContext } from './objects.js';
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

export function listDispositions(ctx: CrmContext): { id: string; label: string; deleted: boolean }[] {
  return ctx.db.dispositions().map((d) => ({ id: d.id, label: d.label, deleted: d.deleted }));
}
