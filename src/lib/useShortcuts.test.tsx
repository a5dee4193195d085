import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useShortcuts, type ShortcutMap } from './useShortcuts';

function Screen({ shortcuts }: { shortcuts: ShortcutMap }) {
  useShortcuts(shortcuts);
  return (
    <div>
      <button type="button">A button</button>
      <input aria-label="Text" />
      <input aria-label="Agree" type="checkbox" />
      <textarea aria-label="Notes" />
      <select aria-label="Choice">
        <option>One</option>
      </select>
      <div aria-label="Rich text" contentEditable suppressContentEditableWarning>
        <span>Editable</span>
      </div>
      <ul role="menu" aria-label="Menu">
        <li role="menuitem" tabIndex={-1}>
          Item
        </li>
      </ul>
      <div role="dialog" aria-label="Dialog">
        <button type="button">In dialog</button>
      </div>
    </div>
  );
}

function setup() {
  const handlers = { j: vi.fn(), '?': vi.fn(), '1': vi.fn(), 'mod+z': vi.fn(), Escape: vi.fn() };
  render(<Screen shortcuts={handlers} />);
  return handlers;
}

describe('useShortcuts', () => {
  it('fires a key pressed on the page, in either case, and prevents its default', () => {
    const h = setup();
    const event = new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    fireEvent.keyDown(screen.getByRole('button', { name: 'A button' }), { key: 'J', shiftKey: true });
    fireEvent.keyDown(document.body, { key: '1' });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(h.j).toHaveBeenCalledTimes(2);
    expect(event.defaultPrevented).toBe(true);
    expect(h['1']).toHaveBeenCalledTimes(1);
    expect(h.Escape).toHaveBeenCalledTimes(1);
  });

  it('takes ? as typed (with Shift) and mod+ as Ctrl or ⌘, but not with Alt or Shift', () => {
    const h = setup();
    fireEvent.keyDown(document.body, { key: '?', shiftKey: true });
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    fireEvent.keyDown(document.body, { key: 'z', metaKey: true });
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true, shiftKey: true });
    fireEvent.keyDown(document.body, { key: 'j', altKey: true });
    fireEvent.keyDown(document.body, { key: 'j', ctrlKey: true });
    fireEvent.keyDown(document.body, { key: 'z' });
    expect(h['?']).toHaveBeenCalledTimes(1);
    expect(h['mod+z']).toHaveBeenCalledTimes(2);
    expect(h.j).not.toHaveBeenCalled();
  });

  it('never fires while typing in a field or working in a menu or dialog', () => {
    const h = setup();
    for (const target of [
      screen.getByRole('textbox', { name: 'Text' }),
      screen.getByRole('textbox', { name: 'Notes' }),
      screen.getByRole('combobox', { name: 'Choice' }),
      screen.getByText('Editable'),
      screen.getByRole('menuitem', { name: 'Item' }),
      screen.getByRole('button', { name: 'In dialog' }),
    ]) {
      fireEvent.keyDown(target, { key: 'j' });
      fireEvent.keyDown(target, { key: '?', shiftKey: true });
      fireEvent.keyDown(target, { key: 'z', ctrlKey: true });
    }
    expect(h.j).not.toHaveBeenCalled();
    expect(h['?']).not.toHaveBeenCalled();
    expect(h['mod+z']).not.toHaveBeenCalled();
  });

  it('fires on a checkbox (nothing is typed there), but not for a key a component already handled', () => {
    const h = setup();
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Agree' }), { key: 'j' });
    const button = screen.getByRole('button', { name: 'A button' });
    button.addEventListener('keydown', (e) => e.preventDefault());
    fireEvent.keyDown(button, { key: 'j' });
    expect(h.j).toHaveBeenCalledTimes(1);
  });
});
