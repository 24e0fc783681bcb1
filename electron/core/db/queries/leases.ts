import type { Database } from 'better-sqlite3';

/** A stored editing lease. */
export interface LeaseRow {
  article_id: string;
  user_id: string;
  user_name: string;
  user_role: string;
  since: number;
  last_active_at: number;
}

/** The lease on an article, lapsed or not. */
export function getLease(db: Database, articleId: string): LeaseRow | undefined {
  return db.prepare('SELECT * FROM article_leases WHERE article_id = ?').get(articleId) as
    LeaseRow | undefined;
}

/** Gives the lease to a user (a new `since` when the holder changes). */
export function putLease(db: Database, row: LeaseRow): void {
  db.prepare(
    `INSERT INTO article_leases (article_id, user_id, user_name, user_role, since, last_active_at)
     VALUES (@article_id, @user_id, @user_name, @user_role, @since, @last_active_at)
     ON CONFLICT (article_id) DO UPDATE SET user_id = excluded.user_id,
       user_name = excluded.user_name, user_role = excluded.user_role, since = excluded.since,
       last_active_at = excluded.last_active_at`,
  ).run(row);
}

/** Refreshes the holder's activity. */
export function touchLease(db: Database, articleId: string, at: number): void {
  db.prepare('UPDATE article_leases SET last_active_at = ? WHERE article_id = ?').run(
    at,
    articleId,
  );
}

/** Ends a lease. */
export function deleteLease(db: Database, articleId: string): void {
  db.prepare('DELETE FROM article_leases WHERE article_id = ?').run(articleId);
}

/** Leases still active at `since` or later, by article. */
export function activeLeases(db: Database, activeSince: number): LeaseRow[] {
  return db
    .prepare('SELECT * FROM article_leases WHERE last_active_at >= ?')
    .all(activeSince) as LeaseRow[];
}
