import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { isPlayableRecordingUrl, RecordingPlayer, type RecordingControls } from './RecordingPlayer';
import { Section } from './Section';
import { TranscriptPanel } from './TranscriptPanel';

/**
 * The call's recording and, when the call names one (`hs_call_transcription_id`), its transcript,
 * whose lines play the recording from their time while the recording can play.
 */
export function CallRecording({ recordingUrl, transcriptId }: { recordingUrl?: string | null; transcriptId?: string | null }) {
  const player = useRef<RecordingControls>(null);
  /** The recording URL the browser could not load (a later URL gets its own chance). */
  const [failedUrl, setFailedUrl] = useState<string>();
  const failed = Boolean(recordingUrl) && failedUrl === recordingUrl;
  const seek = recordingUrl && isPlayableRecordingUrl(recordingUrl) && !failed ? (ms: number) => player.current?.playFrom(ms) : undefined;
  return (
    <>
      <Section title="Recording">
        {recordingUrl ? (
          <RecordingPlayer ref={player} url={recordingUrl} failed={failed} onFailed={() => setFailedUrl(recordingUrl)} />
        ) : (
          <Typography color="text.secondary">No recording.</Typography>
        )}
      </Section>
      {transcriptId && (
        <Section title="Transcript">
          <TranscriptPanel transcriptId={transcriptId} onSeek={seek} />
        </Section>
      )}
    </>
  );
}
