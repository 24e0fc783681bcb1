import type { Database } from 'better-sqlite3';

/** One local category's portal category on one portal. */
export interface CategoryLinkRow {
  category_id: string;
  remote_id: string;
  pulled: 0 | 1;
}

/** One desk user's portal account on one portal. */
export interface UserLinkRow {
  user_id: string;
  remote_user_id: string;
  remote_name: string;
}

/** Every category link of a portal. */
export function listCategoryLinks(db: Database, connectionId: string): CategoryLinkRow[] {
  return db
    .prepare(
      'SELECT category_id, remote_id, pulled FROM portal_category_links WHERE connection_id = ? ORDER BY rowid',
    )
    .all(connectionId) as CategoryLinkRow[];
}

/** Links (or re-links) a local category to a portal category. */
export function upsertCategoryLink(
  db: Database,
  connectionId: string,
  categoryId: string,
  remoteId: string,
  pulled: boolean,
): void {
  db.prepare(
    `INSERT INTO portal_category_links (connection_id, category_id, remote_id, pulled)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (connection_id, category_id) DO UPDATE SET remote_id = excluded.remote_id`,
  ).run(connectionId, categoryId, remoteId, pulled ? 1 : 0);
}

/** Removes a local category's link to a portal. */
export function deleteCategoryLink(db: Database, connectionId: string, categoryId: string): void {
  db.prepare('DELETE FROM portal_category_links WHERE connection_id = ? AND category_id = ?').run(
    connectionId,
    categoryId,
  );
}

/** Every user link of a portal. */
export function listUserLinks(db: Database, connectionId: string): UserLinkRow[] {
  return db
    .prepare(
      'SELECT user_id, remote_user_id, remote_name FROM portal_user_links WHERE connection_id = ? ORDER BY rowid',
    )
    .all(connectionId) as UserLinkRow[];
}

/** Links (or re-links) a desk user to a portal account; null removes the link. */
export function setUserLink(
  db: Database,
  connectionId: string,
  userId: string,
  remote: { id: string; name: string } | null,
): void {
  if (remote === null) {
    db.prepare('DELETE FROM portal_user_links WHERE connection_id = ? AND user_id = ?').run(
      connectionId,
      userId,
    );
    return;
  }
  db.prepare(
    `INSERT INTO portal_user_links (connection_id, user_id, remote_user_id, remote_name)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (connection_id, user_id) DO UPDATE SET remote_user_id = excluded.remote_user_id,
       remote_name = excluded.remote_name`,
  ).run(connectionId, userId, remote.id, remote.name);
}

/** The portal account linked to a desk user, if any. */
export function linkedRemoteUser(
  db: Database,
  connectionId: string,
  userId: string,
): string | undefined {
  const row = db
    .prepare('SELECT remote_user_id FROM portal_user_links WHERE connection_id = ? AND user_id = ?')
    .get(connectionId, userId) as { remote_user_id: string } | undefined;
  return row?.remote_user_id;
}

/** Whether the featured photo is shown again as the body's first photo on this portal. */
export function featuredInBody(db: Database, connectionId: string): boolean {
  const row = db
    .prepare('SELECT featured_in_body FROM portal_connections WHERE id = ?')
    .get(connectionId) as { featured_in_body: number } | undefined;
  return row?.featured_in_body === 1;
}

/** Sets the portal's featured-photo choice (a new `updated_at`: adapters are rebuilt). */
export function setFeaturedInBody(
  db: Database,
  connectionId: string,
  value: boolean,
  updatedAt: number,
): void {
  db.prepare(
    'UPDATE portal_connections SET featured_in_body = ?, updated_at = max(updated_at + 1, ?) WHERE id = ?',
  ).run(value ? 1 : 0, updatedAt, connectionId);
}
