/**
 * How HubSpot's association batch read (`POST .../associations/{from}/{to}/batch/read`, every API version) is
 * read to the end, for the app (src/api/associations.ts) and the server (server/hygiene/scan.ts). Pure: the
 * caller sends the requests.
 *
 * HubSpot pages each input on its own: a result whose record has more associations than a page carries
 * `paging.next.after`, and that record is asked again as `{id, after}` (the spec: "The 'after' field in a
 * returned paging object can be added alongside the 'id' to retrieve the next page of associations from that
 * objectId ... the 'paging' field will only be present if there are more pages"). The page size is not
 * documented (500 is what is cited, as the per-record list's "Limit 500 per call"), so nothing here assumes one.
 */

/**
 * Most inputs HubSpot takes in one association batch read: developer changelog "Bug Fix: Batch Read Limit for
 * HubSpot Associations API" (v3 and v4, from February 10, 2025: at most 1000 ids a request body).
 */
const ASSOCIATION_BATCH_READ_MAX_INPUTS = 1000;

export interface AssociationReadInput {
  id: string;
  after?: string;
}

interface AssociationPageResult<T> {
  from: { id: string };
  to: readonly T[];
  paging?: { next?: { after: string } | undefined } | undefined;
}

/**
 * Every association of each id: one request per 1000 ids, then, while some records have more, one request
 * per round for just those records (`{id, after}`), until every record is complete. The normal case (no
 * record with more than a page) is one request. Keyed by the `from` id; ids HubSpot did not answer are absent.
 */
export async function readAllAssociationPages<T>(
  ids: readonly string[],
  read: (inputs: AssociationReadInput[]) => Promise<{ results: readonly AssociationPageResult<T>[] }>,
): Promise<Map<string, T[]>> {
  const out = new Map<string, T[]>();
  let inputs: AssociationReadInput[] = [...new Set(ids)].map((id) => ({ id }));
  while (inputs.length) {
    const more: AssociationReadInput[] = [];
    for (let i = 0; i < inputs.length; i += ASSOCIATION_BATCH_READ_MAX_INPUTS) {
      const sent = inputs.slice(i, i + ASSOCIATION_BATCH_READ_MAX_INPUTS);
      const sentAfter = new Map(sent.map((input) => [input.id, input.after]));
      const page = await read(sent);
      for (const r of page.results) {
        const list = out.get(r.from.id) ?? [];
        list.push(...r.to);
        out.set(r.from.id, list);
        const after = r.paging?.next?.after;
        // A cursor that does not move would ask for the same page forever.
        if (after && after !== sentAfter.get(r.from.id)) more.push({ id: r.from.id, after });
      }
    }
    inputs = more;
  }
  return out;
}
