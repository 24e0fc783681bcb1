import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

import { buildTextIndex } from '../../../../shared/workflow/commentAnchor';
import type { CommentAnchor } from '../../../../shared/workflow/review';

/*
 * Review comments are shown as highlights over the passages they are about. The highlights are
 * decorations only, never marks: the stored document stays exactly what the reporter wrote, and
 * typing maps them along with the text until the comment list is reloaded from the core.
 */

/** A passage to highlight. */
export interface HighlightRange {
  id: string;
  from: number;
  to: number;
}

interface HighlightMeta {
  ranges: HighlightRange[];
  activeId: string | null;
}

interface RangeSpec {
  commentId: string;
}

interface HighlightState {
  set: DecorationSet;
  activeId: string | null;
}

/** Key of the highlight plugin, for reading the mapped ranges. */
export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

function build(doc: PmNode, meta: HighlightMeta): DecorationSet {
  const size = doc.content.size;
  const decorations = meta.ranges
    .filter((range) => range.from >= 0 && range.to <= size && range.from < range.to)
    .map((range) =>
      Decoration.inline(
        range.from,
        range.to,
        {
          class: range.id === meta.activeId ? 'comment-range active' : 'comment-range',
          'data-comment-id': range.id,
        },
        { commentId: range.id } satisfies RangeSpec,
      ),
    );
  return DecorationSet.create(doc, decorations);
}

/**
 * Highlights commented passages. Each highlight carries `data-comment-id`, so a click on one can
 * be traced to its comment by the surrounding UI.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',

  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ set: DecorationSet.empty, activeId: null }),
          apply(tr, value) {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
            if (meta) return { set: build(tr.doc, meta), activeId: meta.activeId };
            return tr.docChanged
              ? { set: value.set.map(tr.mapping, tr.doc), activeId: value.activeId }
              : value;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.set,
        },
      }),
    ];
  },
});

/** Replaces the highlighted passages (a transaction that changes no content and no history). */
export function setCommentHighlights(
  view: { state: EditorState; dispatch: (tr: EditorState['tr']) => void },
  ranges: HighlightRange[],
  activeId: string | null,
): void {
  const meta: HighlightMeta = { ranges, activeId };
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, meta).setMeta('addToHistory', false));
}

/** Where a highlighted comment's passage is now, after the typing since it was loaded. */
export function highlightedRange(
  state: EditorState,
  id: string,
): { from: number; to: number } | null {
  const set = commentHighlightsKey.getState(state)?.set;
  const hit = set?.find(undefined, undefined, (spec) => (spec as RangeSpec).commentId === id)[0];
  return hit ? { from: hit.from, to: hit.to } : null;
}

/**
 * The editor range of a comment's anchor. The core resolves anchors against the saved body; the
 * editor may hold a few unsaved keystrokes more, so the positions are checked against the text
 * and, when they no longer cover it, the same text nearest to them is taken. Null when orphaned
 * or not found.
 */
export function placeAnchor(
  doc: PmNode,
  anchor: CommentAnchor,
): { from: number; to: number } | null {
  if (anchor.from === null || anchor.to === null || anchor.currentText === null) return null;
  const text = anchor.currentText;
  const size = doc.content.size;
  if (anchor.from >= 0 && anchor.to <= size && anchor.from < anchor.to) {
    if (doc.textBetween(anchor.from, anchor.to, '\n') === text)
      return { from: anchor.from, to: anchor.to };
  }
  if (text === '') return null;
  const index = buildTextIndex(doc.toJSON() as Parameters<typeof buildTextIndex>[0]);
  const target = index.offsetOf(anchor.from);
  let best = -1;
  for (let at = index.text.indexOf(text); at >= 0; at = index.text.indexOf(text, at + 1)) {
    if (best < 0 || Math.abs(at - target) < Math.abs(best - target)) best = at;
  }
  if (best < 0) return null;
  return { from: index.startPos(best), to: index.endPos(best + text.length) };
}

/** Whether the plugin already shows exactly these ranges (so no transaction is needed). */
export function showsHighlights(
  state: EditorState,
  ranges: HighlightRange[],
  activeId: string | null,
): boolean {
  const current = commentHighlightsKey.getState(state);
  if (!current || current.activeId !== activeId) return false;
  const shown = current.set.find().map((decoration) => ({
    id: (decoration.spec as RangeSpec).commentId,
    from: decoration.from,
    to: decoration.to,
  }));
  if (shown.length !== ranges.length) return false;
  const key = (range: HighlightRange): string => `${range.id}:${range.from}:${range.to}`;
  const wanted = new Set(ranges.map(key));
  return shown.every((range) => wanted.has(key(range)));
}
