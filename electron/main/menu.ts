import { Menu } from 'electron';

import type { MenuDeps } from './menuTemplate';
import { menuTemplate } from './menuTemplate';

/** Installs the application menu (built by `menuTemplate`, which tests read under Node). */
export function buildMenu(deps: MenuDeps): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(deps)));
}
