/**
 * The application's keyboard shortcuts, defined once: the renderer matches key presses against
 * them, the About screen lists them, and Electron's menu shows them as accelerators. Labels live
 * with each reader (i18next in the renderer, the Vietnamese menu in main); a new shortcut here
 * makes the compiler ask each of them for one. See docs/keyboard.md.
 */
export const shortcuts = [
  /** Save the open article now, with feedback. */
  { id: 'save', key: 's', code: 'KeyS', accelerator: 'CmdOrCtrl+S' },
  /** Create a new article and open it. */
  { id: 'newArticle', key: 'n', code: 'KeyN', accelerator: 'CmdOrCtrl+N' },
  /** Put the caret in the article search box. */
  { id: 'search', key: 'f', code: 'KeyF', accelerator: 'CmdOrCtrl+F' },
  /** The workflow bar's main step (submit for review, start review, approve…) when allowed. */
  { id: 'mainAction', key: 'enter', code: 'Enter', accelerator: 'CmdOrCtrl+Enter' },
] as const;

/** One application shortcut. */
export type Shortcut = (typeof shortcuts)[number];

/** The name of an application shortcut. */
export type ShortcutId = Shortcut['id'];

/** Narrows an arbitrary value (say, from IPC) to a shortcut's id. */
export function isShortcutId(value: unknown): value is ShortcutId {
  return shortcuts.some((shortcut) => shortcut.id === value);
}

/** The parts of a key event the matcher reads (a DOM KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * The shortcut a key press means, or null. Ctrl (⌘ on a Mac) with no other modifier; the
 * physical key counts as well as the character, so a Vietnamese or non-Latin layout still works.
 */
export function shortcutForKey(press: KeyPress): ShortcutId | null {
  if (!(press.ctrlKey || press.metaKey) || press.altKey || press.shiftKey) return null;
  const key = press.key.toLowerCase();
  const found = shortcuts.find((shortcut) => shortcut.code === press.code || shortcut.key === key);
  return found?.id ?? null;
}

/** How the keys are written for a person: `Ctrl+S`, or `⌘S` on a Mac. */
export function keysLabel(shortcut: Shortcut, mac: boolean): string {
  const key = shortcut.accelerator.slice('CmdOrCtrl+'.length);
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}
