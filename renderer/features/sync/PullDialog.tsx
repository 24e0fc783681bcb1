import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SyncItem } from '../../../shared/domain/sync';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { Modal } from '../../lib/Modal';
import { Notice } from '../../lib/Notice';
import { useAction } from '../../lib/useAction';
import { useCall } from '../../lib/useCall';
import { FieldDiffs } from './FieldDiffs';

/**
 * «Lấy bản trên cổng» on a published article (issue 13): reads the portal now, shows per field
 * what changed there since the last sync (desk on the left, portal on the right, word by word),
 * and takes it into the article on request. A take-down is shown, never taken in.
 */
export function PullDialog({ item, onClose }: { item: SyncItem; onClose: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const ids = { articleId: item.articleId, connectionId: item.connectionId };
  const { data: changes, error: loadError } = useCall('sync.portalChanges', ids);
  const action = useAction();
  const [taken, setTaken] = useState<number | null>(null);
  const busy = action.busy !== null;
  const problem = action.error ?? loadError;

  const takeable = (changes?.fields ?? []).filter((change) => change.field !== 'status');
  const take = async (): Promise<void> => {
    const value = await action.run('take', () => callOrThrow(api, 'sync.pullFromPortal', ids));
    if (value) setTaken(value.fields.filter((change) => change.field !== 'status').length);
  };

  return (
    <Modal
      title={t('syncFields.pullTitle', { portal: item.connectionName })}
      testId="sync-pull"
      className="sync-conflict"
      onClose={busy ? undefined : onClose}
      footer={
        <>
          <button type="button" className="secondary" onClick={onClose} disabled={busy}>
            {t('syncFields.close')}
          </button>
          {taken === null && takeable.length > 0 ? (
            <button
              type="button"
              className="primary"
              data-testid="pull-take"
              disabled={busy}
              onClick={() => void take()}
            >
              {t('syncFields.pullTake')}
            </button>
          ) : null}
        </>
      }
    >
      <Notice kind="error">{problem}</Notice>
      {changes === null && problem === null ? (
        <p className="muted">{t('syncFields.loading')}</p>
      ) : null}
      {taken !== null ? (
        <p className="sync-pull-done" data-testid="pull-done" role="status">
          {t('syncFields.pullDone', { count: taken })}
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
            <p data-testid="pull-nothing">{t('syncFields.pullNothing')}</p>
          ) : (
            <>
              <p className="muted">{t('syncFields.pullExplain')}</p>
              <FieldDiffs fields={changes.fields} left="mine" right="theirs" />
            </>
          )}
        </>
      ) : null}
    </Modal>
  );
}
