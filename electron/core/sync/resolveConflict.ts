import type { Database } from 'better-sqlite3';

import type { SyncConflict, SyncItem } from '../../../shared/domain/sync';
import { AppError } from '../../../shared/errors/appError';
import type { SyncItemListRow } from '../db/queries/sync';
import { forgetArticle, getItem, updateItem } from '../db/queries/sync';
import { forgetSyncBase } from '../db/queries/syncBases';
import { fieldListVi } from './conflicts';
import type { ArticleSnapshot } from './payload';
import type { PortalVersion, Requester } from './portalVersion';

const notFound = (): AppError =>
  new AppError(
    'not_found',
    'Không tìm thấy mục này trong hàng đợi gửi bài. Hãy tải lại danh sách.',
  );

/**
 * Settling a conflict (issue 13). `mine` overwrites the portal once (the log says what is lost
 * there; for a take-down it republishes). `theirs`: for edited fields the portal's version
 * becomes the desk's (a revision «từ cổng») and the item goes on with the desk's other changes;
 * for a take-down nothing is sent and later updates keep stopping.
 */
export function createConflictResolver(deps: {
  db: Database;
  now: () => number;
  portalVersion: PortalVersion;
  conflict: (id: string) => SyncConflict;
  requeue: (id: string, extra?: { force_overwrite?: number }) => void;
  log: (item: SyncItemListRow, level: 'info' | 'warn' | 'error', message: string) => void;
  wake: () => void;
  changed: (id: string) => void;
  itemOf: (id: string) => SyncItem;
}) {
  return async (id: string, keep: 'mine' | 'theirs', user: Requester): Promise<SyncItem> => {
    const conflict = deps.conflict(id);
    const row = getItem(deps.db, id);
    if (!row) throw notFound();
    const lost = fieldListVi(conflict.fields.map((change) => change.field));
    if (keep === 'mine') {
      // Deleted on the portal: forget the old post, the next run creates it again.
      if (conflict.kind === 'deleted') {
        forgetArticle(deps.db, row.article_id, row.connection_id);
        forgetSyncBase(deps.db, row.article_id, row.connection_id);
      }
      deps.requeue(id, { force_overwrite: conflict.kind === 'deleted' ? 0 : 1 });
      deps.log(
        row,
        'info',
        conflict.kind === 'status'
          ? 'Đăng lại bài: bài trên cổng sẽ hiển thị lại với bạn đọc.'
          : conflict.kind === 'deleted'
            ? 'Giữ bản của Newsdesk: bài sẽ được đăng lại thành một bài mới.'
            : `Giữ bản của Newsdesk: trên cổng sẽ mất phần đã sửa ở: ${lost}.`,
      );
      deps.wake();
    } else if (conflict.kind === 'edited') {
      const snapshot = await deps.portalVersion.keepTheirs(
        conflict,
        {
          articleId: row.article_id,
          connectionId: row.connection_id,
          snapshot: JSON.parse(row.snapshot_json) as ArticleSnapshot,
        },
        user,
      );
      updateItem(deps.db, id, {
        snapshot_json: JSON.stringify(snapshot),
        article_title: snapshot.title,
      });
      deps.requeue(id);
      deps.log(row, 'info', `Giữ bản trên cổng ở: ${lost}; đã đưa vào bài trên bàn biên tập.`);
      deps.wake();
    } else {
      if (conflict.kind === 'deleted') {
        forgetArticle(deps.db, row.article_id, row.connection_id);
        forgetSyncBase(deps.db, row.article_id, row.connection_id);
      }
      updateItem(deps.db, id, {
        state: 'cancelled',
        last_error_code: null,
        last_error_message: null,
        finished_at: deps.now(),
        updated_at: deps.now(),
      });
      deps.log(
        row,
        'info',
        conflict.kind === 'status'
          ? 'Giữ trạng thái trên cổng: bài không được đăng lại; các lần cập nhật sau cũng sẽ dừng lại.'
          : 'Giữ bản trên cổng: bài của Newsdesk không được gửi.',
      );
    }
    deps.changed(id);
    return deps.itemOf(id);
  };
}
