import type { ArticleStatus, ArticleSummary } from '../domain/article';
import type { CheckIssue, CheckTarget } from '../checks/articleChecks';
import type { PersonRef } from './accounts';
import type { AnchorState } from './commentAnchor';
import type { Role } from './roles';
import type { Transition } from './transitions';

/** Newsroom rules an administrator sets for this workstation. */
export interface WorkflowPolicy {
  /** Generated on first open; bundles and the audit trail name the workstation by it. */
  workstationId: string;
  /** Shown in conflict copies («bản xung đột từ …»); the computer's name by default. */
  workstationName: string;
  /** Minutes without activity before the session locks (default 15). */
  idleLockMinutes: number;
  /** Minutes without activity before an editing lease lapses (default 30). */
  leaseMinutes: number;
  /** Body length range in chữ for the approval checklist; 0 = no lower bound. */
  minWords: number;
  maxWords: number;
}

/** An inline comment's anchor as found in the current body. */
export interface CommentAnchor {
  state: AnchorState;
  /** ProseMirror positions now, null when orphaned. */
  from: number | null;
  to: number | null;
  /** The text that was commented on. */
  quote: string;
  /** The text under the anchor now (differs from `quote` when `fuzzy`); null when orphaned. */
  currentText: string | null;
}

/** A review comment: on a passage (`inline`) or on the whole article (`general`). */
export interface ArticleComment {
  id: string;
  articleId: string;
  kind: 'inline' | 'general';
  text: string;
  author: PersonRef;
  createdAt: number;
  updatedAt: number;
  resolved: boolean;
  resolvedAt: number | null;
  resolvedBy: PersonRef | null;
  anchor: CommentAnchor | null;
  /** True for the signed-in user's own comments (they may delete them). */
  mine: boolean;
}

/** An editing lease: who has the article open for editing. */
export interface Lease {
  articleId: string;
  holder: PersonRef & { role: Role };
  since: number;
  lastActiveAt: number;
  /** When it lapses if the holder stays idle. */
  expiresAt: number;
  mine: boolean;
}

/** The answer to `locks.acquire`: the lease is yours, or who holds it. */
export interface LockResult {
  acquired: boolean;
  lease: Lease;
}

/** What the audit trail records. */
export const auditActions = [
  'create',
  'edit',
  'transition',
  'takeover',
  'restore',
  'import',
  'export',
  'conflict',
  'sync',
] as const;
/** One audit action. */
export type AuditAction = (typeof auditActions)[number];

/** One line of an article's history: who did what, when, and why. */
export interface AuditEntry {
  id: string;
  articleId: string;
  at: number;
  action: AuditAction;
  transition: Transition | null;
  fromStatus: ArticleStatus | null;
  toStatus: ArticleStatus | null;
  /** Null for entries the system made (sync). */
  user: (PersonRef & { role: Role | null }) | null;
  note: string;
  workstation: { id: string; name: string };
  /** Extra facts, e.g. the previous lease holder on a take-over or the bundle's file name. */
  details: Record<string, string | number | boolean | null>;
}

/** A transition the signed-in user can make now. */
export interface AvailableTransition {
  transition: Transition;
  label: string;
  to: ArticleStatus;
  noteRequired: boolean;
}

/** Everything the article's workflow bar shows. */
export interface ArticleWorkflowState {
  articleId: string;
  status: ArticleStatus;
  statusLabel: string;
  version: number;
  createdBy: PersonRef | null;
  statusChangedAt: number | null;
  /** Null when the signed-in user may edit the text; otherwise why not (Vietnamese). */
  editRefusal: string | null;
  transitions: AvailableTransition[];
  lease: Lease | null;
  /** Set on conflict copies: the article this copy conflicts with and where it came from. */
  conflictOf: { articleId: string; workstationName: string } | null;
  /** While the article is returned: the editor's note, shown at the top until it is resubmitted. */
  returnNote: { note: string; by: string; at: number } | null;
}

/** The outcome of `workflow.transition`. */
export interface TransitionResult {
  articleId: string;
  status: ArticleStatus;
  version: number;
  audit: AuditEntry;
  /** Checklist warnings an approval went through with. */
  warnings: ChecklistIssue[];
}

/** Codes the approval checklist adds to the writing-desk checks. */
export const approvalCodes = [
  'featured_missing',
  'photo_file_missing',
  'photo_gps_kept',
  'photo_gps_unknown',
] as const;
/** One approval-only code. */
export type ApprovalCode = (typeof approvalCodes)[number];

/** One checklist line: a writing-desk check or an approval rule. */
export type ChecklistIssue = Omit<CheckIssue, 'code'> & {
  code: CheckIssue['code'] | ApprovalCode;
  target: CheckTarget;
};

/** The pre-approval checklist. */
export interface ApprovalChecklist {
  articleId: string;
  /** True when nothing blocks approval (warnings may remain). */
  ok: boolean;
  errors: ChecklistIssue[];
  warnings: ChecklistIssue[];
  wordCount: number;
  wordRange: { min: number; max: number };
  photoCount: number;
}

/** A line of the review queue. */
export interface QueueItem extends ArticleSummary {
  createdBy: PersonRef | null;
  statusChangedAt: number | null;
  /** The latest workflow step (e.g. the return note the reporter must read). */
  lastStep: {
    transition: Transition | null;
    by: string;
    at: number;
    note: string;
  } | null;
  lease: { holder: string; since: number } | null;
  conflictOf: string | null;
}

/** The editor's queue (or the reporter's desk), in three groups. */
export interface WorkflowQueue {
  /** Editors: submitted and in review. Everyone: their own returned articles. */
  waitingForMe: QueueItem[];
  /** My articles waiting on someone else (submitted, in review, approved, scheduled, queued). */
  mineWaitingOnOthers: QueueItem[];
  /** Everything else that is not spiked, newest first. */
  everythingElse: QueueItem[];
  /** What waits for the signed-in person, for the sidebar: per role, at most the queue's limit. */
  counts: {
    /** Their own articles returned to them. */
    returnedToMe: number;
    /** Editors and administrators: articles submitted or in review. */
    waitingForMyReview: number;
  };
}
