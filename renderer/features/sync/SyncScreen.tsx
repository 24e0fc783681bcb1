import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SyncItem, SyncLogEntry } from '../../../shared/domain/sync';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { Notice } from '../../lib/Notice';
import { useAction } from '../../lib/useAction';
import { ConflictDialog } from './ConflictDialog';
import { PullDialog } from './PullDialog';
import { shortTime } from './shortTime';
import { useOutbox } from './useOutbox';
import './sync.css';

function Progress({ item }: { item: SyncItem }) {
  const { t } = useTranslation();
  const { done, total } = item.progress;
  const share = total === 0 ? 0 : Math.min(1, done / total);
  return (
    <div className="sync-progress" title={`${done}/${total}`}>
      <progress
        max={Math.max(1, total)}
        value={done}
        aria-label={`${t('sync.progress')} ${done}/${total}`}
        data-testid="sync-progress"
        data-share={share.toFixed(2)}
      />
      <span className="muted">
        {done}/{total}
      </span>
    </div>
  );
}

/** What the row does: publish, update a post already on the portal, or take it down. */
function actionKey(item: SyncItem): 'publish' | 'update' | 'takedown' {
  if (item.action === 'takedown') return 'takedown';
  return item.updatesPublished ? 'update' : 'publish';
}

function ItemRow({
  item,
  onChanged,
  onConflict,
  onPull,
}: {
  item: SyncItem;
  onChanged: () => void;
  onConflict: (item: SyncItem) => void;
  onPull: (item: SyncItem) => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const action = useAction();
  const act = async (name: 'sync.retry' | 'sync.cancel'): Promise<void> => {
    if ((await action.run(name, () => callOrThrow(api, name, { id: item.id }))) !== null)
      onChanged();
  };
  const canRetry = item.state === 'failed' || item.state === 'cancelled' || item.state === 'queued';
  const canCancel =
    item.state === 'queued' ||
    item.state === 'uploading_media' ||
    item.state === 'uploading_article' ||
    item.state === 'failed';
  const details = [
    item.attempts === 0 ? '' : t('sync.attempts', { count: item.attempts }),
    item.state === 'queued' && item.nextAttemptAt !== null
      ? t('sync.nextAttempt', { time: shortTime(item.nextAttemptAt) })
      : '',
  ].filter((part) => part !== '');
  const kind = actionKey(item);
  return (
    <tr className={`sync-row state-${item.state}`} data-testid="sync-item" data-state={item.state}>
      <td>
        <strong>{item.articleTitle || '—'}</strong>
        <div className="muted">
          <span data-testid="sync-action" data-action={kind}>
            {t(`sync.action.${kind}`)}
          </span>{' '}
          · {item.connectionName}
        </div>
      </td>
      <td>
        <span className={`sync-state state-${item.state}`}>{t(`sync.states.${item.state}`)}</span>
        {details.length > 0 ? <div className="muted">{details.join(' · ')}</div> : null}
      </td>
      <td>
        <Progress item={item} />
      </td>
      <td className="sync-error">
        {item.lastError && item.state !== 'done' ? (
          <span data-testid="sync-error">{item.lastError.message}</span>
        ) : null}
        <Notice kind="error">{action.error}</Notice>
      </td>
      <td className="sync-actions">
        {item.state === 'conflict' ? (
          <button
            type="button"
            className="primary small"
            data-testid="sync-resolve"
            onClick={() => onConflict(item)}
          >
            {t('sync.resolve')}
          </button>
        ) : null}
        {canRetry ? (
          <button
            type="button"
            className="secondary small"
            data-testid="sync-retry"
            disabled={action.busy !== null}
            onClick={() => void act('sync.retry')}
          >
            {t('sync.retry')}
          </button>
        ) : null}
        {canCancel ? (
          <button
            type="button"
            className="secondary small"
            data-testid="sync-cancel"
            disabled={action.busy !== null}
            onClick={() => void act('sync.cancel')}
          >
            {t('sync.cancel')}
          </button>
        ) : null}
        {item.remoteUrl && item.state === 'done' && item.action === 'publish' ? (
          <button
            type="button"
            className="secondary small"
            data-testid="sync-pull"
            onClick={() => onPull(item)}
          >
            {t('syncFields.pull')}
          </button>
        ) : null}
        {item.remoteUrl && item.state === 'done' ? (
          <a href={item.remoteUrl} target="_blank" rel="noreferrer noopener">
            {t('sync.openRemote')}
          </a>
        ) : null}
      </td>
    </tr>
  );
}

/** One log line in the UI's language: coded lines are translated, older ones read as stored. */
function LogLine({ entry }: { entry: SyncLogEntry }) {
  const { t } = useTranslation();
  return (
    <li className={`log-${entry.level}`} data-code={entry.code ?? ''}>
      <time>{shortTime(entry.at)}</time>{' '}
      {entry.code === null ? entry.message : t(`syncLog.${entry.code}`, entry.params)}
    </li>
  );
}

/**
 * The sync screen: the outbox with per-item state, progress and plain-language errors, retry
 * and cancel, conflicts to settle, and the log.
 */
export function SyncScreen() {
  const { t } = useTranslation();
  const [openOnly, setOpenOnly] = useState(false);
  const { items, log, problem, reload } = useOutbox(openOnly);
  const [conflict, setConflict] = useState<SyncItem | null>(null);
  const [pull, setPull] = useState<SyncItem | null>(null);

  return (
    <main className="sync-screen" data-testid="sync-screen">
      <header className="sync-header">
        <h1>{t('sync.title')}</h1>
      </header>
      <p className="muted">{t('sync.intro')}</p>
      <div className="sync-toolbar">
        <label className="check">
          <input
            type="checkbox"
            data-testid="sync-open-only"
            checked={openOnly}
            onChange={(event) => setOpenOnly(event.target.checked)}
          />
          {t('sync.filterOpen')}
        </label>
        <button type="button" className="secondary" data-testid="sync-refresh" onClick={reload}>
          {t('sync.refresh')}
        </button>
      </div>
      <Notice kind="error">{problem}</Notice>
      {items.length === 0 ? (
        <p className="sync-empty" data-testid="sync-empty">
          {t('sync.empty')}
        </p>
      ) : (
        <div className="settings-card sync-card">
          <table className="sync-table">
            <thead>
              <tr>
                <th scope="col">{t('sync.article')}</th>
                <th scope="col">{t('sync.state')}</th>
                <th scope="col">{t('sync.progress')}</th>
                <th scope="col" aria-label={t('sync.problem')} />
                <th scope="col" aria-label={t('sync.actionsColumn')} />
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <ItemRow
                  key={item.id}
                  item={item}
                  onChanged={reload}
                  onConflict={setConflict}
                  onPull={setPull}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="settings-card sync-log" aria-label={t('sync.log')}>
        <h2>{t('sync.log')}</h2>
        {log.length === 0 ? (
          <p className="muted">{t('sync.logEmpty')}</p>
        ) : (
          <ol data-testid="sync-log">
            {log.map((entry) => (
              <LogLine key={entry.id} entry={entry} />
            ))}
          </ol>
        )}
      </section>
      {conflict ? (
        <ConflictDialog
          item={conflict}
          onClose={() => setConflict(null)}
          onResolved={() => {
            setConflict(null);
            reload();
          }}
        />
      ) : null}
      {pull ? (
        <PullDialog
          item={pull}
          onClose={() => {
            setPull(null);
            reload();
          }}
        />
      ) : null}
    </main>
  );
}
