import type { SyncErrorCode, SyncItem, SyncState } from '../../../shared/domain/sync';
import type { SyncItemListRow } from '../db/queries/sync';

/** An outbox row as the contract returns it. */
export function toSyncItem(row: SyncItemListRow): SyncItem {
  return {
    id: row.id,
    articleId: row.article_id,
    articleTitle: row.article_title,
    connectionId: row.connection_id,
    connectionName: row.connection_name ?? '',
    action: row.action,
    updatesPublished: row.action === 'publish' && row.follows_publish === 1,
    state: row.state as SyncState,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError:
      row.last_error_message === null
        ? null
        : {
            code: (row.last_error_code ?? 'internal') as SyncErrorCode,
            message: row.last_error_message,
          },
    progress: { done: row.progress_done, total: row.progress_total },
    remoteId: row.remote_id,
    remoteUrl: row.remote_url,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}
