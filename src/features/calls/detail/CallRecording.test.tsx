import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hubspotError, installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import { CallRecording } from './CallRecording';

const RECORDING = 'https://recordings.example.com/calls/intro.mp3';
/** Where the test stores transcripts, straight in the mock (the app reads them in its own API version). */

let hs: HubSpotFake;
let callId: string;

beforeEach(async () => {
  hs = installHubSpot();
  callId = await hs.create('calls', { hs_call_title: 'Intro call', hs_timestamp: '2026-11-01T10:00:00.000Z', hs_call_recording_url: RECORDING });
});

afterEach(() => {
  vi.restoreAllMocks();
  uninstallHubSpot(hs);
});

/** Stores a transcript of the test's call through HubSpot's transcripts API (lines given out of order). */
async function createTranscript(): Promise<string> {
  const answer = await hs.api<{ id: string }>('POST', hs.paths.transcripts(), {
    engagementId: Number(callId),
    transcriptCreateUtterances: [
      { speaker: { id: '7', name: 'Ada Lovelace' }, text: 'Good, and you?', startTimeMillis: 65_400, endTimeMillis: 68_000, languageCode: 'en-GB' },
      { speaker: { id: '11', name: 'Maya Patel', email: 'maya.patel@example.com' }, text: 'Hello, how are you?', startTimeMillis: 2_500, endTimeMillis: 4_000 },
      { speaker: { id: '11', name: 'Maya Patel' }, text: 'Let us talk about the renewal.', startTimeMillis: 3_723_000, endTimeMillis: 3_725_000 },
    ],
  });
  expect(answer.status).toBe(200);
  return answer.body.id;
}

const audio = () => screen.getByLabelText<HTMLAudioElement>('Call recording');

describe('CallRecording: the transcript', { timeout: 30_000 }, () => {
  it('shows who said what and when, in call order, from HubSpot’s transcript', async () => {
    const id = await createTranscript();
    renderWithProviders(<CallRecording recordingUrl={RECORDING} transcriptId={id} />);
    const transcript = await screen.findByRole('list', { name: 'Transcript' });
    expect(within(transcript).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '00:02Maya PatelHello, how are you?',
      '01:05Ada LovelaceGood, and you?',
      '1:02:03Maya PatelLet us talk about the renewal.',
    ]);
    expect(within(transcript).getByText('Good, and you?')).toHaveAttribute('lang', 'en-GB');
    expect(screen.getByText(/Transcript from the calling app\. Select a line to play the recording from there\./)).toBeInTheDocument();
    expect(hs.hubspotRequests()).toEqual([`GET ${hs.paths.transcript(id)}`]);
  });

  it('plays the recording from a line when it is clicked, or chosen with Enter', async () => {
    const user = userEvent.setup();
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const id = await createTranscript();
    renderWithProviders(<CallRecording recordingUrl={RECORDING} transcriptId={id} />);

    await user.click(await screen.findByRole('button', { name: /01:05 ?Ada Lovelace ?Good, and you\?/ }));
    expect(audio().currentTime).toBe(65.4);
    expect(play).toHaveBeenCalledTimes(1);

    const first = screen.getByRole('button', { name: /Hello, how are you\?/ });
    first.focus();
    await user.keyboard('{Enter}');
    expect(audio().currentTime).toBe(2.5);
    expect(play).toHaveBeenCalledTimes(2);
  });

  it('shows the lines without play buttons when there is no recording to play', async () => {
    const id = await createTranscript();
    renderWithProviders(<CallRecording recordingUrl={null} transcriptId={id} />);
    expect(await screen.findByRole('list', { name: 'Transcript' })).toHaveTextContent('Hello, how are you?');
    expect(screen.getByText('No recording.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Hello/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Select a line/)).not.toBeInTheDocument();
  });

  it('stops offering to play from a line once the recording turns out not to load', async () => {
    const id = await createTranscript();
    renderWithProviders(<CallRecording recordingUrl={RECORDING} transcriptId={id} />);
    expect(await screen.findByRole('button', { name: /Hello, how are you\?/ })).toBeInTheDocument();
    fireEvent.error(audio());
    expect(await screen.findByText(/The recording could not be loaded/)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Transcript' })).toHaveTextContent('Hello, how are you?');
    expect(screen.queryByRole('button', { name: /Hello, how are you\?/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Select a line/)).not.toBeInTheDocument();
  });

  it('says HubSpot has no transcript through its API when HubSpot answers 404', async () => {
    renderWithProviders(<CallRecording recordingUrl={RECORDING} transcriptId="9000000001" />);
    expect(await screen.findByText(/HubSpot has no transcript for this call through its API\./)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Transcript' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Call recording')).toBeInTheDocument();
  });

  it('says HubSpot refused, with its message and the scope needed, and Retry reads it again', async () => {
    const user = userEvent.setup();
    const id = await createTranscript();
    hs.fail('GET', hs.paths.transcript(id), 403, hubspotError('This app hasn’t been granted all required scopes to make this call.', 'MISSING_SCOPES'));
    renderWithProviders(<CallRecording recordingUrl={RECORDING} transcriptId={id} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('HubSpot did not let this app read the transcript');
    expect(alert).toHaveTextContent('This app hasn’t been granted all required scopes to make this call.');
    expect(alert).toHaveTextContent('HTTP 403 · MISSING_SCOPES · Correlation ID: c0ffee00-0000-4000-8000-000000000001');
    expect(screen.getByText(/crm\.extensions_calling_transcripts\.read/)).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('list', { name: 'Transcript' })).toHaveTextContent('Good, and you?');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks HubSpot for no transcript when the call names none', async () => {
    renderWithProviders(<CallRecording recordingUrl={RECORDING} />);
    expect(screen.getByRole('region', { name: 'Recording' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Transcript' })).not.toBeInTheDocument();
    expect(hs.hubspotRequests()).toEqual([]);
  });
});
