import type { Migration } from './types';

/**
 * The base of three-way sync per article and portal (issue 13): each compared field in
 * canonical form as last sent by the desk (`sent_json`) and as the portal held it right after
 * (`read_json`), so the next update can tell which side changed which field. Rows go with the
 * article's remote identity.
 */
export const migration0250: Migration = {
  version: 250,
  name: 'create-sync-bases',
  up(db) {
    db.exec(`
      CREATE TABLE sync_bases (
        article_id TEXT NOT NULL,
        connection_id TEXT NOT NULL REFERENCES portal_connections (id) ON DELETE CASCADE,
        sent_json TEXT NOT NULL,
        read_json TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (article_id, connection_id)
      ) STRICT;
    `);
  },
};
