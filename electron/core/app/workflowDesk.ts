import type { Database } from 'better-sqlite3';

import type { AccessCheck } from '../auth/accessControl';
import { createAccessCheck } from '../auth/accessControl';
import type { ScryptParams } from '../auth/password';
import { createSession } from '../auth/session';
import { createSignInGuard } from '../auth/signInGuard';
import { createRecordSigner } from '../bundles/recordSigner';
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
import { createWorkflowService } from '../services/workflow';
import { createPolicyService } from '../services/workflowPolicy';
import { createRosterService } from '../roster/rosterService';

/**
 * The editorial workflow's services, built once and shared: the seat's session and the
 * permission check every call passes, the record signer and the audit trail, accounts and the
 * sign-in guard, the newsroom roster, leases, comments, the approval checklist and the
 * transitions. Their calls are bound by each domain's `xxxHandlers`; createCore assembles them.
 */
export function createWorkflowDesk(deps: {
  db: Database;
  events: EventBus;
  logger: Logger;
  now: () => number;
  paths: LibraryPaths;
  articles: ArticlesService;
  revisions: RevisionsService;
  /** Cost of new password hashes (tests lower it). */
  scrypt?: ScryptParams;
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
  });
  const comments = createCommentsService({ db, now, loadBody: (id) => articles.get(id).body });

  return {
    /** The permission check dispatch runs before every handler. */
    access,
    /** Sign-in slowing and its log. */
    guard,
    /** The newsroom's roster and enrolment. */
    roster,
    accounts,
    leases,
    comments,
    /** Signs revisions, comments and edits with the seat's key. */
    signer,
    /** The audit trail, for other desks (portal sync records its runs here). */
    audit,
    /** The newsroom's workflow rules and this workstation's identity. */
    policy,
    /** Transitions, for the publishing bridge (portal sync) to run and complete them. */
    workflow,
  };
}

/** The workflow desk's parts, as createCore sees them. */
export type WorkflowDesk = ReturnType<typeof createWorkflowDesk>;
