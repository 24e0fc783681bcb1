import type { Editor } from '@tiptap/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

import type { ToneStyle } from '../../../shared/domain/settings';
import { ToolsMenu } from '../../editor/commands/ToolsMenu';

/** What the editor pane shows: the text, the portal preview, or a revision. */
export type EditorMode = 'edit' | 'preview' | 'history';

/** The editor pane's header: write/preview switch, the tools menu (when editable), HTML export. */
export const EditorHeader = memo(function EditorHeader({
  mode,
  onMode,
  editor,
  toneStyle,
  onToolDone,
  onExportHtml,
}: {
  mode: EditorMode;
  onMode: (mode: EditorMode) => void;
  /** Null while loading or when the article is read-only (no tools then). */
  editor: Editor | null;
  toneStyle: ToneStyle;
  onToolDone: (text: string) => void;
  onExportHtml: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="editor-header">
      <div className="segmented" role="tablist">
        <button
          type="button"
          role="tab"
          data-testid="mode-edit"
          aria-selected={mode === 'edit'}
          className={mode === 'edit' ? 'active' : ''}
          onClick={() => onMode('edit')}
        >
          {t('editor.modeEdit')}
        </button>
        <button
          type="button"
          role="tab"
          data-testid="mode-preview"
          aria-selected={mode === 'preview'}
          className={mode === 'preview' ? 'active' : ''}
          onClick={() => onMode('preview')}
        >
          {t('editor.modePreview')}
        </button>
      </div>
      <span className="header-actions">
        {editor ? <ToolsMenu editor={editor} toneStyle={toneStyle} onDone={onToolDone} /> : null}
        <button
          type="button"
          className="secondary"
          data-testid="export-html"
          onClick={onExportHtml}
        >
          {t('editor.exportHtml')}
        </button>
      </span>
    </div>
  );
});
