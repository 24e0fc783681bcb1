import type { Article, AuthorProfile, Category } from '../../../shared/domain/article';
import type { Recipe } from '../../../shared/photos/recipe';
import type { ExportArticleResult } from '../export/exportArticle';
import { exportArticleFolder } from '../export/exportArticle';
import type { LibraryPaths } from '../library/libraryPaths';
import type { ArticleSnapshot } from '../sync/payload';
import { snapshotArticle } from '../sync/payload';
import type { ArticlesService } from './articles';
import type { DirectoryService } from './directory';

/** An article with the author profile and category its ids point to (null when unset or gone). */
interface ArticleWithNames {
  article: Article;
  author: AuthorProfile | null;
  category: Category | null;
}

/**
 * What leaves the desk as a whole article: the standalone HTML folder («Xuất HTML») and the
 * frozen snapshot the portal outbox sends. Both show the byline and the category by name, so
 * both load them here the same way.
 */
export function createArticleOutputs(deps: {
  articles: ArticlesService;
  directory: DirectoryService;
  paths: LibraryPaths;
  /** The library's default photo recipe, with its logo (the photo desk knows it). */
  publishRecipe: () => Recipe;
}) {
  const { articles, directory, paths } = deps;

  const withNames = (articleId: string): ArticleWithNames => {
    const article = articles.get(articleId);
    return {
      article,
      author: directory.authors().find((author) => author.id === article.meta.authorId) ?? null,
      category:
        directory.categories().find((category) => category.id === article.meta.categoryId) ?? null,
    };
  };

  return {
    /** Writes the article as a folder (index.html and its photos) under `exports/`. */
    exportHtml(articleId: string): Promise<ExportArticleResult> {
      return exportArticleFolder({
        ...withNames(articleId),
        mediaDir: paths.media,
        outDir: paths.exports,
      });
    },

    /** Freezes the article as it is now for the outbox; throws not_found for an unknown id. */
    snapshot(articleId: string): ArticleSnapshot {
      const { article, author, category } = withNames(articleId);
      return snapshotArticle(article, author, category, deps.publishRecipe());
    },
  };
}
