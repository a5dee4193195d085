/** What the mock benchmarks read from the calls list: page parsing and one walk over every call. */
import { z } from 'zod';

const pageSchema = z.object({
  results: z.array(z.object({ id: z.string() })),
  paging: z.object({ next: z.object({ after: z.string() }) }).optional(),
});
type CallPage = z.infer<typeof pageSchema>;

/** A list page's ids and next cursor, or undefined when the body is not one. */
function parsePage(body: string): CallPage | undefined {
  try {
    const r = pageSchema.safeParse(JSON.parse(body));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/** Walks the whole calls list once (pages of 100): every id, and the cursor of every page after the first. */
export async function walkCallList(base: string, headers: Record<string, string>): Promise<{ ids: string[]; cursors: string[] }> {
  const ids: string[] = [];
  const cursors: string[] = [];
  let after: string | undefined;
  for (let p = 0; p < 12_000; p++) {
    const res = await fetch(`${base}/crm/v3/objects/calls?limit=100&properties=hs_object_id${after ? `&after=${encodeURIComponent(after)}` : ''}`, { headers });
    const page = parsePage(await res.text());
    if (!page) throw new Error(`list page ${p} failed: HTTP ${res.status}`);
    ids.push(...page.results.map((r) => r.id));
    after = page.paging?.next.after;
    if (!after) break;
    cursors.push(after);
  }
  if (ids.length === 0) throw new Error('no calls in the database');
  return { ids, cursors };
}
