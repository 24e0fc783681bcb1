/**
 * What the adapter tells the user when NukeViet refuses: a wrong secret, a clock 2 minutes off
 * (corrected from the Date header; refused with a clear message when correction is off), a role
 * without the API, an account without the category right, an image over the site's limit, the
 * connector not installed, Remote API off, a wrong address and an unreachable portal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PortalError, type MediaUpload } from '../../electron/core/portal/adapter';
import {
  createNukeVietAdapter,
  type NukeVietAdapterOptions,
} from '../../electron/core/portal/nukeviet/nukevietAdapter';
import {
  CONNECTOR_APIS,
  phpUnavailableReason,
  randomIdent,
  startNukeVietHarness,
  type HarnessCredential,
  type NukeVietHarness,
} from '../support/nukeviet-harness/harness';
import { fixturePhoto, seedPayload } from '../support/nukeviet-harness/seed';

const skipReason = phpUnavailableReason();
if (skipReason !== null) {
  console.warn(`\n!!! NukeViet integration tests SKIPPED: ${skipReason} !!!\n`);
}

async function failure(promise: Promise<unknown>): Promise<PortalError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PortalError))
    throw new Error(`expected a PortalError, got ${String(error)}`);
  return error;
}

const credential = (adminId: number, roles: number[]): HarnessCredential => ({
  ident: randomIdent(),
  secret: randomIdent(),
  adminId,
  roles,
});

describe.skipIf(skipReason !== null)('NukeViet adapter ↔ connector: refusals in Vietnamese', () => {
  let harness: NukeVietHarness;
  const editor = credential(1, [1]);
  const reader = credential(1, [2]);
  const reporter = credential(2, [1]);

  beforeAll(async () => {
    harness = await startNukeVietHarness({
      admins: [
        { id: 1, username: 'bientap', lev: 1 },
        { id: 2, username: 'phongvien', lev: 3 },
      ],
      moduleAdmins: '2',
      roles: [
        { id: 1, title: 'Newsdesk', apis: [...CONNECTOR_APIS] },
        { id: 2, title: 'Chỉ đọc', apis: ['NewsdeskCatalog', 'NewsdeskArticleGet'] },
      ],
      credentials: [editor, reader, reporter],
      rights: [{ userid: 2, catid: 2, add_content: 1 }],
      maxUploadBytes: 100 * 1024,
    });
  });

  afterAll(async () => {
    await harness.stop();
  });

  const adapterFor = (c: HarnessCredential, options: Partial<NukeVietAdapterOptions> = {}) =>
    createNukeVietAdapter({
      credentials: { baseUrl: harness.baseUrl, username: c.ident, secret: c.secret },
      bcryptCost: 5,
      ...options,
    });

  it('a wrong secret: the portal refuses it (0014)', async () => {
    const error = await failure(adapterFor({ ...editor, secret: randomIdent() }).testConnection());
    expect(error.kind).toBe('auth');
    expect(error.transient).toBe(false);
    expect(error.message).toBe(
      'Cổng từ chối mã bí mật (secret) của API key. Hãy dán lại secret đúng như lúc tạo quyền truy cập API (cổng chỉ hiện nó một lần) và kiểm tra kiểu xác thực (bcrypt hay md5) trong Cài đặt → Cổng.',
    );
  });

  it('an unknown API key (0013)', async () => {
    const error = await failure(adapterFor({ ...editor, ident: randomIdent() }).testConnection());
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('Cổng không nhận ra API key này');
  });

  it('a clock 2 minutes fast or slow still works: the offset comes from the Date header', async () => {
    for (const skew of [120_000, -120_000]) {
      const adapter = adapterFor(editor, { now: () => Date.now() + skew });
      await expect(adapter.testConnection()).resolves.toMatchObject({ userName: 'bientap' });
      expect(Math.abs(adapter.clockOffsetMs() + skew)).toBeLessThan(2000);
      // Later calls use the measured offset straight away.
      await expect(adapter.listTerms()).resolves.toMatchObject({ categories: expect.any(Array) });
    }
  });

  it('a clock 2 minutes off without correction: the message says so and how to fix it', async () => {
    const fast = adapterFor(editor, { now: () => Date.now() + 120_000, clockCorrection: false });
    const error = await failure(fast.testConnection());
    expect(error.kind).toBe('auth');
    expect(error.message).toBe(
      'Đồng hồ máy tính này đang chạy nhanh khoảng 2 phút so với máy chủ của cổng, trong khi cổng chỉ chấp nhận lệch tối đa 5 giây nên từ chối yêu cầu. Hãy chỉnh lại ngày giờ của máy (bật «Đặt giờ tự động» trong cài đặt ngày giờ) rồi gửi lại.',
    );
    const slow = adapterFor(editor, { now: () => Date.now() - 120_000, clockCorrection: false });
    expect((await failure(slow.testConnection())).message).toContain(
      'đang chạy chậm khoảng 2 phút',
    );
  });

  it('a role without the save API (0004): which function to tick, and where', async () => {
    const adapter = adapterFor(reader);
    await expect(adapter.testConnection()).resolves.toMatchObject({
      canPublish: false,
      canUpload: false,
    });
    const error = await failure(adapter.putArticle(seedPayload(new Map()), null));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toBe(
      'Vai trò API của tài khoản này chưa được cấp chức năng «đăng và cập nhật bài viết» (NewsdeskArticleSave) của module «news». Nhờ quản trị cổng vào Quản trị → Quản lý API Roles, đánh dấu chức năng này cho vai trò của Newsdesk.',
    );
    expect(harness.query('SELECT COUNT(*) AS n FROM nv4_vi_news_rows')).toEqual([{ n: 0 }]);
  });

  it('an account without the publish right in the category (5105)', async () => {
    const adapter = adapterFor(reporter);
    const error = await failure(adapter.putArticle(seedPayload(new Map()), null));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toContain('không có quyền xuất bản bài trong chuyên mục: Tin hoạt động');
    // The same account may file a draft there (add_content).
    await expect(
      adapter.putArticle(seedPayload(new Map(), { status: 'draft' }), null),
    ).resolves.toMatchObject({ status: 'draft' });
    const other = await failure(
      adapter.putArticle(seedPayload(new Map(), { status: 'draft', categoryIds: ['3'] }), null),
    );
    expect(other.message).toContain('không có quyền thêm bài trong chuyên mục: Chỉ đạo điều hành');
  });

  it('an image over the site limit (5113): size, limit and what to do', async () => {
    const big: MediaUpload = {
      syncKey: 'photos/big',
      fileName: 'anh-hoi-nghi.jpg',
      mimeType: 'image/jpeg',
      data: fixturePhoto('dune-canon-rebel.jpg'),
      caption: '',
      alt: '',
      credit: '',
    };
    const error = await failure(adapterFor(editor).uploadMedia(big));
    expect(error.kind).toBe('too_large');
    expect(error.transient).toBe(false);
    expect(error.message).toBe(
      'Ảnh «anh-hoi-nghi.jpg» nặng 138 KB, vượt giới hạn 100 KB của cổng. Hãy xuất ảnh nhỏ hơn (Xử lý ảnh cho web, đặt dung lượng tối đa) hoặc nhờ quản trị cổng nâng giới hạn tải lên.',
    );
    const small = { ...big, syncKey: 'photos/small', data: fixturePhoto('storm-canon-400d.jpg') };
    await expect(adapterFor(editor).uploadMedia(small)).resolves.toMatchObject({
      url: expect.stringMatching(/^\/uploads\/news\/\d{4}_\d{2}\/anh-hoi-nghi\.jpg$/u),
    });
  });

  it('a file that is not an image (5112), and a missing title (5102)', async () => {
    const text: MediaUpload = {
      syncKey: 'x',
      fileName: 'ghi-chu.jpg',
      mimeType: 'image/jpeg',
      data: new TextEncoder().encode('<?php echo 1; ?> không phải ảnh'),
      caption: '',
      alt: '',
      credit: '',
    };
    const notImage = await failure(adapterFor(editor).uploadMedia(text));
    expect(notImage.kind).toBe('validation');
    expect(notImage.message).toContain('Hãy xuất ảnh sang JPEG, PNG hoặc WebP');
    const untitled = await failure(
      adapterFor(editor).putArticle(seedPayload(new Map(), { title: '  ' }), null),
    );
    expect(untitled.message).toBe(
      'Bài viết chưa có tiêu đề nên cổng không nhận. Hãy nhập tiêu đề rồi gửi lại.',
    );
  });

  it('a wrong address (404) and an unreachable portal', async () => {
    const wrong = createNukeVietAdapter({
      credentials: { baseUrl: `${harness.baseUrl}cong-cu/`, username: 'x', secret: 'y' },
      bcryptCost: 4,
    });
    const notFound = await failure(wrong.testConnection());
    expect(notFound.kind).toBe('not_found');
    expect(notFound.status).toBe(404);
    expect(notFound.message).toContain('Không tìm thấy api.php');

    const offline = createNukeVietAdapter({
      credentials: { baseUrl: 'http://127.0.0.1:9/', username: 'x', secret: 'y' },
      bcryptCost: 4,
    });
    const error = await failure(offline.testConnection());
    expect(error.kind).toBe('offline');
    expect(error.transient).toBe(true);
  });
});

describe.skipIf(skipReason !== null)('NukeViet site set up wrongly', () => {
  it('connector not copied: "API not exists" says to install it', async () => {
    const harness = await startNukeVietHarness({ installConnector: false });
    try {
      const adapter = createNukeVietAdapter({
        credentials: {
          baseUrl: harness.baseUrl,
          username: harness.editor.ident,
          secret: harness.editor.secret,
        },
        bcryptCost: 4,
      });
      const error = await failure(adapter.testConnection());
      expect(error.kind).toBe('not_found');
      expect(error.message).toContain('Cổng chưa cài bộ kết nối Newsdesk');
      expect(error.message).toContain('modules/news/Api/NewsdeskCatalog.php');
    } finally {
      await harness.stop();
    }
  });

  it('Remote API switched off (0011)', async () => {
    const harness = await startNukeVietHarness({ remoteApiAccess: false });
    try {
      const adapter = createNukeVietAdapter({
        credentials: {
          baseUrl: harness.baseUrl,
          username: harness.editor.ident,
          secret: harness.editor.secret,
        },
        bcryptCost: 4,
      });
      const error = await failure(adapter.testConnection());
      expect(error.kind).toBe('forbidden');
      expect(error.message).toContain('chưa bật Remote API');
    } finally {
      await harness.stop();
    }
  });

  it("PHP's post_max_size below the photo: the body is dropped, the message says too large", async () => {
    const harness = await startNukeVietHarness({ phpIni: { post_max_size: '64K' } });
    try {
      const adapter = createNukeVietAdapter({
        credentials: {
          baseUrl: harness.baseUrl,
          username: harness.editor.ident,
          secret: harness.editor.secret,
        },
        bcryptCost: 4,
      });
      const error = await failure(
        adapter.uploadMedia({
          syncKey: 'photos/dune',
          fileName: 'doi-cat.jpg',
          mimeType: 'image/jpeg',
          data: fixturePhoto('dune-canon-rebel.jpg'),
          caption: '',
          alt: '',
          credit: '',
        }),
      );
      expect(error.kind).toBe('too_large');
      expect(error.message).toContain('Ảnh «doi-cat.jpg» nặng 138 KB');
    } finally {
      await harness.stop();
    }
  });
});
