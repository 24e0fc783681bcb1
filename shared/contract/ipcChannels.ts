/** IPC channel for a contract call; one channel per call, built from the contract map. */
export const callChannel = (name: string): string => `call:${name}`;
/** IPC channel for a contract event. */
export const eventChannel = (name: string): string => `event:${name}`;
/** Main asks the renderer to save before the window closes; the renderer answers on `closeReadyChannel`. */
export const closeRequestChannel = 'app:close-request';
/** The renderer has saved and the window may close. */
export const closeReadyChannel = 'app:close-ready';
/** Main tells the renderer a menu item for an application shortcut was chosen (shared/app/shortcuts.ts). */
export const shortcutChannel = 'app:shortcut';
