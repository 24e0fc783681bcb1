/**
 * Vietnamese texts for keeping work safe: a body the editor cannot read, and large photo and
 * bundle uploads in the browser shell. Spread into `vi`.
 */
export const dataSafetyVi = {
  bodySafe: {
    unreadable:
      'Bài này đang mở ở chế độ chỉ đọc: nội dung đã lưu có {{detail}} mà phiên bản Newsdesk này chưa hiển thị được (có thể do một phiên bản mới hơn tạo ra). Nội dung gốc vẫn giữ nguyên, không bị ghi đè. Hãy xuất gói bài để mở bằng phiên bản mới hơn, hoặc khôi phục một bản trước trong «Lịch sử».',
    unknownPart: 'một phần không đúng cấu trúc ({{detail}})',
    export: 'Xuất gói bài',
    exporting: 'Đang xuất…',
    exported: 'Đã xuất gói bài: {{file}}',
    history: 'Khôi phục bản trước',
  },
  upload: {
    progress: 'Đang tải lên {{done}}/{{total}} MB',
  },
};
