import { createHash, randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type {
  ArticlePayload,
  MediaUpload,
  PortalAdapter,
} from '../../electron/core/portal/adapter';
import { PortalError } from '../../electron/core/portal/adapter';
import { createWordPressAdapter } from '../../electron/core/portal/wordpress/wordpressAdapter';
import type { FaultProxy } from '../support/faultProxy';
import { startFaultProxy } from '../support/faultProxy';
import { photoBytes } from '../support/syncFixtures';
import type { WordPressEnv } from '../support/wordpress';
import { runId, wordpressEnv, wordpressRest } from '../support/wordpress';

/*
 * Every WordPress adapter call against the real local WordPress (scripts/wordpress-local.sh),
 * read back through WordPress's own REST API. Idempotency is checked through the fault proxy:
 * a request that reached WordPress but whose answer was lost must not create a second item.
 */

const env = wordpressEnv();
const run = runId('ad');

type Json = Record<string, unknown>;

describe.skipIf(env === null)('WordPress adapter against a real WordPress', () => {
  const wp = env as WordPressEnv;
  const rest = wordpressRest(wp);
  let proxy: FaultProxy;
  let adapter: PortalAdapter;
  let viaProxy: PortalAdapter;
  let categoryId = '';

  const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

  const upload = async (index: number, extra: Partial<MediaUpload> = {}): Promise<MediaUpload> => ({
    syncKey: `${run}-photo-${index}-${randomUUID()}`,
    fileName: `anh-${run}-${index}.jpg`,
    mimeType: 'image/jpeg',
    data: await photoBytes(index),
    caption: `Chú thích ${run} số ${index}`,
    alt: `Ảnh ${index} cho người khiếm thị`,
    credit: 'Ảnh: Nguyễn Văn A',
    ...extra,
  });

  const payload = (extra: Partial<ArticlePayload> = {}): ArticlePayload => ({
    syncKey: randomUUID(),
    title: `Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng ${run}`,
    slug: `bi-thu-noi-chuyen-${run}-${randomUUID().slice(0, 6)}`,
    lead: 'Sáng nay, đồng chí Bí thư Tỉnh ủy đã nói chuyện với học viên.',
    html: '<p>Đoạn 1 &amp; “trích dẫn”.</p><p style="text-align:center">Đoạn 2</p>',
    featuredMedia: null,
    featuredAlt: '',
    categoryIds: [categoryId],
    tags: [`Bồi dưỡng ${run}`, `Tỉnh ủy ${run}`],
    author: 'Th.S Lê Đình Hùng - Phó Trưởng phòng',
    source: 'Báo Nhân Dân',
    status: 'publish',
    publishAt: null,
    expireAt: null,
    ...extra,
  });

  const countMedia = (syncKey: string): Promise<number> =>
    rest.total(`/wp/v2/media?newsdesk_sync_key=${encodeURIComponent(syncKey)}`);
  const countPosts = (syncKey: string): Promise<number> =>
    rest.total(`/wp/v2/posts?newsdesk_sync_key=${encodeURIComponent(syncKey)}&status=any`);

  beforeAll(async () => {
    proxy = await startFaultProxy(wp.url, { rate: 0, seed: 7 });
    const credentials = { baseUrl: wp.url, username: wp.user, secret: wp.password };
    adapter = createWordPressAdapter(credentials);
    viaProxy = createWordPressAdapter(
      { ...credentials, baseUrl: proxy.url },
      { timeoutMs: 10_000 },
    );
    const category = await rest.post<Json>('/wp/v2/categories', { name: `Thời sự ${run}` });
    expect(category.status).toBe(201);
    categoryId = String(category.json.id);
  });

  afterAll(async () => {
    await proxy.close();
  });

  it('testConnection reports the site, the user and what they may do', async () => {
    const report = await adapter.testConnection();
    expect(report).toMatchObject({
      siteName: 'Newsdesk sync target',
      userName: wp.user,
      canPublish: true,
      canUpload: true,
      lookupBySyncKey: true,
    });
  });

  it('listTerms pulls every category and tag, over several pages', async () => {
    const names = Array.from({ length: 101 }, (_, i) => `Thẻ ${run} ${i}`);
    for (const name of names) {
      const created = await rest.post<Json>('/wp/v2/tags', { name });
      expect(created.status).toBe(201);
    }
    const amp = await rest.post<Json>('/wp/v2/categories', { name: `Kinh tế & Xã hội ${run}` });
    const terms = await adapter.listTerms();
    const tagTitles = new Set(terms.tags.map((tag) => tag.title));
    for (const name of names) expect(tagTitles.has(name)).toBe(true);
    expect(terms.tags.length).toBeGreaterThan(100);
    expect(terms.categories).toContainEqual({
      remoteId: String(amp.json.id),
      parentId: null,
      title: `Kinh tế & Xã hội ${run}`,
      slug: String(amp.json.slug),
    });
  });

  it('uploadMedia sends the photo with caption, alt and credit, and finds it again on retry', async () => {
    const photo = await upload(1);
    const remote = await adapter.uploadMedia(photo);
    const item = await rest.get<Json>(`/wp/v2/media/${remote.remoteId}?context=edit`);
    expect(item.status).toBe(200);
    expect(item.json.alt_text).toBe(photo.alt);
    expect((item.json.caption as Json).raw).toBe(
      `${photo.caption} <span class="credit">Ảnh: Nguyễn Văn A</span>`,
    );
    expect((item.json.meta as Json).newsdesk_sync_key).toBe(photo.syncKey);
    expect(item.json.source_url).toBe(remote.url);
    expect(sha(await rest.download(remote.url))).toBe(sha(photo.data));

    const again = await adapter.uploadMedia(photo);
    expect(again).toEqual(remote);
    expect(await countMedia(photo.syncKey)).toBe(1);
  });

  it('uploadMedia: an upload that reached WordPress but lost its answer is not uploaded twice', async () => {
    const photo = await upload(2);
    proxy.force('dropAfterForward', { method: 'POST', path: '/wp-json/wp/v2/media' });
    const error = await viaProxy.uploadMedia(photo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalError);
    expect((error as PortalError).kind).toBe('offline');
    expect((error as PortalError).transient).toBe(true);
    expect(await countMedia(photo.syncKey)).toBe(1);
    const retried = await viaProxy.uploadMedia(photo);
    expect(await countMedia(photo.syncKey)).toBe(1);
    const item = await rest.get<Json>(`/wp/v2/media/${retried.remoteId}`);
    expect((item.json.meta as Json).newsdesk_sync_key).toBe(photo.syncKey);
  });

  it('uploadMedia: an upload cut midway fails as transient and the retry uploads once', async () => {
    const photo = await upload(3);
    proxy.force('cutUpload', { method: 'POST', path: '/wp-json/wp/v2/media' });
    const error = await viaProxy.uploadMedia(photo).catch((e: unknown) => e);
    expect((error as PortalError).transient).toBe(true);
    await viaProxy.uploadMedia(photo);
    expect(await countMedia(photo.syncKey)).toBe(1);
  });

  it('putArticle creates a post with slug, categories, tags (created), featured image and footer', async () => {
    const featured = await adapter.uploadMedia(await upload(4));
    const existingTag = await rest.post<Json>('/wp/v2/tags', { name: `Có sẵn ${run}` });
    const article = payload({
      featuredMedia: featured,
      tags: [`Bồi dưỡng ${run}`, `Có sẵn ${run}`],
    });
    const result = await adapter.putArticle(article, null);
    const post = await rest.get<Json>(`/wp/v2/posts/${result.remoteId}?context=edit`);
    expect(post.json).toMatchObject({
      status: 'publish',
      slug: article.slug,
      featured_media: Number(featured.remoteId),
      categories: [Number(categoryId)],
      meta: { newsdesk_sync_key: article.syncKey },
      excerpt: expect.objectContaining({ raw: article.lead }),
    });
    expect((post.json.title as Json).raw).toBe(article.title);
    const tagIds = post.json.tags as number[];
    expect(tagIds).toContain(Number(existingTag.json.id));
    const tagNames = await Promise.all(
      tagIds.map(async (tagId) => (await rest.get<Json>(`/wp/v2/tags/${tagId}`)).json.name),
    );
    expect(tagNames.sort()).toEqual([`Bồi dưỡng ${run}`, `Có sẵn ${run}`].sort());
    const raw = (post.json.content as Json).raw as string;
    // The sapo opens the content (the default theme shows no excerpt), then the body as sent.
    expect(raw.indexOf(article.lead)).toBeLessThan(raw.indexOf(article.html));
    expect(raw).toContain(article.html);
    expect(raw).toContain(
      '<p class="author">Tác giả: <strong>Th.S Lê Đình Hùng - Phó Trưởng phòng</strong></p>',
    );
    expect(raw).toContain('<p class="source">Nguồn tin: Báo Nhân Dân</p>');
    expect(result).toMatchObject({ status: 'publish', title: article.title, html: article.html });
    expect(result.url).toContain(article.slug);
  });

  it('putArticle updates the same post, and a lost create answer never duplicates', async () => {
    const article = payload();
    proxy.force('dropAfterForward', { method: 'POST', path: '/wp-json/wp/v2/posts' });
    await expect(viaProxy.putArticle(article, null)).rejects.toMatchObject({ kind: 'offline' });
    expect(await countPosts(article.syncKey)).toBe(1);
    const found = await viaProxy.putArticle(article, null);
    expect(await countPosts(article.syncKey)).toBe(1);
    const updated = await adapter.putArticle(
      { ...article, title: `${article.title} (cập nhật)`, html: '<p>Mới</p>' },
      found.remoteId,
    );
    expect(updated.remoteId).toBe(found.remoteId);
    expect(await countPosts(article.syncKey)).toBe(1);
    const post = await rest.get<Json>(`/wp/v2/posts/${found.remoteId}?context=edit`);
    expect((post.json.title as Json).raw).toBe(`${article.title} (cập nhật)`);
    expect(post.json.slug).toBe(article.slug);
  });

  it('putArticle schedules a future post with date_gmt', async () => {
    const publishAt = Date.UTC(2031, 0, 2, 3, 4, 5);
    const result = await adapter.putArticle(payload({ status: 'future', publishAt }), null);
    const post = await rest.get<Json>(`/wp/v2/posts/${result.remoteId}?context=edit`);
    expect(post.json.status).toBe('future');
    expect(post.json.date_gmt).toBe('2031-01-02T03:04:05');
    expect(result.status).toBe('future');
  });

  it('putArticle refuses a category WordPress silently dropped', async () => {
    await expect(
      adapter.putArticle(payload({ categoryIds: ['987654'] }), null),
    ).rejects.toMatchObject({
      kind: 'validation',
    });
  });

  it('readArticle returns the body as sent and the modified stamp; null when gone', async () => {
    const article = payload();
    const created = await adapter.putArticle(article, null);
    const read = await adapter.readArticle(created.remoteId);
    expect(read).toEqual(created);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await rest.post(`/wp/v2/posts/${created.remoteId}`, { title: 'Sửa trên cổng' });
    const edited = await adapter.readArticle(created.remoteId);
    expect(edited?.title).toBe('Sửa trên cổng');
    expect(edited?.modified).not.toBe(created.modified);
    expect(await adapter.readArticle('99999999')).toBeNull();
  });

  it('takeDown makes the post private (idempotent, a missing post is fine)', async () => {
    const created = await adapter.putArticle(payload(), null);
    await adapter.takeDown(created.remoteId);
    await adapter.takeDown(created.remoteId);
    const post = await rest.get<Json>(`/wp/v2/posts/${created.remoteId}?context=edit`);
    expect(post.json.status).toBe('private');
    expect(post.json.slug).toBe(created.url.split('/').filter(Boolean).pop());
    const publicView = await fetch(`${wp.url}/wp-json/wp/v2/posts/${created.remoteId}`);
    expect(publicView.status).toBe(401);
    expect((await adapter.readArticle(created.remoteId))?.status).toBe('other');
    await expect(adapter.takeDown('99999999')).resolves.toBeUndefined();
  });

  describe('without the Newsdesk plugin (lookups by slug and marker)', () => {
    let plain: PortalAdapter;

    beforeAll(() => {
      proxy.answer('/wp-json/newsdesk/v1/info', {
        status: 404,
        json: { code: 'rest_no_route', message: 'No route', data: { status: 404 } },
      });
      plain = createWordPressAdapter({
        baseUrl: proxy.url,
        username: wp.user,
        secret: wp.password,
      });
    });

    afterAll(() => {
      proxy.answer('/wp-json/newsdesk/v1/info', null);
    });

    it('media: a lost answer is found again by the slug derived from the sync key', async () => {
      const photo = await upload(5);
      proxy.force('dropAfterForward', { method: 'POST', path: '/wp-json/wp/v2/media' });
      await expect(plain.uploadMedia(photo)).rejects.toMatchObject({ kind: 'offline' });
      const found = await plain.uploadMedia(photo);
      const item = await rest.get<Json>(`/wp/v2/media/${found.remoteId}?context=edit`);
      expect(item.json.meta).toEqual({ newsdesk_sync_key: '' });
      const sameSlug = await rest.total(`/wp/v2/media?slug=${String(item.json.slug)}`);
      expect(sameSlug).toBe(1);
      expect(String(item.json.slug)).toMatch(/^anh-ad[0-9a-f]{8}-5-[0-9a-f]{12}$/u);
    });

    it('posts: found by slug and marker; a slug taken by someone else is not mistaken for ours', async () => {
      const article = payload();
      const squatter = await rest.post<Json>('/wp/v2/posts', {
        title: 'Bài của người khác',
        slug: article.slug,
        status: 'publish',
      });
      proxy.force('dropAfterForward', { method: 'POST', path: '/wp-json/wp/v2/posts' });
      await expect(plain.putArticle(article, null)).rejects.toMatchObject({ kind: 'offline' });
      const found = await plain.putArticle(article, null);
      expect(found.remoteId).not.toBe(String(squatter.json.id));
      const ours = await rest.get<Json[]>(
        `/wp/v2/posts?search=${encodeURIComponent(`newsdesk-sync-key:${article.syncKey}`)}&status=any&_fields=id`,
      );
      expect(ours.json.map((post) => String(post.id))).toEqual([found.remoteId]);
      const squatterNow = await rest.get<Json>(
        `/wp/v2/posts/${String(squatter.json.id)}?context=edit`,
      );
      expect((squatterNow.json.title as Json).raw).toBe('Bài của người khác');
    });
  });
});
