import type { Database } from 'better-sqlite3';

/** A stored revision. */
export interface RevisionRow {
  id: number;
  article_id: string;
  created_at: number;
  reason: string;
  article_version: number;
  title: string;
  meta_json: string;
  body_json: string;
  body_text: string;
  word_count: number;
}

/** Appends a revision; returns its id. */
export function insertRevision(db: Database, row: Omit<RevisionRow, 'id'>): number {
  const result = db
    .prepare(
      `INSERT INTO revisions (article_id, created_at, reason, article_version, title, meta_json, body_json, body_text, word_count)
       VALUES (@article_id, @created_at, @reason, @article_version, @title, @meta_json, @body_json, @body_text, @word_count)`,
    )
    .run(row);
  return Number(result.lastInsertRowid);
}

/** The newest revision of an article, if any. */
export function latestRevision(db: Database, articleId: string): RevisionRow | undefined {
  return db
    .prepare('SELECT * FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1')
    .get(articleId) as RevisionRow | undefined;
}

/** An article's revisions, newest first, without bodies. */
export function listRevisions(
  db: Database,
  articleId: string,
): Array<Omit<RevisionRow, 'meta_json' | 'body_json' | 'body_text'>> {
  return db
    .prepare(
      `SELECT id, article_id, created_at, reason, article_version, title, word_count
       FROM revisions WHERE article_id = ? ORDER BY id DESC`,
    )
    .all(articleId) as Array<Omit<RevisionRow, 'meta_json' | 'body_json' | 'body_text'>>;
}

/** One revision with its snapshot. */
export function getRevision(db: Database, id: number): RevisionRow | undefined {
  return db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as RevisionRow | undefined;
}
