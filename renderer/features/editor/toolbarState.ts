import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';

/** What the toolbar shows as pressed or available. */
export interface ToolbarState {
  paragraph: boolean;
  h2: boolean;
  h3: boolean;
  h4: boolean;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  link: boolean;
  bullet: boolean;
  ordered: boolean;
  quote: boolean;
  table: boolean;
  align: 'left' | 'center' | 'right' | 'justify' | undefined;
  canUndo: boolean;
  canRedo: boolean;
}

const aligns = ['left', 'center', 'right', 'justify'] as const;

/**
 * The toolbar's state in one walk from the caret up, instead of 17 `isActive`/`can()` dry runs
 * on every transaction (issue 16: that selector ran per keystroke). A range selection falls back
 * to `isActive`, whose «every character» rules it then needs.
 */
export function toolbarState(editor: Editor): ToolbarState {
  const { state } = editor;
  const { selection } = state;
  const history = { canUndo: undoDepth(state) > 0, canRedo: redoDepth(state) > 0 };
  if (!selection.empty) {
    return {
      paragraph: editor.isActive('paragraph'),
      h2: editor.isActive('heading', { level: 2 }),
      h3: editor.isActive('heading', { level: 3 }),
      h4: editor.isActive('heading', { level: 4 }),
      bold: editor.isActive('bold'),
      italic: editor.isActive('italic'),
      underline: editor.isActive('underline'),
      link: editor.isActive('link'),
      bullet: editor.isActive('bulletList'),
      ordered: editor.isActive('orderedList'),
      quote: editor.isActive('blockquote'),
      table: editor.isActive('table'),
      align: aligns.find((value) => editor.isActive({ textAlign: value })),
      ...history,
    };
  }
  const $from = selection.$from;
  const marks = new Set((state.storedMarks ?? $from.marks()).map((mark) => mark.type.name));
  const ancestors = new Set<string>();
  for (let depth = $from.depth; depth > 0; depth -= 1) ancestors.add($from.node(depth).type.name);
  const block = $from.parent;
  const level: unknown = block.type.name === 'heading' ? block.attrs.level : null;
  const textAlign: unknown = block.attrs.textAlign;
  return {
    paragraph: block.type.name === 'paragraph',
    h2: level === 2,
    h3: level === 3,
    h4: level === 4,
    bold: marks.has('bold'),
    italic: marks.has('italic'),
    underline: marks.has('underline'),
    link: marks.has('link'),
    bullet: ancestors.has('bulletList'),
    ordered: ancestors.has('orderedList'),
    quote: ancestors.has('blockquote'),
    table: ancestors.has('table'),
    align: aligns.find((value) => value === textAlign),
    ...history,
  };
}
