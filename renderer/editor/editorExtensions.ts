import type { Extensions } from '@tiptap/core';

import { articleSchemaExtensions } from '../../shared/editor/extensions';
import { FigureWithView } from './figure/figureExtension';

/**
 * The editor's extensions: the shared article schema, with the figure node swapped for its UI
 * version (node view, HTML parsing), plus what only the UI needs.
 */
export function editorExtensions(options: { mediaUrl: (mediaPath: string) => string }): Extensions {
  return [
    ...articleSchemaExtensions().filter((extension) => extension.name !== 'figure'),
    FigureWithView.configure({ mediaUrl: options.mediaUrl }),
  ];
}
