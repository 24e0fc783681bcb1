import { PortalError } from '../adapter';

/** WordPress's error body: `{ code, message, data: { status } }`. */
export interface WpErrorBody {
  code: string;
  message: string;
}

/** Reads `{ code, message }` from an error response, or empty strings for anything else. */
function readWpError(body: unknown): WpErrorBody {
  if (typeof body !== 'object' || body === null) return { code: '', message: '' };
  const record = body as Record<string, unknown>;
  return {
    code: typeof record.code === 'string' ? record.code : '',
    message: typeof record.message === 'string' ? record.message.slice(0, 300) : '',
  };
}

/** Codes carried by Node's network errors, searched through `cause` and AggregateError. */
function networkCodes(error: unknown): string[] {
  const codes: string[] = [];
  const queue: unknown[] = [error];
  for (let i = 0; i < queue.length && i < 20; i += 1) {
    const current = queue[i];
    if (typeof current !== 'object' || current === null) continue;
    const record = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string') codes.push(record.code);
    if (record.cause !== undefined) queue.push(record.cause);
    if (Array.isArray(record.errors)) queue.push(...(record.errors as unknown[]));
  }
  return codes;
}

const retryLater = 'Newsdesk sẽ tự thử lại.';

/** A failed `fetch` (no HTTP answer) as a PortalError: offline, timeout or a TLS problem. */
export function networkFailure(error: unknown, host: string, timeoutMs: number): PortalError {
  const codes = networkCodes(error);
  const has = (...wanted: string[]): boolean => codes.some((code) => wanted.includes(code));
  const options = { cause: error };
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new PortalError(
      'timeout',
      `Cổng «${host}» không trả lời sau ${Math.round(timeoutMs / 1000)} giây. ${retryLater}`,
      options,
    );
  }
  if (
    has('UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT')
  ) {
    return new PortalError('timeout', `Cổng «${host}» không trả lời kịp. ${retryLater}`, options);
  }
  if (has('ENOTFOUND', 'EAI_AGAIN')) {
    return new PortalError(
      'offline',
      `Không tìm thấy máy chủ «${host}». Hãy kiểm tra địa chỉ cổng và kết nối mạng. ${retryLater}`,
      options,
    );
  }
  if (has('ECONNREFUSED')) {
    return new PortalError(
      'offline',
      `Máy chủ «${host}» từ chối kết nối: cổng đang tắt hoặc địa chỉ sai. ${retryLater}`,
      options,
    );
  }
  if (codes.some((code) => code.startsWith('ERR_TLS') || code.includes('CERT'))) {
    return new PortalError(
      'protocol',
      `Chứng chỉ https của «${host}» không hợp lệ. Hãy kiểm tra địa chỉ hoặc báo quản trị cổng.`,
      options,
    );
  }
  if (has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED')) {
    return new PortalError(
      'offline',
      `Kết nối tới «${host}» bị ngắt giữa chừng. ${retryLater}`,
      options,
    );
  }
  return new PortalError(
    'offline',
    `Không kết nối được tới «${host}». Hãy kiểm tra mạng. ${retryLater}`,
    options,
  );
}

/** Seconds or an HTTP date, as `Retry-After` allows; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** What the request was doing, for messages: «tải ảnh lên», «đăng bài»… */
export interface FailureContext {
  action: string;
  user: string;
  host: string;
}

/** Codes more precise than the action that was attempted. */
const forbiddenWhat: Record<string, string> = {
  rest_cannot_publish: 'xuất bản bài',
  rest_cannot_edit_others: 'sửa bài của người khác',
  rest_cannot_assign_term: 'gắn chuyên mục hoặc thẻ',
  rest_cannot_assign_sticky: 'ghim bài',
  rest_forbidden_context: 'xem bài ở chế độ biên tập',
  rest_invalid_param: 'xem và sửa bài trên cổng',
};

/** An HTTP error answer (status ≥ 300) as a PortalError with a Vietnamese message. */
export function httpFailure(
  status: number,
  body: unknown,
  retryAfterHeader: string | null,
  context: FailureContext,
): PortalError {
  const { code, message } = readWpError(body);
  const detail = code ? ` (${code}${message ? `: ${message}` : ''})` : '';
  // The body rides along as the cause: callers read details such as `term_exists`'s term_id.
  const base = { status, cause: { status, body } };
  if (status === 401) {
    return new PortalError(
      'auth',
      `Cổng từ chối tên đăng nhập «${context.user}» hoặc mật khẩu ứng dụng khi ${context.action}. Hãy kiểm tra tên đăng nhập và tạo lại Mật khẩu ứng dụng (Application Password) trong Hồ sơ người dùng của WordPress.`,
      base,
    );
  }
  // `status=any` is refused to accounts that may not edit posts: a permission, not bad data.
  const params = (body as { data?: { params?: { status?: unknown } } } | null)?.data?.params;
  const statusForbidden =
    status === 400 && typeof params?.status === 'string' && /forbidden/iu.test(params.status);
  if (status === 403 || statusForbidden) {
    const what = forbiddenWhat[code] ?? context.action;
    return new PortalError(
      'forbidden',
      `Tài khoản «${context.user}» không có quyền ${what} trên cổng${detail}. Hãy nhờ quản trị cổng cấp vai trò Biên tập viên (Editor).`,
      base,
    );
  }
  if (status === 404 || status === 410) {
    if (code === 'rest_no_route' || code === '') {
      return new PortalError(
        'not_found',
        `«${context.host}» không có API WordPress cần để ${context.action}. Hãy kiểm tra địa chỉ cổng (địa chỉ trang chủ, ví dụ https://tenmien.vn).`,
        base,
      );
    }
    return new PortalError(
      'not_found',
      `Mục cần ${context.action} không còn trên cổng (có thể đã bị xoá)${detail}.`,
      base,
    );
  }
  if (
    status === 413 ||
    code === 'rest_upload_file_too_big' ||
    code === 'rest_upload_limited_space'
  ) {
    return new PortalError(
      'too_large',
      `Tệp quá lớn so với giới hạn của cổng khi ${context.action}${detail}. Hãy giảm kích thước ảnh hoặc nhờ quản trị cổng tăng giới hạn tải lên.`,
      base,
    );
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfterHeader, Date.now()) ?? 60_000;
    return new PortalError(
      'rate_limited',
      `Cổng đang hạn chế số yêu cầu (HTTP 429). Newsdesk sẽ thử lại sau ${Math.ceil(retryAfterMs / 1000)} giây.`,
      { ...base, retryAfterMs },
    );
  }
  if (status === 408) {
    return new PortalError(
      'timeout',
      `Cổng hết thời gian chờ khi ${context.action}. ${retryLater}`,
      base,
    );
  }
  // WordPress answers 500 for a file type it refuses: retrying cannot help.
  if (code === 'rest_upload_sideload_error' || code === 'rest_upload_unknown_error') {
    return new PortalError(
      'validation',
      `Cổng không nhận tệp ảnh khi ${context.action}${detail}. Hãy kiểm tra định dạng ảnh (JPEG, PNG, WebP).`,
      base,
    );
  }
  if (status >= 500) {
    const retryAfterMs = parseRetryAfter(retryAfterHeader, Date.now());
    return new PortalError(
      'server',
      `Máy chủ cổng gặp lỗi (HTTP ${status}) khi ${context.action}. ${retryLater}`,
      retryAfterMs === null ? base : { ...base, retryAfterMs },
    );
  }
  return new PortalError(
    'validation',
    `Cổng không chấp nhận dữ liệu khi ${context.action}${detail}. Hãy sửa bài rồi bấm «Thử lại».`,
    base,
  );
}

/** A 2xx answer that is not WordPress's JSON: a captive portal, a proxy page, a wrong address. */
export function protocolFailure(context: FailureContext, status: number): PortalError {
  return new PortalError(
    'protocol',
    `«${context.host}» trả về nội dung không phải của WordPress khi ${context.action}. Có thể địa chỉ sai hoặc mạng đang yêu cầu đăng nhập (wifi, proxy). Hãy kiểm tra địa chỉ cổng.`,
    { status },
  );
}
