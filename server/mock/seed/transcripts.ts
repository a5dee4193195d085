/**
 * Demo transcripts: some connected calls with a recording get a transcript of the conversation
 * between the call's owner and its contact, in English, with the timing of each line.
 */
import { INTEGRATOR_GENERATED, transcriptCallProperties } from '../crm/transcripts.js';
import type { MockDb } from '../store/db.js';
import { insertTranscript, type UtteranceRow } from '../store/transcripts.js';
import { createRng, type Rng } from './prng.js';

/** A seeded call that has a recording, with who spoke on it. */
export interface RecordedCall {
  id: number;
  createdAt: number;
  durationMs: number;
  ownerId?: string;
  contact: { id: number; name: string };
}

/** Conversations: the owner speaks the even lines, the contact the odd ones. */
const SCRIPTS: readonly (readonly string[])[] = [
  [
    'Hi {contact}, this is {owner}. Is now still a good time?',
    'Yes, I have about fifteen minutes.',
    'Great. Last time you said the weekly reporting takes your team a full day.',
    'That is right, most of it is copying numbers between spreadsheets.',
    'The analytics add-on pulls those numbers in for you every morning.',
    'That sounds useful. What would it cost for a team of twelve?',
    'I will send a proposal with the pricing tiers by Friday.',
    'Perfect. Please copy our finance lead on it.',
  ],
  [
    'Hello {contact}, {owner} here, following up on your support ticket.',
    'Thanks for calling back. The export still fails for large reports.',
    'Our engineers found the cause and shipped a fix this morning.',
    'Good to hear. Do we need to change anything on our side?',
    'Nothing at all. Could you try the export once more while we are on the line?',
    'Sure, give me a second. Yes, it worked this time.',
    'Excellent. I will close the ticket and send you a short summary.',
    'Great, thank you for the quick help.',
  ],
  [
    'Hi {contact}, it is {owner}. I am calling about your renewal next month.',
    'Good timing, we were just discussing it internally.',
    'Is there anything you would like to change in the contract?',
    'We would like to add five more seats for the new support team.',
    'That is easy to do. Should the new seats start with the renewal?',
    'Yes, the renewal date works for us.',
    'Then I will update the order form and send it over today.',
    'Sounds good, I will get it signed this week.',
  ],
];

const fill = (line: string, owner: string, contact: string) => line.replace('{owner}', owner).replace('{contact}', contact.split(' ')[0] ?? contact);

function utterances(rng: Rng, call: RecordedCall, owner: { id: string; name: string; email: string } | undefined): Omit<UtteranceRow, 'id'>[] {
  const ownerSpeaker = owner ?? { id: 'agent', name: 'Agent' };
  const contactSpeaker = { id: String(call.contact.id), name: call.contact.name };
  const out: Omit<UtteranceRow, 'id'>[] = [];
  let at = rng.int(500, 2_000);
  for (const [i, line] of rng.pick(SCRIPTS).entries()) {
    const end = at + rng.int(2_500, 6_500);
    if (end > call.durationMs) break;
    const text = fill(line, ownerSpeaker.name, call.contact.name);
    out.push({ speaker: i % 2 === 0 ? ownerSpeaker : contactSpeaker, text, startMs: at, endMs: end, language: 'en-US' });
    at = end + rng.int(200, 1_200);
  }
  return out;
}

/**
 * Gives every fifth recorded call a transcript. One more call says it has a transcript that HubSpot
 * made itself and does not serve through its API (integrators report 404s for those).
 */
export function seedTranscripts(db: MockDb, calls: readonly RecordedCall[]): void {
  const rng = createRng(20_261_101);
  const owners = new Map(db.owners(false).map((o) => [String(o.id), { id: String(o.userId), name: `${o.firstName} ${o.lastName}`, email: o.email }]));
  const mark = (callId: number, transcriptId: number) => {
    for (const [name, value] of Object.entries(transcriptCallProperties(transcriptId))) db.setPropRaw('calls', callId, name, value);
  };
  calls.forEach((call, i) => {
    if (i % 5 !== 0) return;
    const lines = utterances(rng, call, call.ownerId === undefined ? undefined : owners.get(call.ownerId));
    if (lines.length === 0) return;
    mark(call.id, insertTranscript(db, { callId: call.id, source: INTEGRATOR_GENERATED, createdAt: call.createdAt, utterances: lines }));
  });
  const hubspotOnly = calls[3];
  if (hubspotOnly) mark(hubspotOnly.id, 9_000_000_001);
}
