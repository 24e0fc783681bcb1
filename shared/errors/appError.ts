/**
 * Error codes the contract can return. The renderer shows `message` (Vietnamese) or, in another
 * locale, its own translation of `code`; tests assert on `code`.
 */
export const errorCodes = [
  'invalid_input',
  'unknown_call',
  'not_found',
  'conflict',
  'forbidden',
  'unauthorized',
  'library_locked',
  'library_too_new',
  'storage_failed',
  'corrupt_data',
  'checklist_failed',
  'library_damaged',
  'internal',
] as const;

/** One of the contract's error codes. */
export type ErrorCode = (typeof errorCodes)[number];

/** The serialisable error half of a contract result. */
export interface ContractError {
  code: ErrorCode;
  message: string;
}

/** Default Vietnamese messages: what happened and what to do. */
export const defaultMessages: Record<ErrorCode, string> = {
  invalid_input: 'Dữ liệu gửi lên không hợp lệ. Hãy kiểm tra lại các trường đã nhập.',
  unknown_call: 'Ứng dụng gọi một chức năng không tồn tại. Hãy cập nhật Newsdesk lên bản mới nhất.',
  not_found: 'Không tìm thấy mục này. Có thể nó đã bị xoá; hãy tải lại danh sách.',
  conflict: 'Mục này vừa được thay đổi ở nơi khác. Hãy tải lại để xem bản mới nhất.',
  forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  unauthorized:
    'Phiên làm việc không hợp lệ. Hãy mở lại Newsdesk từ đường dẫn đã in ra khi khởi động.',
  library_locked:
    'Thư viện dữ liệu đang được một cửa sổ Newsdesk khác sử dụng. Hãy đóng cửa sổ đó rồi thử lại.',
  library_too_new:
    'Thư viện dữ liệu được tạo bởi phiên bản Newsdesk mới hơn. Hãy cập nhật Newsdesk để mở thư viện này.',
  storage_failed: 'Không ghi được dữ liệu xuống đĩa. Hãy kiểm tra dung lượng ổ đĩa rồi thử lại.',
  corrupt_data: 'Dữ liệu đã lưu bị hỏng. Bản sửa đổi trước đó vẫn còn trong lịch sử.',
  checklist_failed:
    'Bài chưa qua danh sách kiểm tra trước khi duyệt. Hãy mở danh sách kiểm tra, sửa các lỗi rồi duyệt lại.',
  library_damaged:
    'Tệp thư viện dữ liệu bị hỏng, nên Newsdesk đã ngừng ghi vào đó. Hãy tải lại trang (hoặc mở lại Newsdesk) để khôi phục từ bản sao lưu hoặc cứu dữ liệu.',
  internal:
    'Đã xảy ra lỗi không mong muốn. Hãy thử lại; nếu lỗi lặp lại, gửi tệp nhật ký cho bộ phận kỹ thuật.',
};

/**
 * The one error type services throw on purpose. Anything else that escapes a handler is
 * reported as `internal` without leaking its text to the user.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;

  constructor(code: ErrorCode, userMessage?: string, options?: { cause?: unknown }) {
    super(userMessage ?? defaultMessages[code], options);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage ?? defaultMessages[code];
  }

  /** The wire form sent across IPC or HTTP. */
  toContractError(): ContractError {
    return { code: this.code, message: this.userMessage };
  }
}

/** Exhaustiveness guard for switches over unions: the compiler proves it unreachable. */
export function missingCaseError(value: never): Error {
  return new Error(`Unhandled case: ${String(value)}`);
}
