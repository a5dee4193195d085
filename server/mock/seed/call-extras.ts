/**
 * The demo calls' properties beyond the calls guide's: what calling integrations send today (external
 * ids, app id, VoIP and Zoom sources, summaries, recording durations, video recordings, the callee's
 * object type id), missed inbound calls with a voicemail, and calls that still carry an outcome the
 * account has since archived. Applied after the calls exist, with a random source of its own, so the
 * rest of the demo data stays as it was.
 */
import type { MockDb } from '../store/db.js';
import { DISPOSITION, NOTE_LINES } from './data.js';
import { createRng } from './prng.js';

const CALLEE_OBJECT_TYPE_IDS: Record<string, string> = { CONTACT: '0-1', COMPANY: '0-2' };
const CALLING_APP_ID = 'demo-dialer-4211';

export function seedCallExtras(db: MockDb): void {
  const rng = createRng(20_261_001);
  db.liveIds('calls').forEach((id, i) => {
    const props = db.getObject('calls', id, false)?.props;
    if (!props) return;
    const set = (name: string, value: string) => db.setPropRaw('calls', id, name, value);

    const calleeType = props['hs_call_callee_object_type'];
    const typeId = calleeType ? CALLEE_OBJECT_TYPE_IDS[calleeType] : undefined;
    if (typeId) set('hs_call_callee_object_type_id', typeId);

    const recorded = Boolean(props['hs_call_recording_url']);
    let source = props['hs_call_source'];
    if (!source && i % 9 === 4) source = 'VOIP';
    else if (!source && i % 13 === 6) source = 'ZOOM';
    if (source && source !== props['hs_call_source']) set('hs_call_source', source);

    if (source === 'INTEGRATIONS_PLATFORM') {
      set('hs_call_app_id', CALLING_APP_ID);
      set('hs_call_external_account_id', 'acct-7731');
      set('hs_call_external_id', `dlr-${String(100_000 + id * 7)}`);
    }
    if (recorded) {
      const duration = Number(props['hs_call_duration'] ?? '0');
      set('hs_call_recording_duration', String(Math.max(0, duration - rng.int(500, 4_000))));
      if (source === 'ZOOM') set('hs_call_video_recording_url', `https://zoom.example.com/rec/share/${id.toString(36)}-${rng.int(1000, 9999)}`);
      if (i % 3 === 0) set('hs_call_summary', `${rng.pick(NOTE_LINES)} ${rng.pick(NOTE_LINES)}`);
    }

    // HubSpot shows an inbound call with a voicemail as missed, with hs_call_has_voicemail=true.
    if (props['hs_call_direction'] === 'INBOUND' && props['hs_call_disposition'] === DISPOSITION.voicemail && !recorded) {
      set('hs_call_status', 'MISSED');
    }

    // The outcome the account archived: older unanswered calls still carry it.
    if (i % 17 === 8 && props['hs_call_disposition'] === DISPOSITION.noAnswer) {
      set('hs_call_disposition', DISPOSITION.callbackRequested);
    }
  });
}
