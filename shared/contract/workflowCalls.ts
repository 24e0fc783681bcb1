import { z } from 'zod';

import type { AuthStatus, SessionInfo, UserSummary } from '../workflow/accounts';
import {
  displayNameSchema,
  passwordSchema,
  signInPasswordSchema,
  userNameSchema,
} from '../workflow/accounts';
import type {
  ApprovalChecklist,
  ArticleComment,
  ArticleWorkflowState,
  AuditEntry,
  Lease,
  LockResult,
  TransitionResult,
  WorkflowPolicy,
  WorkflowQueue,
} from '../workflow/review';
import { roles } from '../workflow/roles';
import { transitions } from '../workflow/transitions';
import { call, id, noInput } from './callSpec';
import { handoffCalls } from './handoffCalls';
import { newsroomCalls } from './newsroomCalls';

const note = z.string().max(2000);

/** Accounts and the workstation's one session. */
const accountCalls = {
  'auth.status': call<AuthStatus>()(noInput),
  'auth.setupAdmin': call<SessionInfo>()(
    z
      .object({
        userName: userNameSchema,
        displayName: displayNameSchema,
        password: passwordSchema,
      })
      .strict(),
  ),
  'auth.signIn': call<SessionInfo>()(
    z
      .object({ userName: z.string().trim().min(1).max(40), password: signInPasswordSchema })
      .strict(),
  ),
  'auth.switchUser': call<SessionInfo>()(
    z
      .object({ userName: z.string().trim().min(1).max(40), password: signInPasswordSchema })
      .strict(),
  ),
  'auth.signOut': call<null>()(noInput),
  'auth.lock': call<null>()(noInput),
  'auth.changePassword': call<null>()(
    z.object({ currentPassword: signInPasswordSchema, newPassword: passwordSchema }).strict(),
  ),
  'users.list': call<UserSummary[]>()(noInput),
  'users.create': call<UserSummary>()(
    z
      .object({
        userName: userNameSchema,
        displayName: displayNameSchema,
        role: z.enum(roles),
        password: passwordSchema,
      })
      .strict(),
  ),
  'users.update': call<UserSummary>()(
    z
      .object({
        id,
        displayName: displayNameSchema.optional(),
        role: z.enum(roles).optional(),
        disabled: z.boolean().optional(),
        password: passwordSchema.optional(),
      })
      .strict(),
  ),
} as const;

/** States, transitions, the checklist and the queue. */
const reviewCalls = {
  'workflow.policy': call<WorkflowPolicy>()(noInput),
  'workflow.setPolicy': call<WorkflowPolicy>()(
    z
      .object({
        workstationName: z.string().trim().min(1).max(60).optional(),
        idleLockMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .optional(),
        leaseMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .optional(),
        minWords: z.number().int().min(0).max(100_000).optional(),
        maxWords: z.number().int().min(1).max(100_000).optional(),
      })
      .strict(),
  ),
  'workflow.state': call<ArticleWorkflowState>()(z.object({ articleId: id }).strict()),
  'workflow.transition': call<TransitionResult>()(
    z
      .object({
        articleId: id,
        transition: z.enum(transitions),
        note: note.default(''),
        baseVersion: z.number().int().min(0).optional(),
      })
      .strict(),
  ),
  'workflow.checklist': call<ApprovalChecklist>()(z.object({ articleId: id }).strict()),
  'workflow.queue': call<WorkflowQueue>()(
    z.object({ limit: z.number().int().min(1).max(500).default(200) }).strict(),
  ),
  'comments.list': call<ArticleComment[]>()(
    z.object({ articleId: id, includeResolved: z.boolean().default(true) }).strict(),
  ),
  'comments.add': call<ArticleComment>()(
    z
      .object({
        articleId: id,
        text: z.string().trim().min(1).max(5000),
        anchor: z
          .object({
            from: z.number().int().min(0),
            to: z.number().int().min(0),
            quote: z.string().min(1).max(2000),
          })
          .strict()
          .refine((range) => range.to > range.from, { message: 'Đoạn được chọn đang trống.' })
          .optional(),
      })
      .strict(),
  ),
  'comments.resolve': call<ArticleComment>()(z.object({ id }).strict()),
  'comments.reopen': call<ArticleComment>()(z.object({ id }).strict()),
  'comments.delete': call<null>()(z.object({ id }).strict()),
  'locks.get': call<Lease | null>()(z.object({ articleId: id }).strict()),
  'locks.acquire': call<LockResult>()(z.object({ articleId: id }).strict()),
  'locks.release': call<null>()(z.object({ articleId: id }).strict()),
  'locks.takeOver': call<Lease>()(z.object({ articleId: id, note: note.default('') }).strict()),
  'audit.list': call<AuditEntry[]>()(z.object({ articleId: id }).strict()),
} as const;

/**
 * Calls of the editorial workflow: accounts and sign-in, transitions, review comments, locks,
 * audit trail and hand-off bundles (issue: editorial workflow). Spread into `calls`.
 */
export const workflowCalls = {
  ...accountCalls,
  ...reviewCalls,
  ...handoffCalls,
  ...newsroomCalls,
} as const;
