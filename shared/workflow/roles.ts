import type { ArticleStatus } from '../domain/article';

/**
 * The people on a workstation: phóng viên writes, biên tập ảnh prepares photos, biên tập viên
 * reviews and approves, quản trị viên also manages accounts and the newsroom's settings.
 */
export const roles = ['reporter', 'photo_editor', 'editor', 'admin'] as const;
/** One role. */
export type Role = (typeof roles)[number];

/** Role names as the newsroom says them. */
export const roleLabels: Record<Role, string> = {
  reporter: 'Phóng viên',
  photo_editor: 'Biên tập ảnh',
  editor: 'Biên tập viên',
  admin: 'Quản trị viên',
};

/** Role names in English, for the English UI. */
export const roleLabelsEn: Record<Role, string> = {
  reporter: 'Reporter',
  photo_editor: 'Photo editor',
  editor: 'Editor',
  admin: 'Administrator',
};

/** Status names as NukeViet's and the newsroom's vocabulary has them. */
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

/** Status names in English. */
export const statusLabelsEn: Record<ArticleStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  in_review: 'In review',
  returned: 'Returned',
  approved: 'Approved',
  scheduled: 'Scheduled',
  queued: 'Queued for the portal',
  published: 'Published',
  updated: 'Updated after publishing',
  taken_down: 'Taken down',
  spiked: 'Spiked',
};

/** A list of roles as words: «Biên tập viên hoặc Quản trị viên». */
export function describeRoles(list: readonly Role[]): string {
  const names = list.map((role) => roleLabels[role]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} hoặc ${names.at(-1) ?? ''}`;
}
