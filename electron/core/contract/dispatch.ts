import { z } from 'zod';

import type { CallArgs, CallName, CallOutput } from '../../../shared/contract/calls';
import { calls, isCallName } from '../../../shared/contract/calls';
import { refusalMessage } from '../../../shared/contract/refusalMessage';
import type { Result } from '../../../shared/contract/result';
import { fail, ok } from '../../../shared/contract/result';
import { AppError, defaultMessages } from '../../../shared/errors/appError';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type { AccessCheck } from '../auth/accessControl';
import type { Logger } from '../logging/logger';

/** Which shell a call came through; the shells pass it. */
export interface CallContext {
  shell: 'desktop' | 'browser';
}

/**
 * What a handler learns about the call: the shell, and the signed-in user the access check let
 * through (null only for public calls made before anyone signed in).
 */
export interface HandlerContext extends CallContext {
  user: SignedInUser | null;
}

/** One handler per call; the compiler refuses a contract call without one. */
export type Handlers = {
  [K in CallName]: (
    args: CallArgs<K>,
    context: HandlerContext,
  ) => CallOutput<K> | Promise<CallOutput<K>>;
};

/** One domain's slice of the handlers: the calls named `<domain>.…` (e.g. `'comments'`). */
export type HandlersOf<Domain extends string> = Pick<
  Handlers,
  Extract<CallName, `${Domain}.${string}`>
>;

/** The signed-in user of a handler's context; only public calls can lack one. */
export function requireUser(context: HandlerContext): SignedInUser {
  if (!context.user)
    throw new AppError('unauthorized', 'Bạn chưa đăng nhập. Hãy đăng nhập để tiếp tục.');
  return context.user;
}

/** A function that takes an untrusted call and returns an envelope; both shells use it. */
export type Dispatch = (
  name: string,
  input: unknown,
  context: CallContext,
) => Promise<Result<unknown>>;

function sqliteCode(error: unknown): string | undefined {
  if (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
  ) {
    return error.code;
  }
  return undefined;
}

/**
 * Checks, validates and runs a call. The session is checked against the call's permission first
 * (`access`), then every input is parsed by the contract's zod schema here, in the main side,
 * whatever the renderer claims; errors come back as typed envelopes, never as throws. SQLite
 * reporting a damaged file answers `library_damaged` and tells `onDamaged`, which stops every
 * later write (nothing more goes into a damaged file).
 */
export function createDispatch(
  handlers: Handlers,
  logger: Logger,
  access: AccessCheck,
  onDamaged?: (detail: string) => void,
): Dispatch {
  // Validation messages reach the user: have zod write them in Vietnamese.
  z.config(z.locales.vi());
  const log = logger.child('contract');
  return async (name, input, context) => {
    if (!isCallName(name)) {
      log.warn('unknown call', { name: String(name).slice(0, 100) });
      return fail({ code: 'unknown_call', message: defaultMessages.unknown_call });
    }
    let user: SignedInUser | null;
    try {
      user = access(name);
    } catch (error) {
      if (error instanceof AppError) {
        log.info('call refused', { name, code: error.code });
        return fail(error.toContractError());
      }
      log.error('access check failed', { name, error });
      return fail({ code: 'internal', message: defaultMessages.internal });
    }
    const parsed = calls[name].input.safeParse(input);
    if (!parsed.success) {
      log.warn('invalid input', { name, issues: parsed.error.issues.slice(0, 3) });
      return fail({
        code: 'invalid_input',
        message: refusalMessage(name, parsed.error.issues[0]),
      });
    }
    try {
      const handler = handlers[name] as (args: unknown, context: HandlerContext) => unknown;
      return ok(await handler(parsed.data, { shell: context.shell, user }));
    } catch (error) {
      if (error instanceof AppError) {
        log.info('call refused', { name, code: error.code });
        return fail(error.toContractError());
      }
      const code = sqliteCode(error);
      if (code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
        log.error('library damaged', { name, error });
        onDamaged?.(error instanceof Error ? error.message : String(error));
        return fail({ code: 'library_damaged', message: defaultMessages.library_damaged });
      }
      if (code === 'SQLITE_FULL' || code?.startsWith('SQLITE_IOERR') || code === 'ENOSPC') {
        log.error('storage failure', { name, error });
        return fail({ code: 'storage_failed', message: defaultMessages.storage_failed });
      }
      log.error('call failed', { name, error });
      return fail({ code: 'internal', message: defaultMessages.internal });
    }
  };
}
