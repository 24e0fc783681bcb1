import type { Database } from 'better-sqlite3';

import {
  getPendingEdit,
  getSignature,
  getUserKey,
  insertSignature,
  latestStateEntry,
  chainHead,
  knownEntryHash,
  setChainHead,
} from '../db/queries/signing';
import type { Roster } from '../../../shared/newsroom/roster';
import { getUserByName } from '../db/queries/users';
import type { ArticlePayload } from './payload';
import type { LocalRecords, Verdict } from './verifyArticle';

/*
 * The import side of signed hand-off, kept apart from the merge in importBundle.ts: what the
 * library already trusts, how an incoming chain relates to ours, and storing the signatures of
 * what was accepted so it travels on signed.
 */

/** The receiving library's trusted records, for `verifyArticle`. */
export function localRecords(db: Database): LocalRecords {
  return {
    knownEntry: (hash) => knownEntryHash(db, hash),
    knownAuditId: (id) => db.prepare('SELECT 1 FROM audit_log WHERE id = ?').get(id) !== undefined,
    knownSignature: (kind, id, signature) =>
      db
        .prepare(
          'SELECT 1 FROM record_signatures WHERE kind = ? AND record_id = ? AND signature = ?',
        )
        .get(kind, id, signature) !== undefined,
  };
}

/**
 * How a verified incoming chain relates to this library's chain of the same article:
 * `extends` (it contains our newest state: theirs may apply), `stale` (we already have its
 * head: an old bundle, nothing new), `diverged` (both moved on), or `none` (no chain here).
 */
export function chainRelation(
  db: Database,
  articleId: string,
  verdict: Extract<Verdict, { ok: true }>,
): 'extends' | 'stale' | 'diverged' | 'none' {
  // Text saved here since the chain's last entry is a change of ours they cannot contain.
  if (getPendingEdit(db, articleId)) return knownEntryHash(db, verdict.head) ? 'stale' : 'diverged';
  const ours = latestStateEntry(db, articleId);
  if (!ours?.entry_hash) return chainHead(db, articleId) ? 'diverged' : 'none';
  if (verdict.path.has(ours.entry_hash)) {
    const head = chainHead(db, articleId)?.entry_hash;
    return head === verdict.head ? 'stale' : 'extends';
  }
  return knownEntryHash(db, verdict.head) ? 'stale' : 'diverged';
}

/**
 * Stores the signatures of an accepted article's audit entries (the chain's own entries last),
 * and moves the chain head when theirs was applied.
 */
export function storeSignatures(
  db: Database,
  payload: ArticlePayload,
  verdict: Extract<Verdict, { ok: true }>,
  moveHead: boolean,
): void {
  const articleId = payload.article.id;
  const onPath = payload.audit.filter((entry) => entry.chain && verdict.path.has(entry.chain.hash));
  const offPath = payload.audit.filter(
    (entry) => entry.chain && !verdict.path.has(entry.chain.hash),
  );
  for (const entry of [...offPath, ...onPath]) {
    const link = entry.chain;
    if (!link || getSignature(db, 'audit', entry.id)) continue;
    insertSignature(db, {
      kind: 'audit',
      record_id: entry.id,
      article_id: articleId,
      signer: entry.sig?.signer ?? null,
      public_key: entry.sig?.publicKey ?? null,
      signature: entry.sig?.signature ?? null,
      prev_hash: link.prev,
      entry_hash: link.hash,
      text_hash: link.textHash ?? link.genesis?.textHash ?? null,
      genesis_json: link.genesis ? JSON.stringify(link.genesis) : null,
    });
  }
  if (moveHead) setChainHead(db, articleId, verdict.head);
}

/** Stores a comment's, a comment state's or a revision's signature that came with a merge. */
export function storeRecordSignature(
  db: Database,
  kind: 'comment' | 'commentState' | 'revision',
  id: string,
  articleId: string,
  sig: ArticlePayload['comments'][number]['sig'],
): void {
  if (!sig) return;
  const present = db
    .prepare('SELECT 1 FROM record_signatures WHERE kind = ? AND record_id = ? AND signature = ?')
    .get(kind, id, sig.signature);
  if (present) return;
  insertSignature(db, {
    kind,
    record_id: id,
    article_id: articleId,
    signer: sig.signer,
    public_key: sig.publicKey,
    signature: sig.signature,
    prev_hash: null,
    entry_hash: null,
    text_hash: null,
    genesis_json: null,
  });
}

/**
 * This library's account for a roster member: same sign-in name and the member's key. A local
 * account that only shares the name (made on this PC, another key) is not that person.
 */
export function localMember(db: Database, roster: Roster | null, userName: string) {
  const member = roster?.members.find((item) => item.userName === userName);
  const local = getUserByName(db, userName);
  if (!member || !local) return undefined;
  return getUserKey(db, local.id)?.publicKey === member.publicKey ? local : undefined;
}

/** Maps the bundle's account ids to this library's, by the names their signatures prove. */
export function localIdsFromNames(
  db: Database,
  roster: Roster | null,
  names: ReadonlyMap<string, string>,
): (id: string) => string {
  const map = new Map<string, string>();
  for (const [id, name] of names) {
    const local = localMember(db, roster, name);
    if (local) map.set(id, local.id);
  }
  return (id) => map.get(id) ?? id;
}
