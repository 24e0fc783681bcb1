import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/**
 * The article schema as TipTap extensions, shared so the Node side can render the same JSON to
 * HTML for preview, export, search and sync (STYLE.md rule 13). UI-only extensions (placeholder,
 * counts, node views) are added by the renderer.
 */
export function articleSchemaExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
  ];
}
