import type {
  Article,
  ArticleMeta,
  ArticleSummary,
  DocNode,
  FeaturedImage,
} from '../../../shared/domain/article';
import {
  articleDocSchema,
  bodyWordCount,
  docToPlainText,
  storedForm,
} from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors/appError';
import { ARTICLE_SLUG_MAX_LENGTH, articleSlug } from '../../../shared/vietnamese/slug';
import type { ArticleContent, ArticleListRow, ArticleRow } from '../db/queries/articles';
import type { Logger } from '../logging/logger';
import { normalizeDocText } from './text';

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function parseFeatured(text: string | null): FeaturedImage | null {
  const value = parseJson(text);
  if (
    typeof value === 'object' &&
    value !== null &&
    'mediaPath' in value &&
    typeof value.mediaPath === 'string' &&
    'alt' in value &&
    typeof value.alt === 'string'
  ) {
    return { mediaPath: value.mediaPath, alt: value.alt };
  }
  return null;
}

/**
 * The fields of a stored row; damaged JSON columns fall back to empty values. A slug longer than
 * the limit (stored by an older Newsdesk or a bundle from one) is returned cut to it, so the
 * editor can save the article again.
 */
export function rowToMeta(row: Omit<ArticleRow, 'body_json' | 'body_text'>): ArticleMeta {
  const tags = parseJson(row.tags_json);
  return {
    slug: row.slug.length > ARTICLE_SLUG_MAX_LENGTH ? articleSlug(row.slug) : row.slug,
    slugLocked: row.slug_locked === 1,
    lead: row.lead,
    categoryId: row.category_id,
    tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
    authorId: row.author_id,
    source: row.source,
    featuredImage: parseFeatured(row.featured_json),
    publishAt: row.publish_at,
    expireAt: row.expire_at,
  };
}

/** The list view of a row. */
export function rowToSummary(row: ArticleListRow | ArticleRow, excerpt: string): ArticleSummary {
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

/** Parses a stored body, refusing (with the data left untouched) one that is damaged. */
export function parseStoredBody(bodyJson: string, id: string, logger: Logger): DocNode {
  try {
    const parsed = articleDocSchema.safeParse(JSON.parse(bodyJson));
    if (parsed.success) return parsed.data;
    logger.error('stored body fails the schema', { id, issues: parsed.error.issues.slice(0, 3) });
  } catch (error) {
    logger.error('stored body is not JSON', { id, error });
  }
  throw new AppError(
    'corrupt_data',
    'Nội dung đã lưu của bài viết này bị hỏng nên không mở được. Dữ liệu gốc vẫn được giữ nguyên trong thư viện; hãy mở «Lịch sử» để khôi phục một bản trước, hoặc liên hệ bộ phận kỹ thuật.',
  );
}

/** A whole article from its row. */
export function rowToArticle(row: ArticleRow, logger: Logger): Article {
  const meta = rowToMeta(row);
  return {
    ...rowToSummary(row, (meta.lead || row.body_text).slice(0, 200)),
    meta,
    body: parseStoredBody(row.body_json, row.id, logger),
    version: row.version,
  };
}

/**
 * The one field-to-column mapping (save, restore, bundle import, take-in from a portal). Canonical
 * stored form of what the editor sent: NFC everywhere, slug generated from the title
 * unless the reporter set one (theirs is made URL-safe the same way), both cut to the slug limit,
 * tags de-duplicated. Every stored field passes the save schema again (docs/article-limits.md).
 */
export function toContent(
  input: { id: string; title: string; meta: ArticleMeta; body: DocNode },
  updatedAt: number,
): ArticleContent {
  const title = storedForm(input.title);
  const body = normalizeDocText(input.body);
  const bodyText = docToPlainText(body);
  const meta = input.meta;
  // A hand-typed slug with nothing URL-safe in it counts as none: the title's slug is used.
  const own = meta.slugLocked ? articleSlug(meta.slug) : '';
  const slug = own || articleSlug(title);
  const tags = [...new Set(meta.tags.map((tag) => storedForm(tag).trim()))];
  return {
    id: input.id,
    title,
    body_json: JSON.stringify(body),
    body_text: bodyText,
    word_count: bodyWordCount(body),
    updated_at: updatedAt,
    slug,
    slug_locked: own !== '' ? 1 : 0,
    lead: storedForm(meta.lead),
    category_id: meta.categoryId,
    tags_json: JSON.stringify(tags),
    author_id: meta.authorId,
    source: storedForm(meta.source),
    featured_json: meta.featuredImage
      ? JSON.stringify({
          mediaPath: meta.featuredImage.mediaPath,
          alt: storedForm(meta.featuredImage.alt),
        })
      : null,
    publish_at: meta.publishAt,
    expire_at: meta.expireAt,
  };
}
