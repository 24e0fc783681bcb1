import type { Database } from 'better-sqlite3';

import type { Article } from '../../../shared/domain/article';
import type { Revision, RevisionReason, RevisionSummary } from '../../../shared/domain/revision';
import { revisionReasons } from '../../../shared/domain/revision';
import { AppError } from '../../../shared/errors/appError';
import type { ArticleRow } from '../db/queries/articles';
import { getArticle, updateArticleContent } from '../db/queries/articles';
import type { RevisionRow } from '../db/queries/revisions';
import {
  getRevision,
  insertRevision,
  latestRevision,
  listRevisions,
} from '../db/queries/revisions';
import type { EventBus } from '../events/eventBus';
import type { Logger } from '../logging/logger';
import { parseStoredBody, rowToArticle, rowToMeta, toContent } from './articleRows';

/** Editing time between automatic revisions. */
export const revisionIntervalMs = 10 * 60 * 1000;

function toReason(value: string): RevisionReason {
  return revisionReasons.find((reason) => reason === value) ?? 'manual';
}

function toSummary(
  row: Pick<
    RevisionRow,
    'id' | 'article_id' | 'created_at' | 'reason' | 'article_version' | 'title' | 'word_count'
  >,
): RevisionSummary {
  return {
    id: row.id,
    articleId: row.article_id,
    createdAt: row.created_at,
    reason: toReason(row.reason),
    articleVersion: row.article_version,
    title: row.title,
    wordCount: row.word_count,
  };
}

function snapshotRow(row: ArticleRow, reason: RevisionReason, at: number): Omit<RevisionRow, 'id'> {
  return {
    article_id: row.id,
    created_at: at,
    reason,
    article_version: row.version,
    title: row.title,
    meta_json: JSON.stringify(rowToMeta(row)),
    body_json: row.body_json,
    body_text: row.body_text,
    word_count: row.word_count,
  };
}

/**
 * Revision history: snapshots at least every 10 minutes of editing, at workflow steps and on
 * restore; restoring copies a snapshot back as a new version and records that as a revision too.
 */
export function createRevisionsService(deps: {
  db: Database;
  events: EventBus;
  logger: Logger;
  now: () => number;
  intervalMs?: number;
  /** Called after a restore changed the text (the search index catches up). */
  onContentChanged?: () => void;
}) {
  const { db, events, logger, now } = deps;
  const onContentChanged = deps.onContentChanged ?? (() => undefined);
  const intervalMs = deps.intervalMs ?? revisionIntervalMs;

  let afterSnapshot: (revisionId: number) => void = () => undefined;

  const snapshot = (articleId: string, reason: RevisionReason): number => {
    const row = getArticle(db, articleId);
    if (!row) throw new AppError('not_found');
    const id = insertRevision(db, snapshotRow(row, reason, now()));
    afterSnapshot(id);
    return id;
  };

  const load = (id: number): RevisionRow => {
    const row = getRevision(db, id);
    if (!row) throw new AppError('not_found', 'Không tìm thấy bản lưu này trong lịch sử.');
    return row;
  };

  return {
    snapshot,

    /** Called with each new revision's id (the workflow desk signs it as the seat's user). */
    onSnapshot(listener: (revisionId: number) => void): void {
      afterSnapshot = listener;
    },

    /**
     * Takes an `interval` snapshot if none was taken in the last interval. Runs inside a save.
     * A body with no words yet (the title typed first) is nothing to go back to: the first
     * automatic revision waits for the text, so the history never shows «0 chữ» for minutes.
     */
    snapshotIfDue(articleId: string, reason: RevisionReason): boolean {
      if ((getArticle(db, articleId)?.word_count ?? 0) === 0) return false;
      const latest = latestRevision(db, articleId);
      if (latest && now() - latest.created_at < intervalMs) return false;
      snapshot(articleId, reason);
      return true;
    },

    /** A revision the reporter asks for («Lưu một bản»), whatever the interval. */
    saveManual(articleId: string): RevisionSummary {
      const id = snapshot(articleId, 'manual');
      return toSummary(load(id));
    },

    list: (articleId: string): RevisionSummary[] => listRevisions(db, articleId).map(toSummary),

    get(id: number): Revision {
      const row = load(id);
      const stored = getArticle(db, row.article_id);
      const meta = stored
        ? { ...rowToMeta(stored), ...(JSON.parse(row.meta_json) as object) }
        : (JSON.parse(row.meta_json) as Revision['meta']);
      return {
        ...toSummary(row),
        meta,
        body: parseStoredBody(row.body_json, row.article_id, logger),
        paragraphs: row.body_text.split('\n'),
      };
    },

    /** Restores a revision as the article's new current version (itself recorded as a revision). */
    restore(input: { articleId: string; revisionId: number; baseVersion: number }): Article {
      const revision = load(input.revisionId);
      if (revision.article_id !== input.articleId) {
        throw new AppError('invalid_input', 'Bản lưu này thuộc về một bài viết khác.');
      }
      const current = getArticle(db, input.articleId);
      if (!current) throw new AppError('not_found');
      const meta = {
        ...rowToMeta(current),
        ...(JSON.parse(revision.meta_json) as object),
      };
      // Stored as a save stores it (NFC, slug cut), whatever Newsdesk wrote the revision.
      const content = toContent(
        {
          id: input.articleId,
          title: revision.title,
          meta,
          body: parseStoredBody(revision.body_json, input.articleId, logger),
        },
        now(),
      );
      const restored = db.transaction(() => {
        const ok = updateArticleContent(db, {
          ...content,
          baseVersion: input.baseVersion,
        });
        if (!ok) return null;
        snapshot(input.articleId, 'restore');
        return getArticle(db, input.articleId) ?? null;
      })();
      if (!restored) {
        throw new AppError(
          'conflict',
          'Bài viết vừa được sửa ở nơi khác nên chưa khôi phục. Hãy mở lại bài rồi khôi phục lần nữa.',
        );
      }
      onContentChanged();
      logger.info('revision restored', {
        articleId: input.articleId,
        revisionId: input.revisionId,
      });
      events.emit('articles.changed', { id: restored.id, version: restored.version });
      return rowToArticle(restored, logger);
    },
  };
}

/** The revisions service's API. */
export type RevisionsService = ReturnType<typeof createRevisionsService>;
