import { describe, expect, it } from 'vitest';
import { readDraft, saveDraft } from './draft';
import { emptyCallFormValues } from './call-form-mapping';

describe('drafts', () => {
  it('round-trip what was typed, the source and the callee included', () => {
    const values = { ...emptyCallFormValues('UTC'), title: 'Typed', source: 'VOIP', calleeType: 'CONTACT', calleeId: '42' };
    expect(readDraft(saveDraft(values), 'UTC')).toMatchObject({ title: 'Typed', source: 'VOIP', calleeType: 'CONTACT', calleeId: '42' });
  });

  it('fill the fields a draft from before the form had them leaves out with empty values', () => {
    sessionStorage.setItem('call-draft:old', JSON.stringify({ title: 'Saved last week', timestamp: '2026-11-01T09:00:00.000Z' }));
    const draft = readDraft('old', 'UTC');
    expect(draft).toMatchObject({ title: 'Saved last week', source: '', calleeType: '', calleeId: '', attachmentIds: '' });
    expect(draft?.timestamp?.toISOString()).toBe('2026-11-01T09:00:00.000Z');
  });
});
