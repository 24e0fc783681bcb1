import { useTranslation } from 'react-i18next';

import type { PortalFieldName } from '../../../shared/domain/portalFields';

/*
 * UI text of three-way sync (issue 13): the field-level conflict view and «Lấy bản trên cổng».
 * Vietnamese first; kept apart from labels.ts so other work on the sync screen merges cleanly.
 */

const vi = {
  fields: {
    title: 'Tít',
    lead: 'Sapo',
    body: 'Nội dung',
    category: 'Chuyên mục',
    tags: 'Thẻ',
    featuredImage: 'Ảnh đại diện',
    status: 'Trạng thái trên cổng',
    publishAt: 'Thời điểm đăng',
    author: 'Tác giả',
    source: 'Nguồn tin',
    slug: 'Đường dẫn (slug)',
  } satisfies Record<PortalFieldName, string>,
  empty: '(trống)',
  conflictTitle: 'Cùng một mục bị sửa ở cả hai nơi',
  statusTitle: 'Bài đã bị gỡ hoặc ẩn trên cổng',
  deletedTitle: 'Bài đã bị xoá trên cổng',
  conflictExplain:
    'Chỉ những mục dưới đây bị sửa ở cả bàn biên tập lẫn trên cổng. Các mục chỉ sửa một phía đã được xử lý tự động.',
  keepTheirs: 'Giữ bản trên cổng (đưa vào bài)',
  keepTheirsStatus: 'Giữ trạng thái trên cổng',
  keepMine: 'Ghi đè bằng bản Newsdesk…',
  republish: 'Đăng lại bài…',
  confirmTitle: 'Những gì sẽ mất trên cổng',
  confirmLost: 'Nếu ghi đè, phần đã sửa trên cổng ở các mục sau sẽ mất:',
  confirmRepublish: 'Bài sẽ hiển thị lại với bạn đọc trên cổng, kèm các thay đổi của bàn biên tập.',
  confirmMine: 'Vẫn ghi đè',
  confirmRepublishButton: 'Đăng lại',
  back: 'Quay lại',
  pull: 'Lấy bản trên cổng',
  pullTitle: (portal: string) => `Lấy bản trên cổng «${portal}»`,
  pullExplain:
    'Những mục đã được sửa trên cổng kể từ lần đồng bộ trước. «Nhận vào bài» đưa chúng vào bài trên bàn biên tập thành một bản lưu «Từ cổng».',
  pullNothing: 'Trên cổng không có gì thay đổi kể từ lần đồng bộ trước.',
  pullTake: 'Nhận vào bài',
  pullDone: (count: number) => `Đã nhận ${count} mục từ cổng vào bài.`,
  loading: 'Đang đọc bài trên cổng…',
  desk: 'Bàn biên tập',
  portal: 'Trên cổng',
  close: 'Đóng',
};

/** The shape each language fills. */
export type FieldSyncLabels = typeof vi;

const en: FieldSyncLabels = {
  fields: {
    title: 'Title',
    lead: 'Sapo (lead)',
    body: 'Body',
    category: 'Category',
    tags: 'Tags',
    featuredImage: 'Featured image',
    status: 'Status on the portal',
    publishAt: 'Publish time',
    author: 'Author',
    source: 'Source',
    slug: 'Slug',
  },
  empty: '(empty)',
  conflictTitle: 'The same fields were changed in both places',
  statusTitle: 'The article was taken down or hidden on the portal',
  deletedTitle: 'The article was deleted on the portal',
  conflictExplain:
    'Only the fields below were changed both on the desk and on the portal. Fields changed on one side only were handled automatically.',
  keepTheirs: 'Keep the portal’s version (into the article)',
  keepTheirsStatus: 'Keep the portal’s status',
  keepMine: 'Overwrite with Newsdesk’s version…',
  republish: 'Republish…',
  confirmTitle: 'What will be lost on the portal',
  confirmLost: 'Overwriting loses the portal’s edits to:',
  confirmRepublish: 'The article becomes visible to readers again, with the desk’s changes.',
  confirmMine: 'Overwrite anyway',
  confirmRepublishButton: 'Republish',
  back: 'Back',
  pull: 'Get the portal’s version',
  pullTitle: (portal) => `Get the version on “${portal}”`,
  pullExplain:
    'Fields changed on the portal since the last sync. “Take in” puts them into the desk’s article as a “From the portal” revision.',
  pullNothing: 'Nothing changed on the portal since the last sync.',
  pullTake: 'Take in',
  pullDone: (count) =>
    count === 1 ? '1 field taken in from the portal.' : `${count} fields taken in from the portal.`,
  loading: 'Reading the article on the portal…',
  desk: 'Desk',
  portal: 'On the portal',
  close: 'Close',
};

/** The labels in the UI language. */
export function useFieldSyncLabels(): FieldSyncLabels {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? en : vi;
}
