import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import type {
  SyncAction,
  SyncConflict,
  SyncItem,
  SyncLogEntry,
  SyncState,
  SyncStatus,
} from '../../../shared/domain/sync';
import { openSyncStates } from '../../../shared/domain/sync';
import { AppError } from '../../../shared/errors/appError';
import { logEntryOf, syncLogWriter } from './logLines';
import {
  countByState,
  findOpenItem,
  getItem,
  insertItem,
  listItems,
  listLog,
  nextScheduledRetry,
  requeueFailed,
  updateItem,
} from '../db/queries/sync';
import type { EventBus } from '../events/eventBus';
import type { Logger } from '../logging/logger';
import type { AdapterFactory } from '../portal/registry';
import { createPortalAdapter } from '../portal/registry';
import type { RequestMeter } from '../portal/requestMeter';
import type { SecretBox } from '../portal/secretBox';
import { fieldListVi, readConflict } from './conflicts';
import { createConflictResolver } from './resolveConflict';
import { createPortalConnections } from './connections';
import { SyncFailure } from './failure';
import { toSyncItem } from './items';
import { clearStaleRenders } from './photos';
import type { ArticleSnapshot } from './payload';
import type { Requester } from './portalVersion';
import { createPortalVersion } from './portalVersion';
import type { TakeIn } from './takeIn';
import { createSyncWorker } from './worker';

/** Tuning of the outbox; the defaults suit an office line. Tests shorten the waits. */
export interface SyncOptions {
  itemConcurrency?: number;
  uploadConcurrency?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
  requestTimeoutMs?: number;
  meter?: RequestMeter;
  adapterFactory?: AdapterFactory;
  /** False: the worker waits for `start()`. */
  autoStart?: boolean;
}

const notFound = (): AppError =>
  new AppError(
    'not_found',
    'Không tìm thấy mục này trong hàng đợi gửi bài. Hãy tải lại danh sách.',
  );

/**
 * The sync outbox as the rest of the core sees it: portal connections, enqueue (what the
 * workflow calls on approval), the list, retry, cancel, conflicts, the log and the status
 * indicator; and the background worker that does the sending.
 */
export function createSyncService(deps: {
  db: Database;
  now: () => number;
  logger: Logger;
  events: EventBus;
  secretBox: SecretBox;
  mediaDir: string;
  cacheDir: string;
  /** Freezes an article as approved; throws not_found for an unknown id. */
  loadSnapshot: (articleId: string) => ArticleSnapshot;
  /** Takes portal fields into the desk's article (three-way sync); absent: refused loudly. */
  takeIn?: TakeIn;
  options?: SyncOptions;
}) {
  const { db, now, logger, events } = deps;
  const options = deps.options ?? {};
  let online: boolean | null = null;
  /** Until `start()`, items only queue up (tests and the benchmark prepare a queue first). */
  let started = false;
  const wake = (): void => {
    if (started) worker.wake();
  };

  const itemOf = (id: string): SyncItem => {
    const row = getItem(db, id);
    if (!row) throw notFound();
    return toSyncItem(row);
  };

  const status = (): SyncStatus => {
    const counts = countByState(db);
    const count = (state: SyncState): number => counts.get(state) ?? 0;
    return {
      online,
      waiting: openSyncStates.reduce((sum, state) => sum + count(state), 0),
      running: worker.running,
      failed: count('failed'),
      conflicts: count('conflict'),
      nextAttemptAt: nextScheduledRetry(db, now()),
    };
  };

  const changed = (itemId: string): void => {
    const row = getItem(db, itemId);
    if (row) {
      events.emit('sync.item', {
        id: row.id,
        articleId: row.article_id,
        connectionId: row.connection_id,
        state: row.state as SyncState,
        done: row.progress_done,
        total: row.progress_total,
        message: row.last_error_message,
      });
    }
    events.emit('sync.status', status());
  };

  const connections = createPortalConnections({
    db,
    now,
    logger: logger.child('portals'),
    secretBox: deps.secretBox,
    adapterFactory: options.adapterFactory ?? createPortalAdapter,
    adapterOptions: {
      ...(options.requestTimeoutMs !== undefined ? { timeoutMs: options.requestTimeoutMs } : {}),
      meter: options.meter,
    },
    onSecretEntered: (connectionId) => {
      for (const id of requeueFailed(db, connectionId, ['secret_missing', 'auth'], now())) {
        changed(id);
      }
      wake();
    },
  });

  const worker = createSyncWorker({
    db,
    now,
    logger: logger.child('sync'),
    connections,
    cache: { dir: deps.cacheDir, mediaDir: deps.mediaDir },
    options: {
      itemConcurrency: options.itemConcurrency ?? 3,
      uploadConcurrency: options.uploadConcurrency ?? 3,
      backoff: {
        baseMs: options.backoffBaseMs ?? 5_000,
        maxMs: options.backoffMaxMs ?? 10 * 60_000,
        random: options.random ?? Math.random,
      },
    },
    changed,
    takeIn: (request) => {
      if (!deps.takeIn) {
        throw new SyncFailure(
          'portal_unreadable',
          'Máy này không nhận được bản từ cổng. Bài trên cổng được giữ nguyên.',
        );
      }
      return deps.takeIn({
        articleId: request.item.article_id,
        connectionId: request.item.connection_id,
        connectionName: connections.get(request.item.connection_id).name,
        snapshot: request.snapshot,
        theirs: request.theirs,
        fields: request.fields,
        categories: request.categories,
        user: null,
        note: `Nhận từ cổng «${connections.get(request.item.connection_id).name}» những mục chỉ sửa trên cổng: ${fieldListVi(request.fields)}.`,
      });
    },
    reachability: (value) => {
      if (online === value) return;
      online = value;
      events.emit('sync.status', status());
    },
  });

  const portalVersion = createPortalVersion({
    db,
    now,
    connections,
    loadSnapshot: deps.loadSnapshot,
    takeIn: deps.takeIn,
  });

  const log = syncLogWriter(db, now);

  const requeue = (id: string, extra: { force_overwrite?: number } = {}): void => {
    updateItem(db, id, {
      state: 'queued',
      attempts: 0,
      next_attempt_at: null,
      last_error_code: null,
      last_error_message: null,
      finished_at: null,
      updated_at: now(),
      ...extra,
    });
  };

  const resolver = createConflictResolver({
    db,
    now,
    portalVersion,
    conflict: (id) => service.conflict(id),
    requeue,
    log,
    wake,
    changed,
    itemOf,
  });

  const service = {
    connections,

    /**
     * Puts an article in the outbox for one portal. The workflow calls this on approval (and
     * with `takedown` when an article is taken down). An open item for the same article and
     * portal is reused: same action → it sends the new version; other action → it is cancelled.
     */
    async enqueue(
      articleId: string,
      connectionId: string,
      action: SyncAction = 'publish',
    ): Promise<SyncItem> {
      connections.get(connectionId);
      const snapshot = deps.loadSnapshot(articleId);
      const snapshotJson = JSON.stringify(action === 'publish' ? snapshot : { articleId });
      const stamp = now();
      const open = findOpenItem(db, articleId, connectionId);
      if (open && open.action === action) {
        updateItem(db, open.id, {
          snapshot_json: snapshotJson,
          article_title: snapshot.title,
          revision: open.revision + 1,
          updated_at: stamp,
        });
        if (open.state === 'failed' || open.state === 'queued') requeue(open.id);
        const row = getItem(db, open.id);
        if (row) log(row, 'info', { code: 'requeued' });
        changed(open.id);
        wake();
        return itemOf(open.id);
      }
      if (open) await service.cancel(open.id);
      const id = randomUUID();
      insertItem(db, {
        id,
        article_id: articleId,
        connection_id: connectionId,
        action,
        state: 'queued',
        article_title: snapshot.title,
        snapshot_json: snapshotJson,
        revision: 1,
        attempts: 0,
        next_attempt_at: null,
        last_error_code: null,
        last_error_message: null,
        progress_done: 0,
        progress_total: 0,
        conflict_json: null,
        force_overwrite: 0,
        created_at: stamp,
        updated_at: stamp,
        finished_at: null,
      });
      const row = getItem(db, id);
      if (row) log(row, 'info', { code: action === 'publish' ? 'queued' : 'takedownQueued' });
      changed(id);
      wake();
      return itemOf(id);
    },

    list(filter: { states?: SyncState[]; articleId?: string; limit?: number } = {}): SyncItem[] {
      return listItems(db, {
        ...(filter.states ? { states: filter.states } : {}),
        ...(filter.articleId ? { articleId: filter.articleId } : {}),
        limit: filter.limit ?? 200,
      }).map(toSyncItem);
    },

    get: itemOf,

    retry(id: string): SyncItem {
      const row = getItem(db, id);
      if (!row) throw notFound();
      if (row.state === 'done') {
        throw new AppError('conflict', 'Bài này đã gửi xong. Muốn gửi lại, hãy duyệt lại bài.');
      }
      if (row.state === 'uploading_media' || row.state === 'uploading_article') return itemOf(id);
      if (row.state === 'cancelled' && findOpenItem(db, row.article_id, row.connection_id)) {
        throw new AppError('conflict', 'Bài này đã có một mục khác đang chờ gửi lên cổng này.');
      }
      requeue(id);
      log(row, 'info', { code: 'retryRequested' });
      changed(id);
      wake();
      return itemOf(id);
    },

    async cancel(id: string): Promise<SyncItem> {
      const row = getItem(db, id);
      if (!row) throw notFound();
      if (row.state === 'done') {
        throw new AppError('conflict', 'Bài này đã gửi xong nên không huỷ được.');
      }
      if (row.state !== 'cancelled') {
        updateItem(db, id, {
          state: 'cancelled',
          next_attempt_at: null,
          finished_at: now(),
          updated_at: now(),
        });
        log(row, 'info', { code: 'cancelled' });
        await worker.stop(id);
        changed(id);
      }
      return itemOf(id);
    },

    log(filter: { itemId?: string; limit?: number } = {}): SyncLogEntry[] {
      return listLog(db, {
        ...(filter.itemId ? { itemId: filter.itemId } : {}),
        limit: filter.limit ?? 200,
      }).map(logEntryOf);
    },

    status,

    conflict(id: string): SyncConflict {
      const row = getItem(db, id);
      if (!row) throw notFound();
      if (row.state !== 'conflict' || row.conflict_json === null) {
        throw new AppError('not_found', 'Mục này không có xung đột cần giải quyết.');
      }
      return readConflict(row.conflict_json);
    },

    /**
     * Settles a conflict. `mine` overwrites the portal once (and says in the log what is lost
     * there; for a take-down it republishes). `theirs`: for edited fields the portal's version
     * becomes the desk's (a revision «từ cổng») and the item goes on with the desk's other
     * changes; for a take-down nothing is sent and later updates keep stopping.
     */
    resolveConflict: (id: string, keep: 'mine' | 'theirs', user: Requester = null) =>
      resolver(id, keep, user),

    /** «Lấy bản trên cổng»: what changed on the portal since the last sync. */
    portalChanges: (articleId: string, connectionId: string) =>
      portalVersion.portalChanges(articleId, connectionId),

    /** Takes the portal's changes into the desk's article. */
    pullFromPortal: (articleId: string, connectionId: string, user: Requester) =>
      portalVersion.pullFromPortal(articleId, connectionId, user),

    /** Starts the worker: resumes what a crash or a restart left in the queue. */
    start(): void {
      clearStaleRenders(deps.cacheDir);
      started = true;
      worker.wake();
      logger.info('sync worker started', { waiting: status().waiting });
    },

    /** Stops in-flight work; item states stay for the next start to resume. */
    close: () => worker.close(),
  };
  if (options.autoStart !== false) service.start();
  return service;
}

/** The sync service's API. */
export type SyncService = ReturnType<typeof createSyncService>;
