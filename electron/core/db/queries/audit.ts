import type { Database } from 'better-sqlite3';

/** A stored audit entry. The table refuses UPDATE and DELETE (migration 0110). */
export interface AuditRow {
  id: string;
  article_id: string;
  at: number;
  action: string;
  transition: string | null;
  from_status: string | null;
  to_status: string | null;
  user_id: string | null;
  user_name: string;
  user_role: string | null;
  note: string;
  workstation_id: string;
  workstation_name: string;
  details_json: string;
  /** Insertion order, so entries with the same timestamp keep their order. */
  seq: number;
}

/** Appends an entry; an entry already present (same id, from an earlier import) is skipped. */
export function insertAudit(db: Database, row: Omit<AuditRow, 'seq'>): boolean {
  const result = db
    .prepare(
      `INSERT OR IGNORE INTO audit_log (id, article_id, at, action, transition, from_status, to_status,
         user_id, user_name, user_role, note, workstation_id, workstation_name, details_json, seq)
       VALUES (@id, @article_id, @at, @action, @transition, @from_status, @to_status,
         @user_id, @user_name, @user_role, @note, @workstation_id, @workstation_name, @details_json,
         (SELECT coalesce(max(seq), 0) + 1 FROM audit_log))`,
    )
    .run(row);
  return result.changes === 1;
}

/** An article's history, newest first. */
export function listAudit(db: Database, articleId: string): AuditRow[] {
  return db
    .prepare('SELECT * FROM audit_log WHERE article_id = ? ORDER BY at DESC, seq DESC')
    .all(articleId) as AuditRow[];
}

/** The newest workflow step of each of the given articles. */
export function latestSteps(db: Database, articleIds: readonly string[]): Map<string, AuditRow> {
  const found = new Map<string, AuditRow>();
  if (articleIds.length === 0) return found;
  const rows = db
    .prepare(
      `SELECT a.* FROM audit_log a
       WHERE a.action = 'transition' AND a.article_id IN (SELECT value FROM json_each(?))
       ORDER BY a.at DESC, a.seq DESC`,
    )
    .all(JSON.stringify(articleIds)) as AuditRow[];
  for (const row of rows) if (!found.has(row.article_id)) found.set(row.article_id, row);
  return found;
}
