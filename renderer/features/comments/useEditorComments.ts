import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useState } from 'react';

import type { ArticleComment } from '../../../shared/workflow/review';
import type { HighlightRange } from '../../editor/extensions/comments/commentHighlights';
import {
  highlightedRange,
  placeAnchor,
  setCommentHighlights,
  showsHighlights,
} from '../../editor/extensions/comments/commentHighlights';
import type { DraftAnchor } from './useComments';
import { useComments } from './useComments';

/** The open inline comments' passages as they stand in the editor now. */
export function openRanges(editor: Editor, comments: ArticleComment[]): HighlightRange[] {
  return comments.flatMap((comment) => {
    if (comment.resolved || !comment.anchor) return [];
    const range = placeAnchor(editor.state.doc, comment.anchor);
    return range ? [{ id: comment.id, ...range }] : [];
  });
}

/**
 * Review comments wired to the open editor: the list from the core, the passage being commented
 * on, the comment in focus, and the highlights kept in step with all three.
 */
export function useEditorComments(
  editor: Editor | null,
  articleId: string,
  flush: () => Promise<void>,
) {
  const model = useComments(articleId);
  const [draft, setDraft] = useState<DraftAnchor | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);

  useEffect(() => {
    if (!editor || editor.isDestroyed || !model.comments) return;
    const ranges = openRanges(editor, model.comments);
    // No transaction when nothing changed: an IME mid-syllable is never disturbed for nothing.
    if (showsHighlights(editor.state, ranges, activeId)) return;
    setCommentHighlights(editor.view, ranges, activeId);
  }, [editor, model.comments, activeId]);

  /** Focuses a comment: its passage is selected and scrolled into view when it still exists. */
  const activate = useCallback(
    (comment: ArticleComment) => {
      setActiveId(comment.id);
      if (!editor || !comment.anchor) return;
      const range =
        highlightedRange(editor.state, comment.id) ?? placeAnchor(editor.state.doc, comment.anchor);
      if (range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
    },
    [editor],
  );

  /** Sends a comment after saving, so the core finds the passage in the stored body. */
  const send = useCallback(
    async (text: string, anchor: DraftAnchor | null): Promise<boolean> => {
      await flush();
      return model.add(text, anchor);
    },
    [flush, model],
  );

  return { model, draft, setDraft, activeId, setActiveId, activate, send };
}
