import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import type { Role } from '../../shared/workflow/roles';
import { createCore } from '../../electron/core/app/createCore';
import type { Core, CoreOptions } from '../../electron/core/app/createCore';
import type { ScryptParams } from '../../electron/core/auth/password';
import { createNullLogger } from '../../electron/core/logging/logger';
import { sourcePhotoWorkerUrl } from '../../electron/core/photos/batch/sourceWorker';
import { tempDir } from './tempDir';

/** The administrator every test library gets (unless `as: 'nobody'`). */
export const testAdmin = {
  userName: 'quantri',
  displayName: 'Quản trị viên',
  password: 'mat-khau-quan-tri',
} as const;

/** The password of the accounts `signInAs` creates. */
export const testPassword = 'mat-khau-thu-nghiem';

/**
 * The cost of password hashes in test libraries: the real scrypt, at N=2^10 instead of 2^15, so
 * the hundreds of cores the suite opens do not spend a minute hashing. The accounts tests open
 * their cores with `realPasswordCost` to prove the production cost.
 */
const testPasswordCost: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

/** How `openTestCore` sets up the seat. */
export interface TestCoreOptions {
  dataDir?: string;
  now?: () => number;
  /**
   * Who is signed in when the first call runs: the administrator (default), an account of the
   * given role (created by the administrator as `test-<role>`), or nobody (no account exists
   * on a new library).
   */
  as?: Role | 'nobody';
  /** Hash passwords at the production cost. */
  realPasswordCost?: boolean;
  /** Extra core options (e.g. sync tuning). */
  core?: Partial<Omit<CoreOptions, 'dataDir' | 'now'>>;
}

/**
 * A real core on a real SQLite library in a temp folder; close it at the end of the test.
 * The session is core-wide, so before the first call goes through, the seat is set up through
 * the contract like the sign-in screen would: the administrator is created on a new library (or
 * signs in on a reopened one), then the requested role signs in.
 */
export function openTestCore(options: TestCoreOptions = {}): Core {
  const core = createCore({
    dataDir: options.dataDir ?? tempDir(),
    shell: 'browser',
    appVersion: '0.0.0-test',
    logger: createNullLogger(),
    photoWorkerUrl: sourcePhotoWorkerUrl,
    ...(options.realPasswordCost ? {} : { passwordCost: testPasswordCost }),
    ...options.core,
    ...(options.now ? { now: options.now } : {}),
  });
  const inner = core.dispatch;
  const as = options.as ?? 'admin';
  let seated = as === 'nobody';
  const ready =
    as === 'nobody'
      ? Promise.resolve()
      : setUpSeat({ ...core, dispatch: inner }, as).finally(() => (seated = true));
  return {
    ...core,
    // Tests listen to what their own calls cause, not to the seat being set up.
    events: {
      emit: core.events.emit.bind(core.events),
      subscribe: (listener) =>
        core.events.subscribe((message) => {
          if (seated) listener(message);
        }),
    },
    dispatch: async (name, input, context) => {
      await ready;
      return inner(name, input, context);
    },
    close: async () => {
      await ready.catch(() => undefined);
      await core.close();
    },
  };
}

async function setUpSeat(core: Core, as: Role): Promise<void> {
  const status = await callCore(core, 'auth.status', {});
  if (status.hasAccounts) {
    await callCore(core, 'auth.signIn', {
      userName: testAdmin.userName,
      password: testAdmin.password,
    });
  } else {
    await callCore(core, 'auth.setupAdmin', testAdmin);
  }
  if (as !== 'admin') await signInAs(core, as);
}

/**
 * Signs in as `test-<role>` (or the given user name), creating the account first if needed;
 * the administrator's session is used to create it, so call it while an admin can sign in.
 */
export async function signInAs(
  core: Core,
  role: Role,
  userName = `test-${role.replace('_', '-')}`,
  displayName = `Người dùng ${role}`,
): Promise<CallOutput<'auth.signIn'>> {
  const attempt = await core.dispatch(
    'auth.signIn',
    { userName, password: testPassword },
    { shell: 'browser' },
  );
  if (attempt.ok) return attempt.value as CallOutput<'auth.signIn'>;
  await callCore(core, 'auth.signIn', {
    userName: testAdmin.userName,
    password: testAdmin.password,
  });
  await callCore(core, 'users.create', { userName, displayName, role, password: testPassword });
  return callCore(core, 'auth.signIn', { userName, password: testPassword });
}

/** Calls the contract like a shell does and unwraps the envelope; a failure throws its code. */
export async function callCore<K extends CallName>(
  core: Core,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input, { shell: 'browser' });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}
