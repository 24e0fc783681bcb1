import path from 'node:path';

import type { BrowserWindow } from 'electron';
import {
  app,
  crashReporter,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';

import {
  closeReadyChannel,
  closeRequestChannel,
  shortcutChannel,
} from '../../shared/contract/ipcChannels';
import { AppError } from '../../shared/errors/appError';
import type { LibraryHost } from '../core/recovery/libraryHost';
import { openLibraryHost } from '../core/recovery/libraryHost';
import { installCrashHandlers } from '../core/logging/crashReports';
import { bindContract } from './ipc/bindContract';
import { buildMenu } from './menu';
import { createDesktopSecretBox } from './secretBox';
import { confirmationText, installSecurityGuards } from './security/guards';
import { handleProtocols, registerSchemes } from './security/protocols';
import { rendererLocation } from './security/rendererUrl';
import { createMainWindow } from './windows/createMainWindow';

/**
 * Lifecycle only: lock, compose the core, bind the contract, open the window. Everything the app
 * does lives in electron/core, which runs the same under the browser shell.
 */
const renderer = rendererLocation(app.isPackaged, process.env);
const isAppUrl = renderer.isAppUrl;

crashReporter.start({ uploadToServer: false });
registerSchemes(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: LibraryHost | null = null;
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    // Let photo batches stop cleanly and the library close before the process ends.
    if (closed || !core) return;
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    try {
      core = openLibraryHost({
        dataDir: app.getPath('userData'),
        shell: 'desktop',
        appVersion: app.getVersion(),
        versions: { electron: process.versions.electron, chrome: process.versions.chrome },
        photoWorkerUrl: path.join(__dirname, 'photoWorker.js'),
        // electron-builder copies resources/ next to app.asar (extraResources).
        resourcesDir: app.isPackaged
          ? path.join(process.resourcesPath, 'resources')
          : path.join(app.getAppPath(), 'resources'),
        secretBox: createDesktopSecretBox(safeStorage),
        scheduleBackups: true,
      });
    } catch (error) {
      const message = error instanceof AppError ? error.userMessage : String(error);
      dialog.showErrorBox('Newsdesk không mở được thư viện', message);
      app.quit();
      return;
    }
    const opened = core;
    // A damaged or behind library opens the window on the recovery screen; a folder that cannot
    // be written has nothing to show but the message that names it.
    const status = opened.status();
    if (status.kind === 'folder_problem') {
      dialog.showErrorBox('Newsdesk không mở được thư viện', status.message);
      closed = true;
      app.quit();
      return;
    }
    installCrashHandlers(opened.paths.crashes, opened.logger, (file) => {
      dialog.showErrorBox(
        'Newsdesk gặp lỗi và phải đóng',
        `Bài viết đã lưu vẫn an toàn. Báo cáo lỗi: ${file}`,
      );
      app.exit(70);
    });
    installSecurityGuards(app, session.defaultSession, isAppUrl, {
      openExternal: (url) => shell.openExternal(url),
      async confirm(host, url) {
        const text = confirmationText(host, url);
        const options = { type: 'question' as const, defaultId: 1, cancelId: 1, ...text };
        const answer = window
          ? await dialog.showMessageBox(window, options)
          : await dialog.showMessageBox(options);
        return answer.response === 0;
      },
    });
    handleProtocols(protocol, path.join(__dirname, '../renderer'), opened.paths.media);
    buildMenu({
      isPackaged: app.isPackaged,
      sendShortcut: (id) => window?.webContents.send(shortcutChannel, id),
    });

    window = createMainWindow({
      preload: path.join(__dirname, '../preload/index.js'),
      url: renderer.url,
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      opened.logger.error('renderer gone', { reason: details.reason, exitCode: details.exitCode });
    });
    bindContract(ipcMain, opened, () => window, isAppUrl);

    // Ask the renderer to save before the window closes; never wait more than 2 s.
    let closeConfirmed = false;
    window.on('close', (event) => {
      if (closeConfirmed || !window) return;
      event.preventDefault();
      const target = window;
      const finish = (): void => {
        closeConfirmed = true;
        target.close();
      };
      const timer = setTimeout(finish, 2000);
      ipcMain.once(closeReadyChannel, () => {
        clearTimeout(timer);
        finish();
      });
      target.webContents.send(closeRequestChannel);
    });
    window.on('closed', () => {
      window = null;
    });
  });
}
