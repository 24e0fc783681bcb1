import type { SignInGuard } from '../auth/signInGuard';
import type { HandlersOf } from '../contract/dispatch';
import { requireUser } from '../contract/dispatch';
import type { RosterService } from '../roster/rosterService';
import type { AccountsService } from './accounts';

/**
 * Binds the seat (sign-in, switching, locking, the sign-in guard) and the workstation's accounts
 * to the contract. On the newsroom administrator's PC, an account added or changed goes out as
 * a new roster at once.
 */
export function accountHandlers(deps: {
  accounts: AccountsService;
  guard: SignInGuard;
  roster: RosterService;
}): HandlersOf<'auth' | 'users'> {
  const { accounts, guard, roster } = deps;
  return {
    'auth.status': () => accounts.status(),
    'auth.setupAdmin': (args) => accounts.setupAdmin(args),
    'auth.signIn': (args) => accounts.signIn(args),
    'auth.switchUser': (args) => accounts.switchUser(args),
    'auth.signOut': () => accounts.signOut(),
    'auth.lock': () => accounts.lock(),
    'auth.changePassword': (args, context) => accounts.changePassword(requireUser(context), args),
    'auth.unlockAccount': (args, context) => guard.unlock(requireUser(context), args.userName),
    'auth.signInLog': (args) => guard.report(args.limit),
    'users.list': () => accounts.list(),
    'users.create': async (args, context) => {
      const created = await accounts.create(args);
      roster.publishIfAuthority(requireUser(context));
      return created;
    },
    'users.update': async (args, context) => {
      const updated = await accounts.update(requireUser(context), args);
      roster.publishIfAuthority(requireUser(context));
      return updated;
    },
  };
}
