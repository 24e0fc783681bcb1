import path from 'node:path';

import { BrowserWindow } from 'electron';

/**
 * The one window factory: every window gets the same hardened preferences (docs/ARCHITECTURE.md rule 5).
 */
export function createMainWindow(options: {
  preload: string;
  url: string;
  icon?: string;
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Newsdesk — Bàn biên tập',
    backgroundColor: '#f6f7f9',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: path.resolve(options.preload),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
