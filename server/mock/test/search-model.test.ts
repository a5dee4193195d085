/**
 * Model-based search check: 150 calls with pseudo-random values, then 120 pseudo-random searches
 * (1-3 OR'd groups of 1-3 AND'd filters over every operator, an optional sort, a random page size).
 * Each search is paged to the end and compared with a plain reference implementation of HubSpot's
 * documented semantics: same total, every match exactly once, order by the sort key.
 * The generator is seeded, so a failure names a reproducible case.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { check, createCall, useHarness } from './helpers';
import { searchPage } from './schemas';
import { createRng } from '../seed/prng';


const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'];
const DIRECTIONS = ['INBOUND', 'OUTBOUND'];
const STATUSES = ['COMPLETED', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELED'];
const YEAR_START = Date.UTC(2025, 0, 1);
const YEAR_MS = 365 * 86_400_000;

interface Row {
  id: string;
  direction: string;
  status: string;
  duration?: number;
  timestamp: number;
  title: string;
  recording?: string;
}
interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
  highValue?: string;
  values?: string[];
}
interface Sort {
  propertyName: 'hs_timestamp' | 'hs_call_duration';
  direction: 'ASCENDING' | 'DESCENDING';
}

/** The model's column of each property searched. */
const COLUMN: Record<string, Exclude<keyof Row, 'id'>> = {
  hs_call_direction: 'direction',
  hs_call_status: 'status',
  hs_call_duration: 'duration',
  hs_timestamp: 'timestamp',
  hs_call_title: 'title',
  hs_call_recording_url: 'recording',
};

function field(row: Row, name: string): string | number | undefined {
  const column = COLUMN[name];
  if (!column) throw new Error(name);
  return row[column];
}

/** HubSpot's documented filter semantics, for the property types used here. */
function matches(row: Row, f: Filter): boolean {
  const v = field(row, f.propertyName);
  const num = (s: string | undefined) => Number(s);
  switch (f.operator) {
    case 'HAS_PROPERTY':
      return v !== undefined && v !== '';
    case 'NOT_HAS_PROPERTY':
      return v === undefined || v === '';
    case 'EQ':
      return typeof v === 'number' ? v === num(f.value) : v === f.value;
    case 'NEQ':
      return typeof v === 'number' ? v !== num(f.value) : v !== f.value;
    case 'LT':
      return typeof v === 'number' && v < num(f.value);
    case 'LTE':
      return typeof v === 'number' && v <= num(f.value);
    case 'GT':
      return typeof v === 'number' && v > num(f.value);
    case 'GTE':
      return typeof v === 'number' && v >= num(f.value);
    case 'BETWEEN':
      return typeof v === 'number' && v >= num(f.value) && v <= num(f.highValue);
    case 'IN':
      return typeof v === 'string' && (f.values ?? []).includes(v);
    case 'NOT_IN':
      return typeof v === 'string' && !(f.values ?? []).includes(v);
    case 'CONTAINS_TOKEN':
      return typeof v === 'string' && v.toLowerCase().split(/\s+/).includes((f.value ?? '').toLowerCase());
    case 'NOT_CONTAINS_TOKEN':
      return typeof v === 'string' && !v.toLowerCase().split(/\s+/).includes((f.value ?? '').toLowerCase());
    default:
      throw new Error(f.operator);
  }
}

describe('search against a reference model', () => {
  const h = useHarness();
  const rows: Row[] = [];
  const rand = createRng(20_260_115).next;
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

  beforeAll(async () => {
    for (let i = 0; i < 150; i++) {
      const row: Omit<Row, 'id'> = {
        direction: pick(DIRECTIONS),
        status: pick(STATUSES),
        duration: rand() < 0.1 ? undefined : int(0, 12) === 0 ? 0 : int(1, 5_000_000),
        timestamp: YEAR_START + int(0, YEAR_MS),
        title: `${pick(WORDS)} ${pick(WORDS)} call${i}`,
        recording: rand() < 0.3 ? `https://rec.example.com/${i}.mp3` : undefined,
      };
      const props: Record<string, string> = {
        hs_call_direction: row.direction,
        hs_call_status: row.status,
        hs_timestamp: String(row.timestamp),
        hs_call_title: row.title,
      };
      if (row.duration !== undefined) props.hs_call_duration = String(row.duration);
      if (row.recording) props.hs_call_recording_url = row.recording;
      h.clock.advance(1_000);
      const created = await createCall(h, props);
      rows.push({ ...row, id: created.id });
    }
  });

  function randomFilter(): Filter {
    const numeric = pick(['hs_call_duration', 'hs_timestamp'] as const);
    const sample = () => {
      const r = pick(rows);
      const v = field(r, numeric);
      return typeof v === 'number' ? v : numeric === 'hs_timestamp' ? YEAR_START : 1000;
    };
    switch (int(0, 12)) {
      case 0:
        return { propertyName: pick(['hs_call_direction', 'hs_call_status']), operator: 'EQ', value: pick([...DIRECTIONS, ...STATUSES]) };
      case 1:
        return { propertyName: 'hs_call_status', operator: 'NEQ', value: pick(STATUSES) };
      case 2:
        return { propertyName: numeric, operator: 'EQ', value: String(sample()) };
      case 3:
        return { propertyName: numeric, operator: pick(['LT', 'LTE', 'GT', 'GTE']), value: String(sample()) };
      case 4: {
        const [a, b] = [sample(), sample()].sort((x, y) => x - y);
        return { propertyName: numeric, operator: 'BETWEEN', value: String(a), highValue: String(b) };
      }
      case 5:
        return { propertyName: 'hs_call_status', operator: 'IN', values: STATUSES.filter(() => rand() < 0.4) };
      case 6:
        return { propertyName: 'hs_call_status', operator: 'NOT_IN', values: STATUSES.filter(() => rand() < 0.4) };
      case 7:
        return { propertyName: pick(['hs_call_duration', 'hs_call_recording_url']), operator: 'HAS_PROPERTY' };
      case 8:
        return { propertyName: pick(['hs_call_duration', 'hs_call_recording_url']), operator: 'NOT_HAS_PROPERTY' };
      case 9:
        return { propertyName: 'hs_call_title', operator: 'CONTAINS_TOKEN', value: pick(WORDS) };
      case 10:
        return { propertyName: 'hs_call_title', operator: 'NOT_CONTAINS_TOKEN', value: pick(WORDS) };
      case 11:
        return { propertyName: 'hs_call_direction', operator: 'IN', values: [pick(DIRECTIONS)] };
      default:
        return { propertyName: 'hs_call_duration', operator: pick(['GT', 'LTE']), value: String(int(0, 5_000_000)) };
    }
  }

  it('agrees with the model on 120 random searches (totals, every match once, sort order)', async () => {
    const failures: string[] = [];
    let nonEmpty = 0;
    let multiPage = 0;
    for (let q = 0; q < 120; q++) {
      const groups = Array.from({ length: int(1, 3) }, () => ({ filters: Array.from({ length: int(1, 3) }, randomFilter) }));
      // IN / NOT_IN with no values are not meaningful requests; give them one
      for (const g of groups) for (const f of g.filters) if (f.values && f.values.length === 0) f.values = [pick(STATUSES)];
      const sort: Sort | undefined =
        rand() < 0.6 ? { propertyName: pick(['hs_timestamp', 'hs_call_duration'] as const), direction: pick(['ASCENDING', 'DESCENDING'] as const) } : undefined;
      const limit = int(7, 60);
      const expected = rows.filter((r) => groups.some((g) => g.filters.every((f) => matches(r, f))));

      const seen: string[] = [];
      let after: string | undefined;
      let total = -1;
      for (let page = 0; page < 50; page++) {
        const body = {
          filterGroups: groups,
          sorts: sort ? [sort] : [],
          properties: ['hs_timestamp', 'hs_call_duration'],
          limit,
          ...(after ? { after } : {}),
        };
        const res = check(await h.req('POST', '/crm/v3/objects/calls/search', body), 200, searchPage);
        total = res.total;
        seen.push(...res.results.map((r) => r.id));
        after = res.paging?.next.after;
        if (!after) break;
      }
      const label = `query ${q}: ${JSON.stringify({ groups, sort, limit })}`;
      if (expected.length > 0) nonEmpty += 1;
      if (expected.length > limit) multiPage += 1;
      const want = expected.map((r) => r.id).sort();
      const got = [...seen].sort();
      if (total !== expected.length) failures.push(`${label}\n  total ${total}, model ${expected.length}`);
      if (new Set(seen).size !== seen.length) failures.push(`${label}\n  a record came back twice`);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        const missing = want.filter((x) => !got.includes(x));
        const extra = got.filter((x) => !want.includes(x));
        failures.push(`${label}\n  missing ${missing.slice(0, 5).join(',')} (${missing.length}), extra ${extra.slice(0, 5).join(',')} (${extra.length})`);
      }
      if (sort) {
        const byId = new Map(rows.map((r) => [r.id, r]));
        const keys = seen.map((id) => field(byId.get(id) as Row, sort.propertyName)).filter((v): v is number => typeof v === 'number');
        const ordered = keys.every((k, i) => i === 0 || (sort.direction === 'ASCENDING' ? (keys[i - 1] as number) <= k : (keys[i - 1] as number) >= k));
        if (!ordered) failures.push(`${label}\n  not ordered by ${sort.propertyName} ${sort.direction}`);
      } else {
        // unsorted: oldest first (creation order)
        const order = seen.map((id) => rows.findIndex((r) => r.id === id));
        if (!order.every((x, i) => i === 0 || (order[i - 1] as number) < x)) failures.push(`${label}\n  not in creation order`);
      }
    }
    expect(failures.slice(0, 5).join('\n')).toBe('');
    // the generated queries exercise something: many match, many span several pages
    expect(nonEmpty).toBeGreaterThan(60);
    expect(multiPage).toBeGreaterThan(20);
  });
});
