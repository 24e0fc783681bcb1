import { useTranslation } from 'react-i18next';

import type { Notice } from './useArticleSession';

/** A message under the editor's header, with its optional action and a close button. */
export function EditorNotice({
  notice,
  testId = 'editor-notice',
  onClose,
}: {
  notice: Notice;
  testId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <p className={`banner ${notice.kind}`} role="status" data-testid={testId}>
      <span>{notice.text}</span>
      <span className="banner-actions">
        {notice.action ? (
          <button
            type="button"
            className="secondary small"
            data-testid="notice-action"
            onClick={() => {
              notice.action?.run();
              onClose();
            }}
          >
            {notice.action.label}
          </button>
        ) : null}
        <button
          type="button"
          className="banner-close"
          aria-label={t('editor.dismiss')}
          onClick={onClose}
        >
          ×
        </button>
      </span>
    </p>
  );
}
