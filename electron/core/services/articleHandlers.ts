import type { HandlersOf } from '../contract/dispatch';
import { requireUser } from '../contract/dispatch';
import type { ArticleEditing } from './articleEditing';
import type { createArticleOutputs } from './articleOutputs';
import type { ArticlesService } from './articles';
import type { RevisionsService } from './revisions';

/** Binds the writing desk (articles and their revisions) to the contract. */
export function articleHandlers(deps: {
  articles: ArticlesService;
  editing: ArticleEditing;
  outputs: ReturnType<typeof createArticleOutputs>;
  revisions: RevisionsService;
}): HandlersOf<'articles' | 'revisions'> {
  const { articles, editing, outputs, revisions } = deps;
  return {
    'articles.list': (args) => articles.list(args),
    'articles.search': (args) => articles.search(args),
    'articles.get': (args) => articles.get(args.id),
    'articles.create': (args, context) => editing.create(requireUser(context), args),
    'articles.save': (args, context) => editing.save(requireUser(context), args),
    'articles.exportHtml': (args) => outputs.exportHtml(args.id),
    'revisions.list': (args) => revisions.list(args.articleId),
    'revisions.create': (args, context) => editing.saveManual(requireUser(context), args.articleId),
    'revisions.get': (args) => revisions.get(args.id),
    'revisions.restore': (args, context) => editing.restore(requireUser(context), args),
  };
}
