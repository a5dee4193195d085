import { useEffect, useRef } from 'react';
import { useBrowserFact } from './useBrowserFact';

/**
 * Keyboard shortcuts of a screen: `useShortcuts({ j: next, k: previous, '/': focusSearch, 'mod+z': undo })`.
 *
 * A key is what `KeyboardEvent.key` says (letters in either case, digits, `/`, `?`, `Escape`), optionally
 * prefixed with `mod+` (Ctrl, or ⌘ on a Mac). A plain key fires only without Ctrl, ⌘ and Alt; Shift is
 * allowed, since it is how `?` is typed. Nothing fires while the user types or works in a widget that owns
 * its keys (a text field, a select, contenteditable, an open menu, listbox or dialog), nor for a key press a
 * component already handled (`preventDefault`). A handled shortcut's default action is prevented.
 */
export type ShortcutMap = Readonly<Record<string, ((event: KeyboardEvent) => void) | undefined>>;

const OWNS_ITS_KEYS = 'input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"], [type="reset"]), textarea, select, [contenteditable]:not([contenteditable="false"]), [role="menu"], [role="listbox"], [role="dialog"], [role="alertdialog"]';

/** Whether a key press on `target` belongs to what the user is typing in or working with, not to the page. */
function ownsItsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest(OWNS_ITS_KEYS) !== null;
}

function shortcutOf(event: KeyboardEvent): string | null {
  if (event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.ctrlKey || event.metaKey) return event.shiftKey ? null : `mod+${key}`;
  return key;
}

export function useShortcuts(shortcuts: ShortcutMap, enabled = true): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.repeat || ownsItsKeys(event.target)) return;
      const name = shortcutOf(event);
      const handler = name === null ? undefined : latest.current[name];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

const modKeyOfPlatform = () => (/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl');

/** How the `mod` key is written for this user: ⌘ on Apple devices, Ctrl elsewhere (and on the server, which cannot know). */
export function useModKeyLabel(): string {
  return useBrowserFact(modKeyOfPlatform, () => 'Ctrl');
}
