import { useEffect, useState } from 'react';

import type { PortalChanges } from '../../../shared/domain/portalFields';
import type { SyncItem } from '../../../shared/domain/sync';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { Modal } from '../../lib/Modal';
import { FieldDiffs } from './FieldDiffs';
import { useFieldSyncLabels } from './fieldLabels';

/**
 * «Lấy bản trên cổng» on a published article (issue 13): reads the portal now, shows per field
 * what changed there since the last sync (desk on the left, portal on the right, word by word),
 * and takes it into the article on request. A take-down is shown, never taken in.
 */
export function PullDialog({ item, onClose }: { item: SyncItem; onClose: () => void }) {
  const api = useApi();
  const text = useFieldSyncLabels();
  const [changes, setChanges] = useState<PortalChanges | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState<number | null>(null);
  const ids = { articleId: item.articleId, connectionId: item.connectionId };

  useEffect(() => {
    let live = true;
    callOrThrow(api, 'sync.portalChanges', {
      articleId: item.articleId,
      connectionId: item.connectionId,
    })
      .then((value) => live && setChanges(value))
      .catch(
        (error: unknown) =>
          live && setProblem(error instanceof Error ? error.message : String(error)),
      );
    return () => {
      live = false;
    };
  }, [api, item.articleId, item.connectionId]);

  const takeable = (changes?.fields ?? []).filter((change) => change.field !== 'status');
  const take = (): void => {
    setBusy(true);
    callOrThrow(api, 'sync.pullFromPortal', ids)
      .then((value) => {
        setTaken(value.fields.filter((change) => change.field !== 'status').length);
      })
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))
      .finally(() => setBusy(false));
  };

  return (
    <Modal
      title={text.pullTitle(item.connectionName)}
      testId="sync-pull"
      className="sync-conflict"
      onClose={busy ? undefined : onClose}
      footer={
        <>
          <button type="button" onClick={onClose} disabled={busy}>
            {text.close}
          </button>
          {taken === null && takeable.length > 0 ? (
            <button
              type="button"
              className="primary"
              data-testid="pull-take"
              disabled={busy}
              onClick={take}
            >
              {text.pullTake}
            </button>
          ) : null}
        </>
      }
    >
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {changes === null && problem === null ? <p className="muted">{text.loading}</p> : null}
      {taken !== null ? (
        <p className="sync-pull-done" data-testid="pull-done" role="status">
          {text.pullDone(taken)}
        </p>
      ) : null}
      {changes ? (
        <>
          {changes.statusMessage ? (
            <p className="sync-conflict-message" data-testid="pull-status">
              {changes.statusMessage}
            </p>
          ) : null}
          {changes.fields.length === 0 ? (
            <p data-testid="pull-nothing">{text.pullNothing}</p>
          ) : (
            <>
              <p className="muted">{text.pullExplain}</p>
              <FieldDiffs fields={changes.fields} labels={text} left="mine" right="theirs" />
            </>
          )}
        </>
      ) : null}
    </Modal>
  );
}
