/** HubSpot's call transcripts (the calling extensions' transcripts API): the app only reads them. */
import * as z from 'zod/mini';
import { currentPaths } from './api-version';
import { hubspotRequest } from './http';

const speakerSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
});

const utteranceSchema = z.looseObject({
  id: z.string(),
  speaker: z.optional(speakerSchema),
  text: z.string(),
  /** Milliseconds from the start of the call. */
  startTimeMillis: z.number(),
  endTimeMillis: z.number(),
  languageCode: z.optional(z.string()),
});
export type Utterance = z.infer<typeof utteranceSchema>;

/** HubSpot's `TranscriptResponse`. */
const transcriptSchema = z.looseObject({
  id: z.string(),
  engagementId: z.number(),
  /** `HUBSPOT_GENERATED` or `INTEGRATOR_GENERATED`. */
  transcriptSource: z.string(),
  transcriptUtterances: z.array(utteranceSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Transcript = z.infer<typeof transcriptSchema>;

export async function getTranscript(id: string, signal?: AbortSignal): Promise<Transcript> {
  return hubspotRequest((await currentPaths()).transcript(id), { schema: transcriptSchema, signal });
}
