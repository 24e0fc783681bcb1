import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

import type {
  Article,
  ArticleMeta,
  ArticleSearchHit,
  TextSegment,
  ArticleSummary,
  DocNode,
} from '../../../shared/domain/article';
import { articleLimits, emptyDoc, emptyMeta, storedForm } from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors/appError';
import { foldForIndex, highlightSnippet } from '../../../shared/vietnamese/searchFold';
import { articleSlug } from '../../../shared/vietnamese/slug';
import { searchArticles } from '../db/queries/articleSearch';
import type { ArticleListFilter, ArticleRow } from '../db/queries/articles';
import {
  getArticle,
  insertArticle,
  listArticles,
  updateArticleContent,
} from '../db/queries/articles';
import type { EventBus } from '../events/eventBus';
import type { Logger } from '../logging/logger';
import { rowToArticle, rowToSummary, toContent } from './articleRows';
import type { RevisionsService } from './revisions';
import type { SearchIndexer } from './searchIndexer';

/** What the articles service needs from its surroundings (injected, so tests pass real SQLite). */
export interface ArticlesDeps {
  db: Database;
  events: EventBus;
  logger: Logger;
  now: () => number;
  revisions: RevisionsService;
  indexer: SearchIndexer;
}

/** The refusal for an article that is not (or no longer) in the library. */
export const articleNotFound = (): AppError =>
  new AppError(
    'not_found',
    'Không tìm thấy bài viết. Có thể bài đã bị xoá; hãy tải lại danh sách.',
  );

/** The stored row of an article; refuses an id that is not in the library. */
export function requireArticle(db: Database, articleId: string): ArticleRow {
  const row = getArticle(db, articleId);
  if (!row) throw articleNotFound();
  return row;
}

function isForeignKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  );
}

/**
 * Where the first query word occurs in the text, found by folding the text a piece at a time
 * (pieces cut after a space, so no word straddles two) and stopping at the first piece with a
 * match: folding a whole long article for each of the 20–50 hits cost more than the search
 * itself. In NFC text with single spaces the one-pass fold keeps positions, so a place found in
 * folded text lines up with the original.
 */
function firstMatchAt(text: string, terms: string[]): number {
  const piece = 600;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + piece);
    if (end < text.length) {
      const space = text.indexOf(' ', end);
      end = space < 0 ? text.length : space + 1;
    }
    const folded = foldForIndex(text.slice(start, end));
    const positions = terms.map((term) => folded.indexOf(term)).filter((at) => at >= 0);
    if (positions.length > 0) return start + Math.min(...positions);
    start = end;
  }
  return 0;
}

/**
 * A highlighted snippet around the first place where a query word occurs (in the lead, else the
 * body), from the original text with its tones. Only a ~500-character window goes through the
 * offset-keeping highlighter, so 50 hits on long articles stay cheap.
 */
function snippetFor(lead: string, bodyText: string, query: string): TextSegment[] {
  const terms = foldForIndex(query)
    .split(' ')
    .filter((term) => term !== '');
  const text = (lead ? `${lead}\n${bodyText}` : bodyText).replace(/\s/gu, ' ');
  const at = firstMatchAt(text, terms);
  const from = Math.max(0, at - 200);
  const window = text.slice(from, at + 300);
  const segments = highlightSnippet(window, query, { radius: 70 });
  const first = segments[0];
  if (from > 0 && first && !first.text.startsWith('…'))
    segments.unshift({ text: '…', match: false });
  return segments;
}

/** Article storage: create, load, list, search and save with optimistic concurrency. */
export function createArticlesService(deps: ArticlesDeps) {
  const { db, events, logger, now, revisions, indexer } = deps;

  return {
    list(
      filter: Omit<ArticleListFilter, 'sort'> & { sort?: ArticleListFilter['sort'] },
    ): ArticleSummary[] {
      return listArticles(db, { ...filter, sort: filter.sort ?? 'updated' }).map((row) =>
        rowToSummary(row, row.excerpt),
      );
    },

    get: (id: string): Article => rowToArticle(requireArticle(db, id), logger),

    /** Tone-insensitive full-text search with highlighted title and snippet. */
    search(input: { query: string; limit: number }): ArticleSearchHit[] {
      indexer.flush();
      return searchArticles(db, input.query, input.limit).map((row) => ({
        id: row.id,
        title: row.title,
        status: row.status,
        excerpt: '',
        wordCount: row.word_count,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        titleSegments: highlightSnippet(row.title, input.query, { radius: Infinity }),
        // A headline match needs no walk through the body: its snippet is the sapo.
        snippet: row.in_headline
          ? snippetFor(row.lead || row.body_text.slice(0, 600), '', input.query)
          : snippetFor(row.lead, row.body_text, input.query),
      }));
    },

    create(input: { title: string }): Article {
      const at = now();
      const body = emptyDoc();
      const meta = emptyMeta();
      const title = storedForm(input.title);
      const row: ArticleRow = {
        id: randomUUID(),
        title,
        body_json: JSON.stringify(body),
        body_text: '',
        word_count: 0,
        status: 'draft',
        version: 0,
        created_at: at,
        updated_at: at,
        slug: articleSlug(title),
        slug_locked: 0,
        lead: '',
        category_id: null,
        tags_json: '[]',
        author_id: null,
        source: '',
        featured_json: null,
        publish_at: null,
        expire_at: null,
      };
      insertArticle(db, row);
      indexer.schedule();
      logger.info('article created', { id: row.id });
      events.emit('articles.changed', { id: row.id, version: 0 });
      return { ...rowToSummary(row, ''), meta: { ...meta, slug: row.slug }, body, version: 0 };
    },

    /**
     * Saves title, fields and body in one transaction with the search index and, when due,
     * a revision. Autosave calls this every few seconds, so nothing here refuses a half-filled
     * article: completeness is the pre-submit checks' job. `alongside` runs the caller's own
     * writes (lease, signature, photo usage) in the same transaction, so a failure there leaves
     * nothing written and the retry is no false conflict.
     */
    save(
      input: {
        id: string;
        title: string;
        meta: ArticleMeta;
        body: DocNode;
        baseVersion: number;
      },
      alongside: () => void = () => undefined,
    ) {
      const updatedAt = now();
      const content = toContent(input, updatedAt);
      if (content.body_json.length > articleLimits.bodyJsonBytes) {
        throw new AppError(
          'invalid_input',
          'Bài viết quá lớn để lưu (vượt 16 MB). Hãy chia bài thành nhiều phần; bản đã lưu trước đó vẫn an toàn.',
        );
      }
      let saved: boolean;
      try {
        saved = db.transaction(() => {
          const updated = updateArticleContent(db, { ...content, baseVersion: input.baseVersion });
          if (updated) {
            revisions.snapshotIfDue(input.id, 'interval');
            alongside();
          }
          return updated;
        })();
      } catch (error) {
        if (isForeignKeyError(error)) {
          throw new AppError(
            'invalid_input',
            'Chuyên mục hoặc tác giả đã chọn không còn trong danh sách. Hãy chọn lại rồi lưu.',
            { cause: error },
          );
        }
        throw error;
      }
      if (!saved) {
        requireArticle(db, input.id);
        throw new AppError(
          'conflict',
          'Bài viết vừa được lưu từ một cửa sổ khác. Hãy mở lại bài để xem bản mới nhất; nội dung bạn đang gõ vẫn còn trên màn hình.',
        );
      }
      const version = input.baseVersion + 1;
      indexer.schedule();
      events.emit('articles.changed', { id: input.id, version });
      return { version, updatedAt, slug: content.slug };
    },
  };
}

/** The articles service's API, as the contract handlers see it. */
export type ArticlesService = ReturnType<typeof createArticlesService>;
