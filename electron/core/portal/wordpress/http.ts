import { PortalError } from '../adapter';
import type { RequestMeter } from '../requestMeter';
import type { FailureContext } from './errors';
import { httpFailure, networkFailure, protocolFailure } from './errors';

/** How a request carries its body. */
export type WpBody =
  { json: Record<string, unknown> } | { form: FormData; bytes: number } | Record<string, never>;

/** One REST call. */
export interface WpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Route under the REST root, e.g. `/wp/v2/posts`. */
  route: string;
  query?: Record<string, string | number | undefined>;
  body?: WpBody;
  /** Vietnamese phrase for messages: «tải ảnh lên», «đăng bài»… */
  action: string;
  signal?: AbortSignal | undefined;
}

/** A successful answer: the parsed JSON and the headers (pagination lives there). */
export interface WpResponse {
  status: number;
  headers: Headers;
  json: unknown;
}

/** Settings of the REST client. */
export interface WpClientOptions {
  baseUrl: string;
  username: string;
  secret: string;
  /** Per request, without the extra time allowed for an upload's bytes. */
  timeoutMs?: number;
  meter?: RequestMeter | undefined;
}

/** An upload gets this much time per byte on top of the base timeout (≥ 16 KB/s). */
const MS_PER_UPLOAD_BYTE = 1 / 16;

/**
 * REST client for one WordPress site: Basic auth with an Application Password, a timeout per
 * request (longer for uploads), every failure turned into a PortalError. The REST root is
 * `/wp-json/`; a site without pretty permalinks answers there with its HTML 404, and the client
 * then switches to `/?rest_route=` for good.
 */
export function createWpClient(options: WpClientOptions) {
  const base = options.baseUrl.replace(/\/+$/u, '');
  const host = new URL(base).host;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const authorization = `Basic ${Buffer.from(`${options.username}:${options.secret}`).toString('base64')}`;
  let style: 'pretty' | 'plain' | 'unknown' = 'unknown';

  const urlFor = (
    route: string,
    query: WpRequest['query'],
    useStyle: 'pretty' | 'plain',
  ): string => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) params.set(key, String(value));
    }
    if (useStyle === 'plain') {
      const search = params.toString();
      return `${base}/?rest_route=${encodeURIComponent(route)}${search ? `&${search}` : ''}`;
    }
    const search = params.toString();
    return `${base}/wp-json${route}${search ? `?${search}` : ''}`;
  };

  const context = (action: string): FailureContext => ({ action, user: options.username, host });

  async function send(request: WpRequest, useStyle: 'pretty' | 'plain'): Promise<WpResponse> {
    const body = request.body ?? {};
    const bytes = 'form' in body ? body.bytes : 0;
    const limit = timeoutMs + Math.round(bytes * MS_PER_UPLOAD_BYTE);
    const timeout = AbortSignal.timeout(limit);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      Authorization: authorization,
      Accept: 'application/json',
    };
    let payload: string | FormData | undefined;
    if ('json' in body) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      payload = JSON.stringify(body.json);
    } else if ('form' in body) {
      payload = body.form;
    }
    const end = options.meter?.begin();
    try {
      let response: Response;
      let text: string;
      try {
        response = await fetch(urlFor(request.route, request.query, useStyle), {
          method: request.method,
          headers,
          body: payload ?? null,
          signal,
          redirect: 'follow',
        });
        text = await response.text();
      } catch (error) {
        if (request.signal?.aborted === true) {
          throw new PortalError('timeout', 'Đã dừng theo yêu cầu.', { cause: error });
        }
        throw networkFailure(timeout.aborted ? timeout.reason : error, host, limit);
      }
      let json: unknown = undefined;
      let parsed = false;
      try {
        json = JSON.parse(text) as unknown;
        parsed = true;
      } catch {
        parsed = false;
      }
      if (response.status >= 200 && response.status < 300) {
        if (!parsed) throw protocolFailure(context(request.action), response.status);
        return { status: response.status, headers: response.headers, json };
      }
      if (!parsed && response.status === 404 && useStyle === 'pretty' && style === 'unknown') {
        throw new PlainStyleHint();
      }
      throw httpFailure(
        response.status,
        json,
        response.headers.get('retry-after'),
        context(request.action),
      );
    } finally {
      end?.();
    }
  }

  return {
    host,
    /** Sends one request; throws PortalError for anything but a 2xx JSON answer. */
    async request(request: WpRequest): Promise<WpResponse> {
      if (style === 'plain') return send(request, 'plain');
      try {
        const response = await send(request, 'pretty');
        style = 'pretty';
        return response;
      } catch (error) {
        if (!(error instanceof PlainStyleHint)) throw error;
      }
      const response = await send(request, 'plain');
      style = 'plain';
      return response;
    },
  };
}

/** Internal: `/wp-json/` is not routed here; try `?rest_route=`. */
class PlainStyleHint extends Error {}

/** The REST client's API. */
export type WpClient = ReturnType<typeof createWpClient>;
