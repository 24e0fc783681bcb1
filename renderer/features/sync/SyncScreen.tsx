import { useCallback, useEffect, useState } from 'react';

import type { SyncItem, SyncLogEntry } from '../../../shared/domain/sync';
import { openSyncStates } from '../../../shared/domain/sync';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { ConflictDialog } from './ConflictDialog';
import { useFieldSyncLabels } from './fieldLabels';
import { PullDialog } from './PullDialog';
import { shortTime, useSyncLabels } from './labels';
import type { SyncLabels } from './labels';
import './sync.css';

/** The outbox's items, kept current by `sync.item` events (reloaded, throttled). */
function useOutbox(openOnly: boolean) {
  const api = useApi();
  const [items, setItems] = useState<SyncItem[]>([]);
  const [log, setLog] = useState<SyncLogEntry[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([
      callOrThrow(
        api,
        'sync.list',
        openOnly ? { states: [...openSyncStates], limit: 500 } : { limit: 500 },
      ),
      callOrThrow(api, 'sync.log', { limit: 200 }),
    ])
      .then(([list, entries]) => {
        if (!live) return;
        setItems(list);
        setLog(entries);
        setProblem(null);
      })
      .catch(
        (error: unknown) =>
          live && setProblem(error instanceof Error ? error.message : String(error)),
      );
    return () => {
      live = false;
    };
  }, [api, openOnly, generation]);

  useEffect(() => {
    let timer: number | undefined;
    const off = api.on('sync.item', (payload) => {
      // Progress of a known item updates in place; anything else reloads (at most 4×/s).
      setItems((current) =>
        current.map((item) =>
          item.id === payload.id
            ? {
                ...item,
                state: payload.state,
                progress: { done: payload.done, total: payload.total },
                lastError:
                  payload.message === null
                    ? null
                    : { code: item.lastError?.code ?? 'internal', message: payload.message },
              }
            : item,
        ),
      );
      if (timer === undefined) {
        timer = window.setTimeout(() => {
          timer = undefined;
          reload();
        }, 250);
      }
    });
    return () => {
      off();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [api, reload]);

  return { items, log, problem, reload };
}

function Progress({ item, labels }: { item: SyncItem; labels: SyncLabels }) {
  const { done, total } = item.progress;
  const share = total === 0 ? 0 : Math.min(1, done / total);
  return (
    <div className="sync-progress" title={`${done}/${total}`}>
      <progress
        max={Math.max(1, total)}
        value={done}
        aria-label={`${labels.progress} ${done}/${total}`}
        data-testid="sync-progress"
        data-share={share.toFixed(2)}
      />
      <span className="muted">
        {done}/{total}
      </span>
    </div>
  );
}

function ItemRow({
  item,
  labels,
  onChanged,
  onConflict,
  onPull,
}: {
  item: SyncItem;
  labels: SyncLabels;
  onChanged: () => void;
  onConflict: (item: SyncItem) => void;
  onPull: (item: SyncItem) => void;
}) {
  const api = useApi();
  const fieldText = useFieldSyncLabels();
  const [problem, setProblem] = useState<string | null>(null);
  const act = (name: 'sync.retry' | 'sync.cancel'): void => {
    setProblem(null);
    callOrThrow(api, name, { id: item.id })
      .then(onChanged)
      .catch((error: unknown) =>
        setProblem(error instanceof Error ? error.message : String(error)),
      );
  };
  const canRetry = item.state === 'failed' || item.state === 'cancelled' || item.state === 'queued';
  const canCancel =
    item.state === 'queued' ||
    item.state === 'uploading_media' ||
    item.state === 'uploading_article' ||
    item.state === 'failed';
  const details = [
    labels.attempts(item.attempts),
    item.state === 'queued' && item.nextAttemptAt !== null
      ? labels.nextAttempt(shortTime(item.nextAttemptAt))
      : '',
  ].filter((part) => part !== '');
  return (
    <tr className={`sync-row state-${item.state}`} data-testid="sync-item" data-state={item.state}>
      <td>
        <strong>{item.articleTitle || '—'}</strong>
        <div className="muted">
          {labels.actions[item.action]} · {item.connectionName}
        </div>
      </td>
      <td>
        <span className={`sync-state state-${item.state}`}>{labels.states[item.state]}</span>
        {details.length > 0 ? <div className="muted">{details.join(' · ')}</div> : null}
      </td>
      <td>
        <Progress item={item} labels={labels} />
      </td>
      <td className="sync-error">
        {item.lastError && item.state !== 'done' ? (
          <span data-testid="sync-error">{item.lastError.message}</span>
        ) : null}
        {problem ? <span className="field-error">{problem}</span> : null}
      </td>
      <td className="sync-actions">
        {item.state === 'conflict' ? (
          <button
            type="button"
            className="primary"
            data-testid="sync-resolve"
            onClick={() => onConflict(item)}
          >
            {labels.resolve}
          </button>
        ) : null}
        {canRetry ? (
          <button type="button" data-testid="sync-retry" onClick={() => act('sync.retry')}>
            {labels.retry}
          </button>
        ) : null}
        {canCancel ? (
          <button type="button" data-testid="sync-cancel" onClick={() => act('sync.cancel')}>
            {labels.cancel}
          </button>
        ) : null}
        {item.remoteUrl && item.state === 'done' && item.action === 'publish' ? (
          <button type="button" data-testid="sync-pull" onClick={() => onPull(item)}>
            {fieldText.pull}
          </button>
        ) : null}
        {item.remoteUrl && item.state === 'done' ? (
          <a href={item.remoteUrl} target="_blank" rel="noreferrer noopener">
            {labels.openRemote}
          </a>
        ) : null}
      </td>
    </tr>
  );
}

/**
 * The sync screen: the outbox with per-item state, progress and plain-Vietnamese errors, retry
 * and cancel, conflicts to settle, and the log.
 */
export function SyncScreen() {
  const labels = useSyncLabels();
  const [openOnly, setOpenOnly] = useState(false);
  const { items, log, problem, reload } = useOutbox(openOnly);
  const [conflict, setConflict] = useState<SyncItem | null>(null);
  const [pull, setPull] = useState<SyncItem | null>(null);

  return (
    <main className="sync-screen" data-testid="sync-screen">
      <header className="sync-header">
        <h1>{labels.title}</h1>
      </header>
      <p className="muted">{labels.intro}</p>
      <div className="sync-toolbar">
        <label className="check">
          <input
            type="checkbox"
            data-testid="sync-open-only"
            checked={openOnly}
            onChange={(event) => setOpenOnly(event.target.checked)}
          />
          {labels.filterOpen}
        </label>
        <button type="button" data-testid="sync-refresh" onClick={reload}>
          {labels.refresh}
        </button>
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="sync-empty" data-testid="sync-empty">
          {labels.empty}
        </p>
      ) : (
        <table className="sync-table">
          <thead>
            <tr>
              <th scope="col">{labels.article}</th>
              <th scope="col">{labels.state}</th>
              <th scope="col">{labels.progress}</th>
              <th scope="col" aria-label="lỗi" />
              <th scope="col" aria-label="thao tác" />
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <ItemRow
                key={item.id}
                item={item}
                labels={labels}
                onChanged={reload}
                onConflict={setConflict}
                onPull={setPull}
              />
            ))}
          </tbody>
        </table>
      )}
      <section className="sync-log" aria-label={labels.log}>
        <h2>{labels.log}</h2>
        {log.length === 0 ? (
          <p className="muted">{labels.logEmpty}</p>
        ) : (
          <ol data-testid="sync-log">
            {log.map((entry) => (
              <li key={entry.id} className={`log-${entry.level}`}>
                <time>{shortTime(entry.at)}</time> {entry.message}
              </li>
            ))}
          </ol>
        )}
      </section>
      {conflict ? (
        <ConflictDialog
          item={conflict}
          labels={labels}
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
