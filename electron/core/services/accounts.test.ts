import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { callCore, openTestCore, signInAs, testAdmin } from '../../../tests/support/testCore';
import { tempDir } from '../../../tests/support/tempDir';
import type { Core } from '../app/createCore';

const context = { shell: 'browser' as const };
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const minutes = (n: number): number => n * 60_000;

describe('first start', () => {
  it('has no account, refuses work, and creates the administrator exactly once', async () => {
    const dataDir = tempDir();
    core = openTestCore({ dataDir, as: 'nobody', realPasswordCost: true });
    expect(await callCore(core, 'auth.status', {})).toEqual({ hasAccounts: false, session: null });
    // The sign-in screen's own needs work before anyone signs in.
    expect((await callCore(core, 'settings.get', {})).locale).toBe('vi');
    expect(await core.dispatch('articles.list', {}, context)).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Bạn chưa đăng nhập. Hãy đăng nhập để tiếp tục.' },
    });

    const session = await callCore(core, 'auth.setupAdmin', {
      userName: 'BienTap.Hung',
      displayName: 'Lê Đình Hùng',
      password: 'mật khẩu có dấu',
    });
    expect(session).toMatchObject({
      user: { userName: 'bientap.hung', displayName: 'Lê Đình Hùng', role: 'admin' },
      locked: false,
      idleLockMinutes: 15,
    });
    expect(await callCore(core, 'articles.list', {})).toEqual([]);
    const again = await core.dispatch(
      'auth.setupAdmin',
      { userName: 'ke-gian', displayName: 'Kẻ gian', password: 'mat-khau-khac' },
      context,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await core.close();

    // The password is a memory-hard hash at the production cost, never the password itself.
    const db = new Database(`${dataDir}/newsdesk.sqlite`, { readonly: true });
    const rows = db.prepare('SELECT * FROM users').all() as Array<Record<string, unknown>>;
    db.close();
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? {};
    expect(row.kdf).toBe('scrypt:32768:8:1');
    expect((row.password_hash as Buffer).length).toBe(64);
    expect((row.password_salt as Buffer).length).toBe(16);
    expect(JSON.stringify(row)).not.toContain('mật khẩu');

    // A restart signs out; the same password (typed in another Unicode form) signs in.
    core = openTestCore({ dataDir, as: 'nobody', realPasswordCost: true });
    expect(await callCore(core, 'auth.status', {})).toMatchObject({
      hasAccounts: true,
      session: null,
    });
    const back = await callCore(core, 'auth.signIn', {
      userName: 'bientap.hung',
      password: 'mật khẩu có dấu'.normalize('NFD'),
    });
    expect(back.user.role).toBe('admin');
  });
});

describe('sign-in', () => {
  it('answers a wrong password and an unknown name the same way', async () => {
    core = openTestCore();
    const wrong = await core.dispatch(
      'auth.signIn',
      { userName: testAdmin.userName, password: 'sai-mat-khau' },
      context,
    );
    const unknown = await core.dispatch(
      'auth.signIn',
      { userName: 'khong-co-ai', password: 'sai-mat-khau' },
      context,
    );
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringMatching(/không đúng/) },
    });
  });

  it('switches user, locks on request and unlocks by signing in again', async () => {
    core = openTestCore();
    await signInAs(core, 'reporter');
    expect((await callCore(core, 'auth.status', {})).session?.user.role).toBe('reporter');
    await callCore(core, 'auth.lock', {});
    const locked = await core.dispatch('articles.list', {}, context);
    expect(locked).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringMatching(/khoá phiên làm việc/) },
    });
    expect((await callCore(core, 'auth.status', {})).session?.locked).toBe(true);
    // Someone else takes the seat from the lock screen.
    const switched = await callCore(core, 'auth.switchUser', {
      userName: testAdmin.userName,
      password: testAdmin.password,
    });
    expect(switched).toMatchObject({ user: { role: 'admin' }, locked: false });
    await callCore(core, 'auth.signOut', {});
    expect((await callCore(core, 'auth.status', {})).session).toBeNull();
    expect(await core.dispatch('articles.list', {}, context)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });

  it('locks after the newsroom’s idle minutes, judged by the core’s clock', async () => {
    let clock = 1_000_000;
    core = openTestCore({ now: () => clock });
    await callCore(core, 'articles.list', {});
    clock += minutes(14);
    await callCore(core, 'articles.list', {});
    clock += minutes(14);
    // Polling the status does not count as activity, and does not unlock.
    expect((await callCore(core, 'auth.status', {})).session?.locked).toBe(false);
    clock += minutes(2);
    expect((await callCore(core, 'auth.status', {})).session?.locked).toBe(true);
    expect(await core.dispatch('articles.list', {}, context)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringMatching(/15 phút/) },
    });
    await callCore(core, 'auth.signIn', {
      userName: testAdmin.userName,
      password: testAdmin.password,
    });
    await callCore(core, 'workflow.setPolicy', { idleLockMinutes: 5 });
    clock += minutes(5);
    expect((await callCore(core, 'auth.status', {})).session?.locked).toBe(true);
  });

  it('refuses a disabled account even with the right password, without saying so', async () => {
    core = openTestCore();
    await signInAs(core, 'reporter', 'pv-an');
    await callCore(core, 'auth.signIn', {
      userName: testAdmin.userName,
      password: testAdmin.password,
    });
    const reporter = (await callCore(core, 'users.list', {})).find(
      (user) => user.userName === 'pv-an',
    );
    await callCore(core, 'users.update', { id: reporter?.id ?? '', disabled: true });
    const refused = await core.dispatch(
      'auth.signIn',
      { userName: 'pv-an', password: 'mat-khau-thu-nghiem' },
      context,
    );
    // Issue 12: the same answer as a wrong password, so a guesser learns nothing.
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'unauthorized',
        message: expect.stringMatching(/^Tên đăng nhập hoặc mật khẩu/),
      },
    });
  });
});

describe('account administration', () => {
  it('is for administrators only', async () => {
    core = openTestCore({ as: 'editor' });
    const refused = await core.dispatch(
      'users.create',
      { userName: 'pv-moi', displayName: 'PV mới', role: 'reporter', password: 'mat-khau-dai' },
      context,
    );
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'Bạn không có quyền tạo tài khoản. Việc này cần vai trò Quản trị viên; bạn đang đăng nhập với vai trò Biên tập viên.',
      },
    });
    expect(await core.dispatch('users.list', {}, context)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('creates, renames, changes roles and passwords, and keeps one administrator', async () => {
    core = openTestCore();
    const created = await callCore(core, 'users.create', {
      userName: 'Anh.Pv',
      displayName: 'Nguyễn Văn Anh',
      role: 'reporter',
      password: 'mat-khau-dai',
    });
    expect(created).toMatchObject({ userName: 'anh.pv', role: 'reporter', disabled: false });
    const duplicate = await core.dispatch(
      'users.create',
      { userName: 'ANH.PV', displayName: 'Trùng', role: 'editor', password: 'mat-khau-dai' },
      context,
    );
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await callCore(core, 'users.update', {
      id: created.id,
      role: 'editor',
      password: 'mat-khau-moi-dai',
    });
    const me = (await callCore(core, 'auth.status', {})).session?.user;
    const demoteSelf = await core.dispatch(
      'users.update',
      { id: me?.id ?? '', role: 'reporter' },
      context,
    );
    expect(demoteSelf).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/quản trị viên cuối cùng/) },
    });
    const editor = await callCore(core, 'auth.signIn', {
      userName: 'anh.pv',
      password: 'mat-khau-moi-dai',
    });
    expect(editor.user.role).toBe('editor');
    await callCore(core, 'auth.changePassword', {
      currentPassword: 'mat-khau-moi-dai',
      newPassword: 'mat-khau-cua-anh',
    });
    expect(
      await core.dispatch(
        'auth.signIn',
        { userName: 'anh.pv', password: 'mat-khau-moi-dai' },
        context,
      ),
    ).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await callCore(core, 'auth.signIn', { userName: 'anh.pv', password: 'mat-khau-cua-anh' });
  });
});
