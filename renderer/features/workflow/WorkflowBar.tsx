import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type {
  ArticleWorkflowState,
  AvailableTransition,
  ChecklistIssue,
  TransitionResult,
} from '../../../shared/workflow/review';
import type { Transition } from '../../../shared/workflow/transitions';
import { callOrThrow, CallFailed } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useApi } from '../../lib/ApiContext';
import { useShortcut } from '../../lib/shortcuts';
import { ChecklistDialog } from './ChecklistDialog';
import { NoteDialog } from './NoteDialog';
import './workflow.css';

/** Steps that move the article forward; shown as the main button. */
const forward = new Set<Transition>(['submit', 'startReview', 'approve', 'queue']);
/** Steps that send it back or out. */
const backward = new Set<Transition>(['return', 'spike', 'takeDown']);

/** The state badge of an article, with the Vietnamese (or English) state name. */
export function StatusBadge({ status }: { status: ArticleWorkflowState['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-testid="status-badge" data-status={status}>
      {t(`vocab.status.${status}`)}
    </span>
  );
}

/**
 * The article's place in the workflow: its state, and the steps the signed-in user may take now
 * (the core reads the shared transition table for their role and ownership). Returning asks for
 * a note; approving shows the pre-approval checklist first.
 */
export const WorkflowBar = memo(function WorkflowBar({
  state,
  onBeforeStep,
  onMoved,
  onNotice,
  onGoTo,
}: {
  state: ArticleWorkflowState;
  /** Saves pending typing, so the step applies to the text on screen. */
  onBeforeStep: () => Promise<void>;
  onMoved: (result: TransitionResult) => void;
  onNotice: (notice: { kind: 'ok' | 'error'; text: string }) => void;
  onGoTo: (issue: ChecklistIssue) => void;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState<AvailableTransition | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs a step; resolves to the core's message when refused. */
  const run = async (transition: Transition, note: string): Promise<string | null> => {
    setBusy(true);
    try {
      await onBeforeStep();
      const result = await callOrThrow(api, 'workflow.transition', {
        articleId: state.articleId,
        transition,
        note,
      });
      const action = t(`vocab.step.${transition}`);
      onNotice({
        kind: 'ok',
        text:
          result.warnings.length > 0
            ? t('workflow.movedWithWarnings', { action, count: result.warnings.length })
            : t('workflow.moved', { action, status: t(`vocab.status.${result.status}`) }),
      });
      onMoved(result);
      return null;
    } catch (failure) {
      return failure instanceof CallFailed ? failure.message : String(failure);
    } finally {
      setBusy(false);
    }
  };

  const start = (step: AvailableTransition): void => {
    if (step.transition === 'approve') {
      // The checklist reads the saved article: save what is on screen first.
      void onBeforeStep().then(() => setAsking(step));
      return;
    }
    if (step.noteRequired) {
      setAsking(step);
      return;
    }
    void run(step.transition, '').then(
      (failure) => failure && onNotice({ kind: 'error', text: failure }),
    );
  };

  const label = (step: AvailableTransition): string => t(`vocab.step.${step.transition}`);

  // Ctrl+Enter: the main (forward) step, when the user may take it now.
  useShortcut('mainAction', () => {
    const main = state.transitions.find((step) => forward.has(step.transition));
    if (busy || asking) return;
    if (main) start(main);
    else onNotice({ kind: 'error', text: t('shortcuts.noMainAction') });
  });

  const update = state.transitions.find((step) => step.transition === 'update');
  return (
    <>
      <div className="workflow-bar" data-testid="workflow-bar">
        <span className="workflow-status">
          <span className="muted">{t('workflow.status')}</span>
          <StatusBadge status={state.status} />
          {state.createdBy ? (
            <span className="muted workflow-author">
              {t('workflow.createdBy', { name: state.createdBy.name })}
            </span>
          ) : null}
        </span>
        <span className="workflow-actions">
          {state.transitions.map((step) => (
            <button
              key={step.transition}
              type="button"
              className={
                forward.has(step.transition)
                  ? 'primary small'
                  : backward.has(step.transition)
                    ? 'secondary small danger'
                    : 'secondary small'
              }
              data-testid={`transition-${step.transition}`}
              disabled={busy}
              onClick={() => start(step)}
            >
              {label(step)}
            </button>
          ))}
        </span>
        {asking?.transition === 'approve' ? (
          <ChecklistDialog
            articleId={state.articleId}
            approveLabel={label(asking)}
            onApprove={() => run('approve', '')}
            onGoTo={onGoTo}
            onClose={() => setAsking(null)}
          />
        ) : asking ? (
          <NoteDialog
            title={t('workflow.noteTitle', { action: label(asking) })}
            required={asking.noteRequired}
            confirmLabel={label(asking)}
            onConfirm={(note) => run(asking.transition, note)}
            onClose={() => setAsking(null)}
          />
        ) : null}
      </div>
      {state.returnNote ? (
        <div className="banner warn guard-banner" role="status" data-testid="return-note-banner">
          <span>
            <strong>
              {t('workflow.returnedBy', {
                name: state.returnNote.by,
                time: formatTime(state.returnNote.at, i18n.language),
              })}
            </strong>
            <br />
            <span className="return-note" data-testid="return-note">
              {state.returnNote.note}
            </span>
            <br />
            <span className="muted">{t('workflow.returnedHint')}</span>
          </span>
        </div>
      ) : null}
      {state.status === 'published' && state.editRefusal === null ? (
        <div className="banner info guard-banner" role="status" data-testid="published-banner">
          <span>
            <strong>{t('workflow.publishedTitle')}</strong>
            <br />
            {t('workflow.publishedHint')}
          </span>
          {update ? (
            <span className="banner-actions">
              <button
                type="button"
                className="primary small"
                data-testid="published-update"
                disabled={busy}
                onClick={() => start(update)}
              >
                {label(update)}
              </button>
            </span>
          ) : null}
        </div>
      ) : null}
    </>
  );
});
