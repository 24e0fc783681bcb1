import type { Migration } from './types';

/**
 * The sync outbox: one item per article and portal (at most one open at a time), the remote ids
 * of uploaded photos keyed by sync key, each article's remote id and the portal's `modified`
 * stamp at the last sync (for conflict detection), and a log. A row in sync_media or
 * sync_articles with a null remote id records an attempt that may have reached the portal, so
 * the retry looks it up before creating anything.
 */
export const migration0160: Migration = {
  version: 160,
  name: 'create-sync-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE sync_items (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        connection_id TEXT NOT NULL REFERENCES portal_connections (id),
        action TEXT NOT NULL CHECK (action IN ('publish', 'takedown')),
        state TEXT NOT NULL CHECK (state IN ('queued', 'uploading_media', 'uploading_article',
          'done', 'failed', 'cancelled', 'conflict')),
        article_title TEXT NOT NULL,
        snapshot_json TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        last_error_code TEXT,
        last_error_message TEXT,
        progress_done INTEGER NOT NULL DEFAULT 0,
        progress_total INTEGER NOT NULL DEFAULT 0,
        conflict_json TEXT,
        force_overwrite INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        finished_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX sync_items_one_open ON sync_items (article_id, connection_id)
        WHERE state NOT IN ('done', 'cancelled');
      CREATE INDEX sync_items_by_state ON sync_items (state, next_attempt_at);
      CREATE TABLE sync_media (
        connection_id TEXT NOT NULL REFERENCES portal_connections (id) ON DELETE CASCADE,
        sync_key TEXT NOT NULL,
        remote_id TEXT,
        url TEXT,
        attempted_at INTEGER NOT NULL,
        uploaded_at INTEGER,
        PRIMARY KEY (connection_id, sync_key)
      ) STRICT;
      CREATE TABLE sync_articles (
        article_id TEXT NOT NULL,
        connection_id TEXT NOT NULL REFERENCES portal_connections (id) ON DELETE CASCADE,
        remote_id TEXT,
        remote_url TEXT,
        remote_modified TEXT,
        remote_status TEXT,
        attempted_at INTEGER NOT NULL,
        synced_at INTEGER,
        PRIMARY KEY (article_id, connection_id)
      ) STRICT;
      CREATE TABLE sync_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        item_id TEXT,
        article_id TEXT,
        connection_id TEXT,
        level TEXT NOT NULL CHECK (level IN ('info', 'warn', 'error')),
        message TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sync_log_by_item ON sync_log (item_id, id);
    `);
  },
};
