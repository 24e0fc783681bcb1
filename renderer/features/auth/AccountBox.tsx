import { useTranslation } from 'react-i18next';

import { useSession } from './SessionContext';

/** Who is signed in on this seat, with their role, and the seat's actions. */
export function AccountBox() {
  const { t } = useTranslation();
  const { session, switchUser, lock, signOut } = useSession();
  return (
    <div className="account-box" data-testid="account-box" aria-label={t('auth.account')}>
      <span>
        <strong data-testid="account-name">{session.user.displayName}</strong>
        <small data-testid="account-role">{t(`vocab.role.${session.user.role}`)}</small>
      </span>
      <span className="account-actions">
        <button type="button" data-testid="switch-user" onClick={switchUser}>
          {t('auth.switch')}
        </button>
        <button type="button" data-testid="lock-now" onClick={() => void lock()}>
          {t('auth.lockNow')}
        </button>
        <button type="button" data-testid="sign-out" onClick={() => void signOut()}>
          {t('auth.signOut')}
        </button>
      </span>
    </div>
  );
}
