import { useEffect, useState } from 'react';

import type { SyncConflict, SyncItem } from '../../../shared/domain/sync';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { Modal } from '../../lib/Modal';
import { RevisionDiff } from '../history/RevisionDiff';
import { htmlParagraphs } from './htmlParagraphs';
import type { SyncLabels } from './labels';

/**
 * Both versions of an article that was changed on the portal since the last sync, word by
 * word, and the two ways out: overwrite the portal with Newsdesk's version, or keep the portal's.
 * Nothing is overwritten until the editor chooses.
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
  const [conflict, setConflict] = useState<SyncConflict | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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

  return (
    <Modal
      title={labels.conflict.title}
      testId="sync-conflict"
      className="sync-conflict"
      onClose={busy ? undefined : onClose}
      footer={
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
            {labels.conflict.keepTheirs}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="conflict-keep-mine"
            disabled={busy || conflict === null}
            onClick={() => resolve('mine')}
          >
            {labels.conflict.keepMine}
          </button>
        </>
      }
    >
      <p className="muted">{labels.conflict.explain}</p>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {conflict === null ? null : conflict.theirs === null ? (
        <p data-testid="conflict-deleted">{labels.conflict.deleted}</p>
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
