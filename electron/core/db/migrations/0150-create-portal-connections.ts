import type { Migration } from './types';

/**
 * Portal connections and their cached categories and tags. The secret is stored only as a blob
 * sealed by the shell's SecretBox (`secret_box` names which one), never in clear.
 */
export const migration0150: Migration = {
  version: 150,
  name: 'create-portal-connections',
  up(db) {
    db.exec(`
      CREATE TABLE portal_connections (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('wordpress', 'nukeviet')),
        name TEXT NOT NULL,
        base_url TEXT NOT NULL,
        username TEXT NOT NULL,
        auth_mode TEXT CHECK (auth_mode IN ('bcrypt', 'md5')),
        secret_blob BLOB,
        secret_box TEXT,
        terms_refreshed_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE portal_terms (
        connection_id TEXT NOT NULL REFERENCES portal_connections (id) ON DELETE CASCADE,
        taxonomy TEXT NOT NULL CHECK (taxonomy IN ('category', 'tag')),
        remote_id TEXT NOT NULL,
        parent_id TEXT,
        title TEXT NOT NULL,
        slug TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (connection_id, taxonomy, remote_id)
      ) STRICT;
    `);
  },
};
