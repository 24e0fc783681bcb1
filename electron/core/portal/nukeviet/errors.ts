/**
 * NukeViet's answers turned into PortalError: api.php's codes 0001–0024 (its own English
 * messages, see the connector guide), the connector's 51xx codes, HTTP statuses and network
 * failures, each with a Vietnamese message saying what happened and what to do.
 */
import { PortalError, type PortalFailureKind } from '../adapter';

/** What the message needs to know about the request that failed. */
export interface FailureContext {
  action: string;
  host: string;
  module: string;
  language: string;
  /** The file being uploaded, if any. */
  file?: { name: string; bytes: number };
}

/** Vietnamese names of the connector's API classes, for "not granted" messages. */
const ACTION_LABELS: Readonly<Record<string, string>> = {
  NewsdeskCatalog: 'đọc chuyên mục và tags',
  NewsdeskImageUpload: 'tải ảnh lên',
  NewsdeskArticleSave: 'đăng và cập nhật bài viết',
  NewsdeskArticleGet: 'đọc trạng thái bài viết',
  NewsdeskArticleTakeDown: 'gỡ bài viết',
};

const RIGHT_LABELS: Readonly<Record<string, string>> = {
  pub_content: 'xuất bản bài',
  add_content: 'thêm bài',
  edit_content: 'sửa bài',
  app_content: 'duyệt bài',
};

/** "2,5 MB", "840 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/u, '').replace('.', ',')} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** "khoảng 2 phút", "khoảng 40 giây". */
export function formatSkew(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 90) return `khoảng ${seconds} giây`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `khoảng ${minutes} phút`;
  return `khoảng ${Math.round(minutes / 60)} giờ`;
}

/** The message when the portal refuses the timestamp and the clock cannot be corrected. */
export function clockMessage(offsetMs: number | null): string {
  const how =
    offsetMs === null
      ? 'Đồng hồ máy tính này lệch với máy chủ của cổng'
      : `Đồng hồ máy tính này đang chạy ${offsetMs > 0 ? 'chậm' : 'nhanh'} ${formatSkew(offsetMs)} so với máy chủ của cổng`;
  return (
    `${how}, trong khi cổng chỉ chấp nhận lệch tối đa 5 giây nên từ chối yêu cầu. ` +
    'Hãy chỉnh lại ngày giờ của máy (bật «Đặt giờ tự động» trong cài đặt ngày giờ) rồi gửi lại.'
  );
}

function fail(kind: PortalFailureKind, message: string): PortalError {
  return new PortalError(kind, message);
}

function text(extra: Record<string, unknown>, key: string): string {
  const value = extra[key];
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** api.php's own refusals (codes 0001–0024). */
function coreFailure(code: string, message: string, ctx: FailureContext): PortalError | null {
  const label = ACTION_LABELS[ctx.action] ?? ctx.action;
  switch (code) {
    case '0011':
      return fail(
        'forbidden',
        `Cổng ${ctx.host} chưa bật Remote API. Nhờ quản trị cổng vào Cấu hình → Cấu hình chung, bật «Bật Remote API», rồi thử lại.`,
      );
    case '0013':
      return fail(
        'auth',
        `Cổng không nhận ra API key này: có thể quyền truy cập API đã bị xoá, hoặc tài khoản quản trị gắn với nó bị đình chỉ hay khoá. Kiểm tra API key trong Cài đặt → Cổng, hoặc nhờ quản trị cổng tạo quyền truy cập API mới.`,
      );
    case '0014':
      return fail(
        'auth',
        'Cổng từ chối mã bí mật (secret) của API key. Hãy dán lại secret đúng như lúc tạo quyền truy cập API (cổng chỉ hiện nó một lần) và kiểm tra kiểu xác thực (bcrypt hay md5) trong Cài đặt → Cổng.',
      );
    case '0019':
      return fail(
        'forbidden',
        'Quyền truy cập API này chỉ nhận yêu cầu từ một số địa chỉ IP, và máy này không nằm trong danh sách. Nhờ quản trị cổng bỏ giới hạn IP hoặc thêm địa chỉ IP của cơ quan.',
      );
    case '0004':
      if (/not exists/iu.test(message)) {
        return fail(
          'not_found',
          `Cổng chưa cài bộ kết nối Newsdesk (thiếu tệp modules/news/Api/${ctx.action}.php). Nhờ quản trị cổng chép các tệp của bộ kết nối vào website theo hướng dẫn.`,
        );
      }
      return fail(
        'forbidden',
        `Vai trò API của tài khoản này chưa được cấp chức năng «${label}» (${ctx.action}) của module «${ctx.module}». Nhờ quản trị cổng vào Quản trị → Quản lý API Roles, đánh dấu chức năng này cho vai trò của Newsdesk.`,
      );
    case '0005':
      return fail(
        'forbidden',
        `Vai trò API chưa được cấp chức năng nào của module «${ctx.module}», hoặc module này không có hay đang tắt trên cổng. Kiểm tra tên module trong Cài đặt → Cổng và nhờ quản trị cổng cấp quyền trong Quản lý API Roles.`,
      );
    case '0016':
      return fail(
        'forbidden',
        `Vai trò API chưa được cấp chức năng nào cho ngôn ngữ «${ctx.language}». Nhờ quản trị cổng cấp các chức năng Newsdesk trong Quản lý API Roles.`,
      );
    case '0017':
    case '0018':
      return fail(
        'validation',
        `Ngôn ngữ «${ctx.language}» không phải ngôn ngữ dữ liệu của cổng. Kiểm tra ngôn ngữ trong Cài đặt → Cổng.`,
      );
    case '0009':
      return fail(
        'forbidden',
        `Tài khoản quản trị gắn với API key không quản lý module «${ctx.module}». Nhờ quản trị cổng giao quyền quản lý module này cho tài khoản đó.`,
      );
    case '0010':
    case '0008':
      return fail(
        'forbidden',
        'Tài khoản quản trị gắn với API key không đủ cấp để dùng chức năng này. Nhờ quản trị cổng nâng quyền hoặc tạo API key cho tài khoản quản lý module tin tức.',
      );
    case '0021':
      return fail(
        'auth',
        'Tài khoản quản trị gắn với API key đang bị đình chỉ. Nhờ quản trị cổng mở lại tài khoản.',
      );
    case '0022':
    case '0024':
      return fail(
        'rate_limited',
        'Cổng đang giới hạn số lần gọi API của tài khoản này. Newsdesk sẽ tự thử lại sau.',
      );
    case '0023':
      return fail(
        'forbidden',
        'Quyền dùng API của tài khoản này chưa bắt đầu hoặc đã hết hạn. Nhờ quản trị cổng gia hạn.',
      );
    case '0012':
      return fail(
        'server',
        'Cổng gặp lỗi cơ sở dữ liệu khi kiểm tra API key. Newsdesk sẽ tự thử lại sau.',
      );
    case '0015':
    case '0001':
    case '0002':
    case '0003':
    case '0006':
    case '0007':
      return fail(
        'protocol',
        `Cổng không hiểu yêu cầu của Newsdesk (mã ${code}: ${message}). Hãy cập nhật Newsdesk hoặc báo cho người hỗ trợ.`,
      );
    default:
      return null;
  }
}

/** The connector's refusals (51xx). */
function connectorFailure(
  code: string,
  message: string,
  extra: Record<string, unknown>,
  ctx: FailureContext,
): PortalError | null {
  const fileName = ctx.file?.name ?? 'ảnh';
  switch (code) {
    case '5101':
      return fail(
        'validation',
        `Cổng từ chối dữ liệu gửi lên: ${message}. Hãy kiểm tra lại bài viết.`,
      );
    case '5102':
      return fail(
        'validation',
        'Bài viết chưa có tiêu đề nên cổng không nhận. Hãy nhập tiêu đề rồi gửi lại.',
      );
    case '5103':
      return fail(
        'validation',
        `Chuyên mục đã chọn không còn trên cổng (${message}). Hãy làm mới danh sách chuyên mục trong Cài đặt → Cổng rồi chọn lại.`,
      );
    case '5104':
      return fail(
        'validation',
        'Nội dung bài viết trống: cổng cần có chữ, hoặc ảnh có mô tả. Hãy kiểm tra lại phần thân bài.',
      );
    case '5105': {
      const right = RIGHT_LABELS[text(extra, 'right')] ?? 'đăng bài';
      return fail(
        'forbidden',
        `Tài khoản gắn với API key không có quyền ${right} trong chuyên mục: ${text(extra, 'categories')}. Nhờ quản trị cổng cấp quyền trong Tin tức → Phân quyền, hoặc chọn chuyên mục khác.`,
      );
    }
    case '5106':
      return fail(
        'not_found',
        'Bài viết không còn trên cổng (có thể đã bị xoá ở trang quản trị). Hãy gửi lại bài như một bài mới.',
      );
    case '5107':
      return fail(
        'validation',
        `Chuyên mục ${text(extra, 'categories')} đang bị đình chỉ trên cổng nên không nhận bài mới. Hãy chọn chuyên mục khác.`,
      );
    case '5108':
      return fail(
        'validation',
        'Ảnh đại diện của bài không có trong thư mục ảnh của cổng. Hãy chọn lại ảnh đại diện rồi gửi lại.',
      );
    case '5111':
      return fail(
        'validation',
        `Cổng không nhận được tệp «${fileName}» (${message}). Có thể máy chủ giới hạn dung lượng tải lên quá nhỏ; hãy báo quản trị cổng.`,
      );
    case '5112':
      return fail(
        'validation',
        `Cổng không nhận ảnh «${fileName}» (${text(extra, 'mime') || 'kiểu tệp lạ'}). Hãy xuất ảnh sang JPEG, PNG hoặc WebP (Xử lý ảnh cho web) rồi gửi lại.`,
      );
    case '5113': {
      const limit = Number(extra.limit);
      const size = ctx.file === undefined ? '' : ` nặng ${formatBytes(ctx.file.bytes)},`;
      return fail(
        'too_large',
        `Ảnh «${fileName}»${size} vượt giới hạn ${Number.isFinite(limit) && limit > 0 ? formatBytes(limit) : 'dung lượng'} của cổng. Hãy xuất ảnh nhỏ hơn (Xử lý ảnh cho web, đặt dung lượng tối đa) hoặc nhờ quản trị cổng nâng giới hạn tải lên.`,
      );
    }
    case '5114':
      return fail(
        'too_large',
        `Ảnh «${fileName}» lớn hơn kích thước tối đa ${text(extra, 'max_width')}×${text(extra, 'max_height')} điểm ảnh của cổng. Hãy xuất ảnh nhỏ hơn rồi gửi lại, hoặc nhờ quản trị cổng bật tự động thu nhỏ ảnh.`,
      );
    case '5115':
      return fail(
        'server',
        `Cổng không ghi được ảnh vào thư mục tải lên (${message}). Nhờ quản trị cổng kiểm tra quyền ghi thư mục uploads; Newsdesk sẽ tự thử lại sau.`,
      );
    case '5116':
      return fail(
        'validation',
        `Tệp «${fileName}» không phải ảnh hợp lệ. Hãy xuất lại ảnh rồi gửi.`,
      );
    case '5120':
      return fail(
        'server',
        `Cổng gặp lỗi khi lưu (${text(extra, 'detail') || message}). Newsdesk sẽ tự thử lại sau.`,
      );
    default:
      return null;
  }
}

/** An api.php answer with status "error", as a PortalError. */
export function apiFailure(
  code: string,
  message: string,
  extra: Record<string, unknown>,
  ctx: FailureContext,
): PortalError {
  return (
    coreFailure(code, message, ctx) ??
    connectorFailure(code, message, extra, ctx) ??
    fail(
      'protocol',
      `Cổng trả lời lỗi không rõ (mã ${code}: ${message || 'không có thông báo'}). Hãy báo cho quản trị cổng.`,
    )
  );
}

/** An HTTP status other than 200 from api.php. */
export function httpFailure(
  status: number,
  ctx: FailureContext,
  location: string | null,
  retryAfterMs: number | null,
): PortalError {
  const options = { status, ...(retryAfterMs === null ? {} : { retryAfterMs }) };
  if (status >= 300 && status < 400) {
    return new PortalError(
      'not_found',
      `Địa chỉ cổng chuyển hướng sang ${location ?? 'nơi khác'}. Hãy sửa địa chỉ cổng trong Cài đặt → Cổng cho đúng (thường là địa chỉ bắt đầu bằng https://).`,
      options,
    );
  }
  if (status === 404) {
    return new PortalError(
      'not_found',
      `Không tìm thấy api.php trên ${ctx.host}. Kiểm tra địa chỉ cổng; Newsdesk cần NukeViet 4.4.03 trở lên.`,
      options,
    );
  }
  if (status === 413) {
    return new PortalError(
      'too_large',
      `Máy chủ web của cổng từ chối tệp «${ctx.file?.name ?? ''}» vì quá lớn. Hãy xuất ảnh nhỏ hơn, hoặc nhờ quản trị cổng nâng giới hạn tải lên của máy chủ web.`,
      options,
    );
  }
  if (status === 429) {
    return new PortalError(
      'rate_limited',
      'Cổng đang hạn chế số yêu cầu. Newsdesk sẽ tự thử lại sau.',
      options,
    );
  }
  if (status === 401 || status === 403) {
    return new PortalError(
      'forbidden',
      `Máy chủ của cổng chặn yêu cầu tới api.php (HTTP ${status}), có thể do tường lửa. Nhờ quản trị cổng cho phép truy cập api.php.`,
      options,
    );
  }
  if (status >= 500) {
    return new PortalError(
      'server',
      `Máy chủ cổng đang gặp lỗi (HTTP ${status}). Newsdesk sẽ tự thử lại sau.`,
      options,
    );
  }
  return new PortalError(
    'protocol',
    `Cổng trả lời bất thường (HTTP ${status}). Hãy kiểm tra địa chỉ cổng trong Cài đặt → Cổng.`,
    options,
  );
}

/** A 200 answer that is not api.php's JSON (a Wi-Fi login page, a PHP error page…). */
export function notJsonFailure(ctx: FailureContext): PortalError {
  return new PortalError(
    'protocol',
    `Địa chỉ ${ctx.host} trả về nội dung không phải của API NukeViet (có thể là trang đăng nhập Wi-Fi, trang lỗi PHP hoặc tường lửa). Kiểm tra mạng và địa chỉ cổng trong Cài đặt → Cổng.`,
  );
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

function causeCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}

/** fetch() threw: timeout, refused, reset, DNS, TLS. */
export function networkFailure(
  error: unknown,
  ctx: FailureContext,
  timeoutMs: number,
): PortalError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') {
    return new PortalError(
      'timeout',
      `Cổng ${ctx.host} không trả lời sau ${Math.round(timeoutMs / 1000)} giây. Newsdesk sẽ tự thử lại; nếu lặp lại, hãy kiểm tra mạng.`,
      { cause: error },
    );
  }
  const code = causeCode(error);
  if (TLS_CODES.has(code)) {
    return new PortalError(
      'protocol',
      `Chứng chỉ bảo mật (HTTPS) của ${ctx.host} không hợp lệ (${code}). Nhờ quản trị cổng gia hạn hoặc cài lại chứng chỉ.`,
      { cause: error },
    );
  }
  return new PortalError(
    'offline',
    `Không kết nối được tới cổng ${ctx.host}${code ? ` (${code})` : ''}. Kiểm tra kết nối mạng và địa chỉ cổng; Newsdesk sẽ tự thử lại khi có mạng.`,
    { cause: error },
  );
}
