import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Disposition } from '../../../api/schemas';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../../test/hubspot';
import { renderWithProviders } from '../../../test/render';
import { FiltersPanel } from './FiltersPanel';
import { DEFAULT_STATE, type ListState } from './list-state';

const dispositions: Disposition[] = [
  { id: 'g-busy', label: 'Busy', archived: false },
  { id: 'g-connected', label: 'Connected', archived: false },
  { id: 'g-voicemail', label: 'Left voicemail', archived: true },
];

let hs: HubSpotFake;
beforeEach(() => {
  hs = installHubSpot();
});
afterEach(() => uninstallHubSpot(hs));

describe('FiltersPanel', () => {
  it('two quick outcome picks, before the list re-renders, keep both', () => {
    // The URL's state as `update` sees it; the panel is not re-rendered between the clicks, as when the
    // second pick comes before the first one's navigation has rendered.
    let state: ListState = DEFAULT_STATE;
    renderWithProviders(<FiltersPanel filters={state.filters} update={(change) => (state = change(state))} dispositions={dispositions} owners={[]} />);
    fireEvent.mouseDown(within(screen.getByRole('group', { name: 'Filters' })).getAllByRole('combobox')[0]!);
    const menu = screen.getByRole('listbox');
    fireEvent.click(within(menu).getByRole('option', { name: /Connected/ }));
    fireEvent.click(within(menu).getByRole('option', { name: /Busy/ }));
    expect(state.filters.outcomes).toEqual(['g-busy', 'g-connected']);
  });

  it('keeps archived outcomes filterable, marked archived (calls still carry them)', () => {
    let state: ListState = DEFAULT_STATE;
    renderWithProviders(<FiltersPanel filters={state.filters} update={(change) => (state = change(state))} dispositions={dispositions} owners={[]} />);
    fireEvent.mouseDown(within(screen.getByRole('group', { name: 'Filters' })).getAllByRole('combobox')[0]!);
    const menu = screen.getByRole('listbox');
    expect(within(menu).getAllByRole('option').map((o) => o.textContent)).toEqual(['Busy', 'Connected', 'Left voicemail (archived)']);
    fireEvent.click(within(menu).getByRole('option', { name: 'Left voicemail (archived)' }));
    expect(state.filters.outcomes).toEqual(['g-voicemail']);
  });
});
