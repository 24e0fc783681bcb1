import type { App, Session } from 'electron';

/**
 * What the guards need from Electron besides `app` and the session: opening a link in the
 * system browser, and asking the user first (both faked in the Node tests).
 */
export interface ExternalLinks {
  openExternal(url: string): Promise<void>;
  /** Shows the host and the address; resolves true only when the user chose to open it. */
  confirm(host: string, url: string): Promise<boolean>;
}

/**
 * The address to open in the system browser, or null: only http and https, with a host and no
 * user name or password in it (`https://portal.vn@evil.example` would show the wrong host).
 */
export function externalTarget(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url;
}

/**
 * Opens a link outside the app only if it is http(s) and the user confirms after seeing the
 * host. Returns whether it was opened.
 */
export async function openExternalLink(raw: string, links: ExternalLinks): Promise<boolean> {
  const target = externalTarget(raw);
  if (!target) return false;
  if (!(await links.confirm(target.host, target.toString()))) return false;
  await links.openExternal(target.toString());
  return true;
}

/** The confirmation's words: the host first, then the full address. */
export function confirmationText(host: string, url: string) {
  return {
    message: `Mở trang ${host} trong trình duyệt?`,
    detail: `Newsdesk sắp mở địa chỉ sau bằng trình duyệt của máy:\n${url}\n\nChỉ mở nếu bạn tin trang này.`,
    buttons: ['Mở trang', 'Huỷ'],
  };
}

/**
 * One global guard for every web contents (docs/ARCHITECTURE.md rule 5): no navigation away from the app,
 * no new windows (http(s) links open in the system browser after a confirmation showing the
 * host), no webviews, and every permission request (camera, notifications, geolocation…)
 * denied.
 */
export function installSecurityGuards(
  app: Pick<App, 'on'>,
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  isAppUrl: (url: string) => boolean,
  links: ExternalLinks,
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
      void openExternalLink(url, links);
      return { action: 'deny' };
    });
  });
}
