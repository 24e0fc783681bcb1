import { describe, expect, it } from 'vitest';

import type { ArticlePayload } from '../adapter';
import {
  contentWithFooter,
  decodeEntities,
  hasMarker,
  mediaFileName,
  mediaSlug,
  postSlug,
  stripFooter,
  wpDateGmt,
} from './content';
import { parseRetryAfter } from './errors';

const payload: ArticlePayload = {
  syncKey: '2b7e7f0c-5a4e-4b8e-9a61-0f3f1c2d4e5f',
  title: 'Đại hội Đảng bộ tỉnh lần thứ XV',
  slug: '',
  lead: '',
  html: '<p>Nội dung &amp; <!-- bình luận --> cuối</p>',
  featuredMedia: null,
  featuredAlt: '',
  categoryIds: [],
  tags: [],
  author: 'Lê <Văn> A',
  source: '',
  status: 'publish',
  publishAt: null,
  expireAt: null,
};

describe('WordPress content helpers', () => {
  it('adds a footer with byline and sync key, and strips it back to the exact body', () => {
    const content = contentWithFooter(payload);
    expect(content).toContain('<p class="author">Tác giả: <strong>Lê &lt;Văn&gt; A</strong></p>');
    expect(content).not.toContain('Nguồn tin');
    expect(hasMarker(content, payload.syncKey)).toBe(true);
    expect(hasMarker(content, 'other')).toBe(false);
    expect(stripFooter(content)).toBe(payload.html);
    expect(stripFooter(payload.html)).toBe(payload.html);
  });

  it('derives slugs: the article slug, else the title; media slugs carry the key hash', () => {
    expect(postSlug(payload)).toBe('dai-hoi-dang-bo-tinh-lan-thu-xv');
    expect(postSlug({ ...payload, slug: 'Tin Nóng!' })).toBe('tin-nong');
    expect(postSlug({ ...payload, title: '🎉' })).toMatch(/^bai-viet-[0-9a-f]{12}$/u);
    const upload = {
      syncKey: 'k1',
      fileName: 'Ảnh Bồi dưỡng.JPG',
      mimeType: 'image/jpeg' as const,
    };
    expect(mediaSlug(upload)).toMatch(/^anh-boi-duong-[0-9a-f]{12}$/u);
    expect(mediaSlug(upload)).toBe(mediaSlug({ ...upload }));
    expect(mediaSlug({ ...upload, syncKey: 'k2' })).not.toBe(mediaSlug(upload));
    expect(mediaFileName({ ...upload, mimeType: 'image/webp' })).toBe(`${mediaSlug(upload)}.webp`);
  });

  it('decodes the entities WordPress writes in term names; formats date_gmt; reads Retry-After', () => {
    expect(decodeEntities('Kinh tế &amp; Xã hội &#8211; &quot;A&quot; &#039;B&#039;')).toBe(
      'Kinh tế & Xã hội – "A" \'B\'',
    );
    expect(wpDateGmt(Date.UTC(2031, 0, 2, 3, 4, 5, 678))).toBe('2031-01-02T03:04:05');
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:30 GMT', 10_000)).toBe(20_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});
