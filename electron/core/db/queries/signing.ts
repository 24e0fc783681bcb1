import type { Database } from 'better-sqlite3';

import type { StoredKey } from '../../auth/keys';

/** A stored signature of one record (migration 0240). */
export interface SignatureRow {
  seq: number;
  kind: 'audit' | 'comment' | 'commentState' | 'revision';
  record_id: string;
  article_id: string;
  signer: string | null;
  public_key: string | null;
  signature: string | null;
  prev_hash: string | null;
  entry_hash: string | null;
  text_hash: string | null;
  genesis_json: string | null;
}

/** An account's stored key pair. */
export function getUserKey(db: Database, userId: string): StoredKey | undefined {
  const row = db
    .prepare('SELECT public_key, sealed_private_key FROM user_keys WHERE user_id = ?')
    .get(userId) as { public_key: string; sealed_private_key: string } | undefined;
  return row ? { publicKey: row.public_key, sealedPrivateKey: row.sealed_private_key } : undefined;
}

/** Stores (or replaces) an account's key pair. */
export function putUserKey(db: Database, userId: string, key: StoredKey, at: number): void {
  db.prepare(
    `INSERT INTO user_keys (user_id, public_key, sealed_private_key, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET public_key = excluded.public_key,
       sealed_private_key = excluded.sealed_private_key, created_at = excluded.created_at`,
  ).run(userId, key.publicKey, key.sealedPrivateKey, at);
}

/** Public keys of every account that has one, by account id. */
export function listPublicKeys(db: Database): Map<string, string> {
  const rows = db.prepare('SELECT user_id, public_key FROM user_keys').all() as Array<{
    user_id: string;
    public_key: string;
  }>;
  return new Map(rows.map((row) => [row.user_id, row.public_key]));
}

/** Adds a signature row (an existing one for the same record is kept). */
export function insertSignature(db: Database, row: Omit<SignatureRow, 'seq'>): void {
  db.prepare(
    `INSERT OR IGNORE INTO record_signatures (kind, record_id, article_id, signer, public_key,
       signature, prev_hash, entry_hash, text_hash, genesis_json)
     VALUES (@kind, @record_id, @article_id, @signer, @public_key, @signature, @prev_hash,
       @entry_hash, @text_hash, @genesis_json)`,
  ).run(row);
}

/** The signature of a record (for comment state: the newest). */
export function getSignature(
  db: Database,
  kind: SignatureRow['kind'],
  recordId: string,
): SignatureRow | undefined {
  return db
    .prepare(
      'SELECT * FROM record_signatures WHERE kind = ? AND record_id = ? ORDER BY seq DESC LIMIT 1',
    )
    .get(kind, recordId) as SignatureRow | undefined;
}

/** The newest chained audit entry of an article (the chain's head), if any. */
export function chainHead(db: Database, articleId: string): SignatureRow | undefined {
  return db
    .prepare(
      `SELECT s.* FROM chain_heads h JOIN record_signatures s
         ON s.kind = 'audit' AND s.entry_hash = h.entry_hash AND s.article_id = h.article_id
       WHERE h.article_id = ? ORDER BY s.seq DESC LIMIT 1`,
    )
    .get(articleId) as SignatureRow | undefined;
}

/** Moves an article's chain head. */
export function setChainHead(db: Database, articleId: string, entryHash: string): void {
  db.prepare(
    `INSERT INTO chain_heads (article_id, entry_hash) VALUES (?, ?)
     ON CONFLICT (article_id) DO UPDATE SET entry_hash = excluded.entry_hash`,
  ).run(articleId, entryHash);
}

/** A chained entry by its hash. */
function entryByHash(
  db: Database,
  hash: string,
): (SignatureRow & { action: string; transition: string | null }) | undefined {
  return db
    .prepare(
      `SELECT s.*, a.action, a.transition FROM record_signatures s JOIN audit_log a ON a.id = s.record_id
       WHERE s.kind = 'audit' AND s.entry_hash = ? LIMIT 1`,
    )
    .get(hash) as (SignatureRow & { action: string; transition: string | null }) | undefined;
}

/**
 * The newest entry on the article's own chain (walking back from the head) that set its text
 * or state: an edit, a transition, or the chain's first entry.
 */
export function latestStateEntry(db: Database, articleId: string): SignatureRow | undefined {
  let entry = chainHead(db, articleId)
    ? entryByHash(db, chainHead(db, articleId)?.entry_hash ?? '')
    : undefined;
  for (let steps = 0; entry && steps < 100_000; steps += 1) {
    if (entry.action === 'edit' || entry.transition !== null || entry.prev_hash === null)
      return entry;
    entry = entryByHash(db, entry.prev_hash);
  }
  return undefined;
}

/** Whether an audit entry with this hash is already in the library. */
export function knownEntryHash(db: Database, hash: string): boolean {
  return (
    db
      .prepare("SELECT 1 FROM record_signatures WHERE kind = 'audit' AND entry_hash = ?")
      .get(hash) !== undefined
  );
}

/** The last saver's signed statement about an article's text, not yet in the chain. */
export function getPendingEdit(
  db: Database,
  articleId: string,
): { entry_json: string; signature_json: string } | undefined {
  return db
    .prepare('SELECT entry_json, signature_json FROM pending_edits WHERE article_id = ?')
    .get(articleId) as { entry_json: string; signature_json: string } | undefined;
}

/** Keeps the last saver's statement (one per article: a newer save replaces it). */
export function putPendingEdit(
  db: Database,
  articleId: string,
  entryJson: string,
  signatureJson: string,
): void {
  db.prepare(
    `INSERT INTO pending_edits (article_id, entry_json, signature_json) VALUES (?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET entry_json = excluded.entry_json,
       signature_json = excluded.signature_json`,
  ).run(articleId, entryJson, signatureJson);
}

/** Drops the pending statement (it was appended, or the text was replaced by an import). */
export function clearPendingEdit(db: Database, articleId: string): void {
  db.prepare('DELETE FROM pending_edits WHERE article_id = ?').run(articleId);
}
