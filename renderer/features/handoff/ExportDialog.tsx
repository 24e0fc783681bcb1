import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ArticleSummary } from '../../../shared/domain/article';
import type { BundleExport } from '../../../shared/workflow/handoff';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { Modal } from '../../lib/Modal';
import { StatusBadge } from '../workflow/WorkflowBar';
import { base64ToBytes, downloadBytes, formatBytes } from './bundleFiles';

/**
 * «Xuất gói bài»: pick articles, get one bundle file. The core writes it to the library's
 * `exports/` folder; the browser shell also receives the bytes and downloads them, since a web
 * page cannot open that folder for the user.
 */
export function ExportDialog({
  articles,
  preselected,
  onClose,
}: {
  articles: ArticleSummary[];
  preselected: string | null;
  onClose: () => void;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(preselected ? [preselected] : []);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<BundleExport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const toggle = (id: string): void =>
    setChosen((current) =>
      current.includes(id) ? current.filter((other) => other !== id) : [...current, id],
    );

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await callOrThrow(api, 'bundles.export', {
        articleIds: chosen,
        includeData: api.shell === 'browser',
      });
      if (result.dataBase64) downloadBytes(result.fileName, base64ToBytes(result.dataBase64));
      setDone(result);
    } catch (failure) {
      setError(failure instanceof CallFailed ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('handoff.exportTitle')}
      testId="export-dialog"
      className="handoff-dialog"
      onClose={busy ? undefined : onClose}
      footer={
        done ? (
          <button type="button" className="primary" data-testid="export-close" onClick={onClose}>
            {t('handoff.close')}
          </button>
        ) : (
          <>
            <button type="button" className="secondary" onClick={onClose} disabled={busy}>
              {t('workflow.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="export-submit"
              disabled={busy || chosen.length === 0}
              onClick={() => void run()}
            >
              {busy ? t('handoff.exporting') : t('handoff.exportButton', { count: chosen.length })}
            </button>
          </>
        )
      }
    >
      {done ? (
        <div className="banner ok" role="status" data-testid="export-result">
          <span>
            {t('handoff.exported', {
              articles: done.articleCount,
              photos: done.photoCount,
              size: formatBytes(done.bytes, i18n.language),
              path: done.path,
            })}
            {done.dataBase64 ? (
              <>
                <br />
                {t('handoff.downloaded', { file: done.fileName })}
              </>
            ) : null}
          </span>
        </div>
      ) : (
        <>
          <p className="muted handoff-intro">{t('handoff.exportIntro')}</p>
          <ul className="handoff-articles">
            {articles.map((article) => (
              <li key={article.id}>
                <label>
                  <input
                    type="checkbox"
                    data-testid="export-item"
                    data-article-id={article.id}
                    checked={chosen.includes(article.id)}
                    onChange={() => toggle(article.id)}
                  />
                  <span className="handoff-title">{article.title || t('articles.untitled')}</span>
                  <StatusBadge status={article.status} />
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      {error ? (
        <p className="banner error" role="alert" data-testid="export-error">
          {error}
        </p>
      ) : null}
    </Modal>
  );
}
