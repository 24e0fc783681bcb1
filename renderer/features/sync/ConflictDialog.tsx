import { useEffect, useState } from 'react';

import type { SyncConflict, SyncItem } from '../../../shared/domain/sync';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { Modal } from '../../lib/Modal';
import { RevisionDiff } from '../history/RevisionDiff';
import { FieldDiffs } from './FieldDiffs';
import { useFieldSyncLabels } from './fieldLabels';
import { htmlParagraphs } from './htmlParagraphs';
import type { SyncLabels } from './labels';

/**
 * An update stopped by what happened on the portal (issue 13): exactly the fields changed on both
 * sides, side by side with a word diff; or the portal's take-down; or its deletion. «Giữ bản
 * trên cổng» brings the portal's fields into the article; «Ghi đè» first says what the portal
 * loses. Nothing is overwritten until the editor confirms.
 */
export function ConflictDialog({
  item,
  labels,
  onClose,
  onResolved,
}: {
  item: SyncItem;
  labels: SyncLabels;
  onClose: () => void;
  onResolved: (item: SyncItem) => void;
}) {
  const api = useApi();
  const text = useFieldSyncLabels();
  const [conflict, setConflict] = useState<SyncConflict | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    let live = true;
    callOrThrow(api, 'sync.conflict', { id: item.id })
      .then((value) => live && setConflict(value))
      .catch((error: unknown) => live && setProblem(String(error)));
    return () => {
      live = false;
    };
  }, [api, item.id]);

  const resolve = (keep: 'mine' | 'theirs'): void => {
    setBusy(true);
    callOrThrow(api, 'sync.resolveConflict', { id: item.id, keep })
      .then(onResolved)
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))
      .finally(() => setBusy(false));
  };

  const kind = conflict?.kind ?? 'edited';
  const title =
    kind === 'status'
      ? text.statusTitle
      : kind === 'deleted'
        ? text.deletedTitle
        : conflict && conflict.fields.length > 0
          ? text.conflictTitle
          : labels.conflict.title;
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
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              {text.back}
            </button>
            <button
              type="button"
              className="primary danger"
              data-testid="conflict-confirm-mine"
              disabled={busy}
              onClick={() => resolve('mine')}
            >
              {kind === 'status' ? text.confirmRepublishButton : text.confirmMine}
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={onClose} disabled={busy}>
              {labels.conflict.close}
            </button>
            <button
              type="button"
              data-testid="conflict-keep-theirs"
              disabled={busy || conflict === null}
              onClick={() => resolve('theirs')}
            >
              {kind === 'status' ? text.keepTheirsStatus : text.keepTheirs}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="conflict-keep-mine"
              disabled={busy || conflict === null}
              onClick={() => (kind === 'deleted' ? resolve('mine') : setConfirming(true))}
            >
              {kind === 'status' ? text.republish : labels.conflict.keepMine}
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
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {confirming && conflict ? (
        <div className="sync-confirm" data-testid="conflict-lost">
          <h3>{text.confirmTitle}</h3>
          {kind === 'status' ? <p>{text.confirmRepublish}</p> : null}
          {lost.length > 0 ? (
            <>
              <p>{text.confirmLost}</p>
              <ul>
                {lost.map((change) => (
                  <li key={change.field}>
                    <strong>{text.fields[change.field]}:</strong>{' '}
                    {change.field === 'body'
                      ? htmlParagraphs(change.theirs).slice(0, 2).join(' … ')
                      : change.theirs || text.empty}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : conflict === null ? null : conflict.theirs === null ? (
        <p data-testid="conflict-deleted">{labels.conflict.deleted}</p>
      ) : conflict.fields.length > 0 ? (
        <>
          {kind === 'edited' ? <p className="muted">{text.conflictExplain}</p> : null}
          <FieldDiffs fields={conflict.fields} labels={text} left="theirs" right="mine" />
        </>
      ) : (
        <RevisionDiff
          mode="side-by-side"
          before={{
            label: labels.conflict.theirs,
            paragraphs: [conflict.theirs.title, ...htmlParagraphs(conflict.theirs.html)],
          }}
          after={{
            label: labels.conflict.mine,
            paragraphs: [conflict.mine.title, ...htmlParagraphs(conflict.mine.html)],
          }}
        />
      )}
    </Modal>
  );
}
