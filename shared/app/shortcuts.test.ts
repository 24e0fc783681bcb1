import { describe, expect, it } from 'vitest';

import { isShortcutId, keysLabel, shortcutForKey, shortcuts } from './shortcuts';

const press = (
  key: string,
  code: string,
  mods: Partial<Record<'ctrl' | 'meta' | 'alt' | 'shift', boolean>> = {},
) => ({
  key,
  code,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
});

describe('application shortcuts', () => {
  it('match Ctrl (or ⌘) with the key or the physical key, and nothing else', () => {
    expect(shortcutForKey(press('s', 'KeyS', { ctrl: true }))).toBe('save');
    expect(shortcutForKey(press('S', 'KeyS', { meta: true }))).toBe('save');
    expect(shortcutForKey(press('Enter', 'Enter', { ctrl: true }))).toBe('mainAction');
    // A layout whose key at KeyF types another letter still means search.
    expect(shortcutForKey(press('а', 'KeyF', { ctrl: true }))).toBe('search');
    expect(shortcutForKey(press('s', 'KeyS'))).toBeNull();
    expect(shortcutForKey(press('s', 'KeyS', { ctrl: true, shift: true }))).toBeNull();
    expect(shortcutForKey(press('n', 'KeyN', { ctrl: true, alt: true }))).toBeNull();
    expect(shortcutForKey(press('b', 'KeyB', { ctrl: true }))).toBeNull();
  });

  it('have one id each, written as a person reads them', () => {
    expect(new Set(shortcuts.map((s) => s.id)).size).toBe(shortcuts.length);
    expect(shortcuts.map((s) => keysLabel(s, false))).toEqual([
      'Ctrl+S',
      'Ctrl+N',
      'Ctrl+F',
      'Ctrl+Enter',
    ]);
    expect(keysLabel(shortcuts[0], true)).toBe('⌘S');
    expect(isShortcutId('save')).toBe(true);
    expect(isShortcutId('quit')).toBe(false);
    expect(isShortcutId(42)).toBe(false);
  });
});
