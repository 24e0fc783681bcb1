import { describe, expect, it } from 'vitest';

import { portalStylesheet, renderPortalArticle, renderStandalonePage } from './portalPage';
import {
  seedArticle,
  seedAuthor,
  seedCaptions,
  seedCategory,
  seedParagraphs,
  seedPublishAt,
} from './seedArticle.fixture';

const mediaUrl = (mediaPath: string): string => `images/${mediaPath.split('/').pop() ?? ''}`;

const seedBlock = [
  '<div class="news-article">',
  '<h1 class="title">Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng cập nhật kiến thức chức danh chủ tịch UBND xã, phường, thị trấn năm 2023</h1>',
  '<div class="meta"><span class="date">Thứ tư - 12/07/2023 05:22</span> <span class="category">Tin hoạt động</span></div>',
  '<div class="lead">Sáng ngày 12/7/2023, tại trường Chính trị Trần Phú, đồng chí Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND Tỉnh đã có buổi tiếp xúc, nói chuyện với hơn 200 học viên.</div>',
  '<div class="body">' +
    '<figure class="article-figure"><img src="images/z4509060236637.jpg" alt="" loading="lazy">' +
    `<figcaption>${seedCaptions[0]}</figcaption></figure>` +
    '<figure class="article-figure"><img src="images/z4509061029203.jpg" alt="" loading="lazy">' +
    `<figcaption>${seedCaptions[1]}</figcaption></figure>` +
    `<p>${seedParagraphs[0]}</p><p>${seedParagraphs[1]}</p></div>`,
  '<p class="author">Tác giả: <strong>Th.S Lê Đình Hùng - Phó Trưởng phòng TC, HC, TT, TLL</strong></p>',
  '</div>',
].join('\n');

describe('renderPortalArticle', () => {
  it('lays the seed article out as the portal shows it', () => {
    expect(
      renderPortalArticle({
        article: seedArticle(),
        author: seedAuthor,
        category: seedCategory,
        mediaUrl,
      }),
    ).toBe(seedBlock);
  });

  it('falls back to the last edit time, skips missing parts and prints the source', () => {
    const article = seedArticle();
    article.meta.publishAt = null;
    article.updatedAt = seedPublishAt + 24 * 3_600_000;
    article.meta.lead = '  ';
    article.meta.source = 'Báo Nghệ An <online>';
    article.body = { type: 'doc', content: [{ type: 'paragraph' }] };
    expect(renderPortalArticle({ article, author: null, category: null, mediaUrl })).toBe(
      [
        '<div class="news-article">',
        `<h1 class="title">${article.title}</h1>`,
        '<div class="meta"><span class="date">Thứ năm - 13/07/2023 05:22</span></div>',
        '<div class="body"><p></p></div>',
        '<p class="source">Nguồn tin: Báo Nghệ An &lt;online&gt;</p>',
        '</div>',
      ].join('\n'),
    );
  });

  it('uses English labels around the article for locale en, keeping the portal date line', () => {
    const article = seedArticle();
    article.meta.source = 'TTXVN';
    const out = renderPortalArticle({
      article,
      author: { name: 'Hùng', position: '' },
      category: seedCategory,
      mediaUrl,
      locale: 'en',
    });
    expect(out).toContain('<p class="author">Author: <strong>Hùng</strong></p>');
    expect(out).toContain('<p class="source">Source: TTXVN</p>');
    expect(out).toContain('Thứ tư - 12/07/2023 05:22');
  });

  it('escapes the title, category and byline', () => {
    const article = seedArticle();
    article.title = '<img src=x onerror=alert(1)>';
    const out = renderPortalArticle({
      article,
      author: { name: '<b>A</b>', position: '&' },
      category: { title: '<i>C</i>' },
      mediaUrl,
    });
    expect(out).not.toMatch(/<(img src=x|b>|i>)/u);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&lt;b&gt;A&lt;/b&gt; - &amp;');
  });

  it('writes alignment as a class so the strict CSP does not drop it', () => {
    const article = seedArticle();
    article.body = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { textAlign: 'right' },
          content: [{ type: 'text', text: 'x' }],
        },
      ],
    };
    const input = { article, author: null, category: null, mediaUrl };
    expect(renderPortalArticle(input)).toContain('<p class="text-align-right">x</p>');
    expect(renderPortalArticle({ ...input, alignment: 'style' })).toContain(
      '<p style="text-align:right">x</p>',
    );
  });
});

describe('renderStandalonePage', () => {
  it('wraps the block in a complete, script-free document', () => {
    const article = seedArticle();
    const page = renderStandalonePage({
      article,
      author: seedAuthor,
      category: seedCategory,
      mediaUrl,
    });
    expect(page).toBe(
      [
        '<!doctype html>',
        '<html lang="vi">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; img-src &#39;self&#39; data:; style-src &#39;self&#39;">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${article.title}</title>`,
        `<meta name="description" content="${article.meta.lead}">`,
        '<link rel="stylesheet" href="style.css">',
        '</head>',
        '<body>',
        '<main class="page">',
        seedBlock,
        '</main>',
        '</body>',
        '</html>',
        '',
      ].join('\n'),
    );
    expect(page).not.toContain('<script');
  });
});

describe('portalStylesheet', () => {
  it('has the portal column, captions and print rules', () => {
    expect(portalStylesheet).toContain('max-width: 760px');
    expect(portalStylesheet).toMatch(/font-family: [^;]*serif;/u);
    expect(portalStylesheet).toMatch(
      /figcaption \{[^}]*color: #666666;[^}]*font-style: italic;[^}]*text-align: center;/u,
    );
    expect(portalStylesheet).toContain('@media print');
    expect(portalStylesheet).toContain('.text-align-center');
  });
});
