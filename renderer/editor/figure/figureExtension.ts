import { ReactNodeViewRenderer } from '@tiptap/react';

import { Figure } from '../../../shared/editor/figure';
import { FigureView } from './FigureView';

/** Options the renderer gives the figure node. */
export interface FigureOptions {
  mediaUrl: (mediaPath: string) => string;
}

/**
 * The shared figure node plus what only the UI needs: parsing `<figure>` from pasted HTML and a
 * React node view that shows the library photo and edits caption, alt text and credit.
 */
export const FigureWithView = Figure.extend<FigureOptions>({
  addOptions() {
    return { mediaUrl: (mediaPath: string) => mediaPath };
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        contentElement: 'figcaption',
        getAttrs: (element) => {
          const image = element.querySelector('img');
          const source = image?.getAttribute('data-media-path') ?? null;
          return { mediaPath: source, alt: image?.getAttribute('alt') ?? '' };
        },
      },
    ];
  },

  addNodeView() {
    return ReactNodeViewRenderer(FigureView);
  },
});
