import type { App, Session } from 'electron';
import { shell } from 'electron';

/**
 * One global guard for every web contents (STYLE.md rule 5): no navigation away from the app,
 * no new windows (https links open in the system browser), no webviews, and every permission
 * request (camera, notifications, geolocation…) denied.
 */
export function installSecurityGuards(
  app: App,
  session: Session,
  isAppUrl: (url: string) => boolean,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
