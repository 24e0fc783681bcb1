import { describe, expect, it } from 'vitest';

import type { Article, DocNode } from '../domain/article';
import {
  figure,
  paragraph,
  seedArticle,
  seedAuthor,
  seedCaptions,
  seedCategory,
} from '../render/seedArticle.fixture';
import type { CheckContext, CheckIssue } from './articleChecks';
import { checkArticle, isFileNameCaption } from './articleChecks';

const context: CheckContext = { authors: [seedAuthor], categories: [seedCategory] };

/** A seed article with everything fixed, so each test breaks one thing. */
function cleanArticle(): Article {
  const article = seedArticle();
  article.body = {
    type: 'doc',
    content: [
      figure('photos/a.jpg', 'Đồng chí Hoàng Trung Dũng phát biểu', 'Bí thư phát biểu', 'Minh Hà'),
      paragraph('Tại buổi nói chuyện, đồng chí đã thông tin tình hình.'),
      paragraph(),
    ],
  };
  return article;
}

const codes = (issues: CheckIssue[]): string[] => issues.map((issue) => issue.code);
const run = (article: Article, ctx: CheckContext = context): CheckIssue[] =>
  checkArticle(article, ctx);

describe('checkArticle', () => {
  it('passes a complete article, trailing empty paragraph included', () => {
    expect(run(cleanArticle())).toEqual([]);
  });

  it('flags the seed article: file-name captions and missing alt and credit', () => {
    const issues = run(seedArticle());
    expect(issues.map((issue) => [issue.code, issue.severity, issue.target])).toEqual([
      ['caption_file_name', 'error', { kind: 'node', path: [0] }],
      ['figure_alt_missing', 'error', { kind: 'node', path: [0] }],
      ['caption_file_name', 'error', { kind: 'node', path: [1] }],
      ['figure_alt_missing', 'error', { kind: 'node', path: [1] }],
      ['figure_credit_missing', 'warning', { kind: 'node', path: [0] }],
      ['figure_credit_missing', 'warning', { kind: 'node', path: [1] }],
    ]);
    expect(issues[0]?.message).toBe(
      'Chú thích ảnh «z4509060236637 cee53aff582f33e127acb052…» là tên tệp ảnh. Hãy thay bằng câu mô tả: ai, làm gì, ở đâu.',
    );
    expect(issues[0]?.messageEn).toContain('is a file name');
    expect(new Set(issues.map((issue) => issue.id)).size).toBe(issues.length);
    expect(issues[0]?.id).toBe('caption_file_name:body.0');
  });

  it('reports missing title, lead, category and author on a blank article', () => {
    const article = cleanArticle();
    article.title = '   ';
    article.meta.lead = '';
    article.meta.categoryId = null;
    article.meta.authorId = null;
    const issues = run(article);
    expect(codes(issues)).toEqual([
      'title_missing',
      'lead_missing',
      'category_missing',
      'author_missing',
    ]);
    expect(issues[0]).toEqual({
      id: 'title_missing:title',
      severity: 'error',
      code: 'title_missing',
      message: 'Bài viết chưa có tiêu đề. Hãy nhập tiêu đề.',
      messageEn: 'The article has no title. Enter one.',
      target: { kind: 'field', field: 'title' },
    });
    expect(issues[3]?.severity).toBe('warning');
  });

  it('refuses a title of emoji and punctuation only', () => {
    for (const title of ['🔥🔥🔥', '!!! ??? …', '— 🇻🇳 —']) {
      const article = cleanArticle();
      article.title = title;
      expect(codes(run(article))).toEqual(['title_no_letters']);
    }
    const article = cleanArticle();
    article.title = '2023 🔥';
    expect(run(article)).toEqual([]);
  });

  it('warns about a long title, counting characters as readers see them', () => {
    const article = cleanArticle();
    article.title = 'ệ'.repeat(150);
    expect(run(article)).toEqual([]);
    article.title = 'e\u0323\u0302'.repeat(151);
    const issues = run(article);
    expect(codes(issues)).toEqual(['title_too_long']);
    expect(issues[0]?.message).toContain('151 ký tự, quá 150');
    expect(codes(run(article, { ...context, limits: { titleMaxChars: 200 } }))).toEqual([]);
  });

  it('reports an unknown category and an unknown author', () => {
    const article = cleanArticle();
    article.meta.categoryId = 'deleted';
    article.meta.authorId = 'gone';
    const issues = run(article);
    expect(codes(issues)).toEqual(['category_unknown', 'author_unknown']);
    expect(issues.map((issue) => issue.target)).toEqual([
      { kind: 'field', field: 'categoryId' },
      { kind: 'field', field: 'authorId' },
    ]);
  });

  it('checks the slug', () => {
    const article = cleanArticle();
    for (const slug of ['Bí-thư', 'a--b', '-a', 'a b', 'x'.repeat(201)]) {
      article.meta.slug = slug;
      expect(codes(run(article))).toEqual(['slug_invalid']);
    }
    article.meta.slug = '';
    expect(run(article)[0]?.message).toContain('trống');
  });

  it('requires alt text on the featured image', () => {
    const article = cleanArticle();
    article.meta.featuredImage = { mediaPath: 'photos/a.jpg', alt: ' ' };
    const issues = run(article);
    expect(codes(issues)).toEqual(['featured_alt_missing']);
    expect(issues[0]?.target).toEqual({ kind: 'field', field: 'featuredImage' });
    article.meta.featuredImage = { mediaPath: 'photos/a.jpg', alt: 'Hội trường' };
    expect(run(article)).toEqual([]);
  });

  it('refuses an expiry at or before the publish time', () => {
    const article = cleanArticle();
    const publishAt = article.meta.publishAt ?? 0;
    article.meta.expireAt = publishAt;
    expect(codes(run(article))).toEqual(['expiry_before_publish']);
    article.meta.expireAt = publishAt - 1;
    expect(run(article)[0]?.target).toEqual({ kind: 'field', field: 'expireAt' });
    article.meta.expireAt = publishAt + 1;
    expect(run(article)).toEqual([]);
    article.meta.publishAt = null;
    article.meta.expireAt = 1;
    expect(run(article)).toEqual([]);
  });

  it('reports an empty body once, as an error', () => {
    const article = cleanArticle();
    article.body = { type: 'doc', content: [paragraph(), paragraph()] };
    expect(run(article).map((issue) => [issue.code, issue.target])).toEqual([
      ['body_empty', { kind: 'node', path: [] }],
    ]);
  });

  it('warns about each empty paragraph with its path, but not the trailing one or table cells', () => {
    const article = cleanArticle();
    const cell: DocNode = { type: 'tableCell', content: [paragraph()] };
    article.body = {
      type: 'doc',
      content: [
        paragraph('Một'),
        paragraph(),
        paragraph(' \u00a0 '),
        { type: 'paragraph', content: [{ type: 'hardBreak' }] },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [paragraph('a'), paragraph()] }],
        },
        { type: 'table', content: [{ type: 'tableRow', content: [cell] }] },
        paragraph('Hai'),
        paragraph(),
        paragraph(),
      ],
    };
    const issues = run(article);
    expect(issues.every((issue) => issue.code === 'paragraph_empty')).toBe(true);
    expect(issues.map((issue) => issue.target)).toEqual([
      { kind: 'node', path: [1] },
      { kind: 'node', path: [2] },
      { kind: 'node', path: [3] },
      { kind: 'node', path: [4, 0, 1] },
      { kind: 'node', path: [7] },
    ]);
  });

  it('checks figures nested in lists, and a figure without a photo', () => {
    const article = cleanArticle();
    article.body = {
      type: 'doc',
      content: [
        paragraph('Mở đầu'),
        {
          type: 'blockquote',
          content: [figure('p/b.jpg', 'IMG_1234.JPG', 'x', 'y')],
        },
        { type: 'figure', attrs: { mediaPath: null, alt: '', credit: '' } },
      ],
    };
    expect(run(article).map((issue) => [issue.code, issue.target])).toEqual([
      ['caption_file_name', { kind: 'node', path: [1, 0] }],
      ['figure_media_missing', { kind: 'node', path: [2] }],
      ['figure_alt_missing', { kind: 'node', path: [2] }],
      ['caption_empty', { kind: 'node', path: [2] }],
      ['figure_credit_missing', { kind: 'node', path: [2] }],
    ]);
  });

  it('checks the body length when a word range is given', () => {
    const article = cleanArticle();
    const limits = { wordRange: [20, 40] as [number, number] };
    const short = run(article, { ...context, limits });
    expect(codes(short)).toEqual(['body_too_short']);
    expect(short[0]?.message).toBe('Bài viết có 11 chữ, ít hơn 20 chữ yêu cầu. Hãy viết thêm.');
    expect(codes(run(article, { ...context, limits: { wordRange: [1, 5] } }))).toEqual([
      'body_too_long',
    ]);
    expect(run(article, { ...context, limits: { wordRange: [11, 11] } })).toEqual([]);
  });

  it('puts every error before every warning', () => {
    const article = seedArticle();
    article.meta.authorId = null;
    article.meta.lead = '';
    const severities = run(article).map((issue) => issue.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
    expect(codes(run(article)).slice(0, 2)).toEqual(['lead_missing', 'caption_file_name']);
  });
});

describe('isFileNameCaption', () => {
  it.each([
    ...seedCaptions,
    'z4509062029899 9c03595935ea31458998c382544c18a3',
    'z4509111017958_556bf1605ae779539bc090df859a10b9.jpg',
    'IMG_1234',
    'IMG-20230712-WA0001',
    'IMG_20230712_052233',
    'DSC01234',
    'DSCN0042',
    'DSCF7788',
    '_DSC5521',
    'P1010001',
    '20230712_052233',
    'PXL_20230712_052233123',
    'Screenshot_20230712-052233',
    'Screenshot 2023-07-12 at 05.22.33',
    'Ảnh chụp màn hình 2023-07-12 052233',
    'anh-hoi-nghi.jpg',
    'Hội nghị.JPEG',
    'chan dung.png',
    '  photo.webp ',
    '357712345_1234567890123456_1234567890123456789_n',
    'cee53aff582f33e127acb052f924c3c7',
  ])('flags %s', (caption) => {
    expect(isFileNameCaption(caption)).toBe(true);
  });

  it.each([
    'Đồng chí Hoàng Trung Dũng phát biểu tại buổi nói chuyện',
    'Quang cảnh hội nghị ngày 12/7/2023',
    'Học viên lớp bồi dưỡng năm 2023',
    'Đoàn công tác tặng quà 20 hộ nghèo',
    'Imagine Dragons biểu diễn',
    'Sân khấu Phố đi bộ',
    '',
  ])('accepts %s', (caption) => {
    expect(isFileNameCaption(caption)).toBe(false);
  });
});
