import type { SessionInfo, SignedInUser } from '../../../shared/workflow/accounts';
import type { SigningKey } from './keys';

/**
 * The workstation's one seat: who is signed in, since when, and whether the session is locked.
 * Held in memory only, so quitting the app signs out. Inactivity is judged lazily with the
 * core's clock whenever someone asks, so there is no timer to leak or to fake in tests.
 */
export function createSession(deps: { now: () => number; idleLockMinutes: () => number }) {
  let current: {
    user: SignedInUser;
    signedInAt: number;
    lastActiveAt: number;
    locked: boolean;
    key: SigningKey | null;
  } | null = null;

  const refresh = (): typeof current => {
    if (current && !current.locked) {
      const idleMs = deps.idleLockMinutes() * 60_000;
      if (deps.now() - current.lastActiveAt >= idleMs) current.locked = true;
    }
    return current;
  };

  return {
    /** The session as the UI shows it (locked or not), or null when nobody is signed in. */
    info(): SessionInfo | null {
      const session = refresh();
      return session
        ? {
            user: { ...session.user },
            signedInAt: session.signedInAt,
            lastActiveAt: session.lastActiveAt,
            locked: session.locked,
            idleLockMinutes: deps.idleLockMinutes(),
          }
        : null;
    },

    /** The user calls are made by: null when nobody is signed in or the session is locked. */
    activeUser(): SignedInUser | null {
      const session = refresh();
      return session && !session.locked ? session.user : null;
    },

    /** Counts a call as activity. */
    touch(): void {
      const session = refresh();
      if (session && !session.locked) session.lastActiveAt = deps.now();
    },

    /**
     * Signs a user in (unlocking, or replacing whoever was signed in), with their unsealed
     * signing key: it is held here only, and dropped when the seat changes hands.
     */
    start(user: SignedInUser, key: SigningKey | null = null): void {
      const at = deps.now();
      current = { user: { ...user }, signedInAt: at, lastActiveAt: at, locked: false, key };
    },

    /** The signed-in user's key (null when nobody is signed in, the seat is locked, or none). */
    signingKey(): { user: SignedInUser; key: SigningKey } | null {
      const session = refresh();
      return session && !session.locked && session.key
        ? { user: session.user, key: session.key }
        : null;
    },

    /** Locks the seat; the user must sign in again. */
    lock(): void {
      if (current) current.locked = true;
    },

    /** Signs out. */
    end(): void {
      current = null;
    },

    /** Keeps the session in step when an administrator edits the signed-in account. */
    updateUser(user: SignedInUser): void {
      if (current && current.user.id === user.id) current.user = { ...user };
    },
  };
}

/** The session's API. */
export type Session = ReturnType<typeof createSession>;
