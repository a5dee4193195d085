import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Disposition, HubSpotObject } from '../../../api/schemas';
import { renderWithProviders } from '../../../test/render';
import { OutcomeMenu } from './OutcomeMenu';

const dispositions: Disposition[] = [
  { id: 'g-connected', label: 'Connected', archived: false },
  { id: 'g-voicemail', label: 'Left voicemail', archived: true },
  { id: 'g-old', label: 'Call back later', archived: true },
];

function call(outcome: string): HubSpotObject {
  return { id: '7', properties: { hs_call_title: 'Triage me', hs_call_disposition: outcome }, createdAt: '', updatedAt: '', archived: false };
}

describe('OutcomeMenu', () => {
  it('offers the active outcomes; the archived one a call carries is shown checked, marked archived, not offered', () => {
    const anchor = document.createElement('button');
    document.body.append(anchor);
    const onPick = vi.fn();
    renderWithProviders(<OutcomeMenu target={{ call: call('g-voicemail'), anchor }} dispositions={dispositions} onPick={onPick} onClose={() => {}} />);
    const menu = screen.getByRole('menu', { name: 'Outcome of Triage me' });
    // names as a screen reader reads them (the hotkey hint is aria-hidden, given as aria-keyshortcuts)
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items).toHaveLength(2);
    const connected = within(menu).getByRole('menuitemradio', { name: 'Connected' });
    expect([connected.getAttribute('aria-checked'), connected.getAttribute('aria-disabled'), connected.getAttribute('aria-keyshortcuts')]).toEqual(['false', null, '1']);
    const archived = within(menu).getByRole('menuitemradio', { name: 'Left voicemail (archived)' });
    expect([archived.getAttribute('aria-checked'), archived.getAttribute('aria-disabled'), archived.getAttribute('aria-keyshortcuts')]).toEqual(['true', 'true', null]);
  });
});
