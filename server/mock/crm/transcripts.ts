/**
 * HubSpot's call transcripts (`/crm/v3/extensions/calling/transcripts`, and the same under
 * `/crm/extensions/calling/{2026-03,2026-09}/transcripts`): create, read and delete. A transcript
 * belongs to an existing call; its JSON is the spec's `TranscriptResponse`.
 */
import * as store from '../store/transcripts.js';
import { MockError, badRequest } from './errors.js';
import type { CrmContext } from './objects.js';
import { PROPERTY_DEFINITIONS } from './property-definitions.js';
import { toIso } from './values.js';

export interface TranscriptCreateInput {
  engagementId: number;
  transcriptCreateUtterances: {
    speaker: { id: string; name: string; email?: string | undefined };
    text: string;
    startTimeMillis: number;
    endTimeMillis: number;
    languageCode?: string | undefined;
  }[];
}

interface TranscriptJson {
  id: string;
  engagementId: number;
  transcriptSource: string;
  transcriptUtterances: {
    id: string;
    speaker?: { id: string; name: string; email?: string };
    text: string;
    startTimeMillis: number;
    endTimeMillis: number;
    languageCode?: string;
  }[];
  createdAt: string;
  updatedAt: string;
}

/** Transcripts sent through the API are the integrator's; HubSpot's own are `HUBSPOT_GENERATED`. */
export const INTEGRATOR_GENERATED = 'INTEGRATOR_GENERATED';
/** How the call's transcript properties change in its property history. */
const SOURCE = { sourceType: 'CALCULATED', sourceId: 'calling-transcripts' };

const CALL_PROPERTY_NAMES = new Set(PROPERTY_DEFINITIONS.calls.map((p) => p.name));

/**
 * The call properties that say whether a call has a transcript and which (`hs_call_has_transcript`,
 * `hs_call_transcription_id`), limited to those the account's call properties define; `null` clears.
 */
export function transcriptCallProperties(transcriptId: number | null): Record<string, string> {
  const values: Record<string, string> = {
    hs_call_has_transcript: transcriptId === null ? 'false' : 'true',
    hs_call_transcription_id: transcriptId === null ? '' : String(transcriptId),
  };
  return Object.fromEntries(Object.entries(values).filter(([name]) => CALL_PROPERTY_NAMES.has(name)));
}

function notFound(rawId: string): MockError {
  return new MockError(404, 'OBJECT_NOT_FOUND', `Transcript ${rawId} does not exist.`, { context: { transcriptId: [rawId] } });
}

function parseTranscriptId(rawId: string): number | undefined {
  if (!/^\d{1,15}$/.test(rawId)) return undefined;
  const n = Number(rawId);
  return n > 0 ? n : undefined;
}

function toJson(t: store.TranscriptRow): TranscriptJson {
  return {
    id: String(t.id),
    engagementId: t.callId,
    transcriptSource: t.source,
    transcriptUtterances: t.utterances.map((u) => ({
      id: String(u.id),
      ...(u.speaker ? { speaker: u.speaker } : {}),
      text: u.text,
      startTimeMillis: u.startMs,
      endTimeMillis: u.endMs,
      ...(u.language !== undefined ? { languageCode: u.language } : {}),
    })),
    createdAt: toIso(t.createdAt),
    updatedAt: toIso(t.updatedAt),
  };
}

export function createTranscript(ctx: CrmContext, input: TranscriptCreateInput): { id: string } {
  const callId = input.engagementId;
  const backwards = input.transcriptCreateUtterances.flatMap((u, i) =>
    u.endTimeMillis > u.startTimeMillis
      ? []
      : [{ message: 'endTimeMillis must be greater than startTimeMillis', code: 'INVALID_TIME_RANGE', in: `transcriptCreateUtterances.${i}.endTimeMillis` }],
  );
  if (backwards.length) throw badRequest(`Invalid input: ${backwards.map((d) => `${d.in}: ${d.message}`).join('; ')}`, backwards);
  return ctx.db.tx(() => {
    const call = ctx.db.getObject('calls', callId, false);
    if (!call) {
      throw badRequest(`engagementId ${callId} is not an existing call.`, [
        { message: `No call with id ${callId}`, code: 'INVALID_ENGAGEMENT', in: 'engagementId', context: { engagementId: [String(callId)] } },
      ]);
    }
    const now = ctx.clock.now();
    const id = store.insertTranscript(ctx.db, {
      callId,
      source: INTEGRATOR_GENERATED,
      createdAt: now,
      utterances: input.transcriptCreateUtterances.map((u) => ({
        speaker: { id: u.speaker.id, name: u.speaker.name, ...(u.speaker.email !== undefined ? { email: u.speaker.email } : {}) },
        text: u.text,
        startMs: u.startTimeMillis,
        endMs: u.endTimeMillis,
        ...(u.languageCode !== undefined ? { language: u.languageCode } : {}),
      })),
    });
    ctx.db.updateObject(call, transcriptCallProperties(id), now, SOURCE);
    return { id: String(id) };
  });
}

export function readTranscript(ctx: CrmContext, rawId: string): TranscriptJson {
  const id = parseTranscriptId(rawId);
  const t = id === undefined ? undefined : store.getTranscript(ctx.db, id);
  if (!t) throw notFound(rawId);
  return toJson(t);
}

/** Deletes a transcript; the call stops naming it (when it did). */
export function deleteTranscript(ctx: CrmContext, rawId: string): void {
  const id = parseTranscriptId(rawId);
  ctx.db.tx(() => {
    const t = id === undefined ? undefined : store.getTranscript(ctx.db, id);
    if (!t || !store.deleteTranscript(ctx.db, t.id)) throw notFound(rawId);
    const call = ctx.db.getObject('calls', t.callId, false);
    if (call && call.props['hs_call_transcription_id'] === String(t.id)) {
      ctx.db.updateObject(call, transcriptCallProperties(null), ctx.clock.now(), SOURCE);
    }
  });
}
