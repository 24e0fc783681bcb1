import type { Database } from 'better-sqlite3';

import type { workflowCalls } from '../../../shared/contract/workflowCalls';
import { AppError } from '../../../shared/errors/appError';
import { diffBlocks } from '../../../shared/revisions/diffText';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type { BundleImportReport, ConflictDiff } from '../../../shared/workflow/handoff';
import type { AccessCheck } from '../auth/accessControl';
import { createAccessCheck } from '../auth/accessControl';
import type { ScryptParams } from '../auth/password';
import { createSession } from '../auth/session';
import { createSignInGuard } from '../auth/signInGuard';
import { exportBundle } from '../bundles/exportBundle';
import { importBundle } from '../bundles/importBundle';
import { createRecordSigner } from '../bundles/recordSigner';
import type { Handlers } from '../contract/dispatch';
import { requireUser } from '../contract/dispatch';
import { getArticle } from '../db/queries/articles';
import { getWorkflowRow } from '../db/queries/workflow';
import type { EventBus } from '../events/eventBus';
import type { LibraryPaths } from '../library/libraryPaths';
import type { Logger } from '../logging/logger';
import { createAccountsService } from '../services/accounts';
import { createApprovalService } from '../services/approval';
import type { ArticlesService } from '../services/articles';
import type { AuditService } from '../services/audit';
import { createAuditService } from '../services/audit';
import { createCommentsService } from '../services/comments';
import { createLeasesService } from '../services/leases';
import type { RevisionsService } from '../services/revisions';
import type { SearchIndexer } from '../services/searchIndexer';
import { createWorkflowService } from '../services/workflow';
import { createPolicyService } from '../services/workflowPolicy';
import { createRosterService } from '../roster/rosterService';

/** The workflow's calls, as one slice of the contract's handlers. */
export type WorkflowDeskHandlers = Pick<
  Handlers,
  keyof typeof workflowCalls | 'auth.unlockAccount' | 'auth.signInLog'
>;

/**
 * The editorial workflow wired to the contract: the seat's session and the permission check
 * every call passes, accounts, transitions, comments, leases, the audit trail and hand-off
 * bundles. The writing desk's own calls get the hooks they need (`afterCreate`, `beforeEdit`,
 * `afterEdit`, `afterRestore`).
 */
export function createWorkflowDesk(deps: {
  db: Database;
  events: EventBus;
  logger: Logger;
  now: () => number;
  paths: LibraryPaths;
  articles: ArticlesService;
  revisions: RevisionsService;
  indexer: SearchIndexer;
  /** Cost of new password hashes (tests lower it). */
  scrypt?: ScryptParams;
  /** Whether the article exists on the portal (portal sync knows); spiking is refused then. */
  onPortal?: (articleId: string) => boolean;
}) {
  const { db, events, logger, now, paths, articles, revisions } = deps;
  const policy = createPolicyService({ db });
  const session = createSession({ now, idleLockMinutes: () => policy.get().idleLockMinutes });
  const access: AccessCheck = createAccessCheck(session);
  const signer = createRecordSigner({ db, session, now, policy, logger: logger.child('signing') });
  const audit: AuditService = createAuditService({ db, now, policy, chain: signer });
  const guard = createSignInGuard({ db, now, logger: logger.child('sign-in') });
  const roster = createRosterService({
    db,
    session,
    events,
    logger: logger.child('newsroom'),
    now,
    exportsDir: paths.exports,
    ...(deps.scrypt ? { scrypt: deps.scrypt } : {}),
  });
  // Revisions are signed by whoever's session took them.
  revisions.onSnapshot((revisionId) => signer.revision(revisionId));
  const accounts = createAccountsService({
    db,
    now,
    logger: logger.child('accounts'),
    events,
    session,
    guard,
    ...(deps.scrypt ? { scrypt: deps.scrypt } : {}),
  });
  const leases = createLeasesService({ db, now, policy, audit });
  const approval = createApprovalService({
    db,
    mediaDir: paths.media,
    policy,
    logger: logger.child('approval'),
  });
  const workflow = createWorkflowService({
    db,
    now,
    logger: logger.child('workflow'),
    events,
    audit,
    leases,
    approval,
    revisions,
    policy,
    loadArticle: (id) => articles.get(id),
    ...(deps.onPortal ? { onPortal: deps.onPortal } : {}),
  });
  const comments = createCommentsService({ db, now, loadBody: (id) => articles.get(id).body });

  const requireArticle = (articleId: string): void => {
    if (!getArticle(db, articleId)) {
      throw new AppError(
        'not_found',
        'Không tìm thấy bài viết. Có thể bài đã bị xoá; hãy tải lại danh sách.',
      );
    }
  };

  const conflictDiff = (articleId: string): ConflictDiff => {
    const row = getWorkflowRow(db, articleId);
    if (!row) throw new AppError('not_found', 'Không tìm thấy bản xung đột này.');
    if (!row.conflict_of) {
      throw new AppError(
        'invalid_input',
        'Bài này không phải bản xung đột nên không có gì để so sánh.',
      );
    }
    const original = getArticle(db, row.conflict_of);
    const copy = getArticle(db, articleId);
    if (!original || !copy) {
      throw new AppError('not_found', 'Không tìm thấy bài gốc của bản xung đột này.');
    }
    return {
      original: { id: original.id, title: original.title, version: original.version },
      copy: { id: copy.id, title: copy.title, version: copy.version },
      workstationName: row.conflict_from,
      rows: diffBlocks(original.body_text.split('\n'), copy.body_text.split('\n')),
      titleChanged: !copy.title.startsWith(original.title),
    };
  };

  const importBundleData = async (
    user: SignedInUser,
    fileName: string,
    data: Buffer,
  ): Promise<BundleImportReport> => {
    const { report, changed } = await importBundle({
      db,
      mediaDir: paths.media,
      logger: logger.child('bundles'),
      now,
      audit,
      revisions,
      roster,
      user,
      fileName,
      data,
    });
    deps.indexer.schedule();
    for (const change of changed) events.emit('articles.changed', change);
    return report;
  };

  const handlers: WorkflowDeskHandlers = {
    'auth.status': () => accounts.status(),
    'auth.setupAdmin': (args) => accounts.setupAdmin(args),
    'auth.signIn': (args) => accounts.signIn(args),
    'auth.switchUser': (args) => accounts.switchUser(args),
    'auth.signOut': () => accounts.signOut(),
    'auth.lock': () => accounts.lock(),
    'auth.changePassword': (args, context) => accounts.changePassword(requireUser(context), args),
    'auth.unlockAccount': (args, context) => guard.unlock(requireUser(context), args.userName),
    'auth.signInLog': (args) => guard.report(args.limit),
    'users.list': () => accounts.list(),
    'users.create': async (args, context) => {
      const created = await accounts.create(args);
      // On the newsroom administrator's PC, joining goes out as a new roster at once.
      roster.publishIfAuthority(requireUser(context));
      return created;
    },
    'users.update': async (args, context) => {
      const updated = await accounts.update(requireUser(context), args);
      roster.publishIfAuthority(requireUser(context));
      return updated;
    },
    'workflow.policy': () => policy.get(),
    'workflow.setPolicy': (args) => policy.update(args),
    'workflow.state': (args, context) => workflow.state(requireUser(context), args.articleId),
    'workflow.transition': (args, context) => workflow.transition(requireUser(context), args),
    'workflow.checklist': (args) => workflow.checklist(args.articleId),
    'workflow.queue': (args, context) => workflow.queue(requireUser(context), args.limit),
    'comments.list': (args, context) => comments.list(requireUser(context), args),
    'comments.add': (args, context) => {
      const added = comments.add(requireUser(context), args);
      signer.comment(added.id);
      return added;
    },
    'comments.resolve': (args, context) => {
      const resolved = comments.resolve(requireUser(context), args.id);
      signer.commentState(args.id);
      return resolved;
    },
    'comments.reopen': (args, context) => {
      const reopened = comments.reopen(requireUser(context), args.id);
      signer.commentState(args.id);
      return reopened;
    },
    'comments.delete': (args, context) => {
      const deleted = comments.delete(requireUser(context), args.id);
      signer.commentState(args.id);
      return deleted;
    },
    'locks.get': (args, context) => {
      requireArticle(args.articleId);
      return leases.get(context.user, args.articleId);
    },
    'locks.acquire': (args, context) => {
      const user = requireUser(context);
      // Only someone who may edit the article can hold its lease (and so keep the owner out).
      workflow.requireEditable(user, args.articleId);
      return leases.acquire(user, args.articleId);
    },
    'locks.release': (args, context) => leases.release(requireUser(context), args.articleId),
    'locks.takeOver': (args, context) =>
      leases.takeOver(requireUser(context), args.articleId, args.note),
    'audit.list': (args) => {
      requireArticle(args.articleId);
      return audit.list(args.articleId);
    },
    'bundles.export': (args, context) =>
      exportBundle({
        db,
        mediaDir: paths.media,
        exportsDir: paths.exports,
        policy,
        audit,
        logger: logger.child('bundles'),
        now,
        user: requireUser(context),
        signer,
        roster: roster.roster(),
        articleIds: args.articleIds,
        includeData: args.includeData,
      }),
    'bundles.import': (args, context) =>
      importBundleData(requireUser(context), args.fileName, Buffer.from(args.dataBase64, 'base64')),
    'bundles.conflictDiff': (args) => conflictDiff(args.articleId),
    'newsroom.status': () => roster.info(),
    'newsroom.create': (args, context) => roster.create(requireUser(context), args.name),
    'newsroom.publish': (_args, context) => roster.publish(requireUser(context)),
    'newsroom.exportRoster': () => roster.exportRoster(),
    'newsroom.importRoster': (args) => roster.importRoster(args.dataBase64),
    'newsroom.exportEnrolment': (args, context) =>
      roster.exportEnrolment(requireUser(context), args.userName),
    'newsroom.enroll': (args) => roster.enroll(args),
  };

  return {
    handlers,
    /** Imports a bundle's bytes (from `bundles.import` or an upload) as `user`. */
    importBundleData,
    /** The permission check dispatch runs before every handler. */
    access,
    /** The audit trail, for other desks (portal sync records its runs here). */
    audit,
    /** The newsroom's workflow rules and this workstation's identity. */
    policy,
    /** Transitions, for the publishing bridge (portal sync) to run and complete them. */
    workflow,
    /** Records the creator of a new article (inside the create transaction). */
    afterCreate: (user: SignedInUser, articleId: string) => workflow.recordCreated(user, articleId),
    /** Refuses a change (e.g. a manual revision) the state or the role forbids. */
    requireEditable: (user: SignedInUser, articleId: string) =>
      workflow.requireEditable(user, articleId),
    /** Refuses a save or restore the state, the role or someone else's lease forbids. */
    beforeEdit: (user: SignedInUser, articleId: string) => workflow.beforeEdit(user, articleId),
    /** The saver holds the lease afterwards, with fresh activity, and signs the new text. */
    afterEdit(user: SignedInUser, articleId: string): void {
      leases.afterWrite(user, articleId);
      signer.afterEdit(articleId);
    },
    /** A restore is recorded in the audit trail (after the restorer's signed text). */
    afterRestore(user: SignedInUser, articleId: string, revisionId: number): void {
      leases.afterWrite(user, articleId);
      signer.afterEdit(articleId);
      audit.record({ articleId, action: 'restore', user, details: { revisionId } });
    },
  };
}

/** The workflow desk's API, as createCore sees it. */
export type WorkflowDesk = ReturnType<typeof createWorkflowDesk>;
