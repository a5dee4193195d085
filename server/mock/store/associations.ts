/** Associations between records (both directions stored); their types (labels) are in account.ts. */
import type { Connection } from './connection.js';
import type { AssociationRow, ObjectTypeName } from './types.js';

/** Inserts one typed association and its inverse (no version change: see MockDb.addAssociation); true when it was new. */
export function insertAssociationRaw(
  c: Connection,
  fromType: ObjectTypeName,
  fromId: number,
  toType: ObjectTypeName,
  toId: number,
  category: string,
  typeId: number,
  inverseTypeId: number,
): boolean {
  const ins = c.stmt('INSERT OR IGNORE INTO assoc (from_id, to_type, to_id, from_type, category, type_id) VALUES (?, ?, ?, ?, ?, ?)');
  const added = ins.run(fromId, toType, toId, fromType, category, typeId).changes > 0;
  ins.run(toId, fromType, fromId, toType, category, inverseTypeId);
  return added;
}

/** Removes associations between two records (all types, or only the given type ids of from→to). */
export function removeAssociations(
  c: Connection,
  fromType: ObjectTypeName,
  fromId: number,
  toType: ObjectTypeName,
  toId: number,
  types?: readonly { category: string; typeId: number; inverseTypeId: number }[],
): number {
  let n = 0;
  if (!types) {
    const del = c.stmt('DELETE FROM assoc WHERE from_id = ? AND to_type = ? AND to_id = ?');
    n += del.run(fromId, toType, toId).changes;
    del.run(toId, fromType, fromId);
  } else {
    const del = c.stmt('DELETE FROM assoc WHERE from_id = ? AND to_type = ? AND to_id = ? AND category = ? AND type_id = ?');
    for (const t of types) {
      n += del.run(fromId, toType, toId, t.category, t.typeId).changes;
      del.run(toId, fromType, fromId, t.category, t.inverseTypeId);
    }
  }
  c.wrote();
  return n;
}

/** Associations of one record to live (non-archived) records of a type, ordered by target id. */
export function associationsOf(c: Connection, fromId: number, toType: ObjectTypeName): AssociationRow[] {
  return c
    .stmt(
      `SELECT a.to_id AS toId, a.category AS category, a.type_id AS typeId
       FROM assoc a JOIN objects o ON o.id = a.to_id AND o.archived = 0
       WHERE a.from_id = ? AND a.to_type = ? ORDER BY a.to_id, a.category, a.type_id`,
    )
    .all(fromId, toType) as AssociationRow[];
}

/** Association rows between two specific records (from→to direction). */
export function associationsBetween(c: Connection, fromId: number, toType: ObjectTypeName, toId: number): AssociationRow[] {
  return c
    .stmt(
      `SELECT to_id AS toId, category, type_id AS typeId FROM assoc
       WHERE from_id = ? AND to_type = ? AND to_id = ? ORDER BY category, type_id`,
    )
    .all(fromId, toType, toId) as AssociationRow[];
}
