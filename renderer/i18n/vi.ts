/** Vietnamese, the default language of the UI. */
export const vi = {
  app: { name: 'Newsdesk', tagline: 'Bàn biên tập' },
  nav: { articles: 'Bài viết', about: 'Giới thiệu & chẩn đoán', language: 'Ngôn ngữ' },
  articles: {
    title: 'Bài viết',
    new: 'Bài mới',
    empty: 'Chưa có bài viết nào. Bấm «Bài mới» để bắt đầu viết.',
    untitled: '(Chưa có tiêu đề)',
    words: '{{count}} chữ',
    editedAt: 'Sửa {{when}}',
    status: { draft: 'Bản nháp' },
    searchPlaceholder: 'Tìm bài (gõ không dấu cũng được)',
    noResults: 'Không tìm thấy bài nào khớp.',
    resultCount: '{{count}} bài khớp',
    loadFailed: 'Không tải được danh sách bài viết.',
  },
  editor: {
    titlePlaceholder: 'Tiêu đề bài viết',
    bodyPlaceholder: 'Bắt đầu viết nội dung bài…',
    noSelection: 'Chọn một bài trong danh sách hoặc tạo bài mới.',
    save: {
      saved: 'Đã lưu lúc {{time}}',
      dirty: 'Có thay đổi chưa lưu',
      saving: 'Đang lưu…',
      error: 'Chưa lưu được: {{message}} Đang thử lại…',
    },
    counts: '{{words}} chữ · {{chars}} ký tự',
    toolbar: {
      bold: 'Đậm (Ctrl+B)',
      italic: 'Nghiêng (Ctrl+I)',
      heading2: 'Tiêu đề mục (H2)',
      heading3: 'Tiêu đề nhỏ (H3)',
      bulletList: 'Danh sách dấu chấm',
      orderedList: 'Danh sách đánh số',
      blockquote: 'Trích dẫn',
      undo: 'Hoàn tác (Ctrl+Z)',
      redo: 'Làm lại (Ctrl+Y)',
    },
    loadFailed: 'Không mở được bài viết.',
  },
  about: {
    title: 'Giới thiệu & chẩn đoán',
    intro:
      'Newsdesk là bàn biên tập ngoại tuyến cho các cổng thông tin điện tử: viết bài, xử lý ảnh, duyệt và đồng bộ lên cổng.',
    version: 'Phiên bản',
    shell: 'Chế độ chạy',
    shellDesktop: 'Ứng dụng máy tính',
    shellBrowser: 'Trình duyệt (máy chủ nội bộ)',
    dataDir: 'Thư mục dữ liệu',
    database: 'Tệp thư viện',
    schema: 'Phiên bản cấu trúc dữ liệu',
    logFile: 'Tệp nhật ký',
    articleCount: 'Số bài viết',
    platform: 'Hệ điều hành',
    components: 'Thành phần',
    backupHint: 'Sao lưu: đóng Newsdesk rồi chép cả thư mục dữ liệu ở trên sang ổ khác hoặc USB.',
  },
  errors: {
    noApi:
      'Không kết nối được với Newsdesk. Hãy mở đúng đường dẫn (có mã ?token=…) mà lệnh «npm run web» in ra.',
  },
} as const;

/** The shape every locale must fill. */
export type Messages = typeof vi;
