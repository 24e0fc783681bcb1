import { AppError } from '../../../shared/errors/appError';

/** Largest clipboard payload we agree to clean: 5 MB of HTML (UTF-8 bytes). */
export const MAX_PASTE_BYTES = 5 * 1024 * 1024;

/**
 * Thrown instead of freezing the editor on a runaway paste (a whole Word book, a page with inline
 * base64 videos). The UI shows `userMessage`; `bytes` and `limit` go to the log.
 */
export class PasteTooLargeError extends AppError {
  readonly bytes: number;
  readonly limit: number;

  constructor(bytes: number, limit: number = MAX_PASTE_BYTES) {
    const megabytes = Math.round(limit / (1024 * 1024));
    super(
      'invalid_input',
      `Nội dung dán quá lớn (hơn ${megabytes} MB). Hãy dán từng phần nhỏ hơn hoặc nhập tệp Word.`,
    );
    this.name = 'PasteTooLargeError';
    this.bytes = bytes;
    this.limit = limit;
  }
}

/** UTF-8 length without encoding when the answer is obvious from the UTF-16 length. */
function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  if (text.length > limit) return text.length;
  return new TextEncoder().encode(text).length;
}

/** Refuses input larger than `limit` bytes before any parsing starts. */
export function assertPasteSize(text: string, limit: number = MAX_PASTE_BYTES): void {
  const bytes = utf8Length(text, limit);
  if (bytes > limit) throw new PasteTooLargeError(bytes, limit);
}
