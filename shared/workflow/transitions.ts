import type { ArticleStatus } from '../domain/article';
import type { Role } from './roles';
import { describeRoles, roleLabels, statusLabels } from './roles';

/*
 * The article state machine as data. NukeViet's vocabulary (gửi duyệt → duyệt / trả lại → chờ
 * đăng → đã đăng → gỡ) plus Superdesk's reversible spike. The core enforces it for every
 * `workflow.transition`; the UI reads the same table to offer buttons.
 */

/** Every move an article can make. */
export const transitions = [
  'submit',
  'withdraw',
  'startReview',
  'return',
  'approve',
  'reopen',
  'schedule',
  'unschedule',
  'queue',
  'dequeue',
  'markPublished',
  'update',
  'takeDown',
  'republish',
  'spike',
  'unspike',
] as const;
/** One transition. */
export type Transition = (typeof transitions)[number];

/**
 * Who may make a transition: `any` article, or only their `own` (articles they created; articles
 * from before accounts existed count as everyone's). `from` narrows the states for that role.
 */
export interface RoleRule {
  scope: 'any' | 'own';
  from?: readonly ArticleStatus[];
}

/** One row of the table. */
export interface TransitionRule {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  /** Roles without an entry may not make this transition. */
  roles: Partial<Record<Role, RoleRule>>;
  /** Returning, taking down and correcting a published article must say why. */
  noteRequired: boolean;
  /**
   * The step's Vietnamese name, used in the core's refusal sentences; screens name steps through
   * i18next (`vocab.step.*`, renderer/i18n/vocabVi.ts).
   */
  label: string;
}

const any: RoleRule = { scope: 'any' };
const own: RoleRule = { scope: 'own' };
const editors = { editor: any, admin: any } as const;

/** The transition table. */
export const transitionTable: Record<Transition, TransitionRule> = {
  submit: {
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: { reporter: own, photo_editor: own, ...editors },
    noteRequired: false,
    label: 'Gửi duyệt',
  },
  withdraw: {
    from: ['submitted'],
    to: 'draft',
    roles: { reporter: own, photo_editor: own, ...editors },
    noteRequired: false,
    label: 'Rút lại để sửa',
  },
  startReview: {
    from: ['submitted'],
    to: 'in_review',
    roles: editors,
    noteRequired: false,
    label: 'Nhận duyệt',
  },
  return: {
    from: ['submitted', 'in_review'],
    to: 'returned',
    roles: editors,
    noteRequired: true,
    label: 'Trả lại',
  },
  approve: {
    from: ['submitted', 'in_review'],
    to: 'approved',
    roles: editors,
    noteRequired: false,
    label: 'Duyệt',
  },
  reopen: {
    from: ['approved', 'scheduled'],
    to: 'in_review',
    roles: editors,
    noteRequired: false,
    label: 'Mở lại để duyệt',
  },
  schedule: {
    from: ['approved'],
    to: 'scheduled',
    roles: editors,
    noteRequired: false,
    label: 'Hẹn giờ đăng',
  },
  unschedule: {
    from: ['scheduled'],
    to: 'approved',
    roles: editors,
    noteRequired: false,
    label: 'Huỷ hẹn giờ',
  },
  queue: {
    from: ['approved', 'scheduled'],
    to: 'queued',
    roles: editors,
    noteRequired: false,
    label: 'Gửi lên trang',
  },
  dequeue: {
    from: ['queued'],
    to: 'approved',
    roles: editors,
    noteRequired: false,
    label: 'Rút khỏi hàng chờ',
  },
  markPublished: {
    from: ['queued'],
    to: 'published',
    roles: editors,
    noteRequired: false,
    label: 'Đánh dấu đã đăng',
  },
  update: {
    from: ['published', 'updated'],
    to: 'updated',
    roles: editors,
    noteRequired: true,
    label: 'Cập nhật bài đã đăng',
  },
  takeDown: {
    from: ['published', 'updated'],
    to: 'taken_down',
    roles: editors,
    noteRequired: true,
    label: 'Gỡ khỏi trang',
  },
  republish: {
    from: ['taken_down'],
    to: 'queued',
    roles: editors,
    noteRequired: false,
    label: 'Đăng lại',
  },
  spike: {
    from: ['draft', 'submitted', 'in_review', 'returned', 'approved', 'scheduled', 'taken_down'],
    to: 'spiked',
    roles: {
      reporter: { scope: 'own', from: ['draft', 'returned'] },
      photo_editor: { scope: 'own', from: ['draft', 'returned'] },
      ...editors,
    },
    noteRequired: false,
    label: 'Loại bài',
  },
  unspike: {
    from: ['spiked'],
    to: 'draft',
    roles: { reporter: own, photo_editor: own, ...editors },
    noteRequired: false,
    label: 'Khôi phục bài đã loại',
  },
};

/** What the acting user is, relative to the article. */
export interface Actor {
  role: Role;
  /** True when the user created the article (or nobody is recorded as its creator). */
  isOwner: boolean;
}

/** Why a transition is refused; each has a Vietnamese message from `transitionRefusal`. */
export type TransitionRefusal =
  | { reason: 'wrong_state'; allowedFrom: readonly ArticleStatus[] }
  | { reason: 'role'; roles: readonly Role[] }
  | { reason: 'not_owner' }
  | { reason: 'note_required' };

/** The outcome of checking a transition. */
export type TransitionCheck = { ok: true; to: ArticleStatus } | ({ ok: false } & TransitionRefusal);

/** Roles that may make a transition from a given state (ignoring ownership). */
export function rolesFor(transition: Transition, status: ArticleStatus): Role[] {
  const rule = transitionTable[transition];
  return (Object.entries(rule.roles) as Array<[Role, RoleRule]>)
    .filter(([, roleRule]) => (roleRule.from ?? rule.from).includes(status))
    .map(([role]) => role);
}

/**
 * Checks one transition for one user on an article in `status`. A missing note is checked last,
 * so a user who may not make the move at all is told that rather than asked for a note.
 */
export function checkTransition(
  transition: Transition,
  status: ArticleStatus,
  actor: Actor,
  note = '',
): TransitionCheck {
  const rule = transitionTable[transition];
  if (!rule.from.includes(status))
    return { ok: false, reason: 'wrong_state', allowedFrom: rule.from };
  const roleRule = rule.roles[actor.role];
  if (!roleRule || !(roleRule.from ?? rule.from).includes(status)) {
    return { ok: false, reason: 'role', roles: rolesFor(transition, status) };
  }
  if (roleRule.scope === 'own' && !actor.isOwner) return { ok: false, reason: 'not_owner' };
  if (rule.noteRequired && note.trim() === '') return { ok: false, reason: 'note_required' };
  return { ok: true, to: rule.to };
}

/** The transitions a user may make now (a note may still be required), in table order. */
export function availableTransitions(status: ArticleStatus, actor: Actor): Transition[] {
  return transitions.filter((transition) => {
    const check = checkTransition(transition, status, actor, 'x');
    return check.ok;
  });
}

/** A refusal in words: what happened and what to do. */
export function transitionRefusal(
  transition: Transition,
  status: ArticleStatus,
  refusal: TransitionRefusal,
): string {
  const label = transitionTable[transition].label;
  switch (refusal.reason) {
    case 'wrong_state':
      return `Không thể «${label}» bài đang ở trạng thái «${statusLabels[status]}». Thao tác này chỉ dùng cho bài ${refusal.allowedFrom.map((from) => `«${statusLabels[from]}»`).join(', ')}.`;
    case 'role':
      return refusal.roles.length > 0
        ? `Bạn không có quyền «${label}». Việc này cần vai trò ${describeRoles(refusal.roles)}.`
        : `Không vai trò nào được «${label}» bài ở trạng thái «${statusLabels[status]}».`;
    case 'not_owner':
      return `Bạn chỉ được «${label}» bài do chính mình viết. Hãy nhờ ${roleLabels.editor} thực hiện.`;
    case 'note_required':
      return `Thao tác «${label}» cần ghi chú lý do. Hãy viết ghi chú rồi thử lại.`;
  }
}

/**
 * Who may change the text in which state. Reporters edit their own drafts and returned articles;
 * editors edit anything not in transit to the portal or spiked (a published article's changes
 * are then sent with «Cập nhật bài đã đăng»).
 */
export const editRules: Record<Role, RoleRule & { from: readonly ArticleStatus[] }> = {
  reporter: { scope: 'own', from: ['draft', 'returned'] },
  photo_editor: { scope: 'own', from: ['draft', 'returned'] },
  editor: {
    scope: 'any',
    from: [
      'draft',
      'submitted',
      'in_review',
      'returned',
      'approved',
      'scheduled',
      'published',
      'updated',
      'taken_down',
    ],
  },
  admin: {
    scope: 'any',
    from: [
      'draft',
      'submitted',
      'in_review',
      'returned',
      'approved',
      'scheduled',
      'published',
      'updated',
      'taken_down',
    ],
  },
};

/** Whether a user may change the article's text now; a Vietnamese reason when not. */
export function editRefusal(status: ArticleStatus, actor: Actor): string | null {
  const rule = editRules[actor.role];
  if (!rule.from.includes(status)) {
    if (status === 'spiked') return 'Bài đã bị loại. Hãy «Khôi phục bài đã loại» trước khi sửa.';
    if (status === 'queued')
      return 'Bài đang chờ gửi lên trang nên không sửa được. Hãy «Rút khỏi hàng chờ» trước khi sửa.';
    return `Bài đang ở trạng thái «${statusLabels[status]}»: ${roleLabels[actor.role]} không sửa được nữa. Hãy nhờ ${roleLabels.editor} «Trả lại» nếu cần sửa.`;
  }
  if (rule.scope === 'own' && !actor.isOwner)
    return `${roleLabels[actor.role]} chỉ sửa được bài do chính mình viết.`;
  return null;
}
