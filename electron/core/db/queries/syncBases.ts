import type { Database } from 'better-sqlite3';

import type { PortalFieldValues } from '../../../../shared/domain/portalFields';

/** The base of one article on one portal: canonical fields as sent and as read back. */
export interface SyncBase {
  sent: PortalFieldValues;
  read: PortalFieldValues;
  updatedAt: number;
}

/** The base, or undefined for an article synced before three-way sync existed. */
export function getSyncBase(
  db: Database,
  articleId: string,
  connectionId: string,
): SyncBase | undefined {
  const row = db
    .prepare(
      'SELECT sent_json, read_json, updated_at FROM sync_bases WHERE article_id = ? AND connection_id = ?',
    )
    .get(articleId, connectionId) as
    { sent_json: string; read_json: string; updated_at: number } | undefined;
  if (!row) return undefined;
  return {
    sent: JSON.parse(row.sent_json) as PortalFieldValues,
    read: JSON.parse(row.read_json) as PortalFieldValues,
    updatedAt: row.updated_at,
  };
}

/** Stores the base after a send or a take-in. */
export function saveSyncBase(
  db: Database,
  articleId: string,
  connectionId: string,
  base: { sent: PortalFieldValues; read: PortalFieldValues },
  at: number,
): void {
  db.prepare(
    `INSERT INTO sync_bases (article_id, connection_id, sent_json, read_json, updated_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (article_id, connection_id) DO UPDATE SET sent_json = excluded.sent_json,
       read_json = excluded.read_json, updated_at = excluded.updated_at`,
  ).run(articleId, connectionId, JSON.stringify(base.sent), JSON.stringify(base.read), at);
}

/** Forgets the base (the post was deleted on the portal; the next sync creates it again). */
export function forgetSyncBase(db: Database, articleId: string, connectionId: string): void {
  db.prepare('DELETE FROM sync_bases WHERE article_id = ? AND connection_id = ?').run(
    articleId,
    connectionId,
  );
}
