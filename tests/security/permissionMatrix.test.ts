import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import type { CallName } from '../../shared/contract/calls';
import { callNames } from '../../shared/contract/calls';
import type { Result } from '../../shared/contract/result';
import type { ArticleStatus } from '../../shared/domain/article';
import { articleStatuses } from '../../shared/domain/article';
import { callPermissions } from '../../shared/workflow/callPermissions';
import type { IntendedAccess } from '../../shared/workflow/permissionMatrix';
import { isAllowed, permissionMatrix } from '../../shared/workflow/permissionMatrix';
import type { Role } from '../../shared/workflow/roles';
import { roles } from '../../shared/workflow/roles';
import { transitions } from '../../shared/workflow/transitions';
import { tempDir } from '../support/tempDir';
import { callCore, openTestCore, signInAs, testAdmin } from '../support/testCore';

/**
 * The generated permission test (issue 12, point 3): every contract call is made against a real
 * core on a real SQLite library, by every role, and for calls that touch one article by its
 * owner and by a colleague in every state; the answer must be `forbidden` exactly where
 * `shared/workflow/permissionMatrix.ts` says so.
 */

const context = { shell: 'browser' as const };
const junk = { articleId: '2b7e7f0c-5a4e-4b8e-9a61-0f3f1c2d4e5f', nonsense: true };

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const kind = (name: CallName): IntendedAccess['kind'] => permissionMatrix[name].kind;
const perArticle = new Set<IntendedAccess['kind']>(['editArticle', 'transition', 'authorProfile']);

const userNames: Record<Role, string> = {
  reporter: 'test-reporter',
  photo_editor: 'test-photo-editor',
  editor: 'test-editor',
  admin: testAdmin.userName,
};
/** The colleague whose articles the "not owner" cells use. */
const colleague = 'pv-dong-nghiep';

async function seat(target: Core, role: Role | 'colleague'): Promise<void> {
  if (role === 'admin') {
    await callCore(target, 'auth.signIn', {
      userName: testAdmin.userName,
      password: testAdmin.password,
    });
  } else if (role === 'colleague') await signInAs(target, 'reporter', colleague);
  else await signInAs(target, role, userNames[role]);
}

const refused = (result: Result<unknown>): boolean =>
  !result.ok && (result.error.code === 'forbidden' || result.error.code === 'unauthorized');

interface Cell {
  role: Role;
  isOwner: boolean;
  status: ArticleStatus;
  id: string;
  revisionId: number;
}

/**
 * Writes one article per cell (by the role's own account, or by a colleague for the "not owner"
 * cells), optionally with a revision, then puts each in the cell's state. The core holds the
 * library's exclusive lock, so the states are set with the core closed and the library reopened.
 */
async function openWithArticles(cells: Cell[], withRevision: boolean): Promise<Core> {
  const dataDir = tempDir();
  const first = openTestCore({ dataDir });
  for (const owner of [...roles, 'colleague'] as const) {
    await seat(first, owner);
    for (const cell of cells) {
      if (cell.isOwner ? cell.role !== owner : owner !== 'colleague') continue;
      cell.id = (await callCore(first, 'articles.create', { title: `Bài ${cell.status}` })).id;
    }
  }
  if (withRevision) {
    await seat(first, 'admin');
    for (const cell of cells)
      cell.revisionId = (await callCore(first, 'revisions.create', { articleId: cell.id })).id;
  }
  const file = first.paths.database;
  await first.close();
  const db = new Database(file);
  const setStatus = db.prepare('UPDATE articles SET status = ? WHERE id = ?');
  db.transaction(() => {
    for (const cell of cells) setStatus.run(cell.status, cell.id);
  })();
  db.close();
  core = openTestCore({ dataDir });
  return core;
}

describe('the permission matrix', () => {
  it('has a row for every call, and the same public calls as the core’s table', () => {
    expect(Object.keys(permissionMatrix).sort()).toEqual([...callNames].sort());
    for (const name of callNames) {
      expect(kind(name) === 'public', name).toBe(callPermissions[name].who === 'public');
    }
  });
});

describe('the core against the permission matrix', () => {
  it.each(roles)('answers every role-level call for %s as the matrix says', async (role) => {
    core = openTestCore({ as: role });
    const wrong: string[] = [];
    for (const name of callNames) {
      if (perArticle.has(kind(name))) continue;
      const allowed = isAllowed(permissionMatrix[name], { role, isOwner: false, status: 'draft' });
      // A malformed input: the permission check runs first, so a refusal cannot hide behind it.
      const result = await core.dispatch(name, junk, context);
      if (refused(result) === allowed) wrong.push(`${name}: ${JSON.stringify(result)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers the calls that change an article by role × ownership × state', async () => {
    const cells = roles.flatMap((role) =>
      [true, false].flatMap((isOwner) =>
        articleStatuses.map((status) => ({ role, isOwner, status, id: '', revisionId: 0 })),
      ),
    );
    const target = await openWithArticles(cells, true);
    const editCalls = callNames.filter((name) => kind(name) === 'editArticle');
    expect(editCalls.sort()).toEqual(
      ['articles.save', 'locks.acquire', 'revisions.create', 'revisions.restore'].sort(),
    );
    const wrong: string[] = [];
    for (const role of roles) {
      await seat(target, role);
      for (const cell of cells.filter((candidate) => candidate.role === role)) {
        const allowed = isAllowed(permissionMatrix['articles.save'], cell);
        const article = await callCore(target, 'articles.get', { id: cell.id });
        const inputs: Record<string, unknown> = {
          'revisions.create': { articleId: cell.id },
          'locks.acquire': { articleId: cell.id },
          'articles.save': {
            id: cell.id,
            title: `${article.title} (sửa)`,
            meta: article.meta,
            body: article.body,
            baseVersion: article.version,
          },
        };
        for (const name of editCalls) {
          const input =
            name === 'revisions.restore'
              ? {
                  articleId: cell.id,
                  revisionId: cell.revisionId,
                  baseVersion: (await callCore(target, 'articles.get', { id: cell.id })).version,
                }
              : inputs[name];
          const result = await target.dispatch(name, input, context);
          const label = `${name} by ${role} (${cell.isOwner ? 'owner' : 'colleague'}) in ${cell.status}`;
          if (allowed && !result.ok) wrong.push(`${label}: ${JSON.stringify(result)}`);
          if (!allowed && !(!result.ok && result.error.code === 'forbidden'))
            wrong.push(`${label}: ${JSON.stringify(result)}`);
          if (allowed && name === 'locks.acquire' && result.ok)
            expect(result.value, label).toMatchObject({ acquired: true });
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('answers every transition by role × ownership × state', async () => {
    const cells = roles.flatMap((role) =>
      [true, false].flatMap((isOwner) =>
        articleStatuses.flatMap((status) =>
          transitions.map((transition) => ({
            role,
            isOwner,
            status,
            transition,
            id: '',
            revisionId: 0,
          })),
        ),
      ),
    );
    const target = await openWithArticles(cells, false);
    const wrong: string[] = [];
    for (const role of roles) {
      await seat(target, role);
      for (const cell of cells.filter((candidate) => candidate.role === role)) {
        const allowed = isAllowed(permissionMatrix['workflow.transition'], cell);
        const result = await target.dispatch(
          'workflow.transition',
          { articleId: cell.id, transition: cell.transition, note: 'Ghi chú kiểm tra quyền' },
          context,
        );
        if (refused(result) === allowed)
          wrong.push(
            `${cell.transition} by ${role} (own: ${cell.isOwner}) in ${cell.status}: ${JSON.stringify(result)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('lets editors and administrators save any author profile, others only their own', async () => {
    core = openTestCore();
    const target = core;
    const shared = await callCore(target, 'authors.save', {
      name: 'Th.S Lê Đình Hùng',
      position: 'Phó Trưởng phòng TC, HC, TT, TLL',
    });
    const wrong: string[] = [];
    for (const role of roles) {
      await seat(target, role);
      const own = await target.dispatch(
        'authors.save',
        { name: `Hồ sơ của ${role}`, position: 'Phóng viên' },
        context,
      );
      if (!own.ok) {
        wrong.push(`${role} creating a profile: ${JSON.stringify(own)}`);
        continue;
      }
      const ownId = (own.value as { id: string }).id;
      const renamed = await target.dispatch(
        'authors.save',
        { id: ownId, name: `Hồ sơ của ${role}`, position: 'Trưởng ban' },
        context,
      );
      if (!renamed.ok) wrong.push(`${role} changing their own profile: ${JSON.stringify(renamed)}`);
      const allowed = isAllowed(permissionMatrix['authors.save'], {
        role,
        isOwner: false,
        status: 'draft',
      });
      const other = await target.dispatch(
        'authors.save',
        { id: shared.id, name: shared.name, position: `Trưởng phòng (${role})` },
        context,
      );
      if (refused(other) === allowed)
        wrong.push(`${role} changing the shared profile: ${JSON.stringify(other)}`);
    }
    expect(wrong).toEqual([]);
    await seat(target, 'admin');
    const stored = (await callCore(target, 'authors.list', {})).find((a) => a.id === shared.id);
    expect(stored?.position).toBe('Trưởng phòng (admin)');
  });
});
