import type { ArticleStatus } from '../domain/article';

/**
 * The people on a workstation: phóng viên writes, biên tập ảnh prepares photos, biên tập viên
 * reviews and approves, quản trị viên also manages accounts and the newsroom's settings.
 */
export const roles = ['reporter', 'photo_editor', 'editor', 'admin'] as const;
/** One role. */
export type Role = (typeof roles)[number];

/**
 * Role names as the newsroom says them, for the core's Vietnamese refusal sentences only; screens
 * name roles through i18next (`vocab.role.*`).
 */
export const roleLabels: Record<Role, string> = {
  reporter: 'Phóng viên',
  photo_editor: 'Biên tập ảnh',
  editor: 'Biên tập viên',
  admin: 'Quản trị viên',
};

/** Status names in the core's Vietnamese sentences; screens use `vocab.status.*`. */
export const statusLabels: Record<ArticleStatus, string> = {
  draft: 'Bản nháp',
  submitted: 'Chờ duyệt',
  in_review: 'Đang duyệt',
  returned: 'Trả lại',
  approved: 'Đã duyệt',
  scheduled: 'Hẹn giờ đăng',
  queued: 'Chờ gửi lên trang',
  published: 'Đã đăng',
  updated: 'Đã cập nhật sau khi đăng',
  taken_down: 'Đã gỡ khỏi trang',
  spiked: 'Đã loại',
};

/** A list of roles as words: «Biên tập viên hoặc Quản trị viên». */
export function describeRoles(list: readonly Role[]): string {
  const names = list.map((role) => roleLabels[role]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} hoặc ${names.at(-1) ?? ''}`;
}
