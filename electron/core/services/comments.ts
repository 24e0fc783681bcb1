import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import type { DocNode } from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors/appError';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import { captureAnchor, resolveAnchor } from '../../../shared/workflow/commentAnchor';
import type { ArticleComment } from '../../../shared/workflow/review';
import type { CommentRow } from '../db/queries/comments';
import {
  getComment,
  insertComment,
  listComments,
  markDeleted,
  moveAnchor,
  setResolved,
} from '../db/queries/comments';

function toComment(
  row: CommentRow,
  user: SignedInUser,
  anchor: ArticleComment['anchor'],
): ArticleComment {
  return {
    id: row.id,
    articleId: row.article_id,
    kind: row.kind,
    text: row.body,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolved: row.resolved_at !== null,
    resolvedAt: row.resolved_at,
    resolvedBy:
      row.resolved_by !== null ? { id: row.resolved_by, name: row.resolved_by_name ?? '' } : null,
    anchor,
    mine: row.author_id === user.id,
  };
}

/**
 * Review comments: on a passage of the body (found again after every edit, see
 * `shared/workflow/commentAnchor.ts`) or on the whole article. Anyone signed in may comment,
 * resolve and reopen; only the author deletes their own comment.
 */
export function createCommentsService(deps: {
  db: Database;
  now: () => number;
  /** The article's current body; throws not_found for an unknown article. */
  loadBody: (articleId: string) => DocNode;
}) {
  const { db, now, loadBody } = deps;

  const load = (id: string): CommentRow => {
    const row = getComment(db, id);
    if (!row || row.deleted_at !== null)
      throw new AppError('not_found', 'Không tìm thấy bình luận này. Có thể nó vừa bị xoá.');
    return row;
  };

  /** Finds the anchor in `body` and stores where it is now (comments follow the text). */
  const anchorOf = (row: CommentRow, body: DocNode): ArticleComment['anchor'] => {
    if (row.kind !== 'inline' || row.quote === null) return null;
    const stored = {
      quote: row.quote,
      prefix: row.prefix ?? '',
      suffix: row.suffix ?? '',
      from: row.anchor_from ?? 0,
      to: row.anchor_to ?? 0,
      offset: row.anchor_offset ?? 0,
    };
    const found = resolveAnchor(body, stored);
    if (found.stored && found.state !== 'exact') moveAnchor(db, row.id, found.stored);
    return {
      state: found.state,
      from: found.from,
      to: found.to,
      quote: row.original_quote ?? row.quote,
      currentText: found.text,
    };
  };

  const present = (row: CommentRow, user: SignedInUser): ArticleComment =>
    toComment(row, user, anchorOf(row, loadBody(row.article_id)));

  return {
    list(
      user: SignedInUser,
      input: { articleId: string; includeResolved: boolean },
    ): ArticleComment[] {
      const body = loadBody(input.articleId);
      return db.transaction(() =>
        listComments(db, input.articleId, { withDeleted: false })
          .filter((row) => input.includeResolved || row.resolved_at === null)
          .map((row) => toComment(row, user, anchorOf(row, body))),
      )();
    },

    add(
      user: SignedInUser,
      input: {
        articleId: string;
        text: string;
        anchor?: { from: number; to: number; quote: string };
      },
    ): ArticleComment {
      const body = loadBody(input.articleId);
      const at = now();
      let anchor = null;
      if (input.anchor) {
        anchor = captureAnchor(body, {
          ...input.anchor,
          quote: input.anchor.quote.normalize('NFC'),
        });
        if (!anchor) {
          throw new AppError(
            'invalid_input',
            'Đoạn văn bạn chọn chưa có trong bản đã lưu. Hãy đợi bài lưu xong (dòng «Đã lưu») rồi bình luận lại.',
          );
        }
      }
      const row: CommentRow = {
        id: randomUUID(),
        article_id: input.articleId,
        kind: anchor ? 'inline' : 'general',
        body: input.text.normalize('NFC').trim(),
        author_id: user.id,
        author_name: user.displayName,
        original_quote: anchor?.quote ?? null,
        quote: anchor?.quote ?? null,
        prefix: anchor?.prefix ?? null,
        suffix: anchor?.suffix ?? null,
        anchor_from: anchor?.from ?? null,
        anchor_to: anchor?.to ?? null,
        anchor_offset: anchor?.offset ?? null,
        created_at: at,
        updated_at: at,
        resolved_at: null,
        resolved_by: null,
        resolved_by_name: null,
        deleted_at: null,
      };
      insertComment(db, row);
      return present(row, user);
    },

    resolve(user: SignedInUser, id: string): ArticleComment {
      const row = load(id);
      if (row.resolved_at === null) {
        setResolved(db, id, {
          resolved_at: now(),
          resolved_by: user.id,
          resolved_by_name: user.displayName,
          updated_at: now(),
        });
      }
      return present(load(id), user);
    },

    reopen(user: SignedInUser, id: string): ArticleComment {
      const row = load(id);
      if (row.resolved_at !== null) {
        setResolved(db, id, {
          resolved_at: null,
          resolved_by: null,
          resolved_by_name: null,
          updated_at: now(),
        });
      }
      return present(load(id), user);
    },

    delete(user: SignedInUser, id: string): null {
      const row = load(id);
      if (row.author_id !== user.id) {
        throw new AppError(
          'forbidden',
          `Bạn chỉ xoá được bình luận của chính mình; bình luận này của ${row.author_name}. Hãy đánh dấu «Đã xử lý» thay vì xoá.`,
        );
      }
      markDeleted(db, id, now());
      return null;
    },
  };
}

/** The comments service's API. */
export type CommentsService = ReturnType<typeof createCommentsService>;
