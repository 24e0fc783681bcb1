import { createContext, useContext, useEffect, useRef } from 'react';

import type { SessionInfo } from '../../../shared/workflow/accounts';

/** Work to finish before the seat changes hands: save the open article, give back its lock. */
export type LeaveHandler = () => Promise<void>;

/** When a leave handler runs: every `save` first, then every `release`. */
export type LeavePhase = 'save' | 'release';

/** The signed-in user and what the shell can do with the seat. */
export interface SessionValue {
  session: SessionInfo;
  /** Saves what is open, then shows the switch-user dialog. */
  switchUser: () => void;
  /** Locks the seat; the app stays as it is under the lock screen. */
  lock: () => Promise<void>;
  /** Saves what is open, gives back locks, and signs out. */
  signOut: () => Promise<void>;
  /** Registers work to run before signing out or switching user; returns the unregister. */
  onBeforeLeave: (handler: LeaveHandler, phase: LeavePhase) => () => void;
}

/** Provided by `AuthGate` around the signed-in app. */
export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in seat; only rendered inside `AuthGate`. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside AuthGate');
  return value;
}

/**
 * Runs `handler` before the seat changes hands, for as long as the component is mounted. Saves
 * run before releases, so text reaches the disk before its article's lock is given back.
 */
export function useBeforeLeave(handler: LeaveHandler, phase: LeavePhase = 'save'): void {
  const { onBeforeLeave } = useSession();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => onBeforeLeave(() => latest.current(), phase), [onBeforeLeave, phase]);
}
