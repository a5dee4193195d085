/** Saved views in the browser: the Views menu, its dialogs and a view's link, over the real /api/views and its store. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { renderWithProviders } from '../../test/render';
import { OpenSavedView } from './OpenSavedView';
import type { SavedView, ViewState } from './views-api';
import { ViewsMenu } from './ViewsMenu';

let hs: HubSpotFake;
beforeEach(() => {
  hs = installHubSpot();
});
afterEach(() => uninstallHubSpot(hs));

const current: ViewState = {
  search: 'direction=INBOUND&sort=-duration',
  columns: { order: ['title', 'time', 'outcome'], hidden: ['outcome'], widths: { title: 300 } },
  density: null,
};

/** The views as the server has them now (read back through its API). */
async function storedViews(): Promise<SavedView[]> {
  const res = await hs.fetch('/api/views');
  return ((await res.json()) as { results: SavedView[] }).results;
}

async function seedView(name: string, state: Partial<ViewState> = {}): Promise<SavedView> {
  const res = await hs.fetch('/api/views', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, search: '', ...state }),
  });
  if (res.status !== 201) throw new Error(`seeding ${name}: ${res.status}`);
  return (await res.json()) as SavedView;
}

async function openMenu(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Views' }));
  return screen.findByRole('menu', { name: 'Views' });
}

async function openSaveDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(within(await openMenu(user)).getByRole('menuitem', { name: 'Save current view…' }));
  return screen.findByRole('dialog', { name: 'Save the current view' });
}

describe('Views menu', () => {
  it('saves the current view for the team under the typed name, and lists it as a link to the view', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ViewsMenu current={current} />, { route: '/calls?direction=INBOUND&sort=-duration' });
    const dialog = await openSaveDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), '  Long inbound   calls ');
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));

    expect(await screen.findByText('Saved the view “Long inbound calls” for the team.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [saved] = await storedViews();
    expect(saved).toMatchObject({ name: 'Long inbound calls', ...current });

    const menu = await openMenu(user);
    const item = await within(menu).findByRole('menuitem', { name: 'Long inbound calls' });
    expect(item).toHaveAttribute('href', `/calls?view=${saved?.id}`);
  });

  it('checks the name on the field: empty, too long, and a name another view has (the server’s 409)', async () => {
    await seedView('Missed calls');
    const user = userEvent.setup();
    renderWithProviders(<ViewsMenu current={current} />);
    const dialog = await openSaveDialog(user);
    const name = within(dialog).getByRole('textbox', { name: 'Name' });

    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    expect(name).toHaveAccessibleDescription('Give the view a name.');
    expect(name).toHaveAttribute('aria-invalid', 'true');

    await user.click(name);
    await user.paste('x'.repeat(81));
    expect(name).toHaveAccessibleDescription('Names are at most 80 characters (this one has 81).');

    await user.clear(name);
    await user.type(name, 'MISSED calls');
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription('A view named "Missed calls" already exists. Choose another name.'));
    expect(name).toHaveValue('MISSED calls');

    // Another name clears the server's objection and saves.
    await user.type(name, ' today');
    expect(name).toHaveAttribute('aria-invalid', 'false');
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await storedViews()).map((v) => v.name)).toEqual(['Missed calls', 'MISSED calls today']);
  });

  it('keeps the dialog and the typed name when the network fails, and saves on the next try', async () => {
    let failNext = true;
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      if (failNext && input === '/api/views' && init?.method === 'POST') {
        failNext = false;
        throw new TypeError('Failed to fetch');
      }
      return hs.fetch(input, init);
    });
    const user = userEvent.setup();
    renderWithProviders(<ViewsMenu current={current} />);
    const dialog = await openSaveDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Inbound');
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not reach the server. Check your connection and try again (Failed to fetch).');
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Inbound');
    expect(await storedViews()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await storedViews()).map((v) => v.name)).toEqual(['Inbound']);
  });

  it('manages views: copies a view’s link, renames it (409 on a taken name) and deletes it after confirming', async () => {
    const inbound = await seedView('Inbound', { search: 'direction=INBOUND' });
    await seedView('Busy');
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    renderWithProviders(<ViewsMenu current={current} />);
    await user.click(within(await openMenu(user)).getByRole('menuitem', { name: 'Manage views…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Saved views' });
    expect(await within(dialog).findByRole('link', { name: 'Inbound' })).toHaveAttribute('href', `/calls?view=${inbound.id}`);

    await user.click(within(dialog).getByRole('button', { name: 'Copy the link to Inbound' }));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/calls?view=${inbound.id}`);
    expect(await screen.findByText('Copied the link to “Inbound”.')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Rename Inbound' }));
    const rename = await screen.findByRole('dialog', { name: 'Rename the view' });
    const name = within(rename).getByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('Inbound');
    await user.clear(name);
    await user.type(name, 'busy');
    await user.click(within(rename).getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription('A view named "Busy" already exists. Choose another name.'));
    await user.clear(name);
    await user.type(name, 'Inbound (team)');
    await user.click(within(rename).getByRole('button', { name: 'Rename' }));
    expect(await within(dialog).findByRole('link', { name: 'Inbound (team)' })).toBeInTheDocument();
    expect((await storedViews()).map((v) => v.name)).toEqual(['Busy', 'Inbound (team)']);

    await user.click(within(dialog).getByRole('button', { name: 'Delete Busy' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete the view “Busy”?' });
    expect(confirm).toHaveTextContent('Everyone on the team loses this view and its link. No call is changed.');
    await user.click(within(confirm).getByRole('button', { name: 'Delete view' }));
    await waitFor(() => expect(within(dialog).queryByRole('link', { name: 'Busy' })).not.toBeInTheDocument());
    expect((await storedViews()).map((v) => v.name)).toEqual(['Inbound (team)']);
  });

  it('treats deleting a view a teammate already deleted as done', async () => {
    const gone = await seedView('Gone soon');
    const user = userEvent.setup();
    renderWithProviders(<ViewsMenu current={current} />);
    await user.click(within(await openMenu(user)).getByRole('menuitem', { name: 'Manage views…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Saved views' });
    await within(dialog).findByRole('link', { name: 'Gone soon' });
    await hs.fetch(`/api/views/${gone.id}`, { method: 'DELETE' });

    await user.click(within(dialog).getByRole('button', { name: 'Delete Gone soon' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Delete the view “Gone soon”?' })).getByRole('button', { name: 'Delete view' }));
    await waitFor(() => expect(within(dialog).queryByRole('link', { name: 'Gone soon' })).not.toBeInTheDocument());
    expect(within(dialog).getByText(/No saved views yet/)).toBeInTheDocument();
  });
});

describe('a saved view’s link', () => {
  it('hands the view as the server has it to the list', async () => {
    const view = await seedView('Inbound', current);
    const onOpen = vi.fn();
    renderWithProviders(<OpenSavedView id={view.id} onOpen={onOpen} />);
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith(view));
  });

  it('says when the view no longer exists, with a way to the list', async () => {
    const onOpen = vi.fn();
    renderWithProviders(<OpenSavedView id="404" onOpen={onOpen} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This saved view no longer exists: someone on the team may have deleted it.');
    expect(screen.getByRole('link', { name: 'Open the call list' })).toHaveAttribute('href', '/calls');
    expect(onOpen).not.toHaveBeenCalled();
  });
});
