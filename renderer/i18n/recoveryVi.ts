/** Vietnamese texts of backups and recovery (issue 11), spread into `vi`. */
export const recoveryVi = {
  recovery: {
    damagedTitle: 'Thư viện dữ liệu bị hỏng',
    damagedIntro:
      'Newsdesk phát hiện tệp thư viện trong «{{dir}}» bị hỏng (thường do mất điện, ổ đĩa lỗi hoặc tệp bị chép dở). Newsdesk đã ngừng ghi vào tệp này để không làm hỏng thêm; tệp được giữ nguyên.',
    behindTitle: 'Thư viện thiếu những thay đổi đã lưu',
    behindIntro:
      'Lần trước Newsdesk đã lưu {{expected}} bài (lần lưu cuối lúc {{at}}), nhưng tệp thư viện trong «{{dir}}» bây giờ chỉ còn {{found}} bài và thiếu {{missing}} thay đổi. Thường là do tệp newsdesk.sqlite-wal bị xoá hoặc thư viện bị chép đè bằng bản cũ sau khi máy tắt đột ngột.',
    newestBackup: 'Bản sao lưu gần nhất',
    backupLine: '{{time}} · {{count}} bài · {{size}}',
    noBackup:
      'Chưa có bản sao lưu nào của thư viện này. Hãy dùng «Cứu dữ liệu» để chép lại mọi bài còn đọc được.',
    lossTitle: 'Khôi phục bản này sẽ mất những bài sửa sau đó',
    lossNone: 'Không có bài nào trong tệp hiện tại được sửa sau bản sao lưu này.',
    lossUnknown:
      'Không đọc được danh sách bài từ tệp hỏng, nên không biết chính xác bài nào sửa sau bản sao lưu. Nếu cần, hãy «Cứu dữ liệu» trước: thư viện hỏng luôn được cất lại, không bị xoá.',
    lossBehind:
      'Những thay đổi sau {{at}} nằm trong phần đã mất và không còn trong tệp; bản sao lưu có thể còn giữ một phần.',
    restore: 'Khôi phục bản sao lưu này',
    salvage: 'Cứu dữ liệu',
    salvageHint:
      'Chép mọi bài và dữ liệu còn đọc được sang một thư viện mới; báo lại phần không đọc được.',
    continueBehind: 'Tiếp tục với thư viện hiện tại',
    continueHint: 'Chấp nhận thiếu các thay đổi trên và làm việc tiếp với tệp như hiện có.',
    otherBackups: 'Các bản sao lưu khác',
    restoreThis: 'Khôi phục',
    working: 'Đang xử lý…',
    setAside: 'Thư viện cũ được cất nguyên vẹn ở: {{dir}}',
    restored: 'Đã khôi phục bản sao lưu lúc {{time}} ({{count}} bài).',
    salvaged:
      'Đã cứu {{copied}} dòng dữ liệu ({{articles}} bài) sang thư viện mới. Không đọc được {{unreadable}} dòng.',
    salvageTable: 'Bảng «{{table}}»: chép {{copied}}, không đọc được {{unreadable}}',
    openApp: 'Mở Newsdesk',
    details: 'Chi tiết kỹ thuật',
    reasons: {
      auto: 'tự động',
      daily: 'hằng ngày',
      quit: 'khi thoát',
      manual: 'sao lưu tay',
      before_restore: 'trước khi khôi phục',
    },
    places: { main: 'thư mục dữ liệu', extra: 'nơi thứ hai' },
  },
  backups: {
    title: 'Sao lưu',
    hint: 'Newsdesk tự sao lưu khi thư viện thay đổi (10 phút một lần), khi thoát và mỗi ngày một lần; mỗi bản được kiểm tra toàn vẹn trước khi liệt kê.',
    backupNow: 'Sao lưu ngay',
    none: 'Chưa có bản sao lưu nào.',
    when: 'Thời điểm',
    reason: 'Lý do',
    place: 'Nơi lưu',
    size: 'Dung lượng',
    articles: 'Số bài',
    restore: 'Khôi phục',
    confirmRestore: 'Xác nhận khôi phục',
    restoredReload:
      'Đã khôi phục. Thư viện trước đó được cất ở {{dir}}. Trang sẽ mở lại, hãy đăng nhập lại.',
    extraTitle: 'Nơi sao lưu thứ hai',
    extraHint: 'Một ổ khác, USB hoặc thư mục mạng. Để trống để chỉ sao lưu trong thư mục dữ liệu.',
    extraSave: 'Lưu nơi sao lưu',
    extraSaved: 'Đã lưu. Bản sao lưu sau sẽ được ghi thêm vào {{dir}}.',
    exportTitle: 'Chuyển sang máy mới',
    exportHint:
      'Xuất toàn bộ thư viện và ảnh thành một tệp .ndlibrary (vào thư mục exports/ trong thư mục dữ liệu); trên máy mới, chọn tệp đó ở thẻ «Chuyển từ máy cũ» của màn hình khởi động đầu tiên.',
    export: 'Xuất toàn bộ thư viện',
    exported: 'Đã xuất {{size}} vào {{file}}',
  },
};
