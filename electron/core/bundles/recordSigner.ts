import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import type { Session } from '../auth/session';
import { getArticle } from '../db/queries/articles';
import type { AuditRow } from '../db/queries/audit';
import { insertAudit, listAudit } from '../db/queries/audit';
import { getComment } from '../db/queries/comments';
import { getRevision } from '../db/queries/revisions';
import {
  chainHead,
  clearPendingEdit,
  getPendingEdit,
  getSignature,
  insertSignature,
  putPendingEdit,
  setChainHead,
} from '../db/queries/signing';
import { getUser } from '../db/queries/users';
import type { Logger } from '../logging/logger';
import { parseStoredBody, rowToMeta } from '../services/articleRows';
import type { PolicyService } from '../services/workflowPolicy';
import type { AuditFields, ChainLink, Genesis } from './signatures';
import {
  auditForm,
  commentForm,
  commentStateForm,
  formHash,
  legacyEntryHash,
  revisionForm,
  signForm,
  textHash,
} from './signatures';

/** An audit row's signed fields. */
export function auditFields(row: Omit<AuditRow, 'seq'>): AuditFields {
  let details: AuditFields['details'] = {};
  try {
    details = JSON.parse(row.details_json) as AuditFields['details'];
  } catch {
    // A damaged row signs as empty details; it will not verify anywhere, which is right.
  }
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    transition: row.transition,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    userName: row.user_name,
    userRole: row.user_role,
    note: row.note,
    workstationId: row.workstation_id,
    workstationName: row.workstation_name,
    details,
  };
}

/**
 * Signs what the signed-in person makes, as they make it: audit entries (chained per article),
 * comments and their state, revisions, and a statement about the text after every save (the
 * `edit` entry that joins the chain before the next entry). Nothing is signed for someone who
 * is not the one signed in; entries without a user (the portal sync) are chained unsigned.
 */
export function createRecordSigner(deps: {
  db: Database;
  session: Session;
  now: () => number;
  policy: PolicyService;
  logger: Logger;
}) {
  const { db, session, logger } = deps;

  /** The seat's key, if it belongs to this account. */
  const keyFor = (userId: string | null) => {
    const seat = session.signingKey();
    return seat && userId !== null && seat.user.id === userId ? seat : null;
  };

  const currentText = (
    articleId: string,
  ): { hash: string; status: string; owner: string | null } | null => {
    const row = getArticle(db, articleId);
    if (!row) return null;
    const body = parseStoredBody(row.body_json, row.id, logger);
    const creator = db.prepare('SELECT created_by FROM articles WHERE id = ?').get(articleId) as {
      created_by: string | null;
    };
    const owner = creator.created_by ? (getUser(db, creator.created_by)?.user_name ?? null) : null;
    return {
      hash: textHash(articleId, { title: row.title, meta: rowToMeta(row), body }),
      status: row.status,
      owner,
    };
  };

  /** The text hash the chain currently vouches for (newest edit or genesis). */
  const chainedText = (articleId: string): string | null => {
    const row = db
      .prepare(
        `SELECT text_hash FROM record_signatures WHERE article_id = ? AND kind = 'audit'
         AND text_hash IS NOT NULL ORDER BY seq DESC LIMIT 1`,
      )
      .get(articleId) as { text_hash: string } | undefined;
    return row?.text_hash ?? null;
  };

  /** Links and signs an entry already written to audit_log. */
  const chain = (row: Omit<AuditRow, 'seq'>, textHashOf: string | null): void => {
    const head = chainHead(db, row.article_id);
    let genesis: Genesis | null = null;
    if (!head) {
      const text = currentText(row.article_id);
      if (!text) return;
      const legacy = listAudit(db, row.article_id)
        .filter((entry) => entry.id !== row.id && !getSignature(db, 'audit', entry.id))
        .reverse()
        .map((entry) => legacyEntryHash(row.article_id, auditFields(entry)));
      genesis = {
        // The state before this entry: a first transition starts from where it moved from.
        status: (row.action === 'create'
          ? 'draft'
          : row.transition && row.from_status
            ? row.from_status
            : text.status) as Genesis['status'],
        owner: text.owner,
        textHash: text.hash,
        legacy,
      };
    }
    const link: Omit<ChainLink, 'hash'> = {
      prev: head?.entry_hash ?? null,
      textHash: textHashOf,
      genesis,
    };
    const seat = keyFor(row.user_id);
    const signer = seat ? seat.user.userName : null;
    const form = auditForm(row.article_id, auditFields(row), signer, link);
    const signature = seat ? signForm(form, seat.user.userName, seat.key) : null;
    insertSignature(db, {
      kind: 'audit',
      record_id: row.id,
      article_id: row.article_id,
      signer,
      public_key: signature?.publicKey ?? null,
      signature: signature?.signature ?? null,
      prev_hash: link.prev,
      entry_hash: formHash(form),
      text_hash: link.textHash ?? link.genesis?.textHash ?? null,
      genesis_json: genesis ? JSON.stringify(genesis) : null,
    });
    setChainHead(db, row.article_id, formHash(form));
  };

  /** Appends the last saver's pending statement, if it still follows the chain's head. */
  const flushPending = (articleId: string): void => {
    const pending = getPendingEdit(db, articleId);
    if (!pending) return;
    clearPendingEdit(db, articleId);
    const entry = JSON.parse(pending.entry_json) as Omit<AuditRow, 'seq'>;
    const signed = JSON.parse(pending.signature_json) as {
      signer: string;
      publicKey: string;
      signature: string;
      prev: string | null;
      hash: string;
      textHash: string;
    };
    const head = chainHead(db, articleId);
    if ((head?.entry_hash ?? null) !== signed.prev || !head) {
      logger.warn('a pending edit statement no longer follows the chain; dropped', { articleId });
      return;
    }
    insertAudit(db, entry);
    insertSignature(db, {
      kind: 'audit',
      record_id: entry.id,
      article_id: articleId,
      signer: signed.signer,
      public_key: signed.publicKey,
      signature: signed.signature,
      prev_hash: signed.prev,
      entry_hash: signed.hash,
      text_hash: signed.textHash,
      genesis_json: null,
    });
    setChainHead(db, articleId, signed.hash);
  };

  /**
   * Signs one record that is not part of an article's audit chain (a comment, a comment's
   * state, a revision) as the seat's person, and stores the signature beside it.
   */
  const signRecord = (
    kind: 'comment' | 'commentState' | 'revision',
    recordId: string,
    articleId: string,
    form: string,
    seat: NonNullable<ReturnType<Session['signingKey']>>,
  ): void => {
    const signature = signForm(form, seat.user.userName, seat.key);
    insertSignature(db, {
      kind,
      record_id: recordId,
      article_id: articleId,
      signer: signature.signer,
      public_key: signature.publicKey,
      signature: signature.signature,
      prev_hash: null,
      entry_hash: null,
      text_hash: null,
      genesis_json: null,
    });
  };

  return {
    /** Before an entry is written: the pending edit statement goes first. */
    beforeAudit: flushPending,

    /** After an entry is written: link it to the chain and sign it. */
    afterAudit(row: Omit<AuditRow, 'seq'>): void {
      chain(row, null);
    },

    /**
     * After a save or restore: the saver signs what the text now is, as the next link of the
     * chain. Kept pending (one per article, replaced by the next save) so autosave does not
     * fill the trail; it is appended before the next entry of any kind.
     */
    afterEdit(articleId: string): void {
      const seat = session.signingKey();
      const text = currentText(articleId);
      const head = chainHead(db, articleId);
      if (!seat || !text) return;
      if (!head) {
        // An article from before signing: the first entry (with its genesis) starts the chain.
        return;
      }
      if (chainedText(articleId) === text.hash) {
        clearPendingEdit(db, articleId);
        return;
      }
      const workstation = deps.policy.get();
      const entry: Omit<AuditRow, 'seq'> = {
        id: randomUUID(),
        article_id: articleId,
        at: deps.now(),
        action: 'edit',
        transition: null,
        from_status: null,
        to_status: null,
        user_id: seat.user.id,
        user_name: seat.user.displayName,
        user_role: seat.user.role,
        note: '',
        workstation_id: workstation.workstationId,
        workstation_name: workstation.workstationName,
        details_json: '{}',
      };
      const link = { prev: head.entry_hash, textHash: text.hash, genesis: null };
      const form = auditForm(articleId, auditFields(entry), seat.user.userName, link);
      const signature = signForm(form, seat.user.userName, seat.key);
      putPendingEdit(
        db,
        articleId,
        JSON.stringify(entry),
        JSON.stringify({ ...signature, ...link, hash: formHash(form) }),
      );
    },

    /** Whether the chain vouches for the article's current text. */
    textIsChained(articleId: string): boolean {
      const text = currentText(articleId);
      return text !== null && chainedText(articleId) === text.hash;
    },

    /** Signs a comment its author just wrote. */
    comment(commentId: string): void {
      const row = getComment(db, commentId);
      const seat = row ? keyFor(row.author_id) : null;
      if (!row || !seat) return;
      const form = commentForm(
        row.article_id,
        {
          id: row.id,
          kind: row.kind,
          body: row.body,
          authorName: row.author_name,
          originalQuote: row.original_quote,
          createdAt: row.created_at,
        },
        seat.user.userName,
      );
      signRecord('comment', row.id, row.article_id, form, seat);
    },

    /** Signs a comment's state (resolved, reopened, deleted) as the person who changed it. */
    commentState(commentId: string): void {
      const row = getComment(db, commentId);
      const seat = session.signingKey();
      if (!row || !seat) return;
      const form = commentStateForm(
        row.article_id,
        {
          id: row.id,
          resolvedAt: row.resolved_at,
          resolvedByName: row.resolved_by_name,
          deletedAt: row.deleted_at,
        },
        seat.user.userName,
      );
      signRecord('commentState', row.id, row.article_id, form, seat);
    },

    /** Signs a revision the seat's session just took. */
    revision(revisionId: number): void {
      const row = getRevision(db, revisionId);
      const seat = session.signingKey();
      if (!row || !seat) return;
      const globalId = (
        db.prepare('SELECT global_id FROM revisions WHERE id = ?').get(revisionId) as {
          global_id: string | null;
        }
      ).global_id;
      if (!globalId) return;
      let fields;
      try {
        fields = {
          globalId,
          createdAt: row.created_at,
          reason: row.reason,
          articleVersion: row.article_version,
          title: row.title,
          meta: JSON.parse(row.meta_json) as unknown,
          body: JSON.parse(row.body_json) as unknown,
        };
      } catch {
        return;
      }
      const form = revisionForm(row.article_id, fields, seat.user.userName);
      signRecord('revision', globalId, row.article_id, form, seat);
    },
  };
}

/** The record signer's API. */
export type RecordSigner = ReturnType<typeof createRecordSigner>;
