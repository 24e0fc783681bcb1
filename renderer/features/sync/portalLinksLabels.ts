import { useTranslation } from 'react-i18next';

/* The portal links panel's text (docs/portal-links.md), Vietnamese first. */

const vi = {
  title: 'Ghép chuyên mục, tác giả và cách hiển thị',
  featuredInBody: 'Hiện lại ảnh đại diện trong thân bài',
  featuredHint:
    'Giao diện WordPress đã hiện ảnh đại diện ở đầu bài; để tắt, ảnh đầu tiên trùng ảnh đại diện không lặp lại trong thân bài.',
  categories: 'Chuyên mục chỉ có trên bàn biên tập',
  categoriesHint:
    'Chuyên mục lấy từ cổng đã nằm trong danh sách cho phóng viên chọn. Chọn chuyên mục trên cổng cho các chuyên mục riêng của toà soạn.',
  noLocal: 'Mọi chuyên mục đều đã có trên cổng.',
  notMapped: '— Chưa ghép —',
  users: 'Người đăng trên cổng',
  usersHint:
    'Bài của người dùng được ghép sẽ đứng tên tài khoản của họ trên cổng; chưa ghép thì đứng tên tài khoản kết nối.',
  loadUsers: 'Lấy danh sách tài khoản trên cổng',
  connectionAccount: '— Tài khoản kết nối —',
};

const en: typeof vi = {
  title: 'Categories, authors and display',
  featuredInBody: 'Show the featured photo again in the body',
  featuredHint:
    'WordPress themes show the featured photo at the top; when off, a first photo that is the featured one is not repeated in the body.',
  categories: 'Categories that exist only on the desk',
  categoriesHint:
    'Categories pulled from the portal are already in the reporters’ list. Pick the portal category for each of the newsroom’s own ones.',
  noLocal: 'Every category exists on the portal.',
  notMapped: '— Not mapped —',
  users: 'Authors on the portal',
  usersHint:
    'Articles of a mapped user are credited to their portal account; unmapped ones to the connection’s account.',
  loadUsers: 'Load the portal’s accounts',
  connectionAccount: '— Connection account —',
};

/** The panel's labels in the UI language. */
export type PortalLinksLabels = typeof vi;

/** The panel's labels for the current language. */
export function usePortalLinksLabels(): PortalLinksLabels {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? en : vi;
}
