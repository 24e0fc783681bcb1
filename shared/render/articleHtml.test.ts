import { describe, expect, it } from 'vitest';

import type { DocNode } from '../domain/article';
import { renderBodyHtml, renderPlainText, safeHref } from './articleHtml';
import { figure, paragraph, seedBody, seedCaptions } from './seedArticle.fixture';

const mediaUrl = (mediaPath: string): string => `media:${mediaPath}`;
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const html = (node: DocNode): string => renderBodyHtml(node, { mediaUrl });
const text = (value: string, marks: DocNode['marks'] = undefined): DocNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };

describe('renderBodyHtml', () => {
  it('renders the seed body: figures with file-name captions, then paragraphs', () => {
    expect(html(seedBody())).toBe(
      '<figure class="article-figure"><img src="media:photos/a1/z4509060236637.jpg" alt="" loading="lazy">' +
        `<figcaption>${seedCaptions[0]}</figcaption></figure>` +
        '<figure class="article-figure"><img src="media:photos/b2/z4509061029203.jpg" alt="" loading="lazy">' +
        `<figcaption>${seedCaptions[1]}</figcaption></figure>` +
        '<p>Tại buổi nói chuyện, đồng chí Hoàng Trung Dũng – Bí thư Tỉnh ủy, Chủ tịch HĐND Tỉnh đã thông tin tình hình phát triển kinh tế - xã hội.</p>' +
        '<p>Các địa phương cũng cần tạo môi trường, diễn đàn, cơ hội để người dân phản biện, góp ý, hiến kế tham gia vào việc chung của địa phương, đơn vị.</p>',
    );
  });

  it('writes caption, credit and alt, escaping each', () => {
    const node = figure(
      'p/1.jpg',
      'Đồng chí <b>Dũng</b> phát biểu',
      'Bí thư "phát biểu"',
      'Ảnh: Minh & Hà',
    );
    expect(html(doc(node))).toBe(
      '<figure class="article-figure"><img src="media:p/1.jpg" alt="Bí thư &quot;phát biểu&quot;" loading="lazy">' +
        '<figcaption>Đồng chí &lt;b&gt;Dũng&lt;/b&gt; phát biểu <span class="credit">Ảnh: Minh &amp; Hà</span></figcaption></figure>',
    );
  });

  it('leaves out an empty figcaption and the img of a figure without media', () => {
    expect(html(doc(figure('p/1.jpg', '')))).toBe(
      '<figure class="article-figure"><img src="media:p/1.jpg" alt="" loading="lazy"></figure>',
    );
    expect(html(doc({ type: 'figure', attrs: { mediaPath: null, credit: 'TTXVN' } }))).toBe(
      '<figure class="article-figure"><figcaption><span class="credit">Ảnh: TTXVN</span></figcaption></figure>',
    );
  });

  it('escapes the media URL', () => {
    const out = renderBodyHtml(doc(figure('a.jpg', '')), { mediaUrl: () => '"><script>' });
    expect(out).toContain('src="&quot;&gt;&lt;script&gt;"');
  });

  it('renders marks with the first mark outermost', () => {
    const node = paragraph();
    node.content = [
      text('đậm nghiêng', [{ type: 'bold' }, { type: 'italic' }]),
      text(' '),
      text('gạch', [{ type: 'underline' }, { type: 'strike' }]),
      text(' x', [{ type: 'superscript' }]),
    ];
    expect(html(doc(node))).toBe(
      '<p><strong><em>đậm nghiêng</em></strong> <u><s>gạch</s></u> x</p>',
    );
  });

  it('keeps http, https and mailto links, with rel, and drops every other href', () => {
    const link = (href: unknown): DocNode => text('đây', [{ type: 'link', attrs: { href } }]);
    const node = paragraph();
    node.content = [
      link('https://baotinh.vn/a?b=1&c=2'),
      link('mailto:toasoan@baotinh.vn'),
      link('javascript:alert(1)'),
      link(' java\nscript:alert(1)'),
      link('data:text/html,<script>'),
      link('/relative'),
      link('//evil.example'),
      link(42),
    ];
    expect(html(doc(node))).toBe(
      '<p><a href="https://baotinh.vn/a?b=1&amp;c=2" rel="noopener noreferrer">đây</a>' +
        '<a href="mailto:toasoan@baotinh.vn" rel="noopener noreferrer">đây</a>' +
        'đâyđâyđâyđâyđâyđây</p>',
    );
  });

  it('writes allowed alignments only, as style or as class', () => {
    const aligned = (textAlign: unknown): DocNode => ({
      type: 'paragraph',
      attrs: { textAlign },
      content: [text('a')],
    });
    const body = doc(aligned('center'), aligned('left'), aligned('right;color:red'), {
      type: 'heading',
      attrs: { level: 3, textAlign: 'justify' },
      content: [text('b')],
    });
    expect(html(body)).toBe(
      '<p style="text-align:center">a</p><p>a</p><p>a</p><h3 style="text-align:justify">b</h3>',
    );
    expect(renderBodyHtml(body, { mediaUrl, alignment: 'class' })).toBe(
      '<p class="text-align-center">a</p><p>a</p><p>a</p><h3 class="text-align-justify">b</h3>',
    );
  });

  it('clamps heading levels to 2–4', () => {
    const heading = (level: unknown): DocNode => ({
      type: 'heading',
      attrs: { level },
      content: [text('T')],
    });
    expect(html(doc(heading(1), heading(4), heading(9), heading('x')))).toBe(
      '<h2>T</h2><h4>T</h4><h4>T</h4><h2>T</h2>',
    );
  });

  it('renders lists, blockquote, rule and hard break', () => {
    const body = doc(
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [paragraph('một')] }],
      },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [{ type: 'listItem', content: [paragraph('ba')] }],
      },
      { type: 'blockquote', content: [paragraph('trích')] },
      { type: 'horizontalRule' },
      { type: 'paragraph', content: [text('a'), { type: 'hardBreak' }, text('b')] },
    );
    expect(html(body)).toBe(
      '<ul><li><p>một</p></li></ul><ol start="3"><li><p>ba</p></li></ol>' +
        '<blockquote><p>trích</p></blockquote><hr><p>a<br>b</p>',
    );
  });

  it('puts header rows in thead and keeps spans', () => {
    const cell = (type: string, value: string, attrs?: Record<string, unknown>): DocNode => ({
      type,
      ...(attrs ? { attrs } : {}),
      content: [paragraph(value)],
    });
    const table: DocNode = {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Xã'), cell('tableHeader', 'Số hộ')] },
        {
          type: 'tableRow',
          content: [cell('tableCell', 'A', { colspan: 2, rowspan: 1 })],
        },
      ],
    };
    expect(html(doc(table))).toBe(
      '<table><thead><tr><th><p>Xã</p></th><th><p>Số hộ</p></th></tr></thead>' +
        '<tbody><tr><td colspan="2"><p>A</p></td></tr></tbody></table>',
    );
    const plain: DocNode = { type: 'table', content: [table.content?.[1] ?? paragraph()] };
    expect(html(doc(plain))).toBe(
      '<table><tbody><tr><td colspan="2"><p>A</p></td></tr></tbody></table>',
    );
  });

  it('renders unknown nodes as their escaped text in a paragraph, or inline inside one', () => {
    const body = doc(
      { type: 'youtube', attrs: { src: 'javascript:x' }, content: [text('<iframe>')] },
      { type: 'paragraph', content: [text('a '), { type: 'mention', content: [text('@b')] }] },
      { type: 'codeBlock' },
    );
    expect(html(body)).toBe('<p>&lt;iframe&gt;</p><p>a @b</p>');
  });

  it('escapes text including script tags', () => {
    expect(html(doc(paragraph('<script>alert("x")</script> & co')))).toBe(
      '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; co</p>',
    );
  });

  it('handles a 64-deep document and a far deeper one without recursion', () => {
    let deep: DocNode = paragraph('đáy');
    for (let i = 0; i < 62; i += 1) deep = { type: 'blockquote', content: [deep] };
    const out = html(doc(deep));
    expect(out.startsWith('<blockquote>'.repeat(62))).toBe(true);
    expect(out).toContain('<p>đáy</p>');
    let huge: DocNode = paragraph('x');
    for (let i = 0; i < 50_000; i += 1) huge = { type: 'blockquote', content: [huge] };
    expect(html(doc(huge)).length).toBe(50_000 * 25 + 8);
  });
});

describe('safeHref', () => {
  it('accepts absolute web and mail links only', () => {
    expect(safeHref('HTTPS://baotinh.vn')).toBe('HTTPS://baotinh.vn');
    expect(safeHref('http:/x')).toBeNull();
    expect(safeHref('vbscript:x')).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });
});

describe('renderPlainText', () => {
  it('joins blocks with newlines and keeps hard breaks', () => {
    const body = doc(
      paragraph('Một'),
      paragraph(),
      { type: 'paragraph', content: [text('a'), { type: 'hardBreak' }, text('b')] },
      figure('x.jpg', 'Chú thích'),
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('ý')] }] },
    );
    expect(renderPlainText(body)).toBe('Một\na\nb\nChú thích\ný');
  });
});
