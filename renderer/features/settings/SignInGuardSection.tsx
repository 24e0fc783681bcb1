import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SignInFailure, SignInGuardReport } from '../../../shared/workflow/signInGuard';
import { signInGuardRules } from '../../../shared/workflow/signInGuard';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import './settings.css';

const vi = {
  title: 'Đăng nhập sai',
  hint: `Nhập sai mật khẩu từ lần thứ 3 phải đợi lâu dần; sai ${signInGuardRules.lockAfter} lần thì tên đăng nhập bị tạm khoá ${signInGuardRules.lockMs / 60_000} phút, hoặc đến khi quản trị viên mở khoá ở đây.`,
  noneLocked: 'Không có tên đăng nhập nào đang bị khoá.',
  lockedUntil: (name: string, failures: number, time: string) =>
    `«${name}»: sai ${failures} lần, khoá đến ${time}`,
  unlock: 'Mở khoá',
  unlocked: (name: string) => `Đã mở khoá «${name}». Người dùng có thể đăng nhập lại ngay.`,
  recent: 'Gần đây',
  empty: 'Chưa có lần đăng nhập sai nào.',
  reasons: {
    wrong_password: 'sai mật khẩu',
    unknown_user: 'tên không có trên máy',
    disabled: 'tài khoản đã tắt',
    too_soon: 'thử lại quá sớm',
    locked: 'đang bị khoá',
    unlocked: 'được mở khoá',
  } satisfies Record<SignInFailure['reason'], string>,
};

const en: typeof vi = {
  title: 'Failed sign-ins',
  hint: `From the 3rd wrong password on, each attempt must wait longer; after ${signInGuardRules.lockAfter} the sign-in name is locked for ${signInGuardRules.lockMs / 60_000} minutes, or until an administrator unlocks it here.`,
  noneLocked: 'No sign-in name is locked.',
  lockedUntil: (name, failures, time) => `“${name}”: ${failures} failures, locked until ${time}`,
  unlock: 'Unlock',
  unlocked: (name) => `“${name}” is unlocked and can sign in again now.`,
  recent: 'Recent',
  empty: 'No failed sign-in yet.',
  reasons: {
    wrong_password: 'wrong password',
    unknown_user: 'name not on this PC',
    disabled: 'account disabled',
    too_soon: 'tried too soon',
    locked: 'locked',
    unlocked: 'unlocked',
  },
};

/** `20:24 07/12` in Vietnam time. */
const time = (at: number, locale: string): string => {
  const tag = locale === 'en' ? 'en-GB' : 'vi-VN';
  const zone = { timeZone: 'Asia/Ho_Chi_Minh' } as const;
  const clock = new Date(at).toLocaleTimeString(tag, {
    ...zone,
    hour: '2-digit',
    minute: '2-digit',
  });
  const day = new Date(at).toLocaleDateString(tag, { ...zone, day: '2-digit', month: '2-digit' });
  return `${clock} ${day}`;
};

/**
 * The administrator's view of the sign-in guard: names locked after repeated wrong passwords,
 * each with «Mở khoá», and the newest entries of the sign-in log (the name tried and why).
 */
export function SignInGuardSection() {
  const api = useApi();
  const { i18n } = useTranslation();
  const labels = i18n.language === 'en' ? en : vi;
  const [report, setReport] = useState<SignInGuardReport | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(async () => {
    setReport(await callOrThrow(api, 'auth.signInLog', { limit: 20 }));
  }, [api]);
  useEffect(() => {
    load().catch(() => setReport({ locked: [], recent: [] }));
  }, [load]);

  const unlock = async (userName: string): Promise<void> => {
    try {
      await callOrThrow(api, 'auth.unlockAccount', { userName });
      setMessage({ kind: 'ok', text: labels.unlocked(userName) });
      await load();
    } catch (failure) {
      setMessage({
        kind: 'error',
        text: failure instanceof CallFailed ? failure.message : String(failure),
      });
    }
  };

  if (!report) return null;
  return (
    <section className="settings-card" data-testid="sign-in-guard">
      <h2>{labels.title}</h2>
      <p className="muted">{labels.hint}</p>
      {report.locked.length === 0 ? <p className="muted">{labels.noneLocked}</p> : null}
      <ul className="sign-in-locked">
        {report.locked.map((entry) => (
          <li key={entry.userName} data-testid={`locked-${entry.userName}`}>
            <span>
              {labels.lockedUntil(
                entry.userName,
                entry.failures,
                time(entry.lockedUntil, i18n.language),
              )}
            </span>
            <button
              type="button"
              className="secondary small"
              data-testid={`unlock-${entry.userName}`}
              onClick={() => void unlock(entry.userName)}
            >
              {labels.unlock}
            </button>
          </li>
        ))}
      </ul>
      {message ? (
        <p className={`banner ${message.kind} settings-message`} role="status">
          {message.text}
        </p>
      ) : null}
      <h3>{labels.recent}</h3>
      {report.recent.length === 0 ? <p className="muted">{labels.empty}</p> : null}
      <ul className="sign-in-log" data-testid="sign-in-log">
        {report.recent.map((entry) => (
          <li key={entry.id}>
            {time(entry.at, i18n.language)} · «{entry.userNameTried}» ·{' '}
            {labels.reasons[entry.reason]}
            {entry.by ? ` (${entry.by})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
