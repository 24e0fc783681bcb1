import type { Database } from 'better-sqlite3';

import type { Article, ArticleMeta, DocNode } from '../../../shared/domain/article';
import { figureMediaPaths } from '../../../shared/domain/article';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type { RecordSigner } from '../bundles/recordSigner';
import type { ArticlesService } from './articles';
import type { AuditService } from './audit';
import type { LeasesService } from './leases';
import type { RevisionsService } from './revisions';
import type { WorkflowService } from './workflow';

/**
 * The writing desk's use cases: create, save, restore and a manual revision, each with what the
 * workflow asks around it (docs/ARCHITECTURE.md, "a keystroke to a saved revision"). Every
 * write of one use case goes into ONE transaction: the text, the revision, the lease, the
 * signed edit entry and the photo usage. A failure late in a save leaves nothing written, so the
 * editor's retry (same base version) is not refused as «changed in another window».
 */
export function createArticleEditing(deps: {
  db: Database;
  articles: ArticlesService;
  revisions: RevisionsService;
  workflow: WorkflowService;
  leases: LeasesService;
  signer: RecordSigner;
  audit: AuditService;
  /** Records which library photos the body shows (the photo desk's usage list). */
  recordPhotoUsage: (articleId: string, mediaPaths: readonly string[]) => void;
}) {
  const { db, articles, revisions, workflow, leases, signer } = deps;

  /** The saver holds the lease afterwards, with fresh activity, and signs the new text. */
  const afterEdit = (user: SignedInUser, articleId: string): void => {
    leases.afterWrite(user, articleId);
    signer.afterEdit(articleId);
  };

  return {
    /** A new draft, owned by its creator (recorded in the audit trail). */
    create(user: SignedInUser, input: { title: string }): Article {
      return db.transaction(() => {
        const created = articles.create(input);
        workflow.recordCreated(user, created.id);
        return created;
      })();
    },

    /** Autosave and «Lưu»: refused when the state, the role or someone else's lease forbids. */
    save(
      user: SignedInUser,
      input: { id: string; title: string; meta: ArticleMeta; body: DocNode; baseVersion: number },
    ) {
      return db.transaction(() => {
        workflow.beforeEdit(user, input.id);
        return articles.save(input, () => {
          afterEdit(user, input.id);
          deps.recordPhotoUsage(input.id, figureMediaPaths(input.body));
        });
      })();
    },

    /** Restores a revision as the new current text; recorded in the audit trail. */
    restore(
      user: SignedInUser,
      input: { articleId: string; revisionId: number; baseVersion: number },
    ): Article {
      return db.transaction(() => {
        workflow.beforeEdit(user, input.articleId);
        const restored = revisions.restore(input);
        afterEdit(user, input.articleId);
        deps.audit.record({
          articleId: input.articleId,
          action: 'restore',
          user,
          details: { revisionId: input.revisionId },
        });
        return restored;
      })();
    },

    /** «Lưu một bản»: a revision on request, by someone who may edit the article. */
    saveManual(user: SignedInUser, articleId: string) {
      workflow.requireEditable(user, articleId);
      return revisions.saveManual(articleId);
    },
  };
}

/** The writing desk's use cases, as the article handlers see them. */
export type ArticleEditing = ReturnType<typeof createArticleEditing>;
