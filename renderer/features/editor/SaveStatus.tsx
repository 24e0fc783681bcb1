import { useTranslation } from 'react-i18next';

import { missingCaseError } from '../../../shared/errors/appError';
import { formatTime } from '../../lib/format';
import type { SaveState } from './autosaver';

/** Tells the reporter, in words, whether their text is on disk. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t, i18n } = useTranslation();
  const text = (() => {
    switch (state.kind) {
      case 'saved':
        return t('editor.save.saved', { time: formatTime(state.at, i18n.language) });
      case 'dirty':
        return t('editor.save.dirty');
      case 'saving':
        return t('editor.save.saving');
      case 'error':
        return t('editor.save.error', { message: state.message });
      default:
        throw missingCaseError(state);
    }
  })();
  return (
    <span
      className={`save-status save-${state.kind}`}
      data-testid="save-status"
      data-state={state.kind}
      role="status"
    >
      {text}
    </span>
  );
}
