import { afterEach, describe, expect, it } from 'vitest';

import { callNames } from '../../../shared/contract/calls';
import { callPermissions } from '../../../shared/workflow/callPermissions';
import { roles } from '../../../shared/workflow/roles';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';

const context = { shell: 'browser' as const };
const uuid = '2b7e7f0c-5a4e-4b8e-9a61-0f3f1c2d4e5f';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

/** Written out by hand: the only calls that work before anyone signs in. */
const publicCalls = [
  'auth.status',
  'auth.setupAdmin',
  'auth.signIn',
  'auth.switchUser',
  'auth.signOut',
  'settings.get',
  'app.diagnostics',
  // A damaged library has no accounts to sign in with; these act only while it is not ok.
  'recovery.status',
  'recovery.backups',
  'recovery.restore',
  'recovery.salvage',
  'recovery.continueBehind',
  // A new PC joins the newsroom at first start, before it has accounts (the file is sealed).
  'newsroom.enroll',
  // A new PC imports the old one's whole library at first start (the handlers refuse anything
  // else without a session: libraryImport.test.ts).
  'uploads.begin',
  'uploads.append',
  'uploads.cancel',
  'library.importUploaded',
].sort();

describe('permissions enforced by the core', () => {
  it('lets only the sign-in screen’s calls through without a session', () => {
    const open = callNames.filter((name) => callPermissions[name].who === 'public').sort();
    expect(open).toEqual(publicCalls);
  });

  it('refuses every other call with unauthorized before looking at its input', async () => {
    core = openTestCore({ as: 'nobody' });
    for (const name of callNames) {
      if (publicCalls.includes(name)) continue;
      // Even a malformed input gets the sign-in answer: nothing about the call is revealed.
      const result = await core.dispatch(name, { nonsense: true }, context);
      expect(result, name).toEqual({
        ok: false,
        error: { code: 'unauthorized', message: 'Bạn chưa đăng nhập. Hãy đăng nhập để tiếp tục.' },
      });
    }
  });

  it.each(roles)('refuses %s the calls their role lacks, naming the roles needed', async (role) => {
    core = openTestCore({ as: role });
    const restricted = callNames.filter((name) => {
      const who = callPermissions[name].who;
      return Array.isArray(who) && !who.includes(role);
    });
    if (role === 'admin') expect(restricted).toEqual([]);
    else expect(restricted.length).toBeGreaterThan(0);
    for (const name of restricted) {
      const result = await core.dispatch(name, { articleId: uuid, id: uuid }, context);
      expect(result, name).toMatchObject({
        ok: false,
        error: {
          code: 'forbidden',
          message: expect.stringMatching(/^Bạn không có quyền .+ vai trò/),
        },
      });
    }
  });

  it('refuses a reporter’s approval in the core, whatever the UI shows', async () => {
    core = openTestCore({ as: 'reporter' });
    const article = await callCore(core, 'articles.create', { title: 'Tin của tôi' });
    await callCore(core, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    const approve = await core.dispatch(
      'workflow.transition',
      { articleId: article.id, transition: 'approve' },
      context,
    );
    expect(approve).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'Bạn không có quyền «Duyệt». Việc này cần vai trò Biên tập viên hoặc Quản trị viên.',
      },
    });
    for (const [name, input] of [
      ['locks.takeOver', { articleId: article.id }],
      ['users.list', {}],
      ['photos.process', { ids: [uuid] }],
      ['workflow.setPolicy', { minWords: 0 }],
    ] as const) {
      expect(await core.dispatch(name, input, context), name).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });
});
