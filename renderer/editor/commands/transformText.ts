import type { Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';

/**
 * Rewrites the text of the selection (or of the whole article when nothing is selected) with
 * `transform`, keeping marks and structure, as ONE transaction: one Ctrl+Z undoes it. Returns how
 * many text pieces changed. Used for legacy-encoding conversion and tone-style normalisation.
 */
export function transformText(editor: Editor, transform: (text: string) => string): number {
  const { state } = editor;
  const { from, to, empty } = state.selection;
  const start = empty ? 0 : from;
  const end = empty ? state.doc.content.size : to;
  const tr = state.tr;
  let changed = 0;
  state.doc.nodesBetween(start, end, (node, pos) => {
    if (!node.isText || node.text === undefined) return true;
    const sliceFrom = Math.max(start, pos);
    const sliceTo = Math.min(end, pos + node.nodeSize);
    const original = node.text.slice(sliceFrom - pos, sliceTo - pos);
    const next = transform(original).normalize('NFC');
    if (next === original) return false;
    const mappedFrom = tr.mapping.map(sliceFrom);
    const mappedTo = tr.mapping.map(sliceTo);
    tr.replaceWith(mappedFrom, mappedTo, state.schema.text(next, node.marks));
    changed += 1;
    return false;
  });
  // Its own undo step, never merged with the typing just before it.
  if (changed > 0) editor.view.dispatch(closeHistory(tr).scrollIntoView());
  return changed;
}
