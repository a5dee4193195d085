/** Query options for call transcripts: ['transcripts', id]. */
import { queryOptions } from '@tanstack/react-query';
import { getTranscript } from '../../../api/transcripts';

export const transcriptQueries = {
  /** A transcript hardly changes once made; the panel reports its own failures (404: HubSpot does not serve it). */
  detail: (id: string) =>
    queryOptions({
      queryKey: ['transcripts', id] as const,
      queryFn: ({ signal }) => getTranscript(id, signal),
      staleTime: 10 * 60_000,
      meta: { errorTitle: false },
    }),
};
