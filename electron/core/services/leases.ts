import type { Database } from 'better-sqlite3';

import { AppError } from '../../../shared/errors/appError';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type { Lease, LockResult } from '../../../shared/workflow/review';
import { roles } from '../../../shared/workflow/roles';
import type { HandlersOf } from '../contract/dispatch';
import { requireUser } from '../contract/dispatch';
import type { LeaseRow } from '../db/queries/leases';
import { deleteLease, getLease, putLease, touchLease } from '../db/queries/leases';
import { requireArticle } from './articles';
import type { AuditService } from './audit';
import type { PolicyService } from './workflowPolicy';

/** Whether a lease is still active at `at`, given the idle limit. */
function isActive(row: LeaseRow, at: number, leaseMs: number): boolean {
  return at - row.last_active_at < leaseMs;
}

/**
 * Editing leases (WordPress's post lock, WoodWing's check-out): opening an article for editing
 * takes its lease; saving and opening again keep it; it lapses after the newsroom's idle limit.
 * Someone else's active lease blocks saving; an editor may take it over, which is audited.
 */
export function createLeasesService(deps: {
  db: Database;
  now: () => number;
  policy: PolicyService;
  audit: AuditService;
}) {
  const { db, now, policy, audit } = deps;
  const leaseMs = (): number => policy.get().leaseMinutes * 60_000;

  const toLease = (row: LeaseRow, user: SignedInUser | null): Lease => ({
    articleId: row.article_id,
    holder: {
      id: row.user_id,
      name: row.user_name,
      role: roles.find((role) => role === row.user_role) ?? 'reporter',
    },
    since: row.since,
    lastActiveAt: row.last_active_at,
    expiresAt: row.last_active_at + leaseMs(),
    mine: user !== null && row.user_id === user.id,
  });

  const active = (articleId: string): LeaseRow | null => {
    const row = getLease(db, articleId);
    return row && isActive(row, now(), leaseMs()) ? row : null;
  };

  const give = (articleId: string, user: SignedInUser, previous: LeaseRow | null): LeaseRow => {
    const at = now();
    const row: LeaseRow = {
      article_id: articleId,
      user_id: user.id,
      user_name: user.displayName,
      user_role: user.role,
      since: previous && previous.user_id === user.id ? previous.since : at,
      last_active_at: at,
    };
    putLease(db, row);
    return row;
  };

  const heldBySomeoneElse = (row: LeaseRow): AppError =>
    new AppError(
      'conflict',
      `${row.user_name} đang sửa bài này (từ ${new Date(row.since).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' })}). Bài chưa được lưu lại. Hãy đợi người đó đóng bài, hoặc nhờ biên tập viên giành quyền sửa.`,
    );

  return {
    /** The active lease on an article, if any. */
    get(user: SignedInUser | null, articleId: string): Lease | null {
      const row = active(articleId);
      return row ? toLease(row, user) : null;
    },

    /** Takes or keeps the lease; when someone else holds it, says who and since when. */
    acquire(user: SignedInUser, articleId: string): LockResult {
      requireArticle(db, articleId);
      const row = active(articleId);
      if (row && row.user_id !== user.id) return { acquired: false, lease: toLease(row, user) };
      return { acquired: true, lease: toLease(give(articleId, user, row), user) };
    },

    /** Gives the lease back (only the holder's own). */
    release(user: SignedInUser, articleId: string): null {
      const row = getLease(db, articleId);
      if (row && row.user_id === user.id) deleteLease(db, articleId);
      return null;
    },

    /** An editor takes the lease from its holder; recorded in the audit trail. */
    takeOver(user: SignedInUser, articleId: string, note: string): Lease {
      requireArticle(db, articleId);
      return db.transaction(() => {
        const previous = active(articleId);
        const row = give(articleId, user, previous);
        if (previous && previous.user_id !== user.id) {
          audit.record({
            articleId,
            action: 'takeover',
            user,
            note,
            details: {
              previousHolderId: previous.user_id,
              previousHolder: previous.user_name,
              previousSince: previous.since,
            },
          });
        }
        return toLease(row, user);
      })();
    },

    /**
     * Before a save or restore: refused with the holder's name while someone else's lease is
     * active; otherwise the saver takes (or refreshes) the lease.
     */
    beforeWrite(user: SignedInUser, articleId: string): void {
      const row = active(articleId);
      if (row && row.user_id !== user.id) throw heldBySomeoneElse(row);
    },

    /** After a save: the lease is the saver's, with fresh activity. */
    afterWrite(user: SignedInUser, articleId: string): void {
      const row = getLease(db, articleId);
      if (row && row.user_id === user.id) touchLease(db, articleId, now());
      else give(articleId, user, null);
    },
  };
}

/** The leases service's API. */
export type LeasesService = ReturnType<typeof createLeasesService>;

/**
 * Binds editing leases to the contract. Only someone who may edit an article can hold its lease
 * (and so keep the owner out), so acquiring asks the workflow first.
 */
export function leaseHandlers(deps: {
  db: Database;
  leases: LeasesService;
  requireEditable: (user: SignedInUser, articleId: string) => void;
}): HandlersOf<'locks'> {
  const { db, leases } = deps;
  return {
    'locks.get': (args, context) => {
      requireArticle(db, args.articleId);
      return leases.get(context.user, args.articleId);
    },
    'locks.acquire': (args, context) => {
      const user = requireUser(context);
      deps.requireEditable(user, args.articleId);
      return leases.acquire(user, args.articleId);
    },
    'locks.release': (args, context) => leases.release(requireUser(context), args.articleId),
    'locks.takeOver': (args, context) =>
      leases.takeOver(requireUser(context), args.articleId, args.note),
  };
}
