/**
 * The rules that slow down password guessing (issue 12), as data the core enforces and the UI
 * explains. Failures are counted per sign-in name tried (known or not, so the answer never tells
 * which names exist) and per workstation; see docs/sign-in-guard.md.
 */
export const signInGuardRules = {
  /** Failures before the first delay: the third failure starts the delays. */
  freeFailures: 2,
  /** The first delay, doubled with each further failure. */
  firstDelayMs: 1_000,
  /** The longest delay between two attempts on one name. */
  maxDelayMs: 60_000,
  /** The longest delay between two attempts on the workstation, whatever the name. */
  maxWorkstationDelayMs: 30_000,
  /** Failures on one name that lock it. */
  lockAfter: 10,
  /** How long a lock lasts unless an administrator unlocks it sooner. */
  lockMs: 15 * 60_000,
  /** Failures older than this (with no lock) are forgotten. */
  forgetAfterMs: 15 * 60_000,
} as const;

/** How long to wait after `failures` consecutive failures before the next attempt counts. */
export function delayAfter(failures: number, maxMs: number = signInGuardRules.maxDelayMs): number {
  const over = failures - signInGuardRules.freeFailures;
  if (over <= 0) return 0;
  return Math.min(maxMs, signInGuardRules.firstDelayMs * 2 ** (over - 1));
}

/** Why a sign-in failed, as the administrator's log records it (never shown at sign-in). */
export const signInFailureReasons = [
  'wrong_password',
  'unknown_user',
  'disabled',
  'too_soon',
  'locked',
] as const;
/** One failure reason. */
export type SignInFailureReason = (typeof signInFailureReasons)[number];

/** One failed sign-in (or an unlock) in the workstation's sign-in log. */
export interface SignInFailure {
  id: string;
  at: number;
  /** The name typed, as typed (trimmed, at most 40 characters). */
  userNameTried: string;
  reason: SignInFailureReason | 'unlocked';
  /** Who unlocked, for `unlocked`. */
  by: string | null;
}

/** A sign-in name locked after too many failures. */
export interface LockedName {
  userName: string;
  failures: number;
  lockedUntil: number;
}

/** What the administrator's screen shows. */
export interface SignInGuardReport {
  locked: LockedName[];
  recent: SignInFailure[];
}
