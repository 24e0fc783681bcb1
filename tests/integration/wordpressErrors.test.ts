import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ArticlePayload, PortalAdapter } from '../../electron/core/portal/adapter';
import { PortalError } from '../../electron/core/portal/adapter';
import { createWordPressAdapter } from '../../electron/core/portal/wordpress/wordpressAdapter';
import type { FaultProxy } from '../support/faultProxy';
import { startFaultProxy } from '../support/faultProxy';
import type { WordPressEnv } from '../support/wordpress';
import { runId, wordpressEnv, wordpressRest } from '../support/wordpress';

/*
 * How the WordPress adapter explains failures (PortalError kind + Vietnamese message): wrong
 * address, not WordPress, wrong password, no permission, server errors, rate limits, timeouts,
 * offline. Real servers throughout: the local WordPress (directly or behind the fault proxy)
 * and small HTTP servers on 127.0.0.1 that answer what a misconfigured address answers.
 */

const env = wordpressEnv();
const run = runId('er');

type Json = Record<string, unknown>;

/** A real HTTP server on 127.0.0.1 answering every request with `reply` (or never). */
async function stubServer(
  reply: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | 'hang',
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (reply !== 'hang') reply(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function failure(work: Promise<unknown>): Promise<PortalError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PortalError))
    throw new Error(`expected a PortalError, got ${String(error)}`);
  return error;
}

const connect = (
  baseUrl: string,
  username = 'admin',
  secret = 'x',
  timeoutMs?: number,
): PortalAdapter =>
  createWordPressAdapter({ baseUrl, username, secret }, timeoutMs ? { timeoutMs } : {});

describe('WordPress adapter failures without WordPress', () => {
  it('a page that is not WordPress (HTML 200): protocol, with what to check', async () => {
    const stub = await stubServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Đăng nhập wifi khách sạn</body></html>');
    });
    const error = await failure(connect(stub.url).testConnection());
    expect(error.kind).toBe('protocol');
    expect(error.transient).toBe(false);
    expect(error.message).toContain('không phải của WordPress');
    await stub.close();
  });

  it('a wrong address (HTML 404 everywhere, also ?rest_route=): not_found', async () => {
    const paths: string[] = [];
    const stub = await stubServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    });
    const error = await failure(connect(stub.url).testConnection());
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('Hãy kiểm tra địa chỉ cổng');
    expect(paths[0]).toMatch(/^\/wp-json\//u);
    expect(paths[1]).toMatch(/^\/\?rest_route=%2F/u);
    await stub.close();
  });

  it('JSON that is not a WordPress REST index: not_found', async () => {
    const stub = await stubServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ hello: 'world' }));
    });
    const error = await failure(connect(stub.url).testConnection());
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('không phải là một trang WordPress');
    await stub.close();
  });

  it('nothing listening: offline (transient), refused', async () => {
    const stub = await stubServer('hang');
    const url = stub.url;
    await stub.close();
    const error = await failure(connect(url).testConnection());
    expect(error.kind).toBe('offline');
    expect(error.transient).toBe(true);
    expect(error.message).toContain('từ chối kết nối');
  });

  it('an unknown host name: offline, host not found', async () => {
    const error = await failure(connect('http://cong-thong-tin.invalid').testConnection());
    expect(error.kind).toBe('offline');
    expect(error.message).toContain('Không tìm thấy máy chủ «cong-thong-tin.invalid»');
  });

  it('a server that never answers: timeout (transient)', async () => {
    const stub = await stubServer('hang');
    const error = await failure(connect(stub.url, 'admin', 'x', 300).testConnection());
    expect(error.kind).toBe('timeout');
    expect(error.transient).toBe(true);
    expect(error.message).toContain('không trả lời');
    await stub.close();
  });

  it('413 from a front proxy: too_large; 400 with a WordPress code: validation', async () => {
    let status = 413;
    const stub = await stubServer((_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ code: 'rest_invalid_param', message: 'Invalid parameter(s): status' }),
      );
    });
    const adapter = connect(stub.url);
    expect((await failure(adapter.readArticle('1'))).kind).toBe('too_large');
    status = 400;
    const invalid = await failure(adapter.readArticle('1'));
    expect(invalid.kind).toBe('validation');
    expect(invalid.message).toContain('rest_invalid_param');
    await stub.close();
  });
});

describe.skipIf(env === null)('WordPress adapter failures against a real WordPress', () => {
  const wp = env as WordPressEnv;
  const rest = wordpressRest(wp);
  let proxy: FaultProxy;

  const article = (): ArticlePayload => ({
    syncKey: randomUUID(),
    title: `Bài thử quyền ${run}`,
    slug: `bai-thu-quyen-${run}-${randomUUID().slice(0, 6)}`,
    lead: '',
    html: '<p>Nội dung</p>',
    featuredMedia: null,
    featuredAlt: '',
    categoryIds: [],
    tags: [`Thẻ mới ${run}`],
    author: '',
    source: '',
    status: 'publish',
    publishAt: null,
    expireAt: null,
  });

  /** A WordPress account with `role` and its own Application Password. */
  async function account(role: string): Promise<PortalAdapter> {
    const username = `${role}-${run}`;
    const user = await rest.post<Json>('/wp/v2/users', {
      username,
      email: `${username}@example.test`,
      password: randomUUID(),
      roles: [role],
    });
    expect(user.status).toBe(201);
    const password = await rest.post<Json>(
      `/wp/v2/users/${String(user.json.id)}/application-passwords`,
      {
        name: 'newsdesk-test',
      },
    );
    expect(password.status).toBe(201);
    return createWordPressAdapter({
      baseUrl: wp.url,
      username,
      secret: String(password.json.password),
    });
  }

  beforeAll(async () => {
    proxy = await startFaultProxy(wp.url, { rate: 0, seed: 3, retryAfterSeconds: 2 });
  });

  afterAll(async () => {
    await proxy.close();
  });

  it('a wrong Application Password: auth, saying what to do', async () => {
    const error = await failure(
      connect(wp.url, wp.user, 'abcd efgh ijkl mnop qrst uvwx').testConnection(),
    );
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.transient).toBe(false);
    expect(error.message).toContain('Mật khẩu ứng dụng (Application Password)');
  });

  it('a subscriber: connection works but may not publish or upload; sending is forbidden', async () => {
    const subscriber = await account('subscriber');
    const report = await subscriber.testConnection();
    expect(report).toMatchObject({ canPublish: false, canUpload: false });
    const error = await failure(subscriber.putArticle({ ...article(), tags: [] }, null));
    expect(error.kind).toBe('forbidden');
    expect(error.transient).toBe(false);
    expect(error.message).toMatch(/^Tài khoản «subscriber-er[0-9a-f]{8}» không có quyền /u);
  });

  it('a contributor may write but not publish: forbidden says so (rest_cannot_publish)', async () => {
    const contributor = await account('contributor');
    expect(await contributor.testConnection()).toMatchObject({
      canPublish: false,
      canUpload: false,
    });
    const error = await failure(contributor.putArticle(article(), null));
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(error.message).toContain('không có quyền xuất bản bài');
    expect(error.message).toContain('rest_cannot_publish');
  });

  it('a file WordPress refuses (500 rest_upload_sideload_error): validation, not retried', async () => {
    const adapter = connect(wp.url, wp.user, wp.password);
    const error = await failure(
      adapter.uploadMedia({
        syncKey: randomUUID(),
        fileName: 'khong-phai-anh.jpg',
        mimeType: 'image/jpeg',
        data: new TextEncoder().encode('đây không phải là ảnh'),
        caption: '',
        alt: '',
        credit: '',
        knownNew: true,
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.status).toBe(500);
  });

  it('500, 502 and 503 from the server: server (transient), 503 with its Retry-After', async () => {
    const adapter = connect(proxy.url, wp.user, wp.password);
    for (const fault of ['status500', 'status502'] as const) {
      proxy.force(fault);
      const error = await failure(adapter.readArticle('1'));
      expect(error.kind).toBe('server');
      expect(error.transient).toBe(true);
      expect(error.message).toContain(`HTTP ${fault.slice(-3)}`);
    }
    proxy.force('status503');
    const unavailable = await failure(adapter.readArticle('1'));
    expect(unavailable).toMatchObject({ kind: 'server', retryAfterMs: 2000 });
  });

  it('429: rate_limited with Retry-After in ms', async () => {
    const adapter = connect(proxy.url, wp.user, wp.password);
    proxy.force('status429');
    const error = await failure(adapter.testConnection());
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000, status: 429 });
    expect(error.transient).toBe(true);
    expect(error.message).toContain('2 giây');
  });

  it('a dropped connection: offline (transient), connection cut', async () => {
    const adapter = connect(proxy.url, wp.user, wp.password);
    proxy.force('drop');
    const error = await failure(adapter.testConnection());
    expect(error.kind).toBe('offline');
    expect(error.message).toContain('bị ngắt giữa chừng');
  });
});
