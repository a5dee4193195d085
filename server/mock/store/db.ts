/**
 * The mock's database: one connection (connection.ts) and what the CRM layer asks of it, each
 * kept in its own module: records (objects.ts), property history (history.ts), associations
 * (associations.ts), the account's owners, outcomes and association types (account.ts) and
 * searches (search-sql.ts writes the SQL, run here). Only store/ contains SQL.
 */
import * as account from './account.js';
import * as associations from './associations.js';
import { Connection } from './connection.js';
import { history } from './history.js';
import * as objects from './objects.js';
import { holdSearch, searchLags } from './search-lag.js';
import { SORT_INDEX_MIN_MATCHES, countQuery, liveCountQuery, pageQuery } from './search-sql.js';
import {
  type AssociationLabelDef,
  type AssociationRow,
  type DispositionRow,
  type HistoryEntry,
  type ObjectTypeName,
  type OwnerRow,
  type SearchPlan,
  type StoredObject,
  type WriteSource,
} from './types.js';

export class MockDb extends Connection {
  /** No search lags at or after this time (0: none since the last check); saves searches a query. */
  private lagUntil = 0;

  /** Marks bulk writes done directly through `sqlite` (or the *Raw helpers): version() changes. */
  invalidate(): void {
    this.wrote();
  }

  // ---- meta -----------------------------------------------------------------------------

  getMeta(key: string): string | undefined {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  // ---- objects (objects.ts, history.ts) ---------------------------------------------------

  getObject(type: ObjectTypeName, id: number, archived: boolean): StoredObject | undefined {
    return objects.getObject(this, type, id, archived);
  }

  getAnyObject(id: number): StoredObject | undefined {
    return objects.getAnyObject(this, id);
  }

  findByProperty(type: ObjectTypeName, name: string, value: string, archived: boolean): StoredObject | undefined {
    return objects.findByProperty(this, type, name, value, archived);
  }

  listObjects(type: ObjectTypeName, archived: boolean, afterId: number, limit: number, project?: readonly string[]): StoredObject[] {
    return objects.listObjects(this, type, archived, afterId, limit, project);
  }

  recordsPinning(callId: number): StoredObject[] {
    return objects.recordsPinning(this, callId);
  }

  liveIds(type: ObjectTypeName): number[] {
    return objects.liveIds(this, type);
  }

  countObjects(type: ObjectTypeName, archived = false): number {
    return objects.countObjects(this, type, archived);
  }

  insertRaw(type: ObjectTypeName, props: Record<string, string>, createdAt: number, updatedAt: number, archivedAt: number | null = null, source = 'CRM_UI'): number {
    return objects.insertRaw(this, type, props, createdAt, updatedAt, archivedAt, source);
  }

  setPropRaw(type: ObjectTypeName, id: number, name: string, value: string): void {
    objects.setPropRaw(this, type, id, name, value);
  }

  insertObject(type: ObjectTypeName, props: Record<string, string>, now: number, source: WriteSource): StoredObject {
    return objects.insertObject(this, type, props, now, source);
  }

  updateObject(obj: StoredObject, changes: Record<string, string>, now: number, source: WriteSource): StoredObject {
    return objects.updateObject(this, obj, changes, now, source);
  }

  archiveObject(type: ObjectTypeName, id: number, now: number): boolean {
    return objects.archiveObject(this, type, id, now);
  }

  history(obj: StoredObject, names: readonly string[]): Record<string, HistoryEntry[]> {
    return history(this, obj, names);
  }

  // ---- search (search-sql.ts) -------------------------------------------------------------

  /**
   * The page of matches (only the plan's `project` properties read) and their total, as search sees
   * the records at `now` (search-lag.ts); totals of the current records are counted once per version.
   */
  search(plan: SearchPlan, now: number): { rows: StoredObject[]; total: number } {
    if (this.searchLags(now)) {
      const count = countQuery(plan, true);
      const total = (this.stmt(count.sql).get(...count.params) as { n: number }).n;
      return { rows: objects.selectObjects(this, (columns) => pageQuery(plan, columns, total, total, true), plan.project), total };
    }
    const count = countQuery(plan);
    const total = this.count(count.sql, count.params);
    const live = liveCountQuery(plan.type);
    const all = total > SORT_INDEX_MIN_MATCHES ? this.count(live.sql, live.params) : total;
    return { rows: objects.selectObjects(this, (columns) => pageQuery(plan, columns, total, all), plan.project), total };
  }

  /** Keeps search seeing record `id` as it is at `now` (`absent`: not at all) until `visibleAt` (search-lag.ts). */
  holdSearch(id: number, now: number, visibleAt: number, absent = false): void {
    holdSearch(this, id, now, visibleAt, absent);
    this.lagUntil = Math.max(this.lagUntil, visibleAt);
  }

  /** Whether search still lags behind a write at `now` (its answers then change without a write). */
  searchLags(now: number): boolean {
    if (this.lagUntil === 0) return false;
    const lags = searchLags(this, now);
    if (!lags && now >= this.lagUntil) this.lagUntil = 0;
    return lags;
  }

  // ---- associations (associations.ts) -----------------------------------------------------

  insertAssociationRaw(fromType: ObjectTypeName, fromId: number, toType: ObjectTypeName, toId: number, category: string, typeId: number, inverseTypeId: number): boolean {
    return associations.insertAssociationRaw(this, fromType, fromId, toType, toId, category, typeId, inverseTypeId);
  }

  /** insertAssociationRaw, as a write readers see (version() changes). */
  addAssociation(fromType: ObjectTypeName, fromId: number, toType: ObjectTypeName, toId: number, category: string, typeId: number, inverseTypeId: number): boolean {
    const added = this.insertAssociationRaw(fromType, fromId, toType, toId, category, typeId, inverseTypeId);
    this.wrote();
    return added;
  }

  removeAssociations(
    fromType: ObjectTypeName,
    fromId: number,
    toType: ObjectTypeName,
    toId: number,
    types?: { category: string; typeId: number; inverseTypeId: number }[],
  ): number {
    return associations.removeAssociations(this, fromType, fromId, toType, toId, types);
  }

  associationsOf(fromId: number, toType: ObjectTypeName): AssociationRow[] {
    return associations.associationsOf(this, fromId, toType);
  }

  associationsBetween(fromId: number, toType: ObjectTypeName, toId: number): AssociationRow[] {
    return associations.associationsBetween(this, fromId, toType, toId);
  }

  // ---- account (account.ts) -----------------------------------------------------------------

  labels(fromType: ObjectTypeName, toType: ObjectTypeName): AssociationLabelDef[] {
    return account.labels(this, fromType, toType);
  }

  putLabel(def: AssociationLabelDef): void {
    account.putLabel(this, def);
  }

  deleteLabel(fromType: ObjectTypeName, toType: ObjectTypeName, category: string, typeId: number): void {
    account.deleteLabel(this, fromType, toType, category, typeId);
  }

  maxLabelTypeId(): number {
    return account.maxLabelTypeId(this);
  }

  owners(archived: boolean): OwnerRow[] {
    return account.owners(this, archived);
  }

  insertOwner(o: OwnerRow): void {
    account.insertOwner(this, o);
  }

  dispositions(): DispositionRow[] {
    return account.dispositions(this);
  }

  putDisposition(d: DispositionRow): void {
    account.putDisposition(this, d);
  }
}
