import { useTranslation } from 'react-i18next';

import { formatTime } from '../../lib/format';
import { useShortcut } from '../../lib/shortcuts';
import type { Notice } from './useArticleSession';

/**
 * Ctrl+S in the editor: writes pending typing to disk now and says so under the toolbar (or
 * says that it could not, and that autosave keeps trying). Autosave already runs on its own;
 * this is for the reporter who wants to see it happen before walking away.
 */
export function useSaveShortcut(options: {
  editable: boolean;
  flush: () => Promise<void>;
  isPending: () => boolean;
  onNotice: (notice: Notice) => void;
}): void {
  const { t, i18n } = useTranslation();
  useShortcut('save', () => {
    const { editable, flush, isPending, onNotice } = options;
    if (!editable) {
      onNotice({ kind: 'info', text: t('shortcuts.readOnly') });
      return;
    }
    void flush().then(() =>
      onNotice(
        isPending()
          ? { kind: 'error', text: t('shortcuts.saveFailed') }
          : {
              kind: 'ok',
              text: t('shortcuts.saved', { time: formatTime(Date.now(), i18n.language) }),
            },
      ),
    );
  });
}
