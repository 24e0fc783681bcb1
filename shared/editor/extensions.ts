import type { Extensions } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import TextAlign from '@tiptap/extension-text-align';
import StarterKit from '@tiptap/starter-kit';

import { Figure } from './figure';

/**
 * The article schema as TipTap extensions, shared so the Node side can render the same JSON to
 * HTML for preview, export, search and sync (docs/ARCHITECTURE.md rule 13). UI-only extensions (placeholder,
 * counts, node views, spellcheck) are added by the renderer.
 *
 * Nodes: paragraph, heading (H2–H4), bulletList/orderedList/listItem, blockquote,
 * horizontalRule, hardBreak, table/tableRow/tableHeader/tableCell, figure (photo + caption).
 * Marks: bold, italic, underline, strike, link. Paragraphs and headings carry `textAlign`.
 */
export function articleSchemaExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    TextAlign.configure({
      types: ['heading', 'paragraph'],
      alignments: ['left', 'center', 'right', 'justify'],
    }),
    TableKit.configure({ table: { resizable: false } }),
    Figure,
  ];
}
