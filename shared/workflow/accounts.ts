import { z } from 'zod';

import type { Role } from './roles';

/** A person as other records name them (comment author, lease holder, audit actor). */
export interface PersonRef {
  id: string;
  name: string;
}

/** An account on the workstation, as the administrator's list shows it. */
export interface UserSummary {
  id: string;
  /** Sign-in name, lower-case. */
  userName: string;
  /** Full name shown in comments, the queue and the audit trail. */
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: number;
}

/** The signed-in user of this workstation (one seat per core). */
export interface SessionInfo {
  user: Pick<UserSummary, 'id' | 'userName' | 'displayName' | 'role'>;
  signedInAt: number;
  lastActiveAt: number;
  /** Locked after inactivity or on request: only signing in again unlocks it. */
  locked: boolean;
  /** Minutes without a call after which the session locks. */
  idleLockMinutes: number;
}

/** The user a call is made by, as handlers receive it. */
export type SignedInUser = SessionInfo['user'];

/** What the sign-in screen needs before anyone is signed in. */
export interface AuthStatus {
  /** False on first start: the screen offers to create the administrator. */
  hasAccounts: boolean;
  /** The current session, locked or not; null when nobody is signed in. */
  session: SessionInfo | null;
}

/** Sign-in names: letters (Vietnamese too), digits, dot, dash, underscore. */
export const userNameSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[\p{L}\p{N}._-]+$/u, {
    message: 'Tên đăng nhập chỉ gồm chữ, số, dấu chấm, gạch ngang hoặc gạch dưới, không dấu cách.',
  });

/** Passwords: long enough to matter, short enough to hash. */
export const passwordSchema = z
  .string()
  .min(8, { message: 'Mật khẩu cần ít nhất 8 ký tự.' })
  .max(200);

/** A password typed at sign-in (length rules are for new passwords only). */
export const signInPasswordSchema = z.string().min(1).max(200);

/** Display names. */
export const displayNameSchema = z.string().trim().min(1).max(100);

/** Canonical form of a sign-in name: NFC, trimmed, lower-case. */
export function canonicalUserName(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('vi');
}
