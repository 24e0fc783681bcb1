import type { Extensions } from '@tiptap/core';

import { articleSchemaExtensions } from '../../shared/editor/extensions';
import { CommentHighlights } from './extensions/comments/commentHighlights';
import { getSpellchecker } from './extensions/spellcheck/dictionary';
import { Spellcheck } from './extensions/spellcheck/Spellcheck';
import { FigureWithView } from './figure/figureExtension';
import { TextAlignWithClass } from './textAlignClass';

/**
 * The editor's extensions: the shared article schema, with the figure node swapped for its UI
 * version (node view, HTML parsing), plus the UI-only offline spellcheck and review-comment
 * highlights (decorations, never stored).
 */
export function editorExtensions(options: {
  mediaUrl: (mediaPath: string) => string;
  onAddWord?: (word: string) => void;
}): Extensions {
  return [
    ...articleSchemaExtensions().filter(
      (extension) => extension.name !== 'figure' && extension.name !== 'textAlign',
    ),
    TextAlignWithClass,
    FigureWithView.configure({ mediaUrl: options.mediaUrl }),
    Spellcheck.configure({
      getChecker: getSpellchecker,
      enabled: true,
      onAddWord: options.onAddWord ?? null,
    }),
    CommentHighlights,
  ];
}
