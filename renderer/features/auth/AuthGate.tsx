import type { ReactNode } from 'react';
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AuthStatus, SessionInfo } from '../../../shared/workflow/accounts';
import { ApiContext, useApi } from '../../lib/ApiContext';
import { FirstStartScreen, SignInForm } from './AuthScreens';
import { guardApi } from './guardedApi';
import type { LeaveHandler, LeavePhase, SessionValue } from './SessionContext';
import { SessionContext } from './SessionContext';

/** How often the gate asks whether the seat locked itself (a passive call: not activity). */
const statusPollMs = 30_000;

/**
 * Nobody works without an account: first start creates the administrator, then everyone signs
 * in. Once the app is open it stays mounted: when the seat locks (idle, or a call comes back
 * `unauthorized`) the lock screen covers it, so unsaved text survives and the user returns to
 * where they were. A different person signing in gets a fresh app (keyed by user).
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const api = useApi();
  const { t } = useTranslation();
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** The session the app is mounted for; kept while the seat is locked. */
  const [seat, setSeat] = useState<SessionInfo | null>(null);
  const [switching, setSwitching] = useState(false);
  // One set for the gate's lifetime; components add and remove their handlers.
  const [leaveHandlers] = useState(() => new Set<{ run: LeaveHandler; phase: LeavePhase }>());

  const refresh = useCallback(async (): Promise<void> => {
    const result = await api.call('auth.status', {});
    if (!result.ok) {
      setFailure(result.error.message);
      return;
    }
    setFailure(null);
    setStatus(result.value);
    const session = result.value.session;
    if (session && !session.locked) setSeat(session);
  }, [api]);

  useEffect(() => {
    void refresh();
    const off = api.on('session.changed', () => void refresh());
    const timer = setInterval(() => void refresh(), statusPollMs);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [api, refresh]);

  const guarded = useMemo(() => guardApi(api, () => void refresh()), [api, refresh]);

  const signedIn = useCallback(
    (session: SessionInfo) => {
      setSeat(session);
      setSwitching(false);
      void refresh();
    },
    [refresh],
  );

  /** Runs every save, then every release; a failing one does not stop the others. */
  const leave = useCallback(async (): Promise<void> => {
    for (const phase of ['save', 'release'] as const) {
      const due = [...leaveHandlers].filter((handler) => handler.phase === phase);
      await Promise.allSettled(due.map((handler) => handler.run()));
    }
  }, [leaveHandlers]);

  const value = useMemo<SessionValue | null>(
    () =>
      seat
        ? {
            session: seat,
            switchUser: () => {
              void leave().then(() => setSwitching(true));
            },
            lock: async () => {
              await api.call('auth.lock', {});
              await refresh();
            },
            signOut: async () => {
              await leave();
              await api.call('auth.signOut', {});
              setSeat(null);
              await refresh();
            },
            onBeforeLeave: (run, phase) => {
              const entry = { run, phase };
              leaveHandlers.add(entry);
              return () => leaveHandlers.delete(entry);
            },
          }
        : null,
    [api, leave, leaveHandlers, refresh, seat],
  );

  if (!status) {
    return (
      <main className="auth-screen" aria-busy={failure === null}>
        <p className={failure ? 'banner error' : 'muted'} role={failure ? 'alert' : 'status'}>
          {failure ?? t('auth.checking')}
        </p>
      </main>
    );
  }

  const live = status.session && !status.session.locked ? status.session : null;
  const locked = status.session?.locked ? status.session : null;
  const lockedInfo = locked
    ? {
        userName: locked.user.userName,
        displayName: locked.user.displayName,
        idleLockMinutes: locked.idleLockMinutes,
      }
    : undefined;

  if (!value) {
    if (!status.hasAccounts) return <FirstStartScreen onDone={signedIn} />;
    return (
      <main className="auth-screen">
        <SignInForm
          key={locked ? 'lock' : 'signIn'}
          mode={locked ? 'lock' : 'signIn'}
          {...(lockedInfo ? { locked: lockedInfo } : {})}
          onDone={signedIn}
        />
      </main>
    );
  }

  const covered = !live || switching;
  return (
    <>
      <div className="auth-app" inert={covered}>
        <ApiContext.Provider value={guarded}>
          <SessionContext.Provider value={value}>
            {/* A different person gets a fresh app. */}
            <Fragment key={value.session.user.id}>{children}</Fragment>
          </SessionContext.Provider>
        </ApiContext.Provider>
      </div>
      {!live ? (
        <div className="auth-overlay" data-testid="lock-screen">
          <SignInForm
            key={locked ? `lock:${locked.user.id}` : 'signIn'}
            mode={locked ? 'lock' : 'signIn'}
            {...(lockedInfo ? { locked: lockedInfo } : {})}
            onDone={signedIn}
          />
        </div>
      ) : switching ? (
        <div className="auth-overlay translucent">
          <SignInForm mode="switch" onDone={signedIn} onCancel={() => setSwitching(false)} />
        </div>
      ) : null}
    </>
  );
}
