import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { BundleImportReport } from '../../../shared/workflow/handoff';
import { formatTime } from '../../lib/format';
import { Modal } from '../../lib/Modal';
import { UploadProgress } from '../../lib/UploadProgress';
import { ConflictDiffDialog } from './ConflictDiffDialog';

/** Everything the import did not accept, article by article, with the core's reason. */
function RefusedList({ report }: { report: BundleImportReport }) {
  const { t } = useTranslation();
  return (
    <>
      {report.rosterUpdated ? (
        <p className="banner" data-testid="import-roster-updated">
          {t('importRefusal.rosterUpdated', { version: report.rosterUpdated })}
        </p>
      ) : null}
      {report.refused.length > 0 ? (
        <section className="import-refused-list" data-testid="import-refused">
          <h3>{t('importRefusal.title')}</h3>
          <ul>
            {report.refused.map((item, index) => (
              <li key={`${item.articleId}-${item.itemId ?? ''}-${index}`} data-item={item.item}>
                <strong>{t(`importRefusal.item.${item.item}`)}</strong>{' '}
                <span className="muted">«{item.title}»</span>: {item.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** What importing a bundle did, or why nothing was imported. */
export type ImportResult =
  | { kind: 'running'; fileName: string; sent?: number; size?: number }
  | { kind: 'done'; fileName: string; report: BundleImportReport }
  | { kind: 'refused'; fileName: string; message: string };

/**
 * The import report: per article whether it was new, updated, unchanged, older than ours or a
 * conflict (with the diff one click away), and what else came along. A refused bundle shows the
 * core's reason; nothing was imported then.
 */
export function ImportReportDialog({
  result,
  onOpen,
  onClose,
}: {
  result: ImportResult;
  onOpen: (articleId: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [diffOf, setDiffOf] = useState<string | null>(null);
  const title =
    result.kind === 'refused'
      ? t('handoff.refused', { file: result.fileName })
      : t('handoff.reportTitle');
  return (
    <>
      <Modal
        title={title}
        testId="import-report"
        className="handoff-dialog"
        onClose={result.kind === 'running' ? undefined : onClose}
        footer={
          <button
            type="button"
            className="primary"
            data-testid="import-close"
            disabled={result.kind === 'running'}
            onClick={onClose}
          >
            {t('handoff.close')}
          </button>
        }
      >
        {result.kind === 'running' ? (
          <p className="muted" data-testid="bundle-import-progress">
            {t('handoff.importing')}
            {result.size ? <UploadProgress sent={result.sent ?? 0} size={result.size} /> : null}
          </p>
        ) : null}
        {result.kind === 'refused' ? (
          <p className="banner error import-refused" role="alert" data-testid="import-error">
            {result.message}
          </p>
        ) : null}
        {result.kind === 'done' ? (
          <>
            <p className="muted" data-testid="import-from">
              {t('handoff.from', {
                workstation: result.report.from.workstationName,
                name: result.report.from.createdBy,
                time: formatTime(result.report.from.createdAt, i18n.language, true),
              })}
            </p>
            <ul className="import-outcomes">
              {result.report.articles.map((article) => (
                <li
                  key={article.articleId}
                  className={`import-outcome outcome-${article.outcome}`}
                  data-testid="import-outcome"
                  data-outcome={article.outcome}
                >
                  <span className="import-outcome-text">
                    <strong>{article.title || t('articles.untitled')}</strong>
                    <span>{t(`handoff.outcome.${article.outcome}`)}</span>
                  </span>
                  <span className="import-outcome-actions">
                    {article.conflictCopyId ? (
                      <button
                        type="button"
                        className="secondary small"
                        data-testid="import-show-diff"
                        onClick={() => setDiffOf(article.conflictCopyId)}
                      >
                        {t('workflow.showDiff')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="link-button"
                      data-testid="import-open"
                      onClick={() => {
                        onOpen(article.unverifiedCopyId ?? article.articleId);
                        onClose();
                      }}
                    >
                      {article.unverifiedCopyId ? t('importRefusal.openCopy') : t('handoff.open')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
            <RefusedList report={result.report} />
            <p className="muted">
              {t('handoff.totals', {
                photos: result.report.photosAdded,
                comments: result.report.commentsMerged,
                revisions: result.report.revisionsAdded,
                audit: result.report.auditAdded,
              })}
            </p>
          </>
        ) : null}
      </Modal>
      {diffOf ? (
        <ConflictDiffDialog
          copyId={diffOf}
          onOpen={(articleId) => {
            setDiffOf(null);
            onOpen(articleId);
            onClose();
          }}
          onClose={() => setDiffOf(null)}
        />
      ) : null}
    </>
  );
}
