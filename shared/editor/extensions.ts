import type { Extensions } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import TextAlign from '@tiptap/extension-text-align';
import StarterKit from '@tiptap/starter-kit';
import type { StarterKitOptions } from '@tiptap/starter-kit';

import { isArticleMarkType, isArticleNodeType, nodesWithAttribute } from './articleFormat';
import { Figure } from './figure';

/** StarterKit's schema parts, by option name, with the node or mark type each adds. */
const starterKitTypes = {
  blockquote: 'blockquote',
  bold: 'bold',
  bulletList: 'bulletList',
  code: 'code',
  codeBlock: 'codeBlock',
  document: 'doc',
  hardBreak: 'hardBreak',
  heading: 'heading',
  horizontalRule: 'horizontalRule',
  italic: 'italic',
  listItem: 'listItem',
  orderedList: 'orderedList',
  paragraph: 'paragraph',
  strike: 'strike',
  text: 'text',
  underline: 'underline',
  link: 'link',
} as const satisfies Partial<Record<keyof StarterKitOptions, string>>;

/** StarterKit's parts whose type is not in the article format, switched off. */
function partsOutsideTheFormat(): Partial<StarterKitOptions> {
  const off: Partial<Record<keyof StarterKitOptions, false>> = {};
  for (const [option, type] of Object.entries(starterKitTypes)) {
    if (!isArticleNodeType(type) && !isArticleMarkType(type)) {
      off[option as keyof typeof starterKitTypes] = false;
    }
  }
  return off;
}

/**
 * The article format (`articleFormat.ts`) as TipTap extensions, shared so the editor, the core's
 * body validation and tests build the same ProseMirror schema. UI-only extensions (placeholder,
 * counts, node views, spellcheck) are added by the renderer.
 */
export function articleSchemaExtensions(): Extensions {
  return [
    StarterKit.configure({
      ...partsOutsideTheFormat(),
      heading: { levels: [2, 3, 4] },
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    TextAlign.configure({
      types: nodesWithAttribute('textAlign'),
      alignments: ['left', 'center', 'right', 'justify'],
    }),
    TableKit.configure({ table: { resizable: false } }),
    Figure,
  ];
}
