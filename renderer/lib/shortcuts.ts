import { useEffect, useLayoutEffect, useRef } from 'react';

import type { ShortcutId } from '../../shared/app/shortcuts';
import { shortcutForKey } from '../../shared/app/shortcuts';

/** Handlers per shortcut; the one mounted last (the innermost screen) runs. */
const handlers = new Map<ShortcutId, Array<{ current: () => void }>>();

/** Runs the handler of a shortcut; false when no screen on show handles it. */
export function runShortcut(id: ShortcutId): boolean {
  const handler = handlers.get(id)?.at(-1);
  if (!handler) return false;
  handler.current();
  return true;
}

/**
 * Lets a component handle an application shortcut (shared/app/shortcuts.ts) while it is mounted.
 * The latest `handler` always runs, without re-registering on each render.
 */
export function useShortcut(id: ShortcutId, handler: () => void): void {
  const ref = useRef(handler);
  useLayoutEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const list = handlers.get(id) ?? [];
    const entry = { current: () => ref.current() };
    list.push(entry);
    handlers.set(id, list);
    return () => {
      const index = list.indexOf(entry);
      if (index >= 0) list.splice(index, 1);
    };
  }, [id]);
}

/**
 * Listens for the shortcuts while the signed-in app is on show: key presses anywhere in the
 * window (caught before the editor, so Ctrl+Enter never becomes a line break), and the
 * Electron menu's items. A shortcut's keys are always kept from the browser (Ctrl+S is never
 * «save page»), even on a screen that has nothing to do for it.
 */
export function useShortcutKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.isComposing) return;
      const id = shortcutForKey(event);
      if (!id) return;
      event.preventDefault();
      event.stopPropagation();
      if (!event.repeat) runShortcut(id);
    };
    window.addEventListener('keydown', onKey, true);
    const offMenu = window.newsdesk?.onShortcut?.((id) => void runShortcut(id));
    return () => {
      window.removeEventListener('keydown', onKey, true);
      offMenu?.();
    };
  }, []);
}
