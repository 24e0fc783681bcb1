import type { Database } from 'better-sqlite3';

import type { SignatureRow } from '../db/queries/signing';
import { chainHead, getSignature } from '../db/queries/signing';
import type { ArticlePayload } from './payload';
import type { ChainLink, Genesis, SignaturePayload } from './signatures';

/** A stored signature as it travels, or null when the record was never signed. */
function sigOf(row: SignatureRow | undefined): SignaturePayload | null {
  return row?.signer && row.public_key && row.signature
    ? { signer: row.signer, publicKey: row.public_key, signature: row.signature }
    : null;
}

function linkOf(row: SignatureRow | undefined): ChainLink | null {
  if (!row?.entry_hash) return null;
  let genesis: Genesis | null = null;
  if (row.genesis_json) genesis = JSON.parse(row.genesis_json) as Genesis;
  return {
    prev: row.prev_hash,
    hash: row.entry_hash,
    // A genesis's text hash travels inside the genesis.
    textHash: genesis ? null : row.text_hash,
    genesis,
  };
}

/**
 * Adds what the library knows about who signed each record of an article entry: the audit
 * chain (links and signatures), comment and comment-state signatures, revision signatures and
 * the chain's head. Records made before signing travel without, and the other side treats them
 * as unverified (docs/signing.md).
 */
export function signaturesFor(db: Database, payload: ArticlePayload): ArticlePayload {
  const articleId = payload.article.id;
  return {
    ...payload,
    head: chainHead(db, articleId)?.entry_hash ?? null,
    audit: payload.audit.map((entry) => {
      const row = getSignature(db, 'audit', entry.id);
      return { ...entry, chain: linkOf(row), sig: sigOf(row) };
    }),
    comments: payload.comments.map((comment) => ({
      ...comment,
      sig: sigOf(getSignature(db, 'comment', comment.id)),
      stateSig: sigOf(getSignature(db, 'commentState', comment.id)),
    })),
    revisions: payload.revisions.map((revision) => ({
      ...revision,
      sig: sigOf(getSignature(db, 'revision', revision.globalId)),
    })),
  };
}
