import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ChecklistIssue } from '../../../shared/workflow/review';
import { useCall } from '../../lib/useCall';
import { LineIcon } from '../../lib/LineIcon';
import { Modal } from '../../lib/Modal';
import { checklistRules } from './checklistRules';

/** Passed, blocking, warning: a tick, a cross, an exclamation mark. */
const ruleIcons = {
  ok: 'M5 12.5l4.5 4.5L19 7.5',
  error: 'M7 7l10 10 M17 7L7 17',
  warning: 'M12 5v9 M12 18.5v.5',
} as const;

/**
 * The pre-approval checklist: the core runs it on the saved article (writing-desk checks with
 * captions and credits raised to errors, the featured image, GPS, word range). Approval stays
 * disabled while a blocking error remains; clicking a line takes the editor to it.
 */
export function ChecklistDialog({
  articleId,
  approveLabel,
  onApprove,
  onGoTo,
  onClose,
}: {
  articleId: string;
  approveLabel: string;
  /** Resolves to an error message to show, or null when approved. */
  onApprove: () => Promise<string | null>;
  onGoTo: (issue: ChecklistIssue) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const loaded = useCall('workflow.checklist', { articleId });
  const checklist = loaded.data;
  const [failed, setError] = useState<string | null>(null);
  const error = failed ?? loaded.error;
  const [busy, setBusy] = useState(false);

  const approve = async (): Promise<void> => {
    setBusy(true);
    const failure = await onApprove();
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };

  const line = (issue: ChecklistIssue) => (
    <li key={issue.id}>
      <button
        type="button"
        className={`checklist-item ${issue.severity}`}
        data-testid="checklist-item"
        data-code={issue.code}
        data-severity={issue.severity}
        onClick={() => {
          onGoTo(issue);
          onClose();
        }}
      >
        <span className="checklist-severity">
          {issue.severity === 'error'
            ? t('workflow.checklist.error')
            : t('workflow.checklist.warning')}
        </span>
        <span>{english ? issue.messageEn : issue.message}</span>
      </button>
    </li>
  );

  const blocked = !checklist || !checklist.ok;
  return (
    <Modal
      title={t('workflow.checklist.title')}
      testId="checklist-dialog"
      className="checklist-dialog"
      onClose={busy ? undefined : onClose}
      footer={
        <>
          {checklist && checklist.errors.length + checklist.warnings.length > 0 ? (
            <span className="muted">{t('workflow.checklist.hint')}</span>
          ) : null}
          <button type="button" className="secondary" onClick={onClose} disabled={busy}>
            {t('workflow.checklist.close')}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="checklist-approve"
            disabled={busy || blocked}
            title={checklist && !checklist.ok ? t('workflow.checklist.blocked') : undefined}
            onClick={() => void approve()}
          >
            {checklist && checklist.warnings.length > 0
              ? t('workflow.checklist.approveWithWarnings')
              : approveLabel}
          </button>
        </>
      }
    >
      {!checklist && !error ? <p className="muted">{t('workflow.checklist.loading')}</p> : null}
      {checklist ? (
        <>
          <p
            className={checklist.ok ? 'checklist-summary ok' : 'checklist-summary blocked'}
            data-testid="checklist-summary"
            data-ok={checklist.ok}
          >
            {checklist.ok
              ? t('workflow.checklist.ok')
              : t('workflow.checklist.errors', { count: checklist.errors.length })}
          </p>
          <ul className="checklist-rules" data-testid="checklist-rules">
            {checklistRules(checklist).map((rule) => (
              <li
                key={rule.id}
                className={`checklist-rule ${rule.state}`}
                data-testid="checklist-rule"
                data-rule={rule.id}
                data-state={rule.state}
              >
                <span className="checklist-rule-icon">
                  <LineIcon d={ruleIcons[rule.state]} />
                </span>
                {t(`workflow.checklist.rules.${rule.id}`, {
                  count: rule.id === 'photos' ? checklist.photoCount : checklist.wordCount,
                  min: checklist.wordRange.min,
                  max: checklist.wordRange.max,
                })}
              </li>
            ))}
          </ul>
          {checklist.errors.length > 0 ? (
            <>
              <p className="checklist-subtitle error">{t('workflow.checklist.details')}</p>
              <ul className="checklist-list" data-testid="checklist-errors">
                {checklist.errors.map(line)}
              </ul>
            </>
          ) : null}
          {checklist.warnings.length > 0 ? (
            <>
              <p className="checklist-subtitle">
                {t('workflow.checklist.warnings', { count: checklist.warnings.length })}
              </p>
              <ul className="checklist-list" data-testid="checklist-warnings">
                {checklist.warnings.map(line)}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      {error ? (
        <p className="banner error" role="alert" data-testid="checklist-error">
          {error}
        </p>
      ) : null}
    </Modal>
  );
}
