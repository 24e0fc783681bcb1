import { Node, mergeAttributes } from '@tiptap/core';

/** Attributes of a figure node in the article JSON. */
export interface FigureAttrs {
  /** Path inside the library's media folder (e.g. `photos/ab/abcd….jpg`). */
  mediaPath: string | null;
  alt: string;
  /** Photo credit (`Ảnh: …`), shown after the caption. */
  credit: string;
}

/**
 * A photo with its caption: `<figure><img><figcaption>caption</figcaption></figure>`. The caption
 * is the node's inline content, so it is edited in place like any text. Schema only: parsing
 * pasted HTML and the node view live in the renderer.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'inline*',
  marks: 'bold italic',
  draggable: true,
  isolating: true,
  defining: true,

  addAttributes() {
    return {
      mediaPath: { default: null, rendered: false },
      alt: { default: '', rendered: false },
      credit: { default: '', rendered: false },
    };
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as FigureAttrs;
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { class: 'article-figure' }),
      ['img', { src: attrs.mediaPath ? `media:${attrs.mediaPath}` : '', alt: attrs.alt }],
      ['figcaption', 0],
    ];
  },
});
