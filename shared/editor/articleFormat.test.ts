import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';

import type { DocMark, DocNode } from '../domain/article';
import { renderBodyHtml } from '../render/articleHtml';
import type { ArticleMarkType, ArticleNodeType } from './articleFormat';
import { articleMarks, articleNodes } from './articleFormat';
import { findBodySchemaProblem } from './bodySchema';
import { articleSchemaExtensions } from './extensions';

/**
 * The article format is defined once (articleFormat.ts); the editor's schema, the core's body
 * validation and the HTML renderer agree on it: every type of the format loads in the editor's
 * schema, validates and is rendered by its own rule; a type outside it is refused.
 */

const text = (value: string, marks?: DocMark[]): DocNode => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const para = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const cell = (type: 'tableHeader' | 'tableCell', value: string): DocNode => ({
  type,
  attrs: { colspan: 2, rowspan: 1, colwidth: null, align: null },
  content: [para(text(value))],
});

/** A body showing each node type (with every attribute it has), and the HTML its rule writes. */
const nodeSamples: Record<ArticleNodeType, { body: DocNode; html: string }> = {
  doc: { body: doc(para(text('Một'))), html: '<p>Một</p>' },
  text: { body: doc(para(text('Chữ'))), html: 'Chữ' },
  paragraph: {
    body: doc({ type: 'paragraph', attrs: { textAlign: 'center' }, content: [text('Giữa')] }),
    html: '<p style="text-align:center">Giữa</p>',
  },
  heading: {
    body: doc({ type: 'heading', attrs: { level: 3, textAlign: 'right' }, content: [text('Mục')] }),
    html: '<h3 style="text-align:right">Mục</h3>',
  },
  bulletList: {
    body: doc({ type: 'bulletList', content: [{ type: 'listItem', content: [para(text('A'))] }] }),
    html: '<ul><li><p>A</p></li></ul>',
  },
  orderedList: {
    body: doc({
      type: 'orderedList',
      attrs: { start: 3, type: null },
      content: [{ type: 'listItem', content: [para(text('B'))] }],
    }),
    html: '<ol start="3"><li><p>B</p></li></ol>',
  },
  listItem: {
    body: doc({ type: 'bulletList', content: [{ type: 'listItem', content: [para(text('C'))] }] }),
    html: '<li><p>C</p></li>',
  },
  blockquote: {
    body: doc({ type: 'blockquote', content: [para(text('Trích'))] }),
    html: '<blockquote><p>Trích</p></blockquote>',
  },
  horizontalRule: { body: doc({ type: 'horizontalRule' }), html: '<hr>' },
  hardBreak: { body: doc(para(text('a'), { type: 'hardBreak' }, text('b'))), html: 'a<br>b' },
  table: {
    body: doc({
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Tên')] },
        { type: 'tableRow', content: [cell('tableCell', 'An')] },
      ],
    }),
    html: '<table><thead><tr><th colspan="2"><p>Tên</p></th></tr></thead><tbody><tr><td colspan="2"><p>An</p></td></tr></tbody></table>',
  },
  tableRow: {
    body: doc({
      type: 'table',
      content: [{ type: 'tableRow', content: [cell('tableCell', 'X')] }],
    }),
    html: '<tr><td colspan="2"><p>X</p></td></tr>',
  },
  tableHeader: {
    body: doc({
      type: 'table',
      content: [{ type: 'tableRow', content: [cell('tableHeader', 'H')] }],
    }),
    html: '<th colspan="2"><p>H</p></th>',
  },
  tableCell: {
    body: doc({
      type: 'table',
      content: [{ type: 'tableRow', content: [cell('tableCell', 'D')] }],
    }),
    html: '<td colspan="2"><p>D</p></td>',
  },
  figure: {
    body: doc({
      type: 'figure',
      attrs: { mediaPath: 'photos/ab/abcd.jpg', alt: 'Cầu', credit: 'Ảnh: Minh Anh' },
      content: [text('Cầu mới')],
    }),
    html: '<figure class="article-figure"><img src="media:photos/ab/abcd.jpg" alt="Cầu" loading="lazy"><figcaption>Cầu mới <span class="credit">Ảnh: Minh Anh</span></figcaption></figure>',
  },
};

/** A mark of each type (with every attribute it has), and the HTML its rule writes. */
const markSamples: Record<ArticleMarkType, { mark: DocMark; html: string }> = {
  bold: { mark: { type: 'bold' }, html: '<strong>x</strong>' },
  italic: { mark: { type: 'italic' }, html: '<em>x</em>' },
  underline: { mark: { type: 'underline' }, html: '<u>x</u>' },
  strike: { mark: { type: 'strike' }, html: '<s>x</s>' },
  link: {
    mark: {
      type: 'link',
      attrs: {
        href: 'https://baoquangngai.vn',
        target: '_blank',
        rel: null,
        class: null,
        title: null,
      },
    },
    html: '<a href="https://baoquangngai.vn" rel="noopener noreferrer">x</a>',
  },
};

const schema = getSchema(articleSchemaExtensions());
const render = (body: DocNode): string =>
  renderBodyHtml(body, { mediaUrl: (mediaPath) => `media:${mediaPath}` });

function attributeNames(types: Record<string, { spec: { attrs?: object | null } }>) {
  return Object.fromEntries(
    Object.entries(types).map(([name, type]) => [name, Object.keys(type.spec.attrs ?? {}).sort()]),
  );
}

function formatNames(types: Record<string, readonly string[]>) {
  return Object.fromEntries(
    Object.entries(types).map(([name, attrs]) => [name, [...attrs].sort()]),
  );
}

describe('one article format', () => {
  it('the editor schema has exactly the format’s nodes, marks and attributes', () => {
    expect(attributeNames(schema.nodes)).toEqual(formatNames(articleNodes));
    expect(attributeNames(schema.marks)).toEqual(formatNames(articleMarks));
  });

  it.each(Object.entries(nodeSamples))(
    'node %s loads in the editor schema, validates and renders by its own rule',
    (_type, { body, html }) => {
      expect(() => schema.nodeFromJSON(body).check()).not.toThrow();
      expect(findBodySchemaProblem(body)).toBeNull();
      expect(render(body)).toContain(html);
    },
  );

  it.each(Object.entries(markSamples))(
    'mark %s loads in the editor schema, validates and renders by its own rule',
    (_type, { mark, html }) => {
      const body = doc(para(text('x', [mark])));
      expect(() => schema.nodeFromJSON(body).check()).not.toThrow();
      expect(findBodySchemaProblem(body)).toBeNull();
      expect(render(body)).toBe(`<p>${html}</p>`);
    },
  );

  it('a node type outside the format is refused by all three', () => {
    const body = doc(para(text('Mở đầu')), { type: 'callout', content: [para(text('Lưu ý'))] });
    expect(() => schema.nodeFromJSON(body)).toThrow(/callout/u);
    expect(findBodySchemaProblem(body)).toMatchObject({ kind: 'unknown_node', name: 'callout' });
    // The renderer keeps only its text, never markup it does not know.
    expect(render(body)).toBe('<p>Mở đầu</p><p>Lưu ý</p>');
  });

  it('a mark type outside the format is refused by all three', () => {
    const body = doc(para(text('Chữ đỏ', [{ type: 'textStyle', attrs: { color: '#f00' } }])));
    expect(() => schema.nodeFromJSON(body)).toThrow(/textStyle/u);
    expect(findBodySchemaProblem(body)).toMatchObject({ kind: 'unknown_mark', name: 'textStyle' });
    expect(render(body)).toBe('<p>Chữ đỏ</p>');
  });

  it('an attribute outside the format is refused by validation', () => {
    const body = doc({ type: 'paragraph', attrs: { indent: 2 }, content: [text('Thụt')] });
    expect(findBodySchemaProblem(body)).toMatchObject({
      kind: 'unknown_attribute',
      name: 'paragraph.indent',
    });
  });
});
