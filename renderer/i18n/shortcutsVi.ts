/** Vietnamese texts of the application shortcuts (shared/app/shortcuts.ts), spread into `vi`. */
export const shortcutsVi = {
  shortcuts: {
    title: 'Phím tắt',
    keys: 'Phím',
    action: 'Việc',
    save: 'Lưu bài ngay (bài vẫn tự lưu khi gõ)',
    newArticle: 'Tạo bài mới',
    search: 'Tìm bài viết',
    mainAction: 'Bước chính của bài: gửi duyệt, nhận duyệt, duyệt… (khi được phép)',
    saved: 'Đã lưu lúc {{time}}. Mọi thay đổi đã nằm trên máy.',
    saveFailed: 'Chưa lưu được. Newsdesk sẽ tự thử lại; nội dung vẫn còn trên màn hình.',
    readOnly: 'Bài này đang mở chỉ để đọc nên không có gì để lưu.',
    noMainAction: 'Bạn chưa có bước nào để làm với bài này lúc này.',
  },
};
