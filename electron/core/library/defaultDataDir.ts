import os from 'node:os';
import path from 'node:path';

/**
 * The platform's data folder for Newsdesk, the same one Electron's `app.getPath('userData')`
 * gives, so the desktop app and the browser shell open the same library by default.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Newsdesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Newsdesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Newsdesk');
}
