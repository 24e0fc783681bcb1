import type {
  Article,
  ArticleMeta,
  ArticleSummary,
  DocNode,
  FeaturedImage,
} from '../../../shared/domain/article';
import { articleDocSchema, bodyWordCount, docToPlainText } from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors/appError';
import { slugify } from '../../../shared/vietnamese/slug';
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

/** The fields of a stored row; damaged JSON columns fall back to empty values. */
export function rowToMeta(row: Omit<ArticleRow, 'body_json' | 'body_text'>): ArticleMeta {
  const tags = parseJson(row.tags_json);
  return {
    slug: row.slug,
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
 * Canonical stored form of what the editor sent: NFC everywhere, slug generated from the title
 * unless the reporter set one (theirs is made URL-safe the same way), tags de-duplicated.
 */
export function toContent(
  input: { id: string; title: string; meta: ArticleMeta; body: DocNode },
  updatedAt: number,
): ArticleContent {
  const title = input.title.normalize('NFC');
  const body = normalizeDocText(input.body);
  const bodyText = docToPlainText(body);
  const meta = input.meta;
  const slug = meta.slugLocked ? slugify(meta.slug) : slugify(title);
  const tags = [...new Set(meta.tags.map((tag) => tag.normalize('NFC').trim()))];
  return {
    id: input.id,
    title,
    body_json: JSON.stringify(body),
    body_text: bodyText,
    word_count: bodyWordCount(body),
    updated_at: updatedAt,
    slug,
    slug_locked: meta.slugLocked && slug !== '' ? 1 : 0,
    lead: meta.lead.normalize('NFC'),
    category_id: meta.categoryId,
    tags_json: JSON.stringify(tags),
    author_id: meta.authorId,
    source: meta.source.normalize('NFC'),
    featured_json: meta.featuredImage
      ? JSON.stringify({
          mediaPath: meta.featuredImage.mediaPath,
          alt: meta.featuredImage.alt.normalize('NFC'),
        })
      : null,
    publish_at: meta.publishAt,
    expire_at: meta.expireAt,
  };
}
