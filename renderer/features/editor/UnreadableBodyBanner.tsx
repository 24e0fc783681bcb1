import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { base64ToBytes, downloadBytes } from '../handoff/bundleFiles';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';

/**
 * Why an article whose stored body this editor cannot read is open read-only (docs/body-schema.md),
 * with the two ways out that keep the stored text: export it as a bundle (for a newer Newsdesk)
 * or restore an earlier revision.
 */
export function UnreadableBodyBanner({
  articleId,
  detail,
  onHistory,
}: {
  articleId: string;
  /** The problem, naming the unknown type (from `findBodySchemaProblem`). */
  detail: string;
  onHistory: () => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);

  const exportBundle = async (): Promise<void> => {
    setBusy(true);
    try {
      const result = await callOrThrow(api, 'bundles.export', {
        articleIds: [articleId],
        includeData: api.shell === 'browser',
      });
      if (result.dataBase64) downloadBytes(result.fileName, base64ToBytes(result.dataBase64));
      setOutcome(t('bodySafe.exported', { file: result.fileName }));
    } catch (failure) {
      setOutcome(failure instanceof CallFailed ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="banner error guard-banner" role="alert" data-testid="unreadable-body-banner">
      <span>
        {t('bodySafe.unreadable', { detail })}
        {outcome ? <strong data-testid="unreadable-body-outcome"> {outcome}</strong> : null}
      </span>
      <span className="banner-actions">
        <button
          type="button"
          className="secondary small"
          disabled={busy}
          data-testid="unreadable-body-export"
          onClick={() => void exportBundle()}
        >
          {busy ? t('bodySafe.exporting') : t('bodySafe.export')}
        </button>
        <button
          type="button"
          className="secondary small"
          data-testid="unreadable-body-history"
          onClick={onHistory}
        >
          {t('bodySafe.history')}
        </button>
      </span>
    </div>
  );
}
