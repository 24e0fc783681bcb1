import TextAlign from '@tiptap/extension-text-align';

const alignments = ['left', 'center', 'right', 'justify'] as const;

/**
 * Text alignment written as a class (`text-align-center`) instead of an inline style: the app's
 * CSP (style-src 'self') refuses style attributes, so a `style="text-align:center"` would be
 * silently ignored on screen. Pasted HTML with either form is read.
 */
export const TextAlignWithClass = TextAlign.extend({
  addGlobalAttributes() {
    return [
      {
        types: ['heading', 'paragraph'],
        attributes: {
          textAlign: {
            default: null,
            parseHTML: (element) => {
              const fromClass = alignments.find((value) =>
                element.classList.contains(`text-align-${value}`),
              );
              const fromStyle = alignments.find((value) => element.style.textAlign === value);
              return fromClass ?? fromStyle ?? null;
            },
            renderHTML: (attributes) => {
              const value: unknown = attributes.textAlign;
              return typeof value === 'string' && value !== 'left'
                ? { class: `text-align-${value}` }
                : {};
            },
          },
        },
      },
    ];
  },
}).configure({ types: ['heading', 'paragraph'], alignments: [...alignments] });
