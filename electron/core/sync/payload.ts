import type { Article, AuthorProfile, Category } from '../../../shared/domain/article';
import { formatByline } from '../../../shared/domain/article';
import type { PortalTerm } from '../../../shared/domain/sync';
import type { Recipe } from '../../../shared/photos/recipe';
import { renderBodyHtml } from '../../../shared/render/articleHtml';
import { foldForSearch } from '../../../shared/vietnamese/searchFold';
import { slugify } from '../../../shared/vietnamese/slug';
import type { ArticlePayload, RemoteMedia } from '../portal/adapter';
import { syncRecipe } from './photos';

/**
 * The article as approved, frozen in the outbox item: later edits do not leak into a sync in
 * progress, and a restart publishes exactly what was approved.
 */
export interface ArticleSnapshot {
  articleId: string;
  version: number;
  title: string;
  meta: Article['meta'];
  body: Article['body'];
  byline: string;
  /** `id` is absent in snapshots queued before portal category links existed. */
  category: { id?: string; title: string; alias: string } | null;
  /** The recipe the photos are rendered with (the library default, first output only). */
  recipe: Recipe;
}

/** Freezes an article with the names its ids point to. */
export function snapshotArticle(
  article: Article,
  author: AuthorProfile | null,
  category: Category | null,
  recipe: Recipe,
): ArticleSnapshot {
  return {
    articleId: article.id,
    version: article.version,
    title: article.title.normalize('NFC').trim(),
    meta: article.meta,
    body: article.body,
    byline: author ? formatByline(author) : '',
    category: category ? { id: category.id, title: category.title, alias: category.alias } : null,
    recipe: syncRecipe(recipe),
  };
}

/**
 * The portal category for the article's local one: same slug (alias), else the same title
 * ignoring tones and case. Null when the article has none; undefined when the portal lacks it.
 */
export function matchCategory(
  category: ArticleSnapshot['category'],
  remote: readonly PortalTerm[],
): string | null | undefined {
  if (!category) return null;
  const alias = category.alias || slugify(category.title);
  const bySlug = remote.find((term) => term.slug === alias);
  if (bySlug) return bySlug.remoteId;
  const title = foldForSearch(category.title.trim());
  return remote.find((term) => foldForSearch(term.title.trim()) === title)?.remoteId;
}

/** The payload the adapter sends: photo URLs are the portal's, status from the publish time. */
export function buildPayload(
  snapshot: ArticleSnapshot,
  media: ReadonlyMap<string, RemoteMedia>,
  categoryId: string | null,
  now: number,
): ArticlePayload {
  const { meta } = snapshot;
  const featured = meta.featuredImage ? (media.get(meta.featuredImage.mediaPath) ?? null) : null;
  const scheduled = meta.publishAt !== null && meta.publishAt > now;
  return {
    syncKey: snapshot.articleId,
    title: snapshot.title,
    slug: meta.slug || slugify(snapshot.title, { maxLength: 200 }),
    lead: meta.lead.trim(),
    html: renderBodyHtml(snapshot.body, {
      mediaUrl: (mediaPath) => media.get(mediaPath)?.url ?? '',
      alignment: 'style',
    }),
    featuredMedia: featured,
    media: [...new Map([...media.values()].map((item) => [item.remoteId, item])).values()],
    featuredAlt: meta.featuredImage?.alt ?? '',
    categoryIds: categoryId === null ? [] : [categoryId],
    tags: meta.tags,
    author: snapshot.byline,
    source: meta.source,
    status: scheduled ? 'future' : 'publish',
    publishAt: meta.publishAt,
    expireAt: meta.expireAt,
  };
}
