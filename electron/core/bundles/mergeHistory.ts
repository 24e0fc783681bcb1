import type { Database } from 'better-sqlite3';

import { bodyWordCount, docToPlainText } from '../../../shared/domain/article';
import { insertAudit } from '../db/queries/audit';
import { insertImportedRevision, revisionKnown } from '../db/queries/bundleImport';
import { mergeComment } from '../db/queries/comments';
import type { ArticlePayload } from './payload';
import { storeRecordSignature } from './verifyImport';

/** What `mergeHistory` added, for the import report. */
export interface HistoryCounts {
  revisionsAdded: number;
  commentsMerged: number;
  auditAdded: number;
}

/**
 * Merges an article's revisions, comments and audit entries by their ids. Revisions go to
 * `revisionsTo` (the conflict copy when there is one), the rest to the article. User ids are the
 * sender's, mapped by `localUser`. When the records are verified and stay on their own article
 * (`signed`), their signatures are kept so the history can travel on.
 */
export function mergeHistory(
  db: Database,
  payload: ArticlePayload,
  target: { articleId: string; revisionsTo: string },
  localUser: (userId: string) => string,
  signed: boolean,
): HistoryCounts {
  const { articleId, revisionsTo } = target;
  const counts: HistoryCounts = { revisionsAdded: 0, commentsMerged: 0, auditAdded: 0 };
  for (const revision of payload.revisions) {
    if (signed && revisionsTo === articleId)
      storeRecordSignature(db, 'revision', revision.globalId, articleId, revision.sig);
    if (revisionKnown(db, revision.globalId)) continue;
    insertImportedRevision(db, {
      articleId: revisionsTo,
      createdAt: revision.createdAt,
      reason: revision.reason,
      articleVersion: revision.articleVersion,
      title: revision.title,
      metaJson: JSON.stringify(revision.meta),
      bodyJson: JSON.stringify(revision.body),
      bodyText: docToPlainText(revision.body),
      wordCount: bodyWordCount(revision.body),
      globalId: revision.globalId,
    });
    counts.revisionsAdded += 1;
  }
  for (const comment of payload.comments) {
    const merged = mergeComment(db, {
      id: comment.id,
      article_id: articleId,
      kind: comment.kind,
      body: comment.body,
      author_id: localUser(comment.authorId),
      author_name: comment.authorName,
      original_quote: comment.originalQuote,
      quote: comment.quote,
      prefix: comment.prefix,
      suffix: comment.suffix,
      anchor_from: comment.anchorFrom,
      anchor_to: comment.anchorTo,
      anchor_offset: comment.anchorOffset,
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      resolved_at: comment.resolvedAt,
      resolved_by: comment.resolvedBy === null ? null : localUser(comment.resolvedBy),
      resolved_by_name: comment.resolvedByName,
      deleted_at: comment.deletedAt,
    });
    if (signed) storeRecordSignature(db, 'comment', comment.id, articleId, comment.sig);
    if (merged && signed)
      storeRecordSignature(db, 'commentState', comment.id, articleId, comment.stateSig);
    if (merged) counts.commentsMerged += 1;
  }
  for (const entry of payload.audit) {
    const added = insertAudit(db, {
      id: entry.id,
      article_id: articleId,
      at: entry.at,
      action: entry.action,
      transition: entry.transition,
      from_status: entry.fromStatus,
      to_status: entry.toStatus,
      user_id: entry.userId === null ? null : localUser(entry.userId),
      user_name: entry.userName,
      user_role: entry.userRole,
      note: entry.note,
      workstation_id: entry.workstationId,
      workstation_name: entry.workstationName,
      details_json: JSON.stringify(entry.details),
    });
    if (added) counts.auditAdded += 1;
  }
  return counts;
}
