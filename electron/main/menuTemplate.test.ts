import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';

import type { ShortcutId } from '../../shared/app/shortcuts';
import { shortcuts } from '../../shared/app/shortcuts';
import { menuTemplate } from './menuTemplate';

/** Every item of a template, submenus flattened. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

/**
 * Issue 15, point 9. The Electron binary cannot run here, so the menu's template runs under
 * Node and its items are clicked as Electron would (with a stand-in for the focused window).
 */
describe('the application menu', () => {
  it('lists every application shortcut with its accelerator, and a click reaches the page', () => {
    const sent: ShortcutId[] = [];
    const template = menuTemplate({ isPackaged: true, sendShortcut: (id) => sent.push(id) });
    const all = items(template);
    for (const shortcut of shortcuts) {
      const item = all.find((candidate) => candidate.id === `shortcut-${shortcut.id}`);
      expect(item?.accelerator).toBe(shortcut.accelerator);
      expect(item?.label).toMatch(/\p{L}/u);
      // Shown, not registered: the keys reach the page, which handles them once.
      expect(item?.registerAccelerator).toBe(false);
      const window = { id: 1 } as unknown as Electron.BaseWindow;
      item?.click?.({} as Electron.MenuItem, window, {});
    }
    expect(sent).toEqual(shortcuts.map((shortcut) => shortcut.id));
    // Nothing else claims the same keys.
    const accelerators = all.flatMap((item) => (item.accelerator ? [item.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('keeps the developer tools out of an installed build', () => {
    const roles = (packaged: boolean) =>
      items(menuTemplate({ isPackaged: packaged, sendShortcut: () => undefined })).map(
        (item) => item.role,
      );
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).toContain('quit');
  });
});
