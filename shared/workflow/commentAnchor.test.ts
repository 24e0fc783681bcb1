import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';

import type { DocNode } from '../domain/article';
import { articleSchemaExtensions } from '../editor/extensions';
import { buildTextIndex, captureAnchor, resolveAnchor } from './commentAnchor';

const schema = getSchema(articleSchemaExtensions());

const p = (...texts: string[]): DocNode => ({
  type: 'paragraph',
  content: texts.map((text, index) =>
    index % 2 === 1 ? { type: 'text', text, marks: [{ type: 'bold' }] } : { type: 'text', text },
  ),
});
const doc = (...blocks: DocNode[]): DocNode => ({ type: 'doc', content: blocks });

/** Positions are checked against ProseMirror itself, not against our own arithmetic. */
function textBetween(body: DocNode, from: number, to: number): string {
  return schema.nodeFromJSON(body).textBetween(from, to, '\n');
}

/** Where ProseMirror finds `quote` (the n-th occurrence), as the editor's selection would be. */
function selectionOf(body: DocNode, quote: string, nth = 0): { from: number; to: number } {
  const node = schema.nodeFromJSON(body);
  const found: Array<{ from: number; to: number }> = [];
  node.descendants((child, pos) => {
    if (!child.isText || !child.text) return;
    for (let at = child.text.indexOf(quote); at >= 0; at = child.text.indexOf(quote, at + 1))
      found.push({ from: pos + at, to: pos + at + quote.length });
  });
  const hit = found[nth];
  if (!hit) throw new Error(`"${quote}" not found`);
  return hit;
}

const original = doc(
  p('Sáng 12/7, HĐND tỉnh khai mạc kỳ họp thứ 9.'),
  p('Chủ tịch UBND tỉnh ', 'báo cáo', ' tình hình kinh tế - xã hội 6 tháng đầu năm.'),
  {
    type: 'figure',
    attrs: { mediaPath: 'photos/ab/x.jpg', alt: 'a', credit: 'b' },
    content: [{ type: 'text', text: 'Quang cảnh kỳ họp' }],
  },
  p('Tổng sản phẩm trên địa bàn tăng 7,2%, cao hơn cùng kỳ.'),
);

describe('text index', () => {
  it('maps offsets to the positions ProseMirror uses, across marks, figures and tables', () => {
    const body = doc(
      original.content?.[0] ?? p(''),
      { type: 'horizontalRule' },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p('Ô một')] },
              { type: 'tableCell', content: [p('Ô hai', ' đậm')] },
            ],
          },
        ],
      },
      ...(original.content?.slice(1) ?? []),
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Dòng một' },
          { type: 'hardBreak' },
          { type: 'text', text: 'dòng hai' },
        ],
      },
    );
    const index = buildTextIndex(body);
    for (const quote of [
      'HĐND tỉnh',
      'Ô hai đậm',
      'báo cáo tình hình',
      'Quang cảnh',
      '7,2%',
      'dòng hai',
    ]) {
      const at = index.text.indexOf(quote);
      expect(at, quote).toBeGreaterThanOrEqual(0);
      const from = index.startPos(at);
      const to = index.endPos(at + quote.length);
      expect(textBetween(body, from, to), quote).toBe(quote);
      expect(index.offsetOf(from)).toBe(at);
    }
  });
});

describe('comment anchors', () => {
  const quote = 'tình hình kinh tế';
  const selection = selectionOf(original, quote);
  const stored = captureAnchor(original, { ...selection, quote });

  it('captures the quote with its context and positions', () => {
    expect(stored).toMatchObject({ quote, from: selection.from, to: selection.to });
    expect(stored?.prefix.endsWith('Chủ tịch UBND tỉnh báo cáo ')).toBe(true);
    expect(stored?.suffix.startsWith(' - xã hội 6 tháng')).toBe(true);
  });

  it('refuses a quote that is not in the saved body', () => {
    expect(captureAnchor(original, { ...selection, quote: 'không có trong bài' })).toBeNull();
  });

  it('stays exact when nothing changed', () => {
    if (!stored) throw new Error('no anchor');
    expect(resolveAnchor(original, stored)).toMatchObject({ state: 'exact', ...selection });
  });

  it('follows the quote when text is inserted before it and edited around it', () => {
    if (!stored) throw new Error('no anchor');
    const edited = doc(
      p('Tin mới cập nhật.'),
      p('Sáng 12/7, HĐND tỉnh Quảng Trị khai mạc kỳ họp thứ 9 (khoá VIII).'),
      p(
        'Ông Võ Văn Hưng, Chủ tịch UBND tỉnh đã ',
        'trình bày',
        ' tình hình kinh tế năm 2023 và nhiệm vụ.',
      ),
      p('Tổng sản phẩm trên địa bàn tăng 7,2%, cao hơn cùng kỳ.'),
    );
    const resolved = resolveAnchor(edited, stored);
    expect(resolved.state).toBe('moved');
    expect(textBetween(edited, resolved.from ?? 0, resolved.to ?? 0)).toBe(quote);
  });

  it('picks the occurrence whose surroundings match when the quote appears twice', () => {
    const twice = doc(
      p('Báo cáo về tình hình kinh tế của huyện được trình sau.'),
      ...(original.content ?? []),
    );
    if (!stored) throw new Error('no anchor');
    const resolved = resolveAnchor(twice, stored);
    expect(resolved.state).toBe('moved');
    expect(resolved.from).toBe(selectionOf(twice, quote, 1).from);
  });

  it('keeps the passage when the quote itself is rewritten but its surroundings stay', () => {
    if (!stored) throw new Error('no anchor');
    const rewritten = doc(
      ...(original.content?.slice(0, 1) ?? []),
      p('Chủ tịch UBND tỉnh ', 'báo cáo', ' kết quả phát triển kinh tế - xã hội 6 tháng đầu năm.'),
      ...(original.content?.slice(2) ?? []),
    );
    const resolved = resolveAnchor(rewritten, stored);
    expect(resolved.state).toBe('fuzzy');
    expect(textBetween(rewritten, resolved.from ?? 0, resolved.to ?? 0)).toBe(
      'kết quả phát triển kinh tế',
    );
  });

  it('marks the comment orphaned, not lost, when the passage is gone', () => {
    if (!stored) throw new Error('no anchor');
    const gone = doc(p('Bài viết đã được viết lại hoàn toàn.'));
    expect(resolveAnchor(gone, stored)).toEqual({
      state: 'orphaned',
      from: null,
      to: null,
      text: null,
      stored: null,
    });
  });

  it('takes the nearest copy of the quote when the selection came from an unsaved text', () => {
    const anchor = captureAnchor(original, { from: 1, to: 3, quote: 'kỳ họp' });
    expect(anchor?.quote).toBe('kỳ họp');
    expect(textBetween(original, anchor?.from ?? 0, anchor?.to ?? 0)).toBe('kỳ họp');
    expect(anchor?.from).toBe(selectionOf(original, 'kỳ họp').from);
  });
});
