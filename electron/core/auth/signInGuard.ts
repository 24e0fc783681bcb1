import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import { AppError } from '../../../shared/errors/appError';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import { canonicalUserName } from '../../../shared/workflow/accounts';
import type {
  SignInFailure,
  SignInFailureReason,
  SignInGuardReport,
} from '../../../shared/workflow/signInGuard';
import {
  delayAfter,
  signInFailureReasons,
  signInGuardRules as rules,
} from '../../../shared/workflow/signInGuard';
import type { SignInCounterRow } from '../db/queries/signIn';
import {
  clearCounter,
  getCounter,
  insertSignInLog,
  listSignInLog,
  lockedCounters,
  putCounter,
} from '../db/queries/signIn';
import type { Logger } from '../logging/logger';

const workstationKey = 'workstation';
const nameKey = (tried: string): string => `name:${canonicalUserName(tried)}`;

const clock = (at: number): string =>
  new Date(at).toLocaleTimeString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
  });

/** The answer while a name is locked: the same for names that exist and names that do not. */
function lockedError(tried: string, until: number): AppError {
  return new AppError(
    'unauthorized',
    `Tên đăng nhập «${tried}» đang bị tạm khoá vì nhập sai mật khẩu ${rules.lockAfter} lần liền. Hãy thử lại sau ${clock(until)}, hoặc nhờ quản trị viên mở khoá trong Cài đặt → Đăng nhập sai.`,
  );
}

function tooSoonError(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError(
    'unauthorized',
    `Đã nhập sai mật khẩu nhiều lần. Hãy đợi ${seconds} giây rồi thử lại (chú ý bộ gõ tiếng Việt và phím Caps Lock).`,
  );
}

/**
 * Slows password guessing down (issue 12, rules in `shared/workflow/signInGuard.ts` and
 * docs/sign-in-guard.md): counts failures per sign-in name tried and per workstation in the
 * library (so a restart resets nothing), makes the next attempt wait from the third failure on,
 * locks a name after ten until an administrator unlocks it or fifteen minutes pass, and writes
 * every failure, refusal and unlock to the append-only sign-in log. Time comes from `now`, so
 * tests move the clock instead of sleeping.
 */
export function createSignInGuard(deps: { db: Database; now: () => number; logger: Logger }) {
  const { db, now, logger } = deps;

  /** The counter as it stands now: forgotten after a quiet spell, and after its lock ran out. */
  const current = (key: string): SignInCounterRow | null => {
    const row = getCounter(db, key);
    if (!row) return null;
    const at = now();
    if (row.locked_until !== null) return row.locked_until > at ? row : null;
    return at - row.last_failure_at >= rules.forgetAfterMs ? null : row;
  };

  const log = (tried: string, reason: SignInFailure['reason'], by: string | null): void => {
    insertSignInLog(db, {
      id: randomUUID(),
      at: now(),
      user_name_tried: tried,
      reason,
      by_user: by,
    });
  };

  const bump = (key: string, lockAt: number | null): SignInCounterRow => {
    const previous = current(key);
    const failures = (previous?.failures ?? 0) + 1;
    const at = now();
    const row: SignInCounterRow = {
      key,
      failures,
      last_failure_at: at,
      locked_until: lockAt !== null && failures >= lockAt ? at + rules.lockMs : null,
    };
    putCounter(db, row);
    return row;
  };

  return {
    /**
     * Before the password is checked: refuses (and logs) an attempt on a locked name, or one
     * that comes before the delay the last failures earned, per name or per workstation.
     */
    beforeAttempt(tried: string): void {
      const at = now();
      const name = current(nameKey(tried));
      if (name?.locked_until != null) {
        log(tried, 'locked', null);
        throw lockedError(tried, name.locked_until);
      }
      const station = current(workstationKey);
      const waits = [
        name ? name.last_failure_at + delayAfter(name.failures) - at : 0,
        station
          ? station.last_failure_at + delayAfter(station.failures, rules.maxWorkstationDelayMs) - at
          : 0,
      ];
      const wait = Math.max(...waits);
      if (wait > 0) {
        log(tried, 'too_soon', null);
        throw tooSoonError(wait);
      }
    },

    /**
     * After a wrong password, an unknown name or a disabled account: counts it for the name and
     * the workstation, logs it, and returns the error to answer with (the lock message once the
     * name is locked; otherwise `fallback`, the same for all three reasons).
     */
    failed(tried: string, reason: SignInFailureReason, fallback: AppError): AppError {
      const counted = db.transaction(() => {
        const name = bump(nameKey(tried), rules.lockAfter);
        bump(workstationKey, null);
        log(tried, reason, null);
        return name;
      })();
      logger.warn('sign-in failed', { reason, failures: counted.failures });
      if (counted.locked_until !== null) {
        logger.warn('sign-in name locked', { until: counted.locked_until });
        return lockedError(tried, counted.locked_until);
      }
      return fallback;
    },

    /** After the right password: the name's and the workstation's failures are forgotten. */
    succeeded(tried: string): void {
      db.transaction(() => {
        clearCounter(db, nameKey(tried));
        clearCounter(db, workstationKey);
      })();
    },

    /** An administrator lifts a name's lock (and the workstation's delay); logged. */
    unlock(actor: SignedInUser, userName: string): null {
      db.transaction(() => {
        clearCounter(db, nameKey(userName));
        clearCounter(db, workstationKey);
        log(userName.trim().slice(0, 40), 'unlocked', actor.displayName);
      })();
      logger.info('sign-in name unlocked', { by: actor.id });
      return null;
    },

    /** Locked names and the newest log entries, for the administrator's screen. */
    report(limit: number): SignInGuardReport {
      return {
        locked: lockedCounters(db, now()).map((row) => ({
          userName: row.key.slice('name:'.length),
          failures: row.failures,
          lockedUntil: row.locked_until ?? 0,
        })),
        recent: listSignInLog(db, limit).map((row) => ({
          id: row.id,
          at: row.at,
          userNameTried: row.user_name_tried,
          reason:
            row.reason === 'unlocked'
              ? 'unlocked'
              : (signInFailureReasons.find((reason) => reason === row.reason) ?? 'wrong_password'),
          by: row.by_user,
        })),
      };
    },
  };
}

/** The sign-in guard's API. */
export type SignInGuard = ReturnType<typeof createSignInGuard>;
