/**
 * One NukeViet api.php call: form or multipart POST with apikey, timestamp and hashsecret
 * (bcrypt of `secret_timestamp` with PHP's `$2y$` prefix, or its md5 on sites set to
 * md5_verify), action, module and language. api.php refuses a timestamp more than 5 s from its
 * own clock, and office PCs are often minutes off, so the client keeps an offset measured from
 * the server's HTTP Date header of every answer; when the portal still refuses the time
 * (error 0020), it re-measures and retries once.
 */
import { createHash } from 'node:crypto';

import bcrypt from 'bcryptjs';

import { PortalError } from '../adapter';
import type { RequestMeter } from '../requestMeter';
import {
  apiFailure,
  clockMessage,
  httpFailure,
  networkFailure,
  notJsonFailure,
  type FailureContext,
} from './errors';

/** A form value: a string, or a list sent as `name[]`. */
export type FormValue = string | readonly string[];

/** A file for a multipart request. */
export interface FilePart {
  field: string;
  name: string;
  type: string;
  data: Uint8Array;
}

/** How to reach and sign in to the portal. */
export interface ClientOptions {
  apiUrl: string;
  apiKey: string;
  secret: string;
  authMode: 'bcrypt' | 'md5';
  module: string;
  language: string;
  now: () => number;
  clockCorrection: boolean;
  bcryptCost: number;
  meter?: RequestMeter | undefined;
}

/** Per-call options. */
export interface CallOptions {
  timeoutMs: number;
  file?: FilePart;
  signal?: AbortSignal;
  /** Error codes returned as answers instead of thrown (e.g. 5106 "not found" for a read). */
  accept?: readonly string[];
}

/** api.php's answer with status "success": its keys, untyped until the caller parses them. */
export type ApiAnswer = Record<string, unknown>;

/** Below this the measured offset is noise (Date has 1 s resolution); the window is ±5 s. */
const OFFSET_NOISE_MS = 2000;

/**
 * How long (s) one signed timestamp is reused. api.php only checks that `timestamp` is within
 * ±5 s of its clock and that `hashsecret` verifies `secret_timestamp`; it keeps no record of
 * hashes seen. Reusing a timestamp for 2 s, plus the up to 2 s of offset the client leaves
 * uncorrected, stays inside that window (docs/nukeviet-sync.md).
 */
export const SIGNATURE_REUSE_S = 2;

/** The hashsecret api.php verifies for `secret_timestamp`. */
export async function hashSecret(
  secret: string,
  timestamp: number,
  mode: 'bcrypt' | 'md5',
  cost = 10,
): Promise<string> {
  const plain = `${secret}_${timestamp}`;
  if (mode === 'md5') return createHash('md5').update(plain, 'utf8').digest('hex');
  const hash = await bcrypt.hash(plain, cost);
  return hash.replace(/^\$2[abx]\$/u, '$2y$');
}

/** Calls api.php; keeps the clock offset between calls. */
export class NukeVietClient {
  private offsetMs = 0;
  private measuredOffsetMs: number | null = null;
  /** The last signature: bcrypt costs ~190 ms of CPU at cost 10, so it is made once per window. */
  private signature: { timestamp: number; hash: Promise<string> } | null = null;
  readonly host: string;

  constructor(private readonly options: ClientOptions) {
    this.host = new URL(options.apiUrl).host;
  }

  /** The correction added to the local clock (ms), as measured from the portal's Date header. */
  get clockOffsetMs(): number {
    return this.offsetMs;
  }

  /**
   * Runs an API class of the module; returns the success answer, or an error answer whose code
   * is in `accept`, or throws PortalError (the caller's own abort is rethrown as is).
   */
  async call(
    action: string,
    fields: Record<string, FormValue>,
    options: CallOptions,
  ): Promise<ApiAnswer> {
    const ctx: FailureContext = {
      action,
      host: this.host,
      module: this.options.module,
      language: this.options.language,
      ...(options.file
        ? { file: { name: options.file.name, bytes: options.file.data.byteLength } }
        : {}),
    };
    for (let attempt = 0; ; attempt += 1) {
      const { timestamp, hash } = this.sign(attempt > 0);
      const auth = {
        apikey: this.options.apiKey,
        timestamp: String(timestamp),
        hashsecret: await hash,
        action,
        module: this.options.module,
        language: this.options.language,
      };
      const answer = await this.send({ ...fields, ...auth }, options, ctx);
      const code = typeof answer.code === 'string' ? answer.code : '';
      if (answer.status === 'success' || options.accept?.includes(code) === true) return answer;
      const message = typeof answer.message === 'string' ? answer.message : '';
      if (code === '0020') {
        if (/\/1970\b/u.test(message.split(',')[0] ?? '')) {
          // The server saw no timestamp at all: PHP dropped the body (over post_max_size).
          throw options.file
            ? apiFailure('5113', message, {}, ctx)
            : new PortalError(
                'protocol',
                'Cổng không đọc được yêu cầu (máy chủ bỏ qua nội dung gửi lên). Hãy báo quản trị cổng.',
              );
        }
        const measured = this.measuredOffsetMs;
        if (attempt === 0 && this.options.clockCorrection && measured !== null) {
          this.offsetMs = measured;
          continue;
        }
        throw new PortalError('auth', clockMessage(this.measuredOffsetMs));
      }
      throw apiFailure(code, message, answer, ctx);
    }
  }

  /**
   * The timestamp and hashsecret for a request: the last ones while their timestamp is at most
   * SIGNATURE_REUSE_S old and not ahead of the (corrected) clock, else new ones. Concurrent
   * requests share the one being computed. `fresh` after the portal refused the time.
   */
  private sign(fresh: boolean): { timestamp: number; hash: Promise<string> } {
    const now = Math.floor((this.options.now() + this.offsetMs) / 1000);
    const last = this.signature;
    if (
      !fresh &&
      last !== null &&
      last.timestamp <= now &&
      now - last.timestamp <= SIGNATURE_REUSE_S
    ) {
      return last;
    }
    const hash = hashSecret(
      this.options.secret,
      now,
      this.options.authMode,
      this.options.bcryptCost,
    );
    const signature = { timestamp: now, hash };
    this.signature = signature;
    // A failed hash (never expected) must not be reused.
    hash.catch(() => {
      if (this.signature === signature) this.signature = null;
    });
    return signature;
  }

  private async send(
    values: Record<string, FormValue>,
    options: CallOptions,
    ctx: FailureContext,
  ): Promise<ApiAnswer> {
    const body = options.file ? multipart(values, options.file) : urlEncoded(values);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    const end = this.options.meter?.begin();
    try {
      response = await fetch(this.options.apiUrl, {
        method: 'POST',
        body,
        signal,
        redirect: 'manual',
        headers: { Accept: 'application/json' },
      });
      this.observeDate(response.headers.get('date'));
      text = await response.text();
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      throw networkFailure(error, ctx, options.timeoutMs);
    } finally {
      end?.();
    }
    if (response.status !== 200) {
      const retryAfter = Number(response.headers.get('retry-after'));
      throw httpFailure(
        response.status,
        ctx,
        response.headers.get('location'),
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/u, ''));
    } catch {
      throw notJsonFailure(ctx);
    }
    if (typeof parsed !== 'object' || parsed === null || !('status' in parsed)) {
      throw notJsonFailure(ctx);
    }
    return parsed;
  }

  /** Measures the offset from an answer's Date header; applies it when correction is on. */
  private observeDate(header: string | null): void {
    if (header === null) return;
    const serverMs = Date.parse(header);
    if (Number.isNaN(serverMs)) return;
    // Date is truncated to the second: the server's clock was within [Date, Date + 1 s).
    const measured = serverMs + 500 - this.options.now();
    this.measuredOffsetMs = measured;
    if (this.options.clockCorrection && Math.abs(measured - this.offsetMs) >= OFFSET_NOISE_MS) {
      this.offsetMs = measured;
    }
  }
}

function urlEncoded(values: Record<string, FormValue>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string') body.append(key, value);
    else for (const item of value) body.append(`${key}[]`, item);
  }
  return body;
}

function multipart(values: Record<string, FormValue>, file: FilePart): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string') body.append(key, value);
    else for (const item of value) body.append(`${key}[]`, item);
  }
  body.append(file.field, new Blob([file.data], { type: file.type }), file.name);
  return body;
}
