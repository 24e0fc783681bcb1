import type { Migration } from './types';

/**
 * Signed hand-off (docs/signing.md). `user_keys`: each account's Ed25519 key pair, the private
 * key sealed with a key derived from the account's password (AES-256-GCM, scrypt), so another
 * account on the same PC cannot use it. `newsroom`: the one roster this workstation accepts
 * (the signed file as it came, and the authority key it was pinned to). `record_signatures`:
 * the signature of every audit entry, comment (and comment state) and revision, with the audit
 * trail's hash chain (`prev_hash` → `entry_hash`) per article; `chain_heads`: the newest entry
 * of each article's chain (entries from another workstation's branch are kept without moving
 * it). `pending_edits`: the signed
 * statement of the last saver about the current text, appended to the chain as an `edit`
 * entry before the next entry. `articles.unverified`: a copy made from a bundle whose history
 * did not verify («chưa xác minh»).
 */
export const migration0240: Migration = {
  version: 240,
  name: 'add-signing',
  up(db) {
    db.exec(`
      CREATE TABLE user_keys (
        user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        public_key TEXT NOT NULL,
        sealed_private_key TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE newsroom (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        newsroom_id TEXT NOT NULL,
        authority_key TEXT NOT NULL,
        version INTEGER NOT NULL,
        roster_json TEXT NOT NULL,
        imported_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE record_signatures (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('audit', 'comment', 'commentState', 'revision')),
        record_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        signer TEXT,
        public_key TEXT,
        signature TEXT,
        prev_hash TEXT,
        entry_hash TEXT,
        text_hash TEXT,
        genesis_json TEXT
      ) STRICT;
      CREATE UNIQUE INDEX record_signatures_record ON record_signatures (kind, record_id)
        WHERE kind <> 'commentState';
      CREATE INDEX record_signatures_article ON record_signatures (article_id, kind, seq);
      CREATE INDEX record_signatures_hash ON record_signatures (entry_hash);

      CREATE TABLE chain_heads (
        article_id TEXT PRIMARY KEY,
        entry_hash TEXT NOT NULL
      ) STRICT;

      CREATE TABLE pending_edits (
        article_id TEXT PRIMARY KEY,
        entry_json TEXT NOT NULL,
        signature_json TEXT NOT NULL
      ) STRICT;

      ALTER TABLE articles ADD COLUMN unverified INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
