import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { NewsdeskApi } from '../../../shared/contract/api';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import type { Result } from '../../../shared/contract/result';
import type { AuthStatus, SessionInfo } from '../../../shared/workflow/accounts';
import type { Role } from '../../../shared/workflow/roles';
import { initI18n } from '../../i18n';
import { ApiContext, useApi } from '../../lib/ApiContext';
import { AuthGate } from './AuthGate';
import { useBeforeLeave, useSession } from './SessionContext';

interface FakeUser {
  id: string;
  userName: string;
  displayName: string;
  role: Role;
  password: string;
}

/** The core's seat in memory: accounts, who is signed in, whether the seat is locked. */
function fakeSeat(users: FakeUser[]) {
  const seat = { users, current: null as FakeUser | null, locked: false, calls: [] as string[] };
  const info = (): SessionInfo | null =>
    seat.current
      ? {
          user: {
            id: seat.current.id,
            userName: seat.current.userName,
            displayName: seat.current.displayName,
            role: seat.current.role,
          },
          signedInAt: 1,
          lastActiveAt: 1,
          locked: seat.locked,
          idleLockMinutes: 15,
        }
      : null;
  const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
  const fail = (code: 'unauthorized', message: string) =>
    Promise.resolve({ ok: false as const, error: { code, message } });
  const api: NewsdeskApi = {
    shell: 'browser',
    call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
      seat.calls.push(name);
      const answer = (value: unknown) => ok(value as CallOutput<K>);
      if (name === 'auth.status')
        return answer({ hasAccounts: seat.users.length > 0, session: info() } satisfies AuthStatus);
      if (name === 'auth.setupAdmin') {
        const args = input as CallInput<'auth.setupAdmin'>;
        const admin = { id: 'u-admin', role: 'admin' as const, ...args };
        seat.users.push(admin);
        seat.current = admin;
        return answer(info());
      }
      if (name === 'auth.signIn' || name === 'auth.switchUser') {
        const args = input as CallInput<'auth.signIn'>;
        const user = seat.users.find(
          (candidate) =>
            candidate.userName === args.userName && candidate.password === args.password,
        );
        if (!user) return fail('unauthorized', 'Tên đăng nhập hoặc mật khẩu không đúng.');
        seat.current = user;
        seat.locked = false;
        return answer(info());
      }
      if (name === 'auth.signOut') {
        seat.current = null;
        return answer(null);
      }
      if (!seat.current || seat.locked) return fail('unauthorized', 'Máy đã khoá.');
      return answer([]);
    },
    on: () => () => undefined,
    mediaUrl: (path) => path,
  };
  return { seat, api };
}

const lan: FakeUser = {
  id: 'u-lan',
  userName: 'lan.pv',
  displayName: 'Nguyễn Thị Lan',
  role: 'reporter',
  password: 'phong-vien-lan',
};
const hung: FakeUser = {
  id: 'u-hung',
  userName: 'hung.btv',
  displayName: 'Phạm Văn Hùng',
  role: 'editor',
  password: 'bien-tap-hung',
};

/** Stands in for the app: who is signed in, an unsaved draft, a call that needs the seat. */
function Desk() {
  const api = useApi();
  const { session } = useSession();
  const [draft, setDraft] = useState('');
  return (
    <div>
      <span data-testid="who">{session.user.displayName}</span>
      <input data-testid="draft" value={draft} onChange={(event) => setDraft(event.target.value)} />
      <button type="button" data-testid="work" onClick={() => void api.call('articles.list', {})}>
        work
      </button>
    </div>
  );
}

/** Registers a release before a save, the way a remounted editor can end up doing. */
function Leaving({ log }: { log: string[] }) {
  const { signOut } = useSession();
  useBeforeLeave(() => {
    log.push('release');
    return Promise.resolve();
  }, 'release');
  useBeforeLeave(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    log.push('save');
  });
  return (
    <button type="button" data-testid="leave" onClick={() => void signOut()}>
      leave
    </button>
  );
}

function renderGate(api: NewsdeskApi, log?: string[]) {
  return render(
    <ApiContext.Provider value={api}>
      <AuthGate>
        <Desk />
        {log ? <Leaving log={log} /> : null}
      </AuthGate>
    </ApiContext.Provider>,
  );
}

function type(testId: string, value: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

beforeAll(async () => {
  await initI18n('vi');
});
afterEach(cleanup);

describe('AuthGate', () => {
  it('creates the administrator on first start, refusing two different passwords', async () => {
    const { api, seat } = fakeSeat([]);
    renderGate(api);
    await screen.findByTestId('first-start');
    type('setup-username', 'quantri');
    type('setup-displayname', 'Trần Quản Trị');
    type('setup-password', 'mat-khau-dai');
    type('setup-password-again', 'mat-khau-khac');
    fireEvent.click(screen.getByTestId('setup-submit'));
    expect((await screen.findByTestId('auth-error')).textContent).toContain('chưa khớp');
    expect(seat.calls).not.toContain('auth.setupAdmin');

    type('setup-password-again', 'mat-khau-dai');
    fireEvent.click(screen.getByTestId('setup-submit'));
    expect((await screen.findByTestId('who')).textContent).toBe('Trần Quản Trị');
  });

  it('signs in, and shows the core’s message for a wrong password', async () => {
    const { api } = fakeSeat([lan]);
    renderGate(api);
    await screen.findByTestId('sign-in');
    type('signin-username', 'lan.pv');
    type('signin-password', 'sai');
    fireEvent.click(screen.getByTestId('signin-submit'));
    expect((await screen.findByTestId('auth-error')).textContent).toContain('không đúng');
    type('signin-password', 'phong-vien-lan');
    fireEvent.click(screen.getByTestId('signin-submit'));
    expect((await screen.findByTestId('who')).textContent).toBe('Nguyễn Thị Lan');
  });

  it('covers the app with the lock screen on an unauthorized call and keeps its state', async () => {
    const { api, seat } = fakeSeat([lan, hung]);
    seat.current = lan;
    renderGate(api);
    await screen.findByTestId('who');
    type('draft', 'Câu chưa lưu');

    seat.locked = true;
    fireEvent.click(screen.getByTestId('work'));
    const lock = await screen.findByTestId('lock-screen');
    expect(lock.textContent).toContain('Máy đã khoá');
    expect(lock.textContent).toContain('Nguyễn Thị Lan');
    expect(screen.getByTestId<HTMLInputElement>('signin-username').readOnly).toBe(true);
    // The app is still there underneath, with what was typed.
    expect(screen.getByTestId<HTMLInputElement>('draft').value).toBe('Câu chưa lưu');

    type('signin-password', 'phong-vien-lan');
    fireEvent.click(screen.getByTestId('signin-submit'));
    await waitFor(() => expect(screen.queryByTestId('lock-screen')).toBeNull());
    expect(screen.getByTestId<HTMLInputElement>('draft').value).toBe('Câu chưa lưu');
  });

  it('gives someone else who signs in at the lock screen a fresh app', async () => {
    const { api, seat } = fakeSeat([lan, hung]);
    seat.current = lan;
    renderGate(api);
    await screen.findByTestId('who');
    type('draft', 'Bản nháp của Lan');
    seat.locked = true;
    fireEvent.click(screen.getByTestId('work'));
    await screen.findByTestId('lock-screen');

    fireEvent.click(screen.getByTestId('lock-other-user'));
    type('signin-username', 'hung.btv');
    type('signin-password', 'bien-tap-hung');
    await act(async () => {
      fireEvent.click(screen.getByTestId('signin-submit'));
      await Promise.resolve();
    });
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('Phạm Văn Hùng'));
    expect(screen.getByTestId<HTMLInputElement>('draft').value).toBe('');
  });

  it('saves before giving locks back when the user signs out', async () => {
    const { api, seat } = fakeSeat([lan]);
    seat.current = lan;
    const log: string[] = [];
    renderGate(api, log);
    fireEvent.click(await screen.findByTestId('leave'));
    await screen.findByTestId('sign-in');
    expect(log).toEqual(['save', 'release']);
    expect(seat.calls.at(-2)).toBe('auth.signOut');
  });
});
