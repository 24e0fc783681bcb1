import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';

import { articleSchemaExtensions } from '../../../shared/editor/extensions';
import { toolbarState } from './toolbarState';

const content = `<h2 style="text-align:center">Tiêu <b>đề</b></h2><p>Chữ <b>đậm</b> và <i><a href="https://a.vn">liên kết</a></i>.</p>
<ul><li><p>Một <u>dòng</u></p></li></ul><blockquote><p style="text-align:right">Trích dẫn</p></blockquote>
<ol><li><p>Hai</p></li></ol><table><tbody><tr><th><p>Ô</p></th></tr><tr><td><p>Ô <s>b</s></p></td></tr></tbody></table><h4>Cuối</h4>`;

/** The toolbar as the 17 `isActive`/`can()` calls saw it, the reference for the single walk. */
function reference(editor: Editor) {
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
    align: (['left', 'center', 'right', 'justify'] as const).find((value) =>
      editor.isActive({ textAlign: value }),
    ),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  };
}

describe('toolbarState', () => {
  it('agrees with isActive and can() at every caret position, and after undo', () => {
    const editor = new Editor({ extensions: articleSchemaExtensions(), content });
    const check = (): void => {
      for (let pos = 1; pos < editor.state.doc.content.size; pos += 1) {
        const $pos = editor.state.doc.resolve(pos);
        if (!$pos.parent.isTextblock) continue;
        editor.view.dispatch(
          editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos)),
        );
        expect(toolbarState(editor), `caret at ${pos}`).toEqual(reference(editor));
      }
    };
    check();
    editor.chain().setTextSelection(5).insertContent('x').run();
    check();
    editor.chain().undo().run();
    check();
    editor.chain().setTextSelection({ from: 2, to: 12 }).run();
    expect(toolbarState(editor)).toEqual(reference(editor));
    editor.destroy();
  });
});
