import { randomUUID } from 'node:crypto';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type {
  ArticlePayload,
  MediaUpload,
  PortalAdapter,
  RemoteMedia,
} from '../../electron/core/portal/adapter';
import { buildIim, withIptc } from '../../electron/core/photos/iptcWrite';
import { createWordPressAdapter } from '../../electron/core/portal/wordpress/wordpressAdapter';
import { launchChromium, screenshot } from '../e2e/support/browser';
import { photoBytes } from '../support/syncFixtures';
import type { WordPressEnv } from '../support/wordpress';
import { runId, wordpressEnv, wordpressRest } from '../support/wordpress';

/*
 * What readers see on the real WordPress: text the desk treats as text (title, sapo, photo
 * captions, alt, credit) shows literally on the public page; the sapo opens the content; photos
 * carry WordPress's own `wp-image-<id>` class, width, height and size class, so WordPress adds
 * `srcset`; media are attached to their post; the featured photo is not shown twice.
 */

const env = wordpressEnv();
const run = runId('out');

type Json = Record<string, unknown>;
const HOSTILE = 'Giá <b>tăng</b> & "giảm" <script>alert(1)</script>';

describe.skipIf(env === null)('what the WordPress adapter sends, on the public page', () => {
  const wp = env as WordPressEnv;
  const rest = wordpressRest(wp);
  let adapter: PortalAdapter;
  let browser: Browser;

  const upload = async (index: number, extra: Partial<MediaUpload> = {}): Promise<MediaUpload> => ({
    syncKey: `${run}-photo-${index}-${randomUUID()}`,
    fileName: `anh-${run}-${index}.jpg`,
    mimeType: 'image/jpeg',
    data: await photoBytes(index, 1600),
    caption: `Chú thích ${run} số ${index}`,
    alt: `Ảnh ${index} cho người khiếm thị`,
    credit: 'Nguyễn Văn A',
    ...extra,
  });

  const figure = (media: RemoteMedia, caption: string): string =>
    `<figure class="article-figure"><img src="${media.url}" alt="Ảnh" loading="lazy"><figcaption>${caption}</figcaption></figure>`;

  const payload = (extra: Partial<ArticlePayload> = {}): ArticlePayload => ({
    syncKey: randomUUID(),
    title: `Bài ${run}`,
    slug: `bai-${run}-${randomUUID().slice(0, 6)}`,
    lead: `Sapo của bài ${run}: sáng nay, đồng chí Bí thư đã nói chuyện với học viên.`,
    html: '<p>Đoạn 1.</p>',
    featuredMedia: null,
    featuredAlt: '',
    categoryIds: [],
    tags: [],
    author: '',
    source: '',
    status: 'publish',
    publishAt: null,
    expireAt: null,
    ...extra,
  });

  /** The public page as a reader's Chromium renders it. */
  const publicPage = async (url: string, name: string) => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const alerts: string[] = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    await screenshot(page, name);
    return { page, alerts };
  };

  beforeAll(async () => {
    adapter = createWordPressAdapter({ baseUrl: wp.url, username: wp.user, secret: wp.password });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('title and sapo with markup show literally on the public page (no script runs)', async () => {
    const lead = `Sapo <i>nghiêng</i> & <script>alert(2)</script> ${run}`;
    const post = await adapter.putArticle(payload({ title: HOSTILE, lead }), null);
    const { page, alerts } = await publicPage(post.url, 'wordpress-public-escaped-title');
    const heading = await page.locator('h1').first().innerText();
    expect(heading).toContain('Giá <b>tăng</b> &');
    expect(heading).toContain('<script>alert(1)</script>');
    expect(await page.locator('h1 b, h1 script').count()).toBe(0);
    const body = await page.locator('body').innerText();
    expect(body).toContain('Sapo <i>nghiêng</i> & <script>alert(2)</script>');
    expect(alerts).toEqual([]);
    await page.close();

    const excerpt = await rest.get<Json>(`/wp/v2/posts/${post.remoteId}?_fields=excerpt,title`);
    const rendered = JSON.stringify(excerpt.json);
    expect(rendered).not.toMatch(/<script|<b>|<i>/u);
    // Read back, the desk sees exactly the text it sent (no conflict from the escaping).
    expect((await adapter.readArticle(post.remoteId))?.title).toBe(HOSTILE);
  });

  it('photo title, caption, alt and credit with markup stay text on the media item', async () => {
    const media = await adapter.uploadMedia(
      await upload(1, {
        caption: `Ảnh <b>đậm</b> & "trích" ${run}`,
        alt: 'Mô tả <img src=x onerror=alert(3)>',
        credit: '<em>Trường</em> & Cộng sự',
      }),
    );
    const item = await rest.get<Json>(
      `/wp/v2/media/${media.remoteId}?context=edit&_fields=title,caption,alt_text,description`,
    );
    const { title, caption, description } = item.json as Record<string, { rendered: string }>;
    for (const field of [title, caption, description]) {
      expect(field?.rendered ?? '').not.toMatch(/<b>|<em>|<img src=x/u);
    }
    expect(caption?.rendered).toContain('&lt;b&gt;đậm&lt;/b&gt;');
    expect(description?.rendered).toContain('&lt;em&gt;Trường&lt;/em&gt;');
    // WordPress strips tags from alt_text (sanitize_text_field) and prints it with esc_attr,
    // which keeps entities: sent escaped, the reader's alt is the text the desk holds.
    expect(item.json.alt_text).toBe('Mô tả &lt;img src=x onerror=alert(3)&gt;');
  });

  it('the page shows the sapo first and responsive photos attached to the post, featured once', async () => {
    const first = await adapter.uploadMedia(await upload(2));
    const second = await adapter.uploadMedia(await upload(3));
    const html = `${figure(first, 'Ảnh một')}<p>Đoạn giữa ${run}.</p>${figure(second, 'Ảnh hai')}`;
    const post = await adapter.putArticle(
      payload({ html, featuredMedia: first, media: [first, second] }),
      null,
    );
    const raw = await rest.get<{ content: { raw: string; rendered: string } }>(
      `/wp/v2/posts/${post.remoteId}?context=edit&_fields=content`,
    );
    const content = raw.json.content.raw;
    expect(content.indexOf(`Sapo của bài ${run}`)).toBeGreaterThanOrEqual(0);
    expect(content.indexOf(`Sapo của bài ${run}`)).toBeLessThan(content.indexOf('<img'));
    // The featured photo leads the page already: not repeated as the first inline photo.
    expect(content).not.toContain(`wp-image-${first.remoteId}`);
    expect(content).toMatch(
      new RegExp(`<img[^>]*class="[^"]*wp-image-${second.remoteId}[^"]*size-large`, 'u'),
    );
    expect(content).toMatch(/<img[^>]*width="\d+"[^>]*height="\d+"/u);

    for (const media of [first, second]) {
      const item = await rest.get<{ post: number | null }>(`/wp/v2/media/${media.remoteId}`);
      expect(item.json.post).toBe(Number(post.remoteId));
    }

    const { page } = await publicPage(post.url, 'wordpress-public-photos');
    expect(await page.locator('body').innerText()).toContain(`Sapo của bài ${run}`);
    const img = page.locator(`img.wp-image-${second.remoteId}`);
    expect(await img.getAttribute('srcset')).toMatch(/\d+w/u);
    const scrollWidth = await page
      .locator('html')
      .evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(1366);
    await page.close();

    // The body the desk reads back is the body it sent: WordPress's decoration is not an edit.
    expect((await adapter.readArticle(post.remoteId))?.html).toBe(html);
  });

  it('a newsroom that wants the featured photo in the body too gets it there', async () => {
    const keeping = createWordPressAdapter(
      { baseUrl: wp.url, username: wp.user, secret: wp.password },
      { featuredInBody: true },
    );
    const first = await keeping.uploadMedia(await upload(4));
    const html = figure(first, 'Ảnh đại diện');
    const post = await keeping.putArticle(
      payload({ html, featuredMedia: first, media: [first] }),
      null,
    );
    const raw = await rest.get<{ content: { raw: string } }>(
      `/wp/v2/posts/${post.remoteId}?context=edit&_fields=content`,
    );
    expect(raw.json.content.raw).toContain(`wp-image-${first.remoteId}`);
    expect((await keeping.readArticle(post.remoteId))?.html).toBe(html);
  });

  it('caption, alt and credit are the desk’s on the media item, whatever the embedded IPTC says', async () => {
    const iim = buildIim({
      caption: `Chú thích IPTC cũ ${run}`,
      credit: 'Trường Chính trị Trần Phú Hà Tĩnh',
    });
    if (!iim) throw new Error('no IIM block');
    const data = withIptc(await photoBytes(8), iim);
    const bare = await adapter.uploadMedia(await upload(8, { data, caption: '', credit: '' }));
    const item = await rest.get<Record<string, { raw: string }>>(
      `/wp/v2/media/${bare.remoteId}?context=edit&_fields=title,caption,description`,
    );
    expect(item.json.caption?.raw).toBe('');
    expect(item.json.description?.raw).toBe('');
    expect(item.json.title?.raw).not.toContain('IPTC');

    const credited = await adapter.uploadMedia(
      await upload(9, {
        data,
        caption: `Chú thích của bàn ${run}`,
        credit: 'Trường Chính trị Trần Phú',
      }),
    );
    const mine = await rest.get<Record<string, { raw: string }>>(
      `/wp/v2/media/${credited.remoteId}?context=edit&_fields=title,caption,description`,
    );
    expect(mine.json.caption?.raw).toContain(`Chú thích của bàn ${run}`);
    expect(mine.json.caption?.raw).toContain('Ảnh: Trường Chính trị Trần Phú</span>');
    expect(mine.json.description?.raw).toBe('Ảnh: Trường Chính trị Trần Phú');
  });
});
