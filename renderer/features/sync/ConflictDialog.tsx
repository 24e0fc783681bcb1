import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SyncItem } from '../../../shared/domain/sync';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { Modal } from '../../lib/Modal';
import { Notice } from '../../lib/Notice';
import { useAction } from '../../lib/useAction';
import { useCall } from '../../lib/useCall';
import { RevisionDiff } from '../history/RevisionDiff';
import { FieldDiffs } from './FieldDiffs';
import { htmlParagraphs } from './htmlParagraphs';

/**
 * An update stopped by what happened on the portal (issue 13): exactly the fields changed on both
 * sides, side by side with a word diff; or the portal's take-down; or its deletion. «Giữ bản
 * trên cổng» brings the portal's fields into the article; «Ghi đè» first says what the portal
 * loses. Nothing is overwritten until the editor confirms.
 */
export function ConflictDialog({
  item,
  onClose,
  onResolved,
}: {
  item: SyncItem;
  onClose: () => void;
  onResolved: (item: SyncItem) => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const loaded = useCall('sync.conflict', { id: item.id });
  const conflict = loaded.data;
  const action = useAction();
  const busy = action.busy !== null;
  const problem = action.error ?? loaded.error;
  const [confirming, setConfirming] = useState(false);

  const resolve = async (keep: 'mine' | 'theirs'): Promise<void> => {
    const resolved = await action.run('resolve', () =>
      callOrThrow(api, 'sync.resolveConflict', { id: item.id, keep }),
    );
    if (resolved) onResolved(resolved);
  };

  const kind = conflict?.kind ?? 'edited';
  const title =
    kind === 'status'
      ? t('syncFields.statusTitle')
      : kind === 'deleted'
        ? t('syncFields.deletedTitle')
        : conflict && conflict.fields.length > 0
          ? t('syncFields.conflictTitle')
          : t('sync.conflict.title');
  const lost = (conflict?.fields ?? []).filter((change) => change.field !== 'status');

  return (
    <Modal
      title={title}
      testId="sync-conflict"
      className="sync-conflict"
      onClose={busy ? undefined : onClose}
      footer={
        confirming ? (
          <>
            <button
              type="button"
              className="secondary"
              onClick={() => setConfirming(false)}
              disabled={busy}
            >
              {t('syncFields.back')}
            </button>
            <button
              type="button"
              className="primary danger"
              data-testid="conflict-confirm-mine"
              disabled={busy}
              onClick={() => void resolve('mine')}
            >
              {kind === 'status'
                ? t('syncFields.confirmRepublishButton')
                : t('syncFields.confirmMine')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="secondary" onClick={onClose} disabled={busy}>
              {t('sync.conflict.close')}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="conflict-keep-theirs"
              disabled={busy || conflict === null}
              onClick={() => void resolve('theirs')}
            >
              {kind === 'status' ? t('syncFields.keepTheirsStatus') : t('syncFields.keepTheirs')}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="conflict-keep-mine"
              disabled={busy || conflict === null}
              onClick={() => (kind === 'deleted' ? void resolve('mine') : setConfirming(true))}
            >
              {kind === 'status' ? t('syncFields.republish') : t('sync.conflict.keepMine')}
            </button>
          </>
        )
      }
    >
      {conflict ? (
        <p className="sync-conflict-message" data-testid="conflict-message">
          {conflict.message}
        </p>
      ) : null}
      <Notice kind="error">{problem}</Notice>
      {confirming && conflict ? (
        <div className="sync-confirm" data-testid="conflict-lost">
          <h3>{t('syncFields.confirmTitle')}</h3>
          {kind === 'status' ? <p>{t('syncFields.confirmRepublish')}</p> : null}
          {lost.length > 0 ? (
            <>
              <p>{t('syncFields.confirmLost')}</p>
              <ul>
                {lost.map((change) => (
                  <li key={change.field}>
                    <strong>{t(`syncFields.fields.${change.field}`)}:</strong>{' '}
                    {change.field === 'body'
                      ? htmlParagraphs(change.theirs).slice(0, 2).join(' … ')
                      : change.theirs || t('syncFields.empty')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : conflict === null ? null : conflict.theirs === null ? (
        <p data-testid="conflict-deleted">{t('sync.conflict.deleted')}</p>
      ) : conflict.fields.length > 0 ? (
        <>
          {kind === 'edited' ? <p className="muted">{t('syncFields.conflictExplain')}</p> : null}
          <FieldDiffs fields={conflict.fields} left="theirs" right="mine" />
        </>
      ) : (
        <RevisionDiff
          mode="side-by-side"
          before={{
            label: t('sync.conflict.theirs'),
            paragraphs: [conflict.theirs.title, ...htmlParagraphs(conflict.theirs.html)],
          }}
          after={{
            label: t('sync.conflict.mine'),
            paragraphs: [conflict.mine.title, ...htmlParagraphs(conflict.mine.html)],
          }}
        />
      )}
    </Modal>
  );
}
