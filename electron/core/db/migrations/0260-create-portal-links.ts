import type { Migration } from './types';

/**
 * What links the desk to each portal's own lists (docs/portal-links.md): which local category is
 * which portal category (pulled ones are created and linked; desk-only ones are mapped in
 * Settings), which desk user is which portal account (the post's author), and whether the
 * featured photo is shown again as the body's first photo on that portal.
 */
export const migration0260: Migration = {
  version: 260,
  name: 'create-portal-links',
  up(db) {
    db.exec(`
      CREATE TABLE portal_category_links (
        connection_id TEXT NOT NULL REFERENCES portal_connections (id) ON DELETE CASCADE,
        category_id TEXT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
        remote_id TEXT NOT NULL,
        pulled INTEGER NOT NULL DEFAULT 0 CHECK (pulled IN (0, 1)),
        PRIMARY KEY (connection_id, category_id)
      ) STRICT;
      CREATE INDEX portal_category_links_remote ON portal_category_links (connection_id, remote_id);
      CREATE TABLE portal_user_links (
        connection_id TEXT NOT NULL REFERENCES portal_connections (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        remote_user_id TEXT NOT NULL,
        remote_name TEXT NOT NULL,
        PRIMARY KEY (connection_id, user_id)
      ) STRICT;
      ALTER TABLE portal_connections ADD COLUMN featured_in_body INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
