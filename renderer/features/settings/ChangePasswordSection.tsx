import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { useSession } from '../auth/SessionContext';
import './settings.css';

/** Everyone's own account: who they are signed in as, and changing their password. */
export function ChangePasswordSection() {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (next !== again) {
      setMessage({ kind: 'error', text: t('auth.passwordMismatch') });
      return;
    }
    try {
      await callOrThrow(api, 'auth.changePassword', {
        currentPassword: current,
        newPassword: next,
      });
      setMessage({ kind: 'ok', text: t('users.passwordChanged') });
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (failure) {
      setMessage({
        kind: 'error',
        text: failure instanceof CallFailed ? failure.message : String(failure),
      });
    }
  };

  return (
    <section className="settings-card" data-testid="password-section">
      <h2>{t('users.changePasswordTitle')}</h2>
      <p className="muted">
        {session.user.displayName} · <code>{session.user.userName}</code> ·{' '}
        {t(`vocab.role.${session.user.role}`)}
      </p>
      <form className="user-form" onSubmit={(event) => void submit(event)}>
        <input
          type="password"
          autoComplete="current-password"
          value={current}
          placeholder={t('users.currentPassword')}
          aria-label={t('users.currentPassword')}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <input
          type="password"
          autoComplete="new-password"
          value={next}
          placeholder={t('users.newPassword')}
          aria-label={t('users.newPassword')}
          onChange={(event) => setNext(event.target.value)}
        />
        <input
          type="password"
          autoComplete="new-password"
          value={again}
          placeholder={t('auth.passwordAgain')}
          aria-label={t('auth.passwordAgain')}
          onChange={(event) => setAgain(event.target.value)}
        />
        <button type="submit" className="secondary">
          {t('users.changePassword')}
        </button>
      </form>
      {message ? (
        <p className={`banner ${message.kind} settings-message`} role="status">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
