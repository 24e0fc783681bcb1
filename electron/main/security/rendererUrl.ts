import { appOrigin } from './protocols';

/**
 * Where the window loads the renderer from, and which URLs count as the app's own (navigation,
 * IPC senders). The dev server's address (`ELECTRON_RENDERER_URL`, set by electron-vite) is
 * honoured only in a development run: an installed build always loads `app://newsdesk`, whatever
 * the environment says, so nobody can point an installed app at their own page (issue 12).
 */
export function rendererLocation(isPackaged: boolean, env: NodeJS.ProcessEnv) {
  const raw = isPackaged ? undefined : env.ELECTRON_RENDERER_URL;
  let devServer: string | undefined;
  if (raw) {
    try {
      const url = new URL(raw);
      // electron-vite's dev server runs on this machine only.
      if (
        url.protocol === 'http:' &&
        (url.hostname === 'localhost' || url.hostname === '127.0.0.1')
      )
        devServer = url.origin;
    } catch {
      devServer = undefined;
    }
  }
  return {
    url: devServer ? `${devServer}/` : `${appOrigin}/index.html`,
    isAppUrl: (url: string): boolean =>
      url.startsWith(`${appOrigin}/`) ||
      (devServer !== undefined && (url === devServer || url.startsWith(`${devServer}/`))),
  };
}
