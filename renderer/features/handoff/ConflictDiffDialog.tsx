import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ConflictDiff } from '../../../shared/workflow/handoff';
import type { DiffSegment } from '../../../shared/revisions/diffText';
import { useCall } from '../../lib/useCall';
import { Modal } from '../../lib/Modal';
import { DiffModeToggle } from '../history/DiffModeToggle';
import type { RevisionDiffMode } from '../history/RevisionDiff';
import { RevisionDiff } from '../history/RevisionDiff';

function paragraphs(rows: ConflictDiff['rows'], side: 'before' | 'after'): string[] {
  return rows.flatMap((row) => {
    const segments: DiffSegment[] | null = row[side];
    return segments ? [segments.map((segment) => segment.text).join('')] : [];
  });
}

/**
 * A conflict copy next to the article it conflicts with: the text on this workstation on the
 * left, the copy that came in the bundle on the right, word by word.
 */
export function ConflictDiffDialog({
  copyId,
  onOpen,
  onClose,
}: {
  copyId: string;
  onOpen?: (articleId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const loaded = useCall('bundles.conflictDiff', { articleId: copyId });
  const diff = loaded.data;
  const error = loaded.error;
  const [mode, setMode] = useState<RevisionDiffMode>('side-by-side');

  const changed = diff ? diff.rows.some((row) => row.changed) || diff.titleChanged : false;
  return (
    <Modal
      title={t('handoff.conflictTitle')}
      testId="conflict-diff"
      className="conflict-dialog"
      onClose={onClose}
      footer={
        <>
          <DiffModeToggle mode={mode} onChange={setMode} />
          <span className="spacer" />
          {diff && onOpen ? (
            <>
              <button type="button" className="secondary" onClick={() => onOpen(diff.original.id)}>
                {t('workflow.openOriginal')}
              </button>
              <button
                type="button"
                className="secondary"
                data-testid="conflict-open-copy"
                onClick={() => onOpen(diff.copy.id)}
              >
                {t('handoff.open')}
              </button>
            </>
          ) : null}
          <button type="button" className="primary" onClick={onClose}>
            {t('handoff.close')}
          </button>
        </>
      }
    >
      {error ? <p className="banner error">{error}</p> : null}
      {diff ? (
        <div className="conflict-body">
          {diff.titleChanged ? (
            <p className="conflict-titles">
              <del className="diff-removed">{diff.original.title}</del>
              {' → '}
              <ins className="diff-added">{diff.copy.title}</ins>
            </p>
          ) : null}
          {changed ? null : <p className="muted">{t('handoff.noDifference')}</p>}
          <RevisionDiff
            mode={mode}
            before={{ label: t('handoff.original'), paragraphs: paragraphs(diff.rows, 'before') }}
            after={{
              label: t('handoff.copy', { workstation: diff.workstationName }),
              paragraphs: paragraphs(diff.rows, 'after'),
            }}
          />
        </div>
      ) : null}
    </Modal>
  );
}
