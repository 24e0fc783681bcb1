import type { SyncErrorCode } from '../../../shared/domain/sync';
import { PortalError } from '../portal/adapter';

/** A failure of the outbox's own (not the portal's): always permanent, with its message. */
export class SyncFailure extends Error {
  readonly code: SyncErrorCode;

  constructor(code: SyncErrorCode, message: string) {
    super(message);
    this.name = 'SyncFailure';
    this.code = code;
  }
}

/** What the worker does with a failure: retry later (with a delay hint) or stop. */
export interface FailureVerdict {
  code: SyncErrorCode;
  message: string;
  transient: boolean;
  retryAfterMs: number | null;
}

/** Sorts any error thrown while syncing an item. */
export function classifyFailure(error: unknown): FailureVerdict {
  if (error instanceof PortalError) {
    return {
      code: error.kind,
      message: error.message,
      transient: error.transient,
      retryAfterMs: error.retryAfterMs,
    };
  }
  if (error instanceof SyncFailure) {
    return { code: error.code, message: error.message, transient: false, retryAfterMs: null };
  }
  return {
    code: 'internal',
    message:
      'Đã xảy ra lỗi không mong muốn khi gửi bài. Hãy bấm «Thử lại»; nếu lỗi lặp lại, gửi tệp nhật ký cho bộ phận kỹ thuật.',
    transient: false,
    retryAfterMs: null,
  };
}

/** Options of the retry schedule. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random: () => number;
}

/**
 * How long to wait before attempt `attempts + 1`: exponential from `baseMs`, capped, with ±50 %
 * jitter so items that failed together do not retry together; a portal's `Retry-After` wins
 * (plus up to 10 % jitter), capped at one hour.
 */
export function retryDelay(
  attempts: number,
  retryAfterMs: number | null,
  options: BackoffOptions,
): number {
  if (retryAfterMs !== null) {
    return Math.min(3_600_000, Math.round(retryAfterMs * (1 + 0.1 * options.random())));
  }
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.5 + options.random()));
}
