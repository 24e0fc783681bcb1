import type { MenuItemConstructorOptions } from 'electron';

import type { ShortcutId } from '../../shared/app/shortcuts';
import { shortcuts } from '../../shared/app/shortcuts';

/** The menu's Vietnamese name for each application shortcut (the compiler asks for every one). */
const shortcutLabels: Record<ShortcutId, string> = {
  save: 'Lưu ngay',
  newArticle: 'Bài mới',
  search: 'Tìm bài',
  mainAction: 'Bước chính (gửi duyệt, duyệt…)',
};

/** What the menu needs from main: whether this is an installed build, and a way to reach the page. */
export interface MenuDeps {
  isPackaged: boolean;
  /** Passes a chosen shortcut to the window's renderer, which runs it as if the keys were pressed. */
  sendShortcut: (id: ShortcutId) => void;
}

/**
 * The application menu: the article shortcuts with their accelerators, then Electron's roles
 * (copy/paste, zoom, quit), all in Vietnamese. The shortcuts' accelerators are shown but not
 * registered (`registerAccelerator: false`): the keys reach the page, where the renderer
 * handles them exactly as in the browser shell, so nothing runs twice.
 */
export function menuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Tệp',
      submenu: [
        ...shortcuts.map((shortcut): MenuItemConstructorOptions => ({
          id: `shortcut-${shortcut.id}`,
          label: shortcutLabels[shortcut.id],
          accelerator: shortcut.accelerator,
          registerAccelerator: false,
          click: () => deps.sendShortcut(shortcut.id),
        })),
        { type: 'separator' },
        { role: 'quit', label: 'Thoát' },
      ],
    },
    {
      label: 'Sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        { role: 'zoomIn', label: 'Phóng to' },
        { role: 'zoomOut', label: 'Thu nhỏ' },
        { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Toàn màn hình' },
        ...(deps.isPackaged
          ? []
          : [{ role: 'toggleDevTools' as const, label: 'Công cụ phát triển' }]),
      ],
    },
  ];
}
