import type { Database } from 'better-sqlite3';

import type {
  SyncLogCode,
  SyncLogLine,
  SyncLogParams,
  SyncLogEntry,
} from '../../../shared/domain/sync';
import { syncLogCodes } from '../../../shared/domain/sync';
import { addLog } from '../db/queries/sync';
import type { SyncLogRow } from '../db/queries/sync';

/**
 * The Vietnamese sentence stored beside each coded line (for readers of the raw log and for lines
 * the screen cannot translate). The screen's own text is `syncLog.*` in renderer/i18n/syncVi.ts;
 * a test holds the two to the same words.
 */
const vietnamese: Record<SyncLogCode, (p: SyncLogParams) => string> = {
  queued: () => 'Đã xếp bài vào hàng đợi gửi.',
  takedownQueued: () => 'Đã xếp lệnh gỡ bài.',
  requeued: () => 'Đã cập nhật phiên bản mới của bài trong hàng đợi.',
  retryRequested: () => 'Người dùng yêu cầu thử lại.',
  cancelled: () => 'Đã huỷ theo yêu cầu.',
  published: (p) => `Đã đăng bài: ${p.url ?? ''}`,
  updated: (p) => `Đã cập nhật bài: ${p.url ?? ''}`,
  done: () => 'Hoàn tất.',
  nothingToTakeDown: () => 'Bài chưa từng được đăng lên cổng này: không có gì để gỡ.',
  retrying: (p) =>
    `${p.reason ?? ''} (lần ${p.attempt ?? ''}, thử lại sau ${p.seconds ?? ''} giây)`,
  conflict: (p) => `Xung đột: ${p.reason ?? ''}`,
};

/** A coded line as its stored Vietnamese sentence. */
export function vietnameseLine(code: SyncLogCode, params: SyncLogParams = {}): string {
  return vietnamese[code](params);
}

/** The outbox row a log line belongs to. */
interface LogSubject {
  id: string;
  article_id: string;
  connection_id: string;
}

/** The one log writer of the outbox: a coded line keeps its code and values beside the text. */
export function syncLogWriter(db: Database, now: () => number) {
  return (item: LogSubject, level: SyncLogRow['level'], line: SyncLogLine): void => {
    const coded = typeof line === 'string' ? null : line;
    const text = typeof line === 'string' ? line : vietnameseLine(line.code, line.params);
    addLog(db, {
      at: now(),
      item_id: item.id,
      article_id: item.article_id,
      connection_id: item.connection_id,
      level,
      message: text,
      code: coded?.code ?? null,
      params_json: coded?.params ? JSON.stringify(coded.params) : null,
    });
  };
}

function isCode(value: string | null): value is SyncLogCode {
  return value !== null && (syncLogCodes as readonly string[]).includes(value);
}

function paramsOf(json: string | null): SyncLogParams {
  if (json === null) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string | number] =>
          typeof entry[1] === 'string' || typeof entry[1] === 'number',
      ),
    );
  } catch {
    return {};
  }
}

/**
 * A stored row as the screen gets it. A code this version does not know (a newer Newsdesk wrote
 * it) or unreadable values fall back to the stored sentence, never to nothing.
 */
export function logEntryOf(row: SyncLogRow): SyncLogEntry {
  const code = isCode(row.code) ? row.code : null;
  return {
    id: row.id,
    at: row.at,
    itemId: row.item_id,
    articleId: row.article_id,
    level: row.level,
    message: row.message,
    code,
    params: code === null ? {} : paramsOf(row.params_json),
  };
}
