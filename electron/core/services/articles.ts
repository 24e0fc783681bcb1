import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

import type {
  Article,
  ArticleSearchHit,
  ArticleStatus,
  ArticleSummary,
  DocNode,
} from '../../../shared/domain/article';
import {
  articleDocSchema,
  articleLimits,
  docToPlainText,
  emptyDoc,
} from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors/appError';
import { countWords } from '../../../shared/vietnamese/counts';
import { highlightSnippet } from '../../../shared/vietnamese/searchFold';
import type { ArticleListRow, ArticleRow } from '../db/queries/articles';
import {
  getArticle,
  insertArticle,
  listArticles,
  updateArticleContent,
} from '../db/queries/articles';
import { indexArticle, searchArticles } from '../db/queries/articleSearch';
import type { EventBus } from '../events/eventBus';
import type { Logger } from '../logging/logger';
import { normalizeDocText } from './text';

/** What the articles service needs from its surroundings (injected, so tests pass real SQLite). */
export interface ArticlesDeps {
  db: Database;
  events: EventBus;
  logger: Logger;
  now: () => number;
}

function toSummary(row: ArticleListRow | ArticleRow, excerpt: string): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    excerpt,
    wordCount: row.word_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parseBody(row: ArticleRow, logger: Logger): DocNode {
  try {
    const parsed = articleDocSchema.safeParse(JSON.parse(row.body_json));
    if (parsed.success) return parsed.data;
    logger.error('stored body fails the schema', {
      id: row.id,
      issues: parsed.error.issues.slice(0, 3),
    });
  } catch (error) {
    logger.error('stored body is not JSON', { id: row.id, error });
  }
  throw new AppError(
    'corrupt_data',
    'Nội dung đã lưu của bài viết này bị hỏng nên không mở được. Dữ liệu gốc vẫn được giữ nguyên trong thư viện; hãy liên hệ bộ phận kỹ thuật để khôi phục.',
  );
}

/** Article storage: create, load, list and save with optimistic concurrency. */
export function createArticlesService(deps: ArticlesDeps) {
  const { db, events, logger, now } = deps;

  const load = (id: string): Article => {
    const row = getArticle(db, id);
    if (!row)
      throw new AppError(
        'not_found',
        'Không tìm thấy bài viết. Có thể bài đã bị xoá; hãy tải lại danh sách.',
      );
    const body = parseBody(row, logger);
    return { ...toSummary(row, row.body_text.slice(0, 200)), body, version: row.version };
  };

  return {
    list(filter: { status?: ArticleStatus; limit: number }): ArticleSummary[] {
      return listArticles(db, filter).map((row) => toSummary(row, row.excerpt));
    },

    get: load,

    /** Tone-insensitive full-text search with highlighted title and snippet. */
    search(input: { query: string; limit: number }): ArticleSearchHit[] {
      return searchArticles(db, input.query, input.limit).map((row) => ({
        id: row.id,
        title: row.title,
        status: row.status as ArticleStatus,
        excerpt: '',
        wordCount: row.word_count,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        titleSegments: highlightSnippet(row.title, input.query, { radius: Infinity }),
        snippet: highlightSnippet(row.body_text, input.query, { radius: 70 }),
      }));
    },

    create(input: { title: string }): Article {
      const at = now();
      const body = emptyDoc();
      const row: ArticleRow = {
        id: randomUUID(),
        title: input.title.normalize('NFC'),
        body_json: JSON.stringify(body),
        body_text: '',
        word_count: 0,
        status: 'draft',
        version: 0,
        created_at: at,
        updated_at: at,
      };
      db.transaction(() => {
        insertArticle(db, row);
        indexArticle(db, row.id, row.title, '');
      })();
      logger.info('article created', { id: row.id });
      events.emit('articles.changed', { id: row.id, version: 0 });
      return { ...toSummary(row, ''), body, version: 0 };
    },

    save(input: { id: string; title: string; body: DocNode; baseVersion: number }) {
      const body = normalizeDocText(input.body);
      const bodyJson = JSON.stringify(body);
      if (bodyJson.length > articleLimits.bodyJsonBytes) {
        throw new AppError(
          'invalid_input',
          'Bài viết quá lớn để lưu (vượt 16 MB). Hãy chia bài thành nhiều phần; bản đã lưu trước đó vẫn an toàn.',
        );
      }
      const bodyText = docToPlainText(body);
      const updatedAt = now();
      const title = input.title.normalize('NFC');
      const saved = db.transaction(() => {
        const updated = updateArticleContent(db, {
          id: input.id,
          title,
          body_json: bodyJson,
          body_text: bodyText,
          word_count: countWords(bodyText),
          updated_at: updatedAt,
          baseVersion: input.baseVersion,
        });
        if (updated) indexArticle(db, input.id, title, bodyText);
        return updated;
      })();
      if (!saved) {
        if (!getArticle(db, input.id)) throw new AppError('not_found');
        throw new AppError(
          'conflict',
          'Bài viết vừa được lưu từ một cửa sổ khác. Hãy mở lại bài để xem bản mới nhất; nội dung bạn đang gõ vẫn còn trên màn hình.',
        );
      }
      const version = input.baseVersion + 1;
      events.emit('articles.changed', { id: input.id, version });
      return { version, updatedAt };
    },
  };
}

/** The articles service's API, as the contract handlers see it. */
export type ArticlesService = ReturnType<typeof createArticlesService>;
