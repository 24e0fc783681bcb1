import type { Database } from 'better-sqlite3';

import type { Article, ArticleStatus } from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors/appError';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type {
  ApprovalChecklist,
  ArticleWorkflowState,
  AuditEntry,
  QueueItem,
  TransitionResult,
  WorkflowQueue,
} from '../../../shared/workflow/review';
import { statusLabels } from '../../../shared/workflow/roles';
import type { Transition } from '../../../shared/workflow/transitions';
import {
  availableTransitions,
  checkTransition,
  editRefusal,
  transitionRefusal,
  transitionTable,
} from '../../../shared/workflow/transitions';
import { latestSteps } from '../db/queries/audit';
import { activeLeases } from '../db/queries/leases';
import { articleOnPortal } from '../db/queries/sync';
import type { ArticleWorkflowRow, QueueRow } from '../db/queries/workflow';
import { getWorkflowRow, listForQueue, setCreator, updateStatus } from '../db/queries/workflow';
import type { EventBus } from '../events/eventBus';
import type { Logger } from '../logging/logger';
import type { ApprovalService } from './approval';
import { articleNotFound } from './articles';
import type { AuditService } from './audit';
import type { LeasesService } from './leases';
import type { RevisionsService } from './revisions';
import type { PolicyService } from './workflowPolicy';

/** Steps after which the text is kept as a revision: what was sent, returned, approved. */
const snapshotAfter = new Set<Transition>([
  'submit',
  'return',
  'approve',
  'update',
  'markPublished',
]);

/** Editors' queue states, and the states in which an author waits on someone else. */
const reviewStates: readonly ArticleStatus[] = ['submitted', 'in_review'];
const waitingStates: readonly ArticleStatus[] = [
  'submitted',
  'in_review',
  'approved',
  'scheduled',
  'queued',
];

/** True when the user created the article; articles from before accounts belong to everyone. */
function ownsArticle(row: Pick<ArticleWorkflowRow, 'created_by'>, user: SignedInUser): boolean {
  return row.created_by === null || row.created_by === user.id;
}

/**
 * The editorial workflow: moves articles through the state machine in
 * `shared/workflow/transitions.ts` for the signed-in user's role, runs the approval checklist,
 * records every step in the audit trail and builds the review queue.
 */
export function createWorkflowService(deps: {
  db: Database;
  now: () => number;
  logger: Logger;
  events: EventBus;
  audit: AuditService;
  leases: LeasesService;
  approval: ApprovalService;
  revisions: RevisionsService;
  policy: PolicyService;
  loadArticle: (id: string) => Article;
}) {
  const { db, now, logger, events, audit, leases, approval, revisions } = deps;
  // Spiking is refused while the article is on a portal; the outbox's own record says so.
  const onPortal = (articleId: string): boolean => articleOnPortal(db, articleId);

  const load = (articleId: string): ArticleWorkflowRow => {
    const row = getWorkflowRow(db, articleId);
    if (!row) throw articleNotFound();
    return row;
  };

  const requireEditable = (user: SignedInUser, articleId: string): void => {
    const row = load(articleId);
    const refusal = editRefusal(row.status, { role: user.role, isOwner: ownsArticle(row, user) });
    if (refusal) throw new AppError('forbidden', refusal);
  };

  const checklistFailed = (checklist: ApprovalChecklist): AppError => {
    const lines = checklist.errors.slice(0, 10).map((issue) => `• ${issue.message}`);
    const more =
      checklist.errors.length > 10 ? `\n… và ${checklist.errors.length - 10} lỗi khác.` : '';
    return new AppError(
      'checklist_failed',
      `Chưa duyệt được: bài còn ${checklist.errors.length} lỗi phải sửa trước khi duyệt.\n${lines.join('\n')}${more}`,
    );
  };

  /** The note of the return that put the article in `returned`, while it stays there. */
  const returnNoteOf = (
    articleId: string,
    status: ArticleStatus,
  ): ArticleWorkflowState['returnNote'] => {
    if (status !== 'returned') return null;
    const step = latestSteps(db, [articleId]).get(articleId);
    if (!step || step.transition !== 'return') return null;
    return { note: step.note, by: step.user_name, at: step.at };
  };

  const toItem = (
    row: QueueRow,
    steps: ReturnType<typeof latestSteps>,
    held: Map<string, { holder: string; since: number }>,
  ): QueueItem => {
    const step = steps.get(row.id);
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      excerpt: row.excerpt,
      wordCount: row.word_count,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name } : null,
      statusChangedAt: row.status_changed_at,
      lastStep: step
        ? {
            transition: (step.transition as Transition | null) ?? null,
            by: step.user_name,
            at: step.at,
            note: step.note,
          }
        : null,
      lease: held.get(row.id) ?? null,
      conflictOf: row.conflict_of,
    };
  };

  return {
    /** Records who created a new article. */
    recordCreated(user: SignedInUser, articleId: string): void {
      setCreator(db, articleId, user.id, user.displayName);
      audit.record({ articleId, action: 'create', user, toStatus: 'draft' });
    },

    /** Refuses an edit (save, restore) the state machine or someone else's lease forbids. */
    beforeEdit(user: SignedInUser, articleId: string): void {
      requireEditable(user, articleId);
      leases.beforeWrite(user, articleId);
    },

    /** Refuses (forbidden) when the state or ownership does not let this user edit the article. */
    requireEditable,

    state(user: SignedInUser, articleId: string): ArticleWorkflowState {
      const row = load(articleId);
      const actor = { role: user.role, isOwner: ownsArticle(row, user) };
      return {
        articleId,
        status: row.status,
        statusLabel: statusLabels[row.status],
        version: row.version,
        createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name } : null,
        statusChangedAt: row.status_changed_at,
        editRefusal: editRefusal(row.status, actor),
        transitions: availableTransitions(row.status, actor)
          .filter((transition) => transition !== 'spike' || !onPortal(articleId))
          .map((transition) => ({
            transition,
            label: transitionTable[transition].label,
            to: transitionTable[transition].to,
            noteRequired: transitionTable[transition].noteRequired,
          })),
        lease: leases.get(user, articleId),
        conflictOf: row.conflict_of
          ? { articleId: row.conflict_of, workstationName: row.conflict_from }
          : null,
        returnNote: returnNoteOf(articleId, row.status),
      };
    },

    checklist: (articleId: string): Promise<ApprovalChecklist> =>
      approval.run(deps.loadArticle(articleId)),

    async transition(
      user: SignedInUser,
      input: { articleId: string; transition: Transition; note: string; baseVersion?: number },
    ): Promise<TransitionResult> {
      const row = load(input.articleId);
      const note = input.note.normalize('NFC').trim();
      const check = checkTransition(
        input.transition,
        row.status,
        { role: user.role, isOwner: ownsArticle(row, user) },
        note,
      );
      if (!check.ok) {
        const message = transitionRefusal(input.transition, row.status, check);
        const code =
          check.reason === 'wrong_state'
            ? 'conflict'
            : check.reason === 'note_required'
              ? 'invalid_input'
              : 'forbidden';
        throw new AppError(code, message);
      }
      if (input.transition === 'spike' && onPortal(input.articleId)) {
        throw new AppError(
          'conflict',
          'Bài đang có trên trang tin nên không loại được. Hãy «Gỡ khỏi trang» trước, rồi mới loại bài.',
        );
      }
      let baseVersion = input.baseVersion;
      let warnings: TransitionResult['warnings'] = [];
      if (input.transition === 'schedule') {
        const publishAt = deps.loadArticle(input.articleId).meta.publishAt;
        if (publishAt === null || publishAt <= now()) {
          throw new AppError(
            'invalid_input',
            'Hãy đặt giờ đăng (trong tương lai) ở phần thông tin bài trước khi hẹn giờ đăng.',
          );
        }
      }
      if (input.transition === 'approve') {
        const article = deps.loadArticle(input.articleId);
        const checklist = await approval.run(article);
        if (!checklist.ok) throw checklistFailed(checklist);
        warnings = checklist.warnings;
        // The approved text is the text that was checked.
        baseVersion ??= article.version;
      }
      const at = now();
      const result = db.transaction(() => {
        const moved = updateStatus(db, {
          id: input.articleId,
          from: row.status,
          to: check.to,
          at,
          ...(baseVersion !== undefined ? { baseVersion } : {}),
        });
        if (!moved) return null;
        if (snapshotAfter.has(input.transition)) revisions.snapshot(input.articleId, 'workflow');
        if (input.transition === 'submit') leases.release(user, input.articleId);
        const entry = audit.record({
          articleId: input.articleId,
          action: 'transition',
          transition: input.transition,
          fromStatus: row.status,
          toStatus: check.to,
          user,
          note,
          details: warnings.length > 0 ? { warnings: warnings.length } : {},
        });
        return { entry, version: load(input.articleId).version };
      })();
      if (!result) {
        throw new AppError(
          'conflict',
          'Bài vừa được sửa hoặc chuyển trạng thái ở nơi khác. Hãy tải lại bài rồi thử lại.',
        );
      }
      logger.info('transition', {
        articleId: input.articleId,
        transition: input.transition,
        userId: user.id,
      });
      events.emit('articles.changed', { id: input.articleId, version: result.version });
      return {
        articleId: input.articleId,
        status: check.to,
        version: result.version,
        audit: result.entry,
        warnings,
      };
    },

    /**
     * The portal confirmed an article queued for it: `queued` becomes `published`, recorded as
     * the sync (no user). Any other state is left alone (an editor may have moved it meanwhile).
     */
    markPublishedBySync(articleId: string, details: AuditEntry['details']): boolean {
      const row = getWorkflowRow(db, articleId);
      if (!row || row.status !== 'queued') return false;
      const at = now();
      const moved = db.transaction(() => {
        if (!updateStatus(db, { id: articleId, from: 'queued', to: 'published', at })) return false;
        audit.record({
          articleId,
          action: 'sync',
          transition: 'markPublished',
          fromStatus: 'queued',
          toStatus: 'published',
          user: null,
          details,
        });
        return true;
      })();
      if (moved) {
        const version = load(articleId).version;
        events.emit('articles.changed', { id: articleId, version });
      }
      return moved;
    },

    queue(user: SignedInUser, limit: number): WorkflowQueue {
      const rows = listForQueue(db, limit);
      const steps = latestSteps(
        db,
        rows.map((row) => row.id),
      );
      const leaseMs = deps.policy.get().leaseMinutes * 60_000;
      const held = new Map(
        activeLeases(db, now() - leaseMs + 1).map((lease) => [
          lease.article_id,
          { holder: lease.user_name, since: lease.since },
        ]),
      );
      const reviews = user.role === 'editor' || user.role === 'admin';
      const queue: WorkflowQueue = {
        waitingForMe: [],
        mineWaitingOnOthers: [],
        everythingElse: [],
        counts: { returnedToMe: 0, waitingForMyReview: 0 },
      };
      for (const row of rows) {
        const mine = row.created_by === user.id;
        const item = toItem(row, steps, held);
        const returnedToMe = mine && row.status === 'returned';
        const toReview = reviews && reviewStates.includes(row.status);
        if (returnedToMe) queue.counts.returnedToMe += 1;
        if (toReview) queue.counts.waitingForMyReview += 1;
        if (returnedToMe || toReview) queue.waitingForMe.push(item);
        else if (mine && waitingStates.includes(row.status)) queue.mineWaitingOnOthers.push(item);
        else queue.everythingElse.push(item);
      }
      return queue;
    },
  };
}

/** The workflow service's API. */
export type WorkflowService = ReturnType<typeof createWorkflowService>;
