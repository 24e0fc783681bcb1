import type { Database } from 'better-sqlite3';

/** A stored outbox item. */
export interface SyncItemRow {
  id: string;
  article_id: string;
  connection_id: string;
  action: 'publish' | 'takedown';
  state: string;
  article_title: string;
  snapshot_json: string;
  revision: number;
  attempts: number;
  next_attempt_at: number | null;
  last_error_code: string | null;
  last_error_message: string | null;
  progress_done: number;
  progress_total: number;
  conflict_json: string | null;
  force_overwrite: number;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

/** An outbox item with what the list shows beside it. */
export interface SyncItemListRow extends SyncItemRow {
  connection_name: string | null;
  remote_id: string | null;
  remote_url: string | null;
  /** 1 when an earlier publish of this article to this portal finished: this one updates it. */
  follows_publish: number;
}

/** The remote identity of one uploaded photo. */
export interface SyncMediaRow {
  remote_id: string | null;
  url: string | null;
}

/** The remote identity of one article on one portal. */
export interface SyncArticleRow {
  remote_id: string | null;
  remote_url: string | null;
  remote_modified: string | null;
  remote_status: string | null;
}

/** Columns a worker or a user action may change. */
export type SyncItemPatch = Partial<
  Pick<
    SyncItemRow,
    | 'state'
    | 'article_title'
    | 'snapshot_json'
    | 'revision'
    | 'attempts'
    | 'next_attempt_at'
    | 'last_error_code'
    | 'last_error_message'
    | 'progress_done'
    | 'progress_total'
    | 'conflict_json'
    | 'force_overwrite'
    | 'updated_at'
    | 'finished_at'
  >
>;

const ITEM_COLUMNS = new Set([
  'state',
  'article_title',
  'snapshot_json',
  'revision',
  'attempts',
  'next_attempt_at',
  'last_error_code',
  'last_error_message',
  'progress_done',
  'progress_total',
  'conflict_json',
  'force_overwrite',
  'updated_at',
  'finished_at',
]);

const WORKING_STATES = "('queued', 'uploading_media', 'uploading_article')";

const LIST_SELECT = `SELECT i.*, c.name AS connection_name, a.remote_id, a.remote_url,
    EXISTS (SELECT 1 FROM sync_items p WHERE p.article_id = i.article_id
      AND p.connection_id = i.connection_id AND p.action = 'publish' AND p.state = 'done'
      AND p.rowid < i.rowid) AS follows_publish
  FROM sync_items i
  LEFT JOIN portal_connections c ON c.id = i.connection_id
  LEFT JOIN sync_articles a ON a.article_id = i.article_id AND a.connection_id = i.connection_id`;

/** Adds an item. */
export function insertItem(db: Database, row: SyncItemRow): void {
  db.prepare(
    `INSERT INTO sync_items (id, article_id, connection_id, action, state, article_title,
       snapshot_json, revision, attempts, next_attempt_at, last_error_code, last_error_message,
       progress_done, progress_total, conflict_json, force_overwrite, created_at, updated_at,
       finished_at)
     VALUES (@id, @article_id, @connection_id, @action, @state, @article_title, @snapshot_json,
       @revision, @attempts, @next_attempt_at, @last_error_code, @last_error_message,
       @progress_done, @progress_total, @conflict_json, @force_overwrite, @created_at,
       @updated_at, @finished_at)`,
  ).run(row);
}

/** Changes some columns of an item. */
export function updateItem(db: Database, id: string, patch: SyncItemPatch): void {
  const keys = Object.keys(patch).filter((key) => ITEM_COLUMNS.has(key));
  if (keys.length === 0) return;
  const assignments = keys.map((key) => `${key} = @${key}`).join(', ');
  db.prepare(`UPDATE sync_items SET ${assignments} WHERE id = @id`).run({ ...patch, id });
}

/** One item with its list columns, or undefined. */
export function getItem(db: Database, id: string): SyncItemListRow | undefined {
  return db.prepare(`${LIST_SELECT} WHERE i.id = ?`).get(id) as SyncItemListRow | undefined;
}

/** The open (not done, not cancelled) item of an article on a portal, if any. */
export function findOpenItem(
  db: Database,
  articleId: string,
  connectionId: string,
): SyncItemRow | undefined {
  return db
    .prepare(
      `SELECT * FROM sync_items WHERE article_id = ? AND connection_id = ?
         AND state NOT IN ('done', 'cancelled')`,
    )
    .get(articleId, connectionId) as SyncItemRow | undefined;
}

/** Items for the sync screen: open ones first, then the newest. */
export function listItems(
  db: Database,
  filter: { states?: readonly string[]; articleId?: string; limit: number },
): SyncItemListRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.states && filter.states.length > 0) {
    where.push(`i.state IN (${filter.states.map(() => '?').join(', ')})`);
    params.push(...filter.states);
  }
  if (filter.articleId) {
    where.push('i.article_id = ?');
    params.push(filter.articleId);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return db
    .prepare(
      `${LIST_SELECT} ${clause}
       ORDER BY (i.state IN ('done', 'cancelled')), i.updated_at DESC, i.created_at DESC LIMIT ?`,
    )
    .all(...params, filter.limit) as SyncItemListRow[];
}

/**
 * Whether the article is on a portal now: on some portal, its latest finished run published it
 * (a take-down since then does not count). The workflow asks this before spiking.
 */
export function articleOnPortal(db: Database, articleId: string): boolean {
  const row = db
    .prepare(
      `SELECT EXISTS (
         SELECT 1 FROM (
           SELECT action, ROW_NUMBER() OVER (PARTITION BY connection_id
             ORDER BY COALESCE(finished_at, 0) DESC, updated_at DESC, created_at DESC) AS latest
           FROM sync_items WHERE article_id = ? AND state = 'done'
         ) WHERE latest = 1 AND action = 'publish'
       ) AS on_portal`,
    )
    .get(articleId) as { on_portal: number };
  return row.on_portal === 1;
}

/** Items the worker may start now, oldest due first. */
export function dueItems(db: Database, now: number, limit: number): SyncItemRow[] {
  return db
    .prepare(
      `SELECT * FROM sync_items WHERE state IN ${WORKING_STATES}
         AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
       ORDER BY COALESCE(next_attempt_at, 0), created_at LIMIT ?`,
    )
    .all(now, limit) as SyncItemRow[];
}

/** When the next waiting item (not one of `running`) is due, or null when none waits. */
export function nextDueAt(db: Database, running: readonly string[]): number | null {
  const row = db
    .prepare(
      `SELECT MIN(COALESCE(next_attempt_at, 0)) AS due FROM sync_items
       WHERE state IN ${WORKING_STATES} AND id NOT IN (SELECT value FROM json_each(?))`,
    )
    .get(JSON.stringify(running)) as { due: number | null };
  return row.due;
}

/** Counts by state, for the status indicator. */
export function countByState(db: Database): Map<string, number> {
  const rows = db.prepare('SELECT state, COUNT(*) AS n FROM sync_items GROUP BY state').all() as {
    state: string;
    n: number;
  }[];
  return new Map(rows.map((row) => [row.state, row.n]));
}

/** The earliest scheduled retry in the future, or null. */
export function nextScheduledRetry(db: Database, now: number): number | null {
  const row = db
    .prepare(
      `SELECT MIN(next_attempt_at) AS due FROM sync_items
       WHERE state IN ${WORKING_STATES} AND next_attempt_at > ?`,
    )
    .get(now) as { due: number | null };
  return row.due;
}

/** Open items of a connection. */
export function countOpenItems(db: Database, connectionId: string): number {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS n FROM sync_items WHERE connection_id = ?
         AND state NOT IN ('done', 'cancelled')`,
    )
    .get(connectionId) as { n: number };
  return row.n;
}

/** A photo's remote identity (a null remote id: an attempt was made). */
export function getMedia(
  db: Database,
  connectionId: string,
  syncKey: string,
): SyncMediaRow | undefined {
  return db
    .prepare('SELECT remote_id, url FROM sync_media WHERE connection_id = ? AND sync_key = ?')
    .get(connectionId, syncKey) as SyncMediaRow | undefined;
}

/** Records that an upload is about to be sent: from now on a retry must look it up first. */
export function markMediaAttempt(
  db: Database,
  connectionId: string,
  syncKey: string,
  at: number,
): void {
  db.prepare(
    `INSERT OR IGNORE INTO sync_media (connection_id, sync_key, attempted_at) VALUES (?, ?, ?)`,
  ).run(connectionId, syncKey, at);
}

/** Records an uploaded photo. */
export function recordMedia(
  db: Database,
  connectionId: string,
  syncKey: string,
  remote: { remoteId: string; url: string },
  at: number,
): void {
  db.prepare(
    `INSERT INTO sync_media (connection_id, sync_key, remote_id, url, attempted_at, uploaded_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (connection_id, sync_key) DO UPDATE SET remote_id = excluded.remote_id,
       url = excluded.url, uploaded_at = excluded.uploaded_at`,
  ).run(connectionId, syncKey, remote.remoteId, remote.url, at, at);
}

/** An article's remote identity on a portal (a null remote id: a create was attempted). */
export function getSyncArticle(
  db: Database,
  articleId: string,
  connectionId: string,
): SyncArticleRow | undefined {
  return db
    .prepare(
      `SELECT remote_id, remote_url, remote_modified, remote_status FROM sync_articles
       WHERE article_id = ? AND connection_id = ?`,
    )
    .get(articleId, connectionId) as SyncArticleRow | undefined;
}

/** Records that a create is about to be sent. */
export function markArticleAttempt(
  db: Database,
  articleId: string,
  connectionId: string,
  at: number,
): void {
  db.prepare(
    `INSERT OR IGNORE INTO sync_articles (article_id, connection_id, attempted_at) VALUES (?, ?, ?)`,
  ).run(articleId, connectionId, at);
}

/** Records the article's remote id and the portal's stamp after a sync. */
export function recordArticle(
  db: Database,
  articleId: string,
  connectionId: string,
  remote: { remoteId: string; url: string; modified: string; status: string },
  at: number,
): void {
  db.prepare(
    `INSERT INTO sync_articles (article_id, connection_id, remote_id, remote_url, remote_modified,
       remote_status, attempted_at, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (article_id, connection_id) DO UPDATE SET remote_id = excluded.remote_id,
       remote_url = excluded.remote_url, remote_modified = excluded.remote_modified,
       remote_status = excluded.remote_status, synced_at = excluded.synced_at`,
  ).run(
    articleId,
    connectionId,
    remote.remoteId,
    remote.url,
    remote.modified,
    remote.status,
    at,
    at,
  );
}

/** One log line. */
export interface SyncLogRow {
  id: number;
  at: number;
  item_id: string | null;
  article_id: string | null;
  level: 'info' | 'warn' | 'error';
  message: string;
  /** Since migration 0320: the line's code and values (null on older rows and plain lines). */
  code: string | null;
  params_json: string | null;
}

/** Appends a log line. */
export function addLog(
  db: Database,
  entry: Omit<SyncLogRow, 'id'> & { connection_id: string | null },
): void {
  db.prepare(
    `INSERT INTO sync_log (at, item_id, article_id, connection_id, level, message, code, params_json)
     VALUES (@at, @item_id, @article_id, @connection_id, @level, @message, @code, @params_json)`,
  ).run(entry);
}

/** The newest log lines, of one item or all. */
export function listLog(db: Database, filter: { itemId?: string; limit: number }): SyncLogRow[] {
  const sql = filter.itemId
    ? 'SELECT id, at, item_id, article_id, level, message, code, params_json FROM sync_log WHERE item_id = ? ORDER BY id DESC LIMIT ?'
    : 'SELECT id, at, item_id, article_id, level, message, code, params_json FROM sync_log ORDER BY id DESC LIMIT ?';
  const params = filter.itemId ? [filter.itemId, filter.limit] : [filter.limit];
  return db.prepare(sql).all(...params) as SyncLogRow[];
}

/** Forgets an article's remote identity (it was deleted on the portal; the next sync creates). */
export function forgetArticle(db: Database, articleId: string, connectionId: string): void {
  db.prepare('DELETE FROM sync_articles WHERE article_id = ? AND connection_id = ?').run(
    articleId,
    connectionId,
  );
}

/** Puts a connection's items that stopped for one of `codes` back in the queue. */
export function requeueFailed(
  db: Database,
  connectionId: string,
  codes: readonly string[],
  at: number,
): string[] {
  const rows = db
    .prepare(
      `SELECT id FROM sync_items WHERE connection_id = ? AND state = 'failed'
         AND last_error_code IN (SELECT value FROM json_each(?))`,
    )
    .all(connectionId, JSON.stringify(codes)) as { id: string }[];
  for (const row of rows) {
    updateItem(db, row.id, {
      state: 'queued',
      attempts: 0,
      next_attempt_at: null,
      last_error_code: null,
      last_error_message: null,
      updated_at: at,
    });
  }
  return rows.map((row) => row.id);
}
