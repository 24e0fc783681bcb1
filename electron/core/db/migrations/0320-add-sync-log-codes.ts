import type { Migration } from './types';

/**
 * Sync log lines get a code and values beside the Vietnamese sentence, so the sync screen says
 * them in the UI's language (docs/sync-log.md). Lines written before keep their sentence; the
 * common ones (finished, published, updated, queued, retried, cancelled) are recognised by their
 * exact wording and get their code too, so an English screen reads them as well.
 */
export const migration0320: Migration = {
  version: 320,
  name: 'add-sync-log-codes',
  up(db) {
    db.exec(`
      ALTER TABLE sync_log ADD COLUMN code TEXT;
      ALTER TABLE sync_log ADD COLUMN params_json TEXT;
      UPDATE sync_log SET code = 'done' WHERE message = 'Hoàn tất.';
      UPDATE sync_log SET code = 'queued' WHERE message = 'Đã xếp bài vào hàng đợi gửi.';
      UPDATE sync_log SET code = 'takedownQueued' WHERE message = 'Đã xếp lệnh gỡ bài.';
      UPDATE sync_log SET code = 'requeued'
        WHERE message = 'Đã cập nhật phiên bản mới của bài trong hàng đợi.';
      UPDATE sync_log SET code = 'retryRequested' WHERE message = 'Người dùng yêu cầu thử lại.';
      UPDATE sync_log SET code = 'cancelled' WHERE message = 'Đã huỷ theo yêu cầu.';
      UPDATE sync_log SET code = 'nothingToTakeDown'
        WHERE message = 'Bài chưa từng được đăng lên cổng này: không có gì để gỡ.';
      UPDATE sync_log
        SET code = 'published', params_json = json_object('url', substr(message, 14))
        WHERE message LIKE 'Đã đăng bài: %';
      UPDATE sync_log
        SET code = 'updated', params_json = json_object('url', substr(message, 18))
        WHERE message LIKE 'Đã cập nhật bài: %';
    `);
  },
};
