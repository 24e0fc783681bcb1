import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';

import { renderBodyHtml } from '../../../../shared/render/articleHtml';
import { seedBody } from '../../../../shared/render/seedArticle.fixture';
import type { ArticlePayload } from '../adapter';
import { hashSecret } from './client';
import { formatBytes, formatSkew } from './errors';
import { fromNukeVietTitle, toNukeVietHtml } from './html';
import { apiUrlFor, articleFields } from './nukevietAdapter';

describe('toNukeVietHtml', () => {
  it('writes the seed body the way NukeViet stores it', () => {
    const html = renderBodyHtml(seedBody(), {
      mediaUrl: (p) => `/uploads/news/2023_07/${p.split('/').pop() ?? ''}`,
    });
    const stored = toNukeVietHtml(html);
    expect(stored).toContain(
      '<figure class="image"><img src="/uploads/news/2023_07/z4509060236637.jpg" alt="" loading="lazy" /><figcaption>',
    );
    expect(stored).not.toContain('article-figure');
    expect(toNukeVietHtml(stored)).toBe(stored);
  });

  it('self-closes void tags, escapes quotes and brackets in text, composes to NFC', () => {
    expect(toNukeVietHtml('<p>Anh "Hùng" nói: \'được\' [1]<br>hết</p><hr>'.normalize('NFD'))).toBe(
      '<p>Anh &quot;Hùng&quot; nói: &#039;được&#039; &#91;1&#93;<br />hết</p><hr />',
    );
  });

  it('keeps other figure classes and drops inner quotes from attribute values', () => {
    expect(
      toNukeVietHtml('<figure class="wide"><img alt="a &quot;b&quot;  c" src="x.jpg"></figure>'),
    ).toBe('<figure class="image wide"><img alt="a \'b\' c" src="x.jpg" /></figure>');
  });
});

describe('fromNukeVietTitle', () => {
  it('decodes what get_title(…, 1) stores, once', () => {
    expect(
      fromNukeVietTitle('Hội nghị &quot;A&quot; &#40;mở rộng&#41;&#x3A; 50&#x25; &amp;#40;'),
    ).toBe('Hội nghị "A" (mở rộng): 50% &#40;');
  });
});

describe('hashSecret', () => {
  it('is a PHP-style $2y$ bcrypt of secret_timestamp', async () => {
    const hash = await hashSecret('abc', 1700000000, 'bcrypt', 4);
    expect(hash).toMatch(/^\$2y\$04\$/u);
    expect(await bcrypt.compare('abc_1700000000', hash.replace('$2y$', '$2b$'))).toBe(true);
  });

  it('is md5(secret_timestamp) in md5 mode', async () => {
    // The value PHP's md5('abc_1700000000') gives.
    expect(await hashSecret('abc', 1700000000, 'md5')).toBe('4cb11cf9e9cf34e15aad814849eaea28');
  });
});

describe('apiUrlFor', () => {
  it('finds api.php from the site root, a subfolder or the file itself', () => {
    expect(apiUrlFor('https://portal.gov.vn')).toBe('https://portal.gov.vn/api.php');
    expect(apiUrlFor('https://portal.gov.vn/cong/')).toBe('https://portal.gov.vn/cong/api.php');
    expect(apiUrlFor('https://portal.gov.vn/api.php?x=1')).toBe('https://portal.gov.vn/api.php');
  });
});

describe('articleFields', () => {
  const base: ArticlePayload = {
    syncKey: '6f1c2a0e-1111-4222-8333-944455556666',
    title: 'Tiêu đề',
    slug: '',
    lead: 'Sapo',
    html: '<p>x</p>',
    featuredMedia: null,
    featuredAlt: '',
    categoryIds: ['2', '3'],
    tags: ['A', ' A ', ''],
    author: '',
    source: '',
    status: 'publish',
    publishAt: null,
    expireAt: null,
  };

  it('maps statuses and times to the connector fields', () => {
    expect(articleFields(base, null)).toMatchObject({
      status: 'publish',
      catid: '2',
      alias: 'tieu-de',
      tags: ['A'],
    });
    expect(articleFields(base, null)).not.toHaveProperty('publtime');
    expect(
      articleFields({ ...base, status: 'future', publishAt: 1_800_000_000_500 }, '7'),
    ).toMatchObject({
      id: '7',
      status: 'publish',
      publtime: '1800000000',
    });
    expect(articleFields({ ...base, status: 'draft' }, null).status).toBe('draft');
    expect(articleFields({ ...base, status: 'trash' }, null).status).toBe('inactive');
    expect(() => articleFields({ ...base, status: 'future' }, null)).toThrow(/chưa có giờ đăng/u);
  });
});

describe('messages', () => {
  it('formats sizes and clock skews in Vietnamese', () => {
    expect(formatBytes(141_598)).toBe('138 KB');
    expect(formatBytes(2.5 * 1024 * 1024)).toBe('2,5 MB');
    expect(formatSkew(-120_400)).toBe('khoảng 2 phút');
    expect(formatSkew(40_000)).toBe('khoảng 40 giây');
  });
});
