import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

/** Formatting buttons; state is read with a selector so typing does not re-render the toolbar. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bullet: current.isActive('bulletList'),
      ordered: current.isActive('orderedList'),
      quote: current.isActive('blockquote'),
    }),
  });
  const button = (label: string, text: string, isActive: boolean, run: () => void) => (
    <button
      type="button"
      className={isActive ? 'tool active' : 'tool'}
      title={label}
      aria-label={label}
      aria-pressed={isActive}
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  );
  const chain = () => editor.chain().focus();
  return (
    <div className="toolbar" role="toolbar" aria-label="Định dạng">
      {button(t('editor.toolbar.bold'), 'B', active.bold, () => chain().toggleBold().run())}
      {button(t('editor.toolbar.italic'), 'I', active.italic, () => chain().toggleItalic().run())}
      <span className="tool-separator" />
      {button(t('editor.toolbar.heading2'), 'H2', active.h2, () =>
        chain().toggleHeading({ level: 2 }).run(),
      )}
      {button(t('editor.toolbar.heading3'), 'H3', active.h3, () =>
        chain().toggleHeading({ level: 3 }).run(),
      )}
      <span className="tool-separator" />
      {button(t('editor.toolbar.bulletList'), '•', active.bullet, () =>
        chain().toggleBulletList().run(),
      )}
      {button(t('editor.toolbar.orderedList'), '1.', active.ordered, () =>
        chain().toggleOrderedList().run(),
      )}
      {button(t('editor.toolbar.blockquote'), '“', active.quote, () =>
        chain().toggleBlockquote().run(),
      )}
      <span className="tool-separator" />
      {button(t('editor.toolbar.undo'), '↶', false, () => chain().undo().run())}
      {button(t('editor.toolbar.redo'), '↷', false, () => chain().redo().run())}
    </div>
  );
}
