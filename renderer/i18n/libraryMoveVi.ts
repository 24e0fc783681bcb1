/**
 * Vietnamese texts for moving to a new PC: importing a whole `.ndlibrary` file on the
 * first-start screen or in Settings → Sao lưu. Spread into `vi`.
 */
export const libraryMoveVi = {
  libraryMove: {
    title: 'Chuyển từ máy cũ',
    hint: 'Đã dùng Newsdesk trên máy khác? Trên máy cũ vào Cài đặt → Sao lưu → «Xuất toàn bộ thư viện», chép tệp .ndlibrary sang đây rồi nhập: toàn bộ bài, ảnh và tài khoản sẽ có ở máy này. Sau đó đăng nhập bằng tài khoản của máy cũ.',
    settingsTitle: 'Nhập thư viện từ máy khác',
    settingsHint:
      'Thay thư viện đang dùng bằng một tệp .ndlibrary. Thư viện hiện tại được cất sang một thư mục riêng, không bị xoá. Sau khi nhập, mọi người đăng nhập lại.',
    file: 'Tệp thư viện (.ndlibrary)',
    submit: 'Nhập thư viện',
    confirm: 'Thay thư viện hiện tại',
    uploading: 'Đang tải tệp lên…',
    importing: 'Đang kiểm tra và nhập thư viện…',
    doneFirstStart:
      'Đã nhập thư viện: {{count}} bài. Newsdesk đang mở lại, hãy đăng nhập bằng tài khoản của máy cũ…',
    done: 'Đã nhập thư viện: {{count}} bài. Thư viện cũ được cất ở {{dir}}. Newsdesk đang mở lại…',
  },
};
