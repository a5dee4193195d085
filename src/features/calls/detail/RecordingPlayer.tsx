import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useImperativeHandle, useRef, useState, type Ref } from 'react';

const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** Only https recordings are played; anything else is refused before the browser fetches it. */
export function isPlayableRecordingUrl(url: string): boolean {
  try {
    return new URL(url.trim()).protocol === 'https:';
  } catch {
    return false;
  }
}

/** What the page can ask of the player (the transcript's lines play from their time). */
export interface RecordingControls {
  /** Moves to `ms` from the start of the recording and plays from there. */
  playFrom(ms: number): void;
}

/**
 * Native audio player (keyboard operable controls) with a playback speed choice and 10 s skips.
 * `failed`: the recording could not be loaded (reported through `onFailed`), said with a link to open it.
 */
export function RecordingPlayer({ url, failed, onFailed, ref }: { url: string; failed: boolean; onFailed: () => void; ref?: Ref<RecordingControls> }) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const [rate, setRate] = useState<number>(1);
  useImperativeHandle(ref, () => ({
    playFrom(ms) {
      const audio = audioRef.current;
      if (!audio) return;
      audio.currentTime = ms / 1000;
      // A recording that cannot play says so itself (onError below).
      audio.play().catch(() => {});
    },
  }));

  if (!isPlayableRecordingUrl(url)) {
    return (
      <Alert severity="warning">
        This recording cannot be played here because its address is not a secure https:// URL. Only https recordings are played.
        <Box component="code" sx={{ display: 'block', mt: 1, overflowWrap: 'anywhere' }}>
          {url}
        </Box>
      </Alert>
    );
  }

  const skip = (seconds: number) => {
    const audio = audioRef.current;
    if (!audio) return;
    audio.currentTime = Math.max(0, audio.currentTime + seconds);
  };

  return (
    <Stack spacing={1.5}>
      <audio
        ref={audioRef}
        controls
        preload="metadata"
        src={url}
        aria-label="Call recording"
        style={{ width: '100%' }}
        onError={onFailed}
        onLoadedMetadata={(e) => {
          e.currentTarget.playbackRate = rate;
        }}
      >
        Your browser cannot play this recording.
      </audio>
      {failed && (
        <Alert severity="error" role="alert">
          The recording could not be loaded. The file may have moved, or its host may require you to sign in.{' '}
          <Link href={url} target="_blank" rel="noopener noreferrer">
            Open the recording in a new tab
          </Link>
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          id="recording-playback-speed"
          label="Playback speed"
          value={String(rate)}
          onChange={(e) => {
            const next = Number(e.target.value);
            setRate(next);
            if (audioRef.current) audioRef.current.playbackRate = next;
          }}
          sx={{ minWidth: 160 }}
          disabled={failed}
        >
          {PLAYBACK_RATES.map((r) => (
            <MenuItem key={r} value={String(r)}>
              {r}×
            </MenuItem>
          ))}
        </TextField>
        <Button size="small" onClick={() => skip(-10)} disabled={failed}>
          Back 10 s
        </Button>
        <Button size="small" onClick={() => skip(10)} disabled={failed}>
          Forward 10 s
        </Button>
      </Stack>
    </Stack>
  );
}
