/**
 * The account's configuration: owners (users and queues), call outcomes (dispositions) and
 * association types (labels).
 */
import type { Connection } from './connection.js';
import type { AssociationLabelDef, DispositionRow, ObjectTypeName, OwnerRow } from './types.js';

interface OwnerRowRaw {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  user_id: number;
  type: string;
  teams: string;
  created_at: number;
  updated_at: number;
  archived: number;
}

function parseTeams(text: string): OwnerRow['teams'] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) return [];
  const out: OwnerRow['teams'] = [];
  for (const t of parsed as unknown[]) {
    if (t && typeof t === 'object' && 'id' in t && 'name' in t) {
      const rec = t as { id: unknown; name: unknown; primary?: unknown };
      out.push({ id: String(rec.id), name: String(rec.name), primary: rec.primary === true });
    }
  }
  return out;
}

export function owners(c: Connection, archived: boolean): OwnerRow[] {
  const rows = c
    .stmt(
      `SELECT id, email, first_name, last_name, user_id, type, teams, created_at, updated_at, archived
       FROM owners WHERE archived = ? ORDER BY id`,
    )
    .all(archived ? 1 : 0) as OwnerRowRaw[];
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    userId: r.user_id,
    type: r.type === 'QUEUE' ? 'QUEUE' : 'PERSON',
    teams: parseTeams(r.teams),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archived: r.archived === 1,
  }));
}

export function insertOwner(c: Connection, o: OwnerRow): void {
  c.stmt(
    `INSERT INTO owners (id, email, first_name, last_name, user_id, type, teams, created_at, updated_at, archived)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(o.id, o.email, o.firstName, o.lastName, o.userId, o.type, JSON.stringify(o.teams), o.createdAt, o.updatedAt, o.archived ? 1 : 0);
}

interface DispositionRowRaw {
  id: string;
  label: string;
  deleted: number;
  custom: number;
  position: number;
  created_at: number;
  updated_at: number;
}

/** The account's call outcomes in display order (archived ones included). */
export function dispositions(c: Connection): DispositionRow[] {
  const rows = c
    .stmt('SELECT id, label, deleted, custom, position, created_at, updated_at FROM dispositions ORDER BY position, created_at, id')
    .all() as DispositionRowRaw[];
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    archived: r.deleted === 1,
    custom: r.custom === 1,
    displayOrder: r.position,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** Inserts or replaces one call outcome. */
export function putDisposition(c: Connection, d: DispositionRow): void {
  c.stmt(
    `INSERT OR REPLACE INTO dispositions (id, label, deleted, custom, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(d.id, d.label, d.archived ? 1 : 0, d.custom ? 1 : 0, d.displayOrder, d.createdAt, d.updatedAt);
  c.wrote();
}

export function labels(c: Connection, fromType: ObjectTypeName, toType: ObjectTypeName): AssociationLabelDef[] {
  return c
    .stmt(
      `SELECT from_type AS fromType, to_type AS toType, category, type_id AS typeId, name, label,
              inverse_type_id AS inverseTypeId
       FROM assoc_labels WHERE from_type = ? AND to_type = ? ORDER BY category, type_id`,
    )
    .all(fromType, toType) as AssociationLabelDef[];
}

export function putLabel(c: Connection, def: AssociationLabelDef): void {
  c.stmt(
    `INSERT INTO assoc_labels (from_type, to_type, category, type_id, name, label, inverse_type_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (from_type, to_type, category, type_id)
     DO UPDATE SET name = excluded.name, label = excluded.label, inverse_type_id = excluded.inverse_type_id`,
  ).run(def.fromType, def.toType, def.category, def.typeId, def.name, def.label, def.inverseTypeId);
  c.wrote();
}

/** Deletes an association type and every association of it. */
export function deleteLabel(c: Connection, fromType: ObjectTypeName, toType: ObjectTypeName, category: string, typeId: number): void {
  c.stmt('DELETE FROM assoc_labels WHERE from_type = ? AND to_type = ? AND category = ? AND type_id = ?').run(fromType, toType, category, typeId);
  c.stmt('DELETE FROM assoc WHERE from_type = ? AND to_type = ? AND category = ? AND type_id = ?').run(fromType, toType, category, typeId);
  c.wrote();
}

export function maxLabelTypeId(c: Connection): number {
  return (c.stmt('SELECT max(type_id) AS m FROM assoc_labels').get() as { m: number | null }).m ?? 0;
}
