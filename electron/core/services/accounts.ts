import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import { AppError } from '../../../shared/errors/appError';
import type {
  AuthStatus,
  SessionInfo,
  SignedInUser,
  UserSummary,
} from '../../../shared/workflow/accounts';
import { canonicalUserName } from '../../../shared/workflow/accounts';
import type { Role } from '../../../shared/workflow/roles';
import type { SigningKey } from '../auth/keys';
import { newSigningKey, sealKey, unsealKey } from '../auth/keys';
import type { ScryptParams } from '../auth/password';
import { defaultScryptParams, hashPassword, isWeaker, verifyPassword } from '../auth/password';
import type { Session } from '../auth/session';
import type { SignInGuard } from '../auth/signInGuard';
import type { UserRow } from '../db/queries/users';
import {
  countActiveAdmins,
  countUsers,
  getUser,
  getUserByName,
  insertUser,
  listUsers,
  newUserRow,
  passwordColumns,
  storedPassword,
  updateUser,
} from '../db/queries/users';
import { getUserKey, putUserKey } from '../db/queries/signing';
import type { EventBus } from '../events/eventBus';
import type { Logger } from '../logging/logger';

const wrongCredentials = (): AppError =>
  new AppError(
    'unauthorized',
    'Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại (chú ý bộ gõ tiếng Việt và phím Caps Lock).',
  );

function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    userName: row.user_name,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}

function toSignedIn(row: UserRow): SignedInUser {
  return { id: row.id, userName: row.user_name, displayName: row.display_name, role: row.role };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/**
 * Accounts and sign-in. The first start creates the administrator (and only then); after that
 * only an administrator creates accounts. Passwords are scrypt hashes; a wrong user name and a
 * wrong password take the same time and give the same answer.
 */
export function createAccountsService(deps: {
  db: Database;
  now: () => number;
  logger: Logger;
  events: EventBus;
  session: Session;
  /** Slows guessing: delays, locks and the sign-in log (issue 12). */
  guard: SignInGuard;
  /** Cost of new hashes; lower only in tests that open hundreds of libraries. */
  scrypt?: ScryptParams;
}) {
  const { db, now, logger, events, session, guard } = deps;
  // One password check at a time: parallel guesses cannot all slip in before the first failure
  // is counted.
  let attempts: Promise<unknown> = Promise.resolve();
  const params = deps.scrypt ?? defaultScryptParams;
  // Verified against when the user name is unknown, so timing does not reveal which names exist.
  let decoy: ReturnType<typeof hashPassword> | null = null;

  const announce = (): void => {
    const info = session.info();
    events.emit('session.changed', {
      userId: info?.user.id ?? null,
      locked: info?.locked ?? false,
    });
  };

  const requireInfo = (): SessionInfo => {
    const info = session.info();
    if (!info) throw new AppError('internal');
    return info;
  };

  /** Stores a fresh key pair for an account, sealed with the password just set. */
  const newKeyFor = async (userId: string, password: string): Promise<SigningKey> => {
    const key = newSigningKey();
    putUserKey(db, userId, await sealKey(key, password, params), now());
    return key;
  };

  /**
   * The account's signing key, opened with the password it signed in with. Accounts from
   * before signing get theirs now; a key that no longer opens (damaged) is replaced, and the
   * administrator must then publish a new roster (docs/newsroom.md).
   */
  const keyAtSignIn = async (row: UserRow, password: string): Promise<SigningKey> => {
    const stored = getUserKey(db, row.id);
    if (stored) {
      const key = await unsealKey(stored, password);
      if (key) return key;
      logger.warn('signing key did not open with the password; a new one was made', {
        userId: row.id,
      });
    }
    return newKeyFor(row.id, password);
  };

  /** A new account's row: sign-in name canonical, display name in NFC, password hashed. */
  const newAccount = async (input: {
    userName: string;
    displayName: string;
    role: Role;
    password: string;
  }): Promise<UserRow> =>
    newUserRow(
      {
        id: randomUUID(),
        userName: canonicalUserName(input.userName),
        displayName: input.displayName.normalize('NFC').trim(),
        role: input.role,
      },
      await hashPassword(input.password, params),
      now(),
    );

  const insert = async (input: {
    userName: string;
    displayName: string;
    role: Role;
    password: string;
  }): Promise<UserRow> => {
    const row = await newAccount(input);
    try {
      insertUser(db, row);
      await newKeyFor(row.id, input.password);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(
          'conflict',
          `Tên đăng nhập «${row.user_name}» đã có người dùng. Hãy chọn tên khác.`,
          { cause: error },
        );
      }
      throw error;
    }
    return row;
  };

  /**
   * Checks a password. Unknown names, wrong passwords and disabled accounts get the same answer
   * after the same work, and a disabled account is never revealed, not even to the right
   * password (docs/sign-in-guard.md); every failure is counted and logged by the guard.
   */
  const check = async (userName: string, password: string): Promise<UserRow> => {
    const tried = userName.trim().slice(0, 40);
    guard.beforeAttempt(tried);
    const row = getUserByName(db, canonicalUserName(userName));
    if (!row) {
      await verifyPassword(password, await (decoy ??= hashPassword(randomUUID(), params)));
      throw guard.failed(tried, 'unknown_user', wrongCredentials());
    }
    const stored = storedPassword(row);
    if (!(await verifyPassword(password, stored)))
      throw guard.failed(tried, 'wrong_password', wrongCredentials());
    if (row.disabled === 1) throw guard.failed(tried, 'disabled', wrongCredentials());
    guard.succeeded(tried);
    if (isWeaker(row.kdf, params)) {
      const upgraded = await hashPassword(password, params);
      updateUser(db, row.id, {
        ...passwordColumns(upgraded),
        updated_at: now(),
      });
    }
    return row;
  };

  const authenticate = (userName: string, password: string): Promise<UserRow> => {
    const turn = attempts.then(() => check(userName, password));
    attempts = turn.catch(() => undefined);
    return turn;
  };

  const signIn = async (input: { userName: string; password: string }): Promise<SessionInfo> => {
    const row = await authenticate(input.userName, input.password);
    session.start(toSignedIn(row), await keyAtSignIn(row, input.password));
    logger.info('signed in', { userId: row.id, role: row.role });
    announce();
    return requireInfo();
  };

  return {
    status: (): AuthStatus => ({ hasAccounts: countUsers(db) > 0, session: session.info() }),

    /** Creates the first administrator and signs them in; refused once any account exists. */
    async setupAdmin(input: {
      userName: string;
      displayName: string;
      password: string;
    }): Promise<SessionInfo> {
      const refuse = (): AppError =>
        new AppError(
          'conflict',
          'Máy này đã có tài khoản quản trị. Hãy đăng nhập, hoặc nhờ quản trị viên tạo tài khoản cho bạn.',
        );
      if (countUsers(db) > 0) throw refuse();
      const row = await newAccount({ ...input, role: 'admin' });
      // Checked again inside the write: two first-start screens cannot both create an admin.
      const created = db.transaction(() => {
        if (countUsers(db) > 0) return false;
        insertUser(db, row);
        return true;
      })();
      if (!created) throw refuse();
      session.start(toSignedIn(row), await newKeyFor(row.id, input.password));
      logger.info('administrator created', { userId: row.id });
      announce();
      return requireInfo();
    },

    signIn,

    /** Another person takes the seat (also from a locked session). */
    switchUser: signIn,

    signOut(): null {
      session.end();
      announce();
      return null;
    },

    lock(): null {
      session.lock();
      announce();
      return null;
    },

    async changePassword(
      user: SignedInUser,
      input: { currentPassword: string; newPassword: string },
    ): Promise<null> {
      const row = getUser(db, user.id);
      if (!row) throw new AppError('not_found', 'Không tìm thấy tài khoản của bạn.');
      const stored = storedPassword(row);
      if (!(await verifyPassword(input.currentPassword, stored))) {
        throw new AppError('unauthorized', 'Mật khẩu hiện tại không đúng. Hãy nhập lại.');
      }
      const next = await hashPassword(input.newPassword, params);
      // The same key, sealed again with the new password.
      const key = await keyAtSignIn(row, input.currentPassword);
      putUserKey(db, row.id, await sealKey(key, input.newPassword, params), now());
      updateUser(db, row.id, {
        ...passwordColumns(next),
        updated_at: now(),
      });
      return null;
    },

    list: (): UserSummary[] => listUsers(db).map(toSummary),

    async create(input: {
      userName: string;
      displayName: string;
      role: Role;
      password: string;
    }): Promise<UserSummary> {
      const row = await insert(input);
      logger.info('account created', { userId: row.id, role: row.role });
      return toSummary(row);
    },

    /** Changes role, name, disabled flag or password; the last active administrator stays one. */
    async update(
      actor: SignedInUser,
      input: {
        id: string;
        displayName?: string;
        role?: Role;
        disabled?: boolean;
        password?: string;
      },
    ): Promise<UserSummary> {
      const row = getUser(db, input.id);
      if (!row) throw new AppError('not_found', 'Không tìm thấy tài khoản này.');
      if (input.id === actor.id && input.disabled === true) {
        throw new AppError('conflict', 'Bạn không thể tự khoá tài khoản của mình.');
      }
      const losesAdmin =
        row.role === 'admin' &&
        row.disabled === 0 &&
        ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
      const password = input.password ? await hashPassword(input.password, params) : null;
      db.transaction(() => {
        if (losesAdmin && countActiveAdmins(db) <= 1) {
          throw new AppError(
            'conflict',
            'Đây là quản trị viên cuối cùng. Hãy cấp quyền quản trị cho người khác trước khi đổi vai trò hoặc khoá tài khoản này.',
          );
        }
        updateUser(db, row.id, {
          ...(input.displayName !== undefined
            ? { display_name: input.displayName.normalize('NFC').trim() }
            : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
          ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}),
          ...(password ? passwordColumns(password) : {}),
          updated_at: now(),
        });
      })();
      // A password set by the administrator cannot open the old key: the account gets a new
      // one, and the newsroom's roster must be published again for it to count.
      if (input.password) await newKeyFor(row.id, input.password);
      const updated = getUser(db, row.id);
      if (!updated) throw new AppError('not_found');
      session.updateUser(toSignedIn(updated));
      logger.info('account updated', { userId: row.id, by: actor.id });
      return toSummary(updated);
    },
  };
}

/** The accounts service's API. */
export type AccountsService = ReturnType<typeof createAccountsService>;
