import { useTranslation } from 'react-i18next';

import type { PortalKind, SyncAction, SyncState } from '../../../shared/domain/sync';

/*
 * Portal sync's UI text, Vietnamese first, kept beside the feature like the photo desk's. The
 * outbox's own error messages come from the main side, already in Vietnamese.
 */

const vi = {
  nav: 'Đồng bộ cổng',
  title: 'Đồng bộ lên cổng thông tin',
  intro:
    'Bài đã duyệt được đưa vào hàng đợi và gửi lên cổng khi có mạng; ảnh được gửi trước, bài sau. Lỗi mạng tự thử lại; lỗi cần bạn xử lý hiện ở đây.',
  online: 'Đang kết nối cổng',
  offline: 'Mất kết nối cổng',
  unknown: 'Chưa liên lạc cổng',
  waiting: (count: number) => (count === 0 ? 'Không có bài chờ' : `${count} bài đang chờ`),
  failedCount: (count: number) => `${count} lỗi`,
  conflictCount: (count: number) => `${count} xung đột`,
  empty: 'Hàng đợi trống. Bài được đưa vào đây khi biên tập viên duyệt hoặc hẹn giờ đăng.',
  filterOpen: 'Đang chờ và lỗi',
  filterAll: 'Tất cả',
  article: 'Bài viết',
  portal: 'Cổng',
  state: 'Trạng thái',
  progress: 'Tiến độ',
  attempts: (n: number) => (n === 0 ? '' : `đã thử ${n} lần`),
  nextAttempt: (time: string) => `thử lại lúc ${time}`,
  actions: { publish: 'Đăng', takedown: 'Gỡ bài' } satisfies Record<SyncAction, string>,
  states: {
    queued: 'Chờ gửi',
    uploading_media: 'Đang gửi ảnh',
    uploading_article: 'Đang gửi bài',
    done: 'Đã lên cổng',
    failed: 'Lỗi',
    cancelled: 'Đã dừng',
    conflict: 'Xung đột',
  } satisfies Record<SyncState, string>,
  retry: 'Thử lại',
  cancel: 'Dừng',
  openRemote: 'Xem trên cổng',
  resolve: 'Xử lý xung đột',
  log: 'Nhật ký đồng bộ',
  logEmpty: 'Chưa có gì trong nhật ký.',
  refresh: 'Làm mới',
  conflict: {
    title: 'Bài đã bị sửa trên cổng',
    explain:
      'Bài trên cổng đã được sửa sau lần đồng bộ trước. Newsdesk không ghi đè khi chưa có quyết định của bạn.',
    mine: 'Bản trong Newsdesk',
    theirs: 'Bản đang trên cổng',
    deleted: 'Bài đã bị xoá trên cổng.',
    keepMine: 'Ghi đè bằng bản Newsdesk',
    keepTheirs: 'Giữ bản trên cổng',
    close: 'Đóng',
  },
  portals: {
    title: 'Cổng thông tin',
    hint: 'Địa chỉ và tài khoản để đăng bài. Mật khẩu được mã hoá bằng kho khoá của hệ điều hành, không lưu dạng chữ thường.',
    empty: 'Chưa có cổng nào. Thêm cổng WordPress hoặc NukeViet để đăng bài đã duyệt.',
    add: 'Thêm cổng',
    edit: 'Sửa',
    remove: 'Xoá',
    kind: 'Loại cổng',
    kinds: { wordpress: 'WordPress', nukeviet: 'NukeViet' } satisfies Record<PortalKind, string>,
    name: 'Tên gọi',
    baseUrl: 'Địa chỉ cổng',
    baseUrlPlaceholder: 'https://baohatinh.vn',
    username: { wordpress: 'Tên đăng nhập', nukeviet: 'Mã API (API key)' },
    secret: {
      wordpress: 'Mật khẩu ứng dụng (Application Password)',
      nukeviet: 'Khoá bí mật API (secret)',
    },
    secretKeep: 'Để trống để giữ mật khẩu đã lưu',
    authMode: 'Kiểu xác thực của cổng',
    authModes: { bcrypt: 'Mặc định (bcrypt)', md5: 'md5_verify' },
    test: 'Kiểm tra kết nối',
    testing: 'Đang kiểm tra…',
    testOk: (site: string, user: string) => `Kết nối được tới «${site}» với tài khoản ${user}.`,
    usedRoot: (root: string) =>
      `Địa chỉ vừa nhập là trang quản trị hoặc trang đăng nhập; Newsdesk dùng địa chỉ gốc ${root} và đã điền sẵn vào ô địa chỉ.`,
    cannotPublish: 'Tài khoản này không có quyền đăng bài.',
    cannotUpload: 'Tài khoản này không có quyền tải ảnh lên.',
    save: 'Lưu cổng',
    saved: 'Đã lưu cổng.',
    cancel: 'Huỷ',
    terms: 'Chuyên mục và thẻ',
    refreshTerms: 'Tải chuyên mục từ cổng',
    termsCount: (categories: number, tags: number, when: string | null) =>
      when === null
        ? 'Chưa tải chuyên mục.'
        : `${categories} chuyên mục, ${tags} thẻ (tải lúc ${when}).`,
    secretStates: {
      saved: 'Mật khẩu đã lưu (mã hoá)',
      session: 'Mật khẩu chỉ giữ đến khi đóng ứng dụng',
      missing: 'Cần nhập lại mật khẩu',
    },
    removeConfirm: (name: string) => `Xoá cổng «${name}» cùng danh mục đã tải?`,
  },
};

/** The shape every language variant must fill. */
export type SyncLabels = typeof vi;

const en: SyncLabels = {
  nav: 'Portal sync',
  title: 'Sync to the news portal',
  intro:
    'Approved articles queue here and go to the portal when the network allows; photos first, then the article. Network errors retry by themselves; errors that need you show here.',
  online: 'Portal reachable',
  offline: 'Portal unreachable',
  unknown: 'Portal not contacted yet',
  waiting: (count) => (count === 0 ? 'Nothing waiting' : `${count} waiting`),
  failedCount: (count) => `${count} failed`,
  conflictCount: (count) => `${count} in conflict`,
  empty: 'The outbox is empty. Articles arrive here when an editor approves or schedules them.',
  filterOpen: 'Waiting and failed',
  filterAll: 'All',
  article: 'Article',
  portal: 'Portal',
  state: 'State',
  progress: 'Progress',
  attempts: (n) => (n === 0 ? '' : `${n} attempts`),
  nextAttempt: (time) => `next try at ${time}`,
  actions: { publish: 'Publish', takedown: 'Take down' },
  states: {
    queued: 'Queued',
    uploading_media: 'Uploading photos',
    uploading_article: 'Uploading article',
    done: 'On the portal',
    failed: 'Failed',
    cancelled: 'Stopped',
    conflict: 'Conflict',
  },
  retry: 'Retry',
  cancel: 'Stop',
  openRemote: 'View on portal',
  resolve: 'Resolve conflict',
  log: 'Sync log',
  logEmpty: 'The log is empty.',
  refresh: 'Refresh',
  conflict: {
    title: 'The article was changed on the portal',
    explain:
      'The portal’s copy changed after the last sync. Newsdesk does not overwrite it until you decide.',
    mine: 'Newsdesk version',
    theirs: 'Portal version',
    deleted: 'The article was deleted on the portal.',
    keepMine: 'Overwrite with the Newsdesk version',
    keepTheirs: 'Keep the portal version',
    close: 'Close',
  },
  portals: {
    title: 'News portals',
    hint: 'Addresses and accounts used to publish. Passwords are encrypted with the operating system’s keychain, never stored as plain text.',
    empty: 'No portals yet. Add a WordPress or NukeViet portal to publish approved articles.',
    add: 'Add portal',
    edit: 'Edit',
    remove: 'Delete',
    kind: 'Portal type',
    kinds: { wordpress: 'WordPress', nukeviet: 'NukeViet' },
    name: 'Name',
    baseUrl: 'Portal address',
    baseUrlPlaceholder: 'https://example.vn',
    username: { wordpress: 'User name', nukeviet: 'API key' },
    secret: { wordpress: 'Application Password', nukeviet: 'API secret' },
    secretKeep: 'Leave empty to keep the saved password',
    authMode: 'Portal authentication',
    authModes: { bcrypt: 'Default (bcrypt)', md5: 'md5_verify' },
    test: 'Test connection',
    testing: 'Testing…',
    testOk: (site, user) => `Connected to “${site}” as ${user}.`,
    usedRoot: (root) =>
      `That address is an admin or sign-in page; Newsdesk uses the site root ${root} and has filled it in.`,
    cannotPublish: 'This account may not publish articles.',
    cannotUpload: 'This account may not upload photos.',
    save: 'Save portal',
    saved: 'Portal saved.',
    cancel: 'Cancel',
    terms: 'Categories and tags',
    refreshTerms: 'Fetch categories from the portal',
    termsCount: (categories, tags, when) =>
      when === null
        ? 'Categories not fetched yet.'
        : `${categories} categories, ${tags} tags (fetched ${when}).`,
    secretStates: {
      saved: 'Password saved (encrypted)',
      session: 'Password kept until the app closes',
      missing: 'Password must be entered again',
    },
    removeConfirm: (name) => `Delete the portal “${name}” and its cached categories?`,
  },
};

/** Both variants, for tests. */
export const syncLabels = { vi, en };

/** The labels in the UI language. */
export function useSyncLabels(): SyncLabels {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? syncLabels.en : syncLabels.vi;
}

/** "HH:MM dd/MM" in Vietnam's time zone, as the newsroom reads times. */
export function shortTime(epochMs: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ${part('day')}/${part('month')}`;
}
