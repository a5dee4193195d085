/** Call transcripts: a transcript row per call recording and its utterances, in the order given. */
import type { Connection } from './connection.js';

export interface UtteranceRow {
  id: number;
  speaker?: { id: string; name: string; email?: string };
  text: string;
  startMs: number;
  endMs: number;
  language?: string;
}

export interface TranscriptRow {
  id: number;
  callId: number;
  source: string;
  createdAt: number;
  updatedAt: number;
  utterances: UtteranceRow[];
}

interface UtteranceRowRaw {
  id: number;
  speaker_id: string | null;
  speaker_name: string | null;
  speaker_email: string | null;
  text: string;
  start_ms: number;
  end_ms: number;
  language: string | null;
}

/** Stores a transcript and its utterances (ids assigned here); returns the transcript's id. */
export function insertTranscript(
  c: Connection,
  t: { callId: number; source: string; createdAt: number; utterances: readonly Omit<UtteranceRow, 'id'>[] },
): number {
  return c.tx(() => {
    const id = Number(
      c.stmt('INSERT INTO transcripts (call_id, source, created_at, updated_at) VALUES (?, ?, ?, ?)').run(t.callId, t.source, t.createdAt, t.createdAt)
        .lastInsertRowid,
    );
    const ins = c.stmt(
      `INSERT INTO transcript_utterances (transcript_id, speaker_id, speaker_name, speaker_email, text, start_ms, end_ms, language)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const u of t.utterances) {
      ins.run(id, u.speaker?.id ?? null, u.speaker?.name ?? null, u.speaker?.email ?? null, u.text, u.startMs, u.endMs, u.language ?? null);
    }
    c.wrote();
    return id;
  });
}

export function getTranscript(c: Connection, id: number): TranscriptRow | undefined {
  const row = c.stmt('SELECT id, call_id, source, created_at, updated_at FROM transcripts WHERE id = ?').get(id) as
    | { id: number; call_id: number; source: string; created_at: number; updated_at: number }
    | undefined;
  if (!row) return undefined;
  const utterances = (
    c
      .stmt(
        `SELECT id, speaker_id, speaker_name, speaker_email, text, start_ms, end_ms, language
         FROM transcript_utterances WHERE transcript_id = ? ORDER BY id`,
      )
      .all(id) as UtteranceRowRaw[]
  ).map((u): UtteranceRow => ({
    id: u.id,
    ...(u.speaker_id !== null ? { speaker: { id: u.speaker_id, name: u.speaker_name ?? '', ...(u.speaker_email !== null ? { email: u.speaker_email } : {}) } } : {}),
    text: u.text,
    startMs: u.start_ms,
    endMs: u.end_ms,
    ...(u.language !== null ? { language: u.language } : {}),
  }));
  return { id: row.id, callId: row.call_id, source: row.source, createdAt: row.created_at, updatedAt: row.updated_at, utterances };
}

/** Deletes a transcript and its utterances; false when there was none with that id. */
export function deleteTranscript(c: Connection, id: number): boolean {
  return c.tx(() => {
    const deleted = c.stmt('DELETE FROM transcripts WHERE id = ?').run(id).changes > 0;
    if (deleted) {
      c.stmt('DELETE FROM transcript_utterances WHERE transcript_id = ?').run(id);
      c.wrote();
    }
    return deleted;
  });
}
