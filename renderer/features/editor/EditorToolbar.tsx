import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import type { ReactNode } from 'react';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toolbarState } from './toolbarState';
import { ToolIcon } from './toolIcons';

type Align = 'left' | 'center' | 'right' | 'justify';

/** Formatting buttons; state is read with a selector so typing does not re-render the toolbar. */
export const EditorToolbar = memo(function EditorToolbar({
  editor,
  onInsertImage,
  onInsertFromLibrary,
}: {
  editor: Editor;
  onInsertImage?: () => void;
  onInsertFromLibrary?: () => void;
}) {
  const { t } = useTranslation();
  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => toolbarState(current),
  });
  // Ctrl+K (⌘K) opens the link field, as in Word and Google Docs.
  useEffect(() => {
    const dom = editor.view.dom;
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setLinkDraft((editor.getAttributes('link').href as string | undefined) ?? '');
      }
    };
    dom.addEventListener('keydown', onKey);
    return () => dom.removeEventListener('keydown', onKey);
  }, [editor]);
  const chain = () => editor.chain().focus();
  const button = (
    key: string,
    label: string,
    content: ReactNode,
    isActive: boolean,
    run: () => void,
    disabled = false,
  ) => (
    <button
      key={key}
      type="button"
      className={isActive ? 'tool active' : 'tool'}
      title={label}
      aria-label={label}
      aria-pressed={isActive}
      data-tool={key}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      {content}
    </button>
  );
  const align = (value: Align) =>
    button(
      `align-${value}`,
      t(`editor.toolbar.align.${value}`),
      <ToolIcon name={`align-${value}`} />,
      active.align === value,
      () => chain().setTextAlign(value).run(),
    );
  const applyLink = (): void => {
    const href = (linkDraft ?? '').trim();
    if (href === '') chain().extendMarkRange('link').unsetLink().run();
    else if (/^(https?:\/\/|mailto:)/i.test(href))
      chain().extendMarkRange('link').setLink({ href }).run();
    else
      chain()
        .extendMarkRange('link')
        .setLink({ href: `https://${href}` })
        .run();
    setLinkDraft(null);
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar.label')}>
      <select
        className="block-select"
        aria-label={t('editor.toolbar.blockType')}
        data-testid="block-type"
        value={active.h2 ? 'h2' : active.h3 ? 'h3' : active.h4 ? 'h4' : 'p'}
        onChange={(event) => {
          const value = event.target.value;
          if (value === 'p') chain().setParagraph().run();
          else
            chain()
              .toggleHeading({ level: value === 'h2' ? 2 : value === 'h3' ? 3 : 4 })
              .run();
        }}
      >
        <option value="p">{t('editor.toolbar.paragraph')}</option>
        <option value="h2">{t('editor.toolbar.heading2')}</option>
        <option value="h3">{t('editor.toolbar.heading3')}</option>
        <option value="h4">{t('editor.toolbar.heading4')}</option>
      </select>
      <span className="tool-separator" />
      {button('bold', t('editor.toolbar.bold'), <b>B</b>, active.bold, () =>
        chain().toggleBold().run(),
      )}
      {button('italic', t('editor.toolbar.italic'), <i>I</i>, active.italic, () =>
        chain().toggleItalic().run(),
      )}
      {button('underline', t('editor.toolbar.underline'), <u>U</u>, active.underline, () =>
        chain().toggleUnderline().run(),
      )}
      {button('link', t('editor.toolbar.link'), <ToolIcon name="link" />, active.link, () =>
        setLinkDraft((editor.getAttributes('link').href as string | undefined) ?? ''),
      )}
      <span className="tool-separator" />
      {button(
        'bulletList',
        t('editor.toolbar.bulletList'),
        <ToolIcon name="bullet" />,
        active.bullet,
        () => chain().toggleBulletList().run(),
      )}
      {button(
        'orderedList',
        t('editor.toolbar.orderedList'),
        <ToolIcon name="ordered" />,
        active.ordered,
        () => chain().toggleOrderedList().run(),
      )}
      {button(
        'blockquote',
        t('editor.toolbar.blockquote'),
        <ToolIcon name="quote" />,
        active.quote,
        () => chain().toggleBlockquote().run(),
      )}
      <span className="tool-separator" />
      {align('left')}
      {align('center')}
      {align('right')}
      {align('justify')}
      <span className="tool-separator" />
      {button('table', t('editor.toolbar.table'), <ToolIcon name="table" />, active.table, () =>
        active.table
          ? chain().deleteTable().run()
          : chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      )}
      {button('hr', t('editor.toolbar.hr'), <ToolIcon name="hr" />, false, () =>
        chain().setHorizontalRule().run(),
      )}
      {onInsertImage
        ? button(
            'image',
            t('editor.toolbar.image'),
            <ToolIcon name="image" />,
            false,
            onInsertImage,
          )
        : null}
      {onInsertFromLibrary
        ? button(
            'library',
            t('editor.toolbar.library'),
            <ToolIcon name="library" />,
            false,
            onInsertFromLibrary,
          )
        : null}
      <span className="tool-separator" />
      {button(
        'undo',
        t('editor.toolbar.undo'),
        <ToolIcon name="undo" />,
        false,
        () => chain().undo().run(),
        !active.canUndo,
      )}
      {button(
        'redo',
        t('editor.toolbar.redo'),
        <ToolIcon name="redo" />,
        false,
        () => chain().redo().run(),
        !active.canRedo,
      )}
      {linkDraft !== null ? (
        <span className="link-popover">
          <input
            autoFocus
            data-testid="link-input"
            value={linkDraft}
            placeholder="https://…"
            onChange={(event) => setLinkDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                applyLink();
              }
              if (event.key === 'Escape') setLinkDraft(null);
            }}
          />
          <button type="button" className="primary small" onClick={applyLink}>
            {t('editor.toolbar.linkApply')}
          </button>
        </span>
      ) : null}
    </div>
  );
});
