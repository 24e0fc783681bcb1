import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SessionInfo } from '../../../shared/workflow/accounts';
import { callOrThrow } from '../../lib/api';
import { errorText } from '../../lib/errorText';
import { useApi } from '../../lib/ApiContext';
import { JoinNewsroomCard } from '../newsroom/JoinNewsroomCard';
import { ImportLibraryCard } from '../recovery/ImportLibraryCard';
import './auth.css';

/** The brand above every sign-in card. */
function AuthCard({
  title,
  intro,
  testId,
  children,
}: {
  title: string;
  intro: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="auth-card" data-testid={testId}>
      <div className="auth-brand">
        <span className="brand-mark" aria-hidden="true">
          N
        </span>
        <span>
          <strong>{t('app.name')}</strong>
          <small>{t('app.tagline')}</small>
        </span>
      </div>
      <h1>{title}</h1>
      <p className="muted">{intro}</p>
      {children}
    </div>
  );
}

/** A labelled input with an optional hint below it. */
function AuthField({
  label,
  hint,
  testId,
  ...input
}: {
  label: string;
  hint?: string;
  testId: string;
  type?: string;
  value: string;
  autoComplete?: string;
  readOnly?: boolean;
  autoFocus?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <label className="auth-field">
      <span>{label}</span>
      <input
        data-testid={testId}
        type={input.type ?? 'text'}
        value={input.value}
        autoComplete={input.autoComplete}
        readOnly={input.readOnly}
        autoFocus={input.autoFocus}
        spellCheck={false}
        required
        onChange={(event) => input.onChange(event.target.value)}
      />
      {hint ? <small className="muted">{hint}</small> : null}
    </label>
  );
}

/** First start: no account exists yet, so the first person creates the administrator. */
export function FirstStartScreen({ onDone }: { onDone: (session: SessionInfo) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [userName, setUserName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (password !== again) {
      setError(t('auth.passwordMismatch'));
      return;
    }
    setBusy(true);
    try {
      onDone(await callOrThrow(api, 'auth.setupAdmin', { userName, displayName, password }));
    } catch (failure) {
      setError(errorText(failure, t('errors.unexpected')));
      setBusy(false);
    }
  };

  return (
    <main className="auth-screen">
      <div className="first-start-layout">
        <AuthCard
          title={t('auth.firstStart.title')}
          intro={t('auth.firstStart.intro')}
          testId="first-start"
        >
          <form className="auth-form" onSubmit={(event) => void submit(event)}>
            <AuthField
              label={t('auth.userName')}
              hint={t('auth.userNameHint')}
              testId="setup-username"
              value={userName}
              autoComplete="username"
              autoFocus
              onChange={setUserName}
            />
            <AuthField
              label={t('auth.displayName')}
              hint={t('auth.displayNameHint')}
              testId="setup-displayname"
              value={displayName}
              autoComplete="name"
              onChange={setDisplayName}
            />
            <AuthField
              label={t('auth.password')}
              hint={t('auth.passwordHint')}
              testId="setup-password"
              type="password"
              value={password}
              autoComplete="new-password"
              onChange={setPassword}
            />
            <AuthField
              label={t('auth.passwordAgain')}
              testId="setup-password-again"
              type="password"
              value={again}
              autoComplete="new-password"
              onChange={setAgain}
            />
            {error ? (
              <p className="banner error" role="alert" data-testid="auth-error">
                {error}
              </p>
            ) : null}
            <button type="submit" className="primary" data-testid="setup-submit" disabled={busy}>
              {t('auth.firstStart.submit')}
            </button>
          </form>
        </AuthCard>
        <div className="first-start-side">
          {/* A reporter's PC joins the newsroom with the administrator's enrolment file instead. */}
          <JoinNewsroomCard onDone={onDone} />
          {/* Or the whole library comes from the old PC (one .ndlibrary file). */}
          <ImportLibraryCard place="firstStart" />
        </div>
      </div>
    </main>
  );
}

/**
 * Sign-in: at start (`signIn`), over a locked app (`lock`, the locked user's name filled in, with
 * a way for someone else to sign in) or as the switch-user dialog (`switch`, with cancel).
 */
export function SignInForm({
  mode,
  locked,
  onDone,
  onCancel,
}: {
  mode: 'signIn' | 'lock' | 'switch';
  /** The locked session's user, for `lock`. */
  locked?: { userName: string; displayName: string; idleLockMinutes: number };
  onDone: (session: SessionInfo) => void;
  onCancel?: () => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const [sameUser, setSameUser] = useState(mode === 'lock' && locked !== undefined);
  const [userName, setUserName] = useState(sameUser && locked ? locked.userName : '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    try {
      const call = mode === 'signIn' ? 'auth.signIn' : 'auth.switchUser';
      onDone(await callOrThrow(api, call, { userName, password }));
    } catch (failure) {
      setError(errorText(failure, t('errors.unexpected')));
      setPassword('');
      setBusy(false);
    }
  };

  const title =
    mode === 'lock'
      ? t('auth.lock.title')
      : mode === 'switch'
        ? t('auth.switchUser.title')
        : t('auth.signIn.title');
  const intro =
    mode === 'lock' && locked
      ? t('auth.lock.intro', { name: locked.displayName, minutes: locked.idleLockMinutes })
      : mode === 'switch'
        ? t('auth.switchUser.intro')
        : t('auth.signIn.intro');

  return (
    <AuthCard title={title} intro={intro} testId={mode === 'signIn' ? 'sign-in' : mode}>
      <form className="auth-form" onSubmit={(event) => void submit(event)}>
        <AuthField
          label={t('auth.userName')}
          testId="signin-username"
          value={userName}
          autoComplete="username"
          readOnly={sameUser}
          autoFocus={!sameUser}
          onChange={setUserName}
        />
        <AuthField
          label={t('auth.password')}
          testId="signin-password"
          type="password"
          value={password}
          autoComplete="current-password"
          autoFocus={sameUser}
          onChange={setPassword}
        />
        {error ? (
          <p className="banner error" role="alert" data-testid="auth-error">
            {error}
          </p>
        ) : null}
        <div className="auth-actions">
          {mode === 'lock' && sameUser ? (
            <button
              type="button"
              className="link-button"
              data-testid="lock-other-user"
              onClick={() => {
                setSameUser(false);
                setUserName('');
                setError(null);
              }}
            >
              {t('auth.lock.otherUser')}
            </button>
          ) : null}
          {onCancel ? (
            <button type="button" className="secondary" onClick={onCancel}>
              {t('auth.switchUser.cancel')}
            </button>
          ) : null}
          <button type="submit" className="primary" data-testid="signin-submit" disabled={busy}>
            {mode === 'switch' ? t('auth.switchUser.submit') : t('auth.signIn.submit')}
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
