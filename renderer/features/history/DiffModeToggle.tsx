import { useTranslation } from 'react-i18next';

import type { RevisionDiffMode } from './RevisionDiff';

/** The side-by-side / inline switch of every diff view (revisions, hand-off conflicts). */
export function DiffModeToggle({
  mode,
  onChange,
}: {
  mode: RevisionDiffMode;
  onChange: (mode: RevisionDiffMode) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="segmented">
      <button
        type="button"
        className={mode === 'side-by-side' ? 'active' : ''}
        onClick={() => onChange('side-by-side')}
      >
        {t('history.sideBySide')}
      </button>
      <button
        type="button"
        className={mode === 'inline' ? 'active' : ''}
        data-testid="diff-inline"
        onClick={() => onChange('inline')}
      >
        {t('history.inline')}
      </button>
    </div>
  );
}
