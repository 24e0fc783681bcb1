/** Things the editor may want to tell the reporter after a paste; codes are stable for tests. */
export type PasteWarning =
  | 'active-content-removed'
  | 'local-images-dropped'
  | 'tracking-pixels-removed'
  | 'legacy-uncertain';

/** Warnings in the order they are reported. */
export const PASTE_WARNING_ORDER: readonly PasteWarning[] = [
  'legacy-uncertain',
  'local-images-dropped',
  'active-content-removed',
  'tracking-pixels-removed',
];

/** Vietnamese messages for each warning, for a non-blocking notice under the editor. */
export const PASTE_WARNING_MESSAGES: Record<PasteWarning, string> = {
  'legacy-uncertain':
    'Đoạn vừa dán có thể là mã TCVN3 hoặc VNI nhưng chưa đủ chắc chắn để tự chuyển. ' +
    'Nếu chữ bị lỗi, hãy dùng lệnh «Chuyển mã sang Unicode».',
  'local-images-dropped':
    'Một số ảnh trong Word không dán được vì nằm trong tệp trên máy. Hãy chèn ảnh bằng nút «Ảnh».',
  'active-content-removed':
    'Đã bỏ mã lệnh, khung nhúng và liên kết không an toàn khỏi nội dung vừa dán.',
  'tracking-pixels-removed': 'Đã bỏ ảnh theo dõi (1×1 điểm ảnh) khỏi nội dung vừa dán.',
};
