import type { CallName } from '../../../shared/contract/calls';
import { AppError } from '../../../shared/errors/appError';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type { CallPermission } from '../../../shared/workflow/callPermissions';
import { callPermissions } from '../../../shared/workflow/callPermissions';
import { describeRoles, roleLabels } from '../../../shared/workflow/roles';
import type { Session } from './session';

/** Decides, before a handler runs, whether the seat's user may make a call; throws if not. */
export type AccessCheck = (name: CallName) => SignedInUser | null;

/**
 * Enforces `callPermissions` for every call: `unauthorized` when nobody is signed in or the seat
 * is locked (with the words the sign-in screen needs), `forbidden` when the role lacks the right
 * (naming the roles that have it). Calls that pass count as activity unless marked passive.
 */
export function createAccessCheck(
  session: Session,
  permissions: Record<CallName, CallPermission> = callPermissions,
): AccessCheck {
  return (name) => {
    const permission = permissions[name];
    const user = session.activeUser();
    if (permission.who === 'public') return user;
    if (!user) {
      const info = session.info();
      throw new AppError(
        'unauthorized',
        info?.locked
          ? `Máy đã khoá phiên làm việc của ${info.user.displayName} (không thao tác ${info.idleLockMinutes} phút hoặc đã bấm khoá). Hãy đăng nhập lại để tiếp tục.`
          : 'Bạn chưa đăng nhập. Hãy đăng nhập để tiếp tục.',
      );
    }
    if (permission.who !== 'signedIn' && !permission.who.includes(user.role)) {
      throw new AppError(
        'forbidden',
        `Bạn không có quyền ${permission.what}. Việc này cần vai trò ${describeRoles(permission.who)}; bạn đang đăng nhập với vai trò ${roleLabels[user.role]}.`,
      );
    }
    if (!permission.passive) session.touch();
    return user;
  };
}
