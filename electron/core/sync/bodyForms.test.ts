import { describe, expect, it } from 'vitest';

import type { DocNode } from '../../../shared/domain/article';
import { renderBodyHtml } from '../../../shared/render/articleHtml';
import { canonicalHtml, canonicalText } from '../../../shared/render/canonicalHtml';
import { htmlToDoc, UnknownPortalImage } from '../../../shared/render/htmlToDoc';
import { toNukeVietHtml } from '../portal/nukeviet/html';

const doc: DocNode = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      attrs: { textAlign: 'center' },
      content: [
        { type: 'text', text: 'Giá ' },
        { type: 'text', text: 'tăng', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' & "giảm" [1]' },
      ],
    },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Tiểu mục' }] },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Một' }] }],
        },
      ],
    },
    {
      type: 'figure',
      attrs: { mediaPath: 'photos/ab/abcd.jpg', alt: 'Mô tả', credit: 'Ảnh: Trần Văn B' },
      content: [{ type: 'text', text: 'Chú thích ảnh' }],
    },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Xem ' },
        {
          type: 'text',
          text: 'cổng',
          marks: [{ type: 'link', attrs: { href: 'https://a.vn/x' } }],
        },
      ],
    },
  ],
};

const url = 'https://cong.vn/uploads/news/2026_12/anh-1.jpg';
const render = (node: DocNode): string =>
  renderBodyHtml(node, { mediaUrl: () => url, alignment: 'style' });
const mediaPathFor = (src: string): string | null => (src === url ? 'photos/ab/abcd.jpg' : null);

describe('a portal body back into article JSON (issue 13)', () => {
  it('round-trips what Newsdesk sends, also after NukeViet’s editor form', () => {
    const html = render(doc);
    expect(render(htmlToDoc(html, { mediaPathFor }))).toBe(html);
    expect(render(htmlToDoc(toNukeVietHtml(html), { mediaPathFor }))).toBe(html);
  });

  it('refuses a photo the desk does not have instead of dropping it', () => {
    const html = '<p>Chữ</p><figure><img src="https://cong.vn/la.jpg"></figure>';
    expect(() => htmlToDoc(html, { mediaPathFor })).toThrow(UnknownPortalImage);
  });
});

describe('canonical forms: reformatting is not an edit, a changed word is', () => {
  it('ignores CKEditor’s XHTML, entities, classes and white space', () => {
    const html = render(doc);
    expect(canonicalHtml(toNukeVietHtml(html))).toBe(canonicalHtml(html));
    expect(canonicalHtml(html.replace('<p', '<p class="wp-block" ').replace(/></gu, '>\n<'))).toBe(
      canonicalHtml(html),
    );
  });

  it('sees a changed word, a new paragraph and another photo', () => {
    const html = render(doc);
    expect(canonicalHtml(html.replace('Tiểu mục', 'Tiểu mục mới'))).not.toBe(canonicalHtml(html));
    expect(canonicalHtml(`${html}<p>Thêm</p>`)).not.toBe(canonicalHtml(html));
    expect(canonicalHtml(html.replace('anh-1.jpg', 'anh-2.jpg'))).not.toBe(canonicalHtml(html));
  });

  it('compares text fields in NFC with entities decoded', () => {
    expect(canonicalText('Tôm &amp; cua  ')).toBe(canonicalText('Tôm & cua'));
    expect(canonicalText('Hoà'.normalize('NFD'))).toBe('Hoà');
  });
});
