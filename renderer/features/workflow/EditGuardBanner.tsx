import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ArticleWorkflowState } from '../../../shared/workflow/review';
import { formatHourMinute } from '../../lib/format';
import { NoteDialog } from './NoteDialog';
import type { LeaseState } from './useArticleLease';

/**
 * Why the article is open read-only, if it is: someone else holds its editing lease («Tên» đang
 * sửa bài này từ HH:MM, with «Tiếp quản» for editors and administrators), or the workflow state
 * does not let this user change the text. Conflict copies say where they came from.
 */
export function EditGuardBanner({
  state,
  lease,
  canTakeOver,
  onTakeOver,
  onShowDiff,
  onOpenOriginal,
}: {
  state: ArticleWorkflowState;
  lease: LeaseState;
  canTakeOver: boolean;
  /** Resolves to an error message, or null when the lease is ours. */
  onTakeOver: (note: string) => Promise<string | null>;
  onShowDiff: () => void;
  onOpenOriginal: (articleId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      {state.conflictOf ? (
        <div className="banner info guard-banner" role="status" data-testid="conflict-banner">
          <span>
            {t('workflow.conflictCopy', { workstation: state.conflictOf.workstationName })}
          </span>
          <span className="banner-actions">
            <button
              type="button"
              className="secondary small"
              data-testid="conflict-show-diff"
              onClick={onShowDiff}
            >
              {t('workflow.showDiff')}
            </button>
            <button
              type="button"
              className="secondary small"
              onClick={() => state.conflictOf && onOpenOriginal(state.conflictOf.articleId)}
            >
              {t('workflow.openOriginal')}
            </button>
          </span>
        </div>
      ) : null}
      {lease.kind === 'other' ? (
        <div className="banner warn guard-banner" role="status" data-testid="lease-banner">
          <span>
            <strong>
              {t('lease.heldBy', {
                name: lease.lease.holder.name,
                time: formatHourMinute(lease.lease.since, i18n.language),
              })}
            </strong>
            <br />
            {t('lease.readOnly')}
          </span>
          {canTakeOver ? (
            <span className="banner-actions">
              <button
                type="button"
                className="primary small"
                data-testid="lease-take-over"
                onClick={() => setAsking(true)}
              >
                {t('lease.takeOver')}
              </button>
            </span>
          ) : null}
        </div>
      ) : state.editRefusal ? (
        <p className="banner info guard-banner" role="status" data-testid="read-only-banner">
          {t('workflow.readOnly', { reason: state.editRefusal })}
        </p>
      ) : null}
      {asking && lease.kind === 'other' ? (
        <NoteDialog
          title={t('lease.takeOverTitle')}
          testId="take-over-dialog"
          intro={t('lease.takeOverIntro', { name: lease.lease.holder.name })}
          required={false}
          confirmLabel={t('lease.takeOver')}
          onConfirm={onTakeOver}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </>
  );
}
