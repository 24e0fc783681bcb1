import type { Database } from 'better-sqlite3';

import type { AuthorProfile, Category } from '../../../../shared/domain/article';

/** Author profiles, by name. */
export function listAuthors(db: Database): AuthorProfile[] {
  return db
    .prepare('SELECT id, name, position FROM authors ORDER BY name COLLATE NOCASE')
    .all() as AuthorProfile[];
}

/** Creates or updates an author profile; `createdBy` is kept from the first save. */
export function upsertAuthor(
  db: Database,
  author: AuthorProfile,
  createdAt: number,
  createdBy: string | null = null,
): void {
  db.prepare(
    `INSERT INTO authors (id, name, position, created_at, created_by)
     VALUES (@id, @name, @position, @createdAt, @createdBy)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position`,
  ).run({ ...author, createdAt, createdBy });
}

/** Who created an author profile: undefined when there is no such profile, null when unknown. */
export function authorCreator(db: Database, id: string): string | null | undefined {
  const row = db.prepare('SELECT created_by FROM authors WHERE id = ?').get(id) as
    { created_by: string | null } | undefined;
  return row ? row.created_by : undefined;
}

/** Cached portal categories in the portal's order. */
export function listCategories(db: Database): Category[] {
  return db
    .prepare(
      'SELECT id, parent_id AS parentId, title, alias FROM categories ORDER BY sort, title COLLATE NOCASE',
    )
    .all() as Category[];
}

/** Creates or updates a category. */
export function upsertCategory(db: Database, category: Category, sort: number): void {
  db.prepare(
    `INSERT INTO categories (id, parent_id, title, alias, sort) VALUES (@id, @parentId, @title, @alias, @sort)
     ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, title = excluded.title,
       alias = excluded.alias, sort = excluded.sort`,
  ).run({ ...category, sort });
}
