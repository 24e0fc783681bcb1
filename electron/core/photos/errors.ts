import path from 'node:path';

import { AppError } from '../../../shared/errors/appError';
import type { ErrorCode } from '../../../shared/errors/appError';

/**
 * Every way a photo can fail that the editor must be told about. The batch queue groups results by
 * code (for example "12 skipped, 1 HEIC"), so codes are stable; messages are Vietnamese for the user.
 */
export type PhotoErrorCode =
  | 'PHOTO_EMPTY_FILE'
  | 'PHOTO_CORRUPT'
  | 'PHOTO_NOT_AN_IMAGE'
  | 'PHOTO_TOO_MANY_PIXELS'
  | 'PHOTO_UNSUPPORTED_FORMAT'
  | 'PHOTO_FILE_VANISHED'
  | 'PHOTO_UNREADABLE'
  | 'PHOTO_DISK_FULL'
  | 'PHOTO_OUTPUT_EXISTS'
  | 'PHOTO_OUTPUT_FAILED'
  | 'PHOTO_WATERMARK_UNREADABLE'
  | 'PHOTO_FONT_UNREADABLE'
  | 'PHOTO_CANCELLED';

/**
 * Largest image we agree to decode. A Galaxy Ultra 200 MP photo (16320×12240 ≈ 199.8 MP) must pass;
 * a 30000×30000 decompression bomb (900 MP, ~2.7 GB of pixels) must not.
 */
export const DEFAULT_MAX_PIXELS = 210_000_000;

/** Vietnamese guidance for iPhone users, shared by the HEIC refusal so the wording stays in one place. */
export const HEIC_HELP =
  'Trên iPhone: vào Cài đặt > Camera > Định dạng > chọn «Tương thích nhất» để chụp ảnh JPEG; ' +
  'với ảnh đã chụp, hãy chia sẻ ảnh dưới dạng JPEG (hoặc Cài đặt > Ảnh > Truyền về máy Mac hoặc PC > ' +
  '«Tự động») rồi thêm lại.';

/** Contract error code for each photo failure, so the IPC dispatcher can report it as is. */
const CONTRACT_CODE: Readonly<Record<PhotoErrorCode, ErrorCode>> = {
  PHOTO_EMPTY_FILE: 'invalid_input',
  PHOTO_CORRUPT: 'corrupt_data',
  PHOTO_NOT_AN_IMAGE: 'invalid_input',
  PHOTO_TOO_MANY_PIXELS: 'invalid_input',
  PHOTO_UNSUPPORTED_FORMAT: 'invalid_input',
  PHOTO_FILE_VANISHED: 'not_found',
  PHOTO_UNREADABLE: 'forbidden',
  PHOTO_DISK_FULL: 'storage_failed',
  PHOTO_OUTPUT_EXISTS: 'conflict',
  PHOTO_OUTPUT_FAILED: 'storage_failed',
  PHOTO_WATERMARK_UNREADABLE: 'invalid_input',
  PHOTO_FONT_UNREADABLE: 'invalid_input',
  // The contract has no 'cancelled' code yet; a cancel is a state change the caller asked for.
  PHOTO_CANCELLED: 'conflict',
};

/**
 * A failure the editor can act on. It is an AppError, so the contract dispatcher returns its
 * Vietnamese message instead of "internal"; `photoCode` is the precise reason the batch queue
 * groups by (for example "12 skipped, 1 HEIC"), `detail` the technical cause for the log.
 */
export class PhotoError extends AppError {
  override readonly name = 'PhotoError';
  readonly photoCode: PhotoErrorCode;
  readonly filePath: string | undefined;
  readonly detail: string | undefined;

  constructor(
    photoCode: PhotoErrorCode,
    message: string,
    options: { filePath?: string; detail?: string; cause?: unknown } = {},
  ) {
    super(
      CONTRACT_CODE[photoCode],
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.photoCode = photoCode;
    this.filePath = options.filePath;
    this.detail = options.detail;
  }
}

/** Narrowing helper so callers can branch on codes without `instanceof` across module copies. */
export function isPhotoError(value: unknown): value is PhotoError {
  return value instanceof PhotoError;
}

function quoted(filePath: string): string {
  return `«${path.basename(filePath)}»`;
}

/** Builders for each code, so every call site says the same thing in the same words. */
export const photoErrors = {
  emptyFile: (filePath: string) =>
    new PhotoError(
      'PHOTO_EMPTY_FILE',
      `Tệp ${quoted(filePath)} rỗng (0 byte). Có thể ảnh chưa tải xong từ Zalo hoặc điện thoại — hãy tải hoặc chép lại.`,
      { filePath },
    ),
  corrupt: (filePath: string, cause?: unknown) =>
    new PhotoError(
      'PHOTO_CORRUPT',
      `Ảnh ${quoted(filePath)} bị hỏng hoặc chưa được chép hết. Hãy chép lại tệp gốc từ máy ảnh hoặc điện thoại.`,
      { filePath, cause, detail: describe(cause) },
    ),
  notAnImage: (filePath: string, cause?: unknown) =>
    new PhotoError(
      'PHOTO_NOT_AN_IMAGE',
      `Tệp ${quoted(filePath)} không phải là ảnh (dù có đuôi «${path.extname(filePath) || 'không đuôi'}»). Hãy kiểm tra lại tệp.`,
      { filePath, cause, detail: describe(cause) },
    ),
  tooManyPixels: (
    filePath: string,
    maxPixels: number,
    size?: { width: number; height: number },
    cause?: unknown,
  ) =>
    new PhotoError(
      'PHOTO_TOO_MANY_PIXELS',
      `Ảnh ${quoted(filePath)} quá lớn (${size ? `${size.width}×${size.height} điểm ảnh, ` : ''}` +
        `vượt giới hạn ${Math.round(maxPixels / 1e6)} megapixel). Hãy thu nhỏ ảnh trước khi đưa vào.`,
      {
        filePath,
        cause,
        detail: size ? `${size.width}x${size.height} > ${maxPixels}` : describe(cause),
      },
    ),
  heic: (filePath: string) =>
    new PhotoError(
      'PHOTO_UNSUPPORTED_FORMAT',
      `Ảnh ${quoted(filePath)} ở định dạng HEIC/HEIF của iPhone, ứng dụng chưa đọc được. ${HEIC_HELP}`,
      { filePath, detail: 'heic' },
    ),
  unsupported: (filePath: string, format: string) =>
    new PhotoError(
      'PHOTO_UNSUPPORTED_FORMAT',
      `Ảnh ${quoted(filePath)} ở định dạng ${format.toUpperCase()}, ứng dụng chưa hỗ trợ. Hãy xuất ảnh sang JPEG rồi thêm lại.`,
      { filePath, detail: format },
    ),
  vanished: (filePath: string, cause?: unknown) =>
    new PhotoError(
      'PHOTO_FILE_VANISHED',
      `Không tìm thấy tệp ${quoted(filePath)}: tệp đã bị xoá, đổi tên, hoặc thẻ nhớ/USB đã bị rút ra.`,
      { filePath, cause, detail: describe(cause) },
    ),
  unreadable: (filePath: string, cause?: unknown) =>
    new PhotoError(
      'PHOTO_UNREADABLE',
      `Không mở được tệp ${quoted(filePath)}: không có quyền đọc, tệp đang bị chương trình khác khoá, hoặc đó là một thư mục.`,
      { filePath, cause, detail: describe(cause) },
    ),
  diskFull: (filePath: string, cause?: unknown) =>
    new PhotoError(
      'PHOTO_DISK_FULL',
      `Ổ đĩa đã đầy, không lưu được ${quoted(filePath)}. Hãy giải phóng dung lượng hoặc chọn thư mục khác.`,
      { filePath, cause, detail: describe(cause) },
    ),
  outputExists: (filePath: string) =>
    new PhotoError(
      'PHOTO_OUTPUT_EXISTS',
      `Đã có tệp ${quoted(filePath)} trong thư mục đích nên ảnh này được bỏ qua (theo lựa chọn «Bỏ qua»).`,
      { filePath },
    ),
  outputFailed: (filePath: string, cause?: unknown) =>
    new PhotoError(
      'PHOTO_OUTPUT_FAILED',
      `Không ghi được ${quoted(filePath)} vào thư mục đích. Hãy kiểm tra quyền ghi hoặc chọn thư mục khác.`,
      { filePath, cause, detail: describe(cause) },
    ),
  watermarkUnreadable: (filePath: string, cause?: unknown) =>
    new PhotoError(
      'PHOTO_WATERMARK_UNREADABLE',
      `Không đọc được tệp logo ${quoted(filePath)} dùng để đóng dấu. Hãy chọn lại tệp PNG của logo.`,
      { filePath, cause, detail: describe(cause) },
    ),
  fontUnreadable: (filePath: string, cause?: unknown) =>
    new PhotoError(
      'PHOTO_FONT_UNREADABLE',
      `Không đọc được tệp phông chữ ${quoted(filePath)} dùng để ghi tên tác giả lên ảnh. Hãy cài lại ứng dụng hoặc chọn phông khác.`,
      { filePath, cause, detail: describe(cause) },
    ),
  cancelled: (filePath: string) =>
    new PhotoError('PHOTO_CANCELLED', `Đã huỷ xử lý ảnh ${quoted(filePath)}.`, { filePath }),
};

function describe(cause: unknown): string | undefined {
  if (cause === undefined) return undefined;
  if (cause instanceof Error) return cause.message;
  return typeof cause === 'string' ? cause : JSON.stringify(cause);
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' ? code : undefined;
}

/** Where the failure happened: the same errno means different things when reading and writing. */
export type PhotoStage = 'read' | 'decode' | 'write';

/**
 * Maps whatever Node or sharp threw into a PhotoError. sharp reports failures only as message text,
 * so the patterns below track libvips wording (checked against sharp 0.35 / libvips 8.18).
 */
export function toPhotoError(
  error: unknown,
  filePath: string,
  stage: PhotoStage,
  maxPixels = DEFAULT_MAX_PIXELS,
): PhotoError {
  if (error instanceof PhotoError) return error;
  const code = errnoCode(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return photoErrors.diskFull(filePath, error);
  if (code === 'ABORT_ERR') return photoErrors.cancelled(filePath);
  if (stage !== 'write' && (code === 'ENOENT' || code === 'ENOTDIR')) {
    return photoErrors.vanished(filePath, error);
  }
  if (stage === 'write') return photoErrors.outputFailed(filePath, error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY' || code === 'EISDIR') {
    return photoErrors.unreadable(filePath, error);
  }
  const message = describe(error) ?? '';
  if (/input file is missing/i.test(message)) return photoErrors.vanished(filePath, error);
  if (/unsupported image format/i.test(message)) return photoErrors.notAnImage(filePath, error);
  if (/exceeds pixel limit/i.test(message)) {
    return photoErrors.tooManyPixels(filePath, maxPixels, undefined, error);
  }
  return photoErrors.corrupt(filePath, error);
}
