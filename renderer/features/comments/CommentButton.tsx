import { TextSelection } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LineIcon } from '../../lib/LineIcon';
import type { DraftAnchor } from './useComments';

/** Longest passage a comment may quote (the contract's limit). */
const maxQuoteChars = 2000;

/** The selected passage a comment could be about, or null for none. */
export function selectedPassage(editor: Editor): DraftAnchor | null {
  const { selection, doc } = editor.state;
  if (!(selection instanceof TextSelection) || selection.empty) return null;
  const quote = doc.textBetween(selection.from, selection.to, '\n');
  if (quote.trim() === '' || quote.length > maxQuoteChars) return null;
  return { from: selection.from, to: selection.to, quote };
}

/**
 * A small «Góp ý» button under the selected passage. It follows the selection and the scroll;
 * pressing it keeps the editor's selection (mousedown is cancelled) and hands the passage on.
 */
export function CommentButton({
  editor,
  onComment,
}: {
  editor: Editor;
  onComment: (draft: DraftAnchor) => void;
}) {
  const { t } = useTranslation();
  const [place, setPlace] = useState<{ top: number; left: number; draft: DraftAnchor } | null>(
    null,
  );

  useEffect(() => {
    const update = (): void => {
      const draft = editor.isDestroyed ? null : selectedPassage(editor);
      if (!draft) {
        setPlace(null);
        return;
      }
      const end = editor.view.coordsAtPos(draft.to);
      setPlace({ top: end.bottom + 6, left: Math.max(8, end.left - 24), draft });
    };
    editor.on('selectionUpdate', update);
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      editor.off('selectionUpdate', update);
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [editor]);

  if (!place) return null;
  return (
    <button
      type="button"
      className="comment-float"
      data-testid="comment-add"
      title={t('comments.addHint')}
      style={{ top: place.top, left: place.left }}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        onComment(place.draft);
        setPlace(null);
      }}
    >
      <LineIcon d="M4 5h16v11H9l-5 4z" />
      {t('comments.add')}
    </button>
  );
}
