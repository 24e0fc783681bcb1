import { Editor } from '@tiptap/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DocNode } from '../../../../shared/domain/article';
import { articleSchemaExtensions } from '../../../../shared/editor/extensions';
import { captureAnchor, resolveAnchor } from '../../../../shared/workflow/commentAnchor';
import type { CommentAnchor } from '../../../../shared/workflow/review';
import {
  CommentHighlights,
  highlightedRange,
  placeAnchor,
  setCommentHighlights,
  showsHighlights,
} from './commentHighlights';

const CONTENT =
  '<p>Mưa lớn kéo dài trên địa bàn huyện.</p><p>Toàn huyện có 1.200 hộ dân bị ảnh hưởng.</p><p>Chính quyền đã hỗ trợ.</p>';

let editor: Editor;

function posOf(text: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    const at = node.isText ? (node.text ?? '').indexOf(text) : -1;
    if (found === -1 && at !== -1) found = pos + at;
  });
  return found;
}

/** The anchor the core would send for a passage commented on in `commentedOn`, read against `now`. */
function coreAnchor(commentedOn: DocNode, quote: string, now: DocNode): CommentAnchor {
  const from = posOf(quote);
  const stored = captureAnchor(commentedOn, { from, to: from + quote.length, quote });
  if (!stored) throw new Error('quote not found');
  const found = resolveAnchor(now, stored);
  return { state: found.state, from: found.from, to: found.to, quote, currentText: found.text };
}

function shown(): Array<{ from: number; to: number; text: string; className: string }> {
  return Array.from(editor.view.dom.querySelectorAll<HTMLElement>('.comment-range')).map(
    (element) => ({
      from: posOf(element.textContent ?? ''),
      to: posOf(element.textContent ?? '') + (element.textContent ?? '').length,
      text: element.textContent ?? '',
      className: element.className,
    }),
  );
}

beforeEach(() => {
  editor = new Editor({
    element: document.createElement('div'),
    extensions: [...articleSchemaExtensions(), CommentHighlights],
    content: CONTENT,
  });
});

afterEach(() => editor.destroy());

describe('comment highlights', () => {
  it('places the core’s anchor on the same passage of the editor', () => {
    const doc = editor.getJSON() as DocNode;
    const anchor = coreAnchor(doc, '1.200 hộ dân', doc);
    expect(anchor.state).toBe('exact');
    const range = placeAnchor(editor.state.doc, anchor);
    expect(range).toEqual({ from: posOf('1.200 hộ dân'), to: posOf('1.200 hộ dân') + 12 });
    expect(editor.state.doc.textBetween(range?.from ?? 0, range?.to ?? 0)).toBe('1.200 hộ dân');
  });

  it('finds the passage again when unsaved typing moved it', () => {
    const saved = editor.getJSON() as DocNode;
    const anchor = coreAnchor(saved, '1.200 hộ dân', saved);
    // Typing not yet saved: a new first paragraph pushes everything down.
    editor.chain().insertContentAt(0, '<p>Tin mới nhất.</p>').run();
    const range = placeAnchor(editor.state.doc, anchor);
    expect(range?.from).toBe(posOf('1.200 hộ dân'));
    expect(editor.state.doc.textBetween(range?.from ?? 0, range?.to ?? 0)).toBe('1.200 hộ dân');
  });

  it('places nothing for an orphaned anchor', () => {
    const anchor: CommentAnchor = {
      state: 'orphaned',
      from: null,
      to: null,
      quote: 'đã xoá',
      currentText: null,
    };
    expect(placeAnchor(editor.state.doc, anchor)).toBeNull();
  });

  it('highlights without changing the document, maps through typing, marks the active one', () => {
    const before = JSON.stringify(editor.getJSON());
    const from = posOf('1.200');
    setCommentHighlights(editor.view, [{ id: 'c1', from, to: from + 5 }], null);
    expect(JSON.stringify(editor.getJSON())).toBe(before);
    expect(shown()).toEqual([{ from, to: from + 5, text: '1.200', className: 'comment-range' }]);
    expect(showsHighlights(editor.state, [{ id: 'c1', from, to: from + 5 }], null)).toBe(true);
    expect(showsHighlights(editor.state, [{ id: 'c1', from, to: from + 5 }], 'c1')).toBe(false);

    editor.chain().insertContentAt(1, 'Sáng nay, ').run();
    expect(highlightedRange(editor.state, 'c1')).toEqual({ from: from + 10, to: from + 15 });
    expect(editor.state.doc.textBetween(from + 10, from + 15)).toBe('1.200');

    setCommentHighlights(editor.view, [{ id: 'c1', from: from + 10, to: from + 15 }], 'c1');
    expect(shown()[0]?.className).toBe('comment-range active');
    expect(editor.view.dom.querySelector('.comment-range')?.getAttribute('data-comment-id')).toBe(
      'c1',
    );
  });

  it('drops ranges that fall outside the document instead of failing', () => {
    setCommentHighlights(editor.view, [{ id: 'late', from: 5, to: 10_000 }], null);
    expect(shown()).toEqual([]);
    expect(highlightedRange(editor.state, 'late')).toBeNull();
  });
});
