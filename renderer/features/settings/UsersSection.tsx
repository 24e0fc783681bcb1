import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { UserSummary } from '../../../shared/workflow/accounts';
import type { Role } from '../../../shared/workflow/roles';
import { roles } from '../../../shared/workflow/roles';
import { callOrThrow } from '../../lib/api';
import { errorText } from '../../lib/errorText';
import { Notice } from '../../lib/Notice';
import { useCall } from '../../lib/useCall';
import { useApi } from '../../lib/ApiContext';
import { Modal } from '../../lib/Modal';
import { useSession } from '../auth/SessionContext';
import './settings.css';

function RoleSelect({
  value,
  testId,
  disabled,
  onChange,
}: {
  value: Role;
  testId: string;
  disabled?: boolean;
  onChange: (role: Role) => void;
}) {
  const { t } = useTranslation();
  return (
    <select
      data-testid={testId}
      aria-label={t('users.role')}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(roles.find((role) => role === event.target.value) ?? value)}
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`vocab.role.${role}`)}
        </option>
      ))}
    </select>
  );
}

/**
 * The administrator's account list: create accounts with a role, change a role, disable or
 * enable, reset a forgotten password. Every refusal (a taken name, a short password, removing
 * the last administrator) is the core's Vietnamese message.
 */
export function UsersSection() {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const [version, setVersion] = useState(0);
  const listed = useCall('users.list', {}, version);
  const users = listed.data;
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [form, setForm] = useState({
    userName: '',
    displayName: '',
    role: 'reporter' as Role,
    password: '',
  });

  const reload = (): void => setVersion((n) => n + 1);

  const update = async (
    user: UserSummary,
    patch: { role?: Role; disabled?: boolean; password?: string },
  ): Promise<string | null> => {
    try {
      const saved = await callOrThrow(api, 'users.update', { id: user.id, ...patch });
      setMessage({ kind: 'ok', text: t('users.updated', { name: saved.displayName }) });
      reload();
      return null;
    } catch (failure) {
      const text = errorText(failure, t('errors.unexpected'));
      setMessage({ kind: 'error', text });
      return text;
    }
  };

  const create = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      const created = await callOrThrow(api, 'users.create', form);
      setMessage({
        kind: 'ok',
        text: t('users.created', {
          name: created.displayName,
          role: t(`vocab.role.${created.role}`),
        }),
      });
      setForm({ userName: '', displayName: '', role: form.role, password: '' });
      reload();
    } catch (failure) {
      setMessage({ kind: 'error', text: errorText(failure, t('errors.unexpected')) });
    }
  };

  return (
    <section className="settings-card" data-testid="users-section">
      <h2>{t('users.title')}</h2>
      <p className="muted">{t('users.hint')}</p>
      <table className="users-table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t('auth.displayName')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {(users ?? []).map((user) => {
            const self = user.id === session.user.id;
            return (
              <tr
                key={user.id}
                data-testid="user-row"
                data-username={user.userName}
                className={user.disabled ? 'disabled' : undefined}
              >
                <td>
                  <strong>{user.displayName}</strong> {self ? t('users.you') : null}
                  <br />
                  <code>{user.userName}</code>
                </td>
                <td>
                  <RoleSelect
                    value={user.role}
                    testId="user-role"
                    onChange={(role) => void update(user, { role })}
                  />
                </td>
                <td>{user.disabled ? t('users.disabled') : t('users.active')}</td>
                <td className="users-actions">
                  <button
                    type="button"
                    className="secondary small"
                    data-testid="user-toggle"
                    disabled={self}
                    onClick={() => void update(user, { disabled: !user.disabled })}
                  >
                    {user.disabled ? t('users.enable') : t('users.disable')}
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    data-testid="user-reset"
                    onClick={() => setResetting(user)}
                  >
                    {t('users.resetPassword')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {message ? (
        <p
          className={`banner ${message.kind} settings-message`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="users-message"
        >
          {message.text}
        </p>
      ) : null}
      <Notice kind="error">{listed.error}</Notice>
      <h3>{t('users.createTitle')}</h3>
      <form className="user-form" onSubmit={(event) => void create(event)}>
        <input
          data-testid="new-user-username"
          value={form.userName}
          placeholder={t('auth.userName')}
          aria-label={t('auth.userName')}
          spellCheck={false}
          onChange={(event) => setForm({ ...form, userName: event.target.value })}
        />
        <input
          data-testid="new-user-displayname"
          value={form.displayName}
          placeholder={t('auth.displayName')}
          aria-label={t('auth.displayName')}
          onChange={(event) => setForm({ ...form, displayName: event.target.value })}
        />
        <RoleSelect
          value={form.role}
          testId="new-user-role"
          onChange={(role) => setForm({ ...form, role })}
        />
        <input
          data-testid="new-user-password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          placeholder={t('auth.password')}
          aria-label={t('auth.password')}
          onChange={(event) => setForm({ ...form, password: event.target.value })}
        />
        <button type="submit" className="primary" data-testid="new-user-submit">
          {t('users.create')}
        </button>
      </form>
      <p className="muted settings-hint">{t('auth.passwordHint')}</p>
      {resetting ? (
        <PasswordDialog
          title={t('users.resetTitle', { name: resetting.displayName })}
          onSave={async (password) => {
            const failure = await update(resetting, { password });
            if (!failure)
              setMessage({
                kind: 'ok',
                text: t('users.resetDone', { name: resetting.displayName }),
              });
            return failure;
          }}
          onClose={() => setResetting(null)}
        />
      ) : null}
    </section>
  );
}

/** Asks for a new password (typed twice). */
function PasswordDialog({
  title,
  onSave,
  onClose,
}: {
  title: string;
  onSave: (password: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (): Promise<void> => {
    if (password !== again) {
      setError(t('auth.passwordMismatch'));
      return;
    }
    const failure = await onSave(password);
    if (failure) setError(failure);
    else onClose();
  };
  return (
    <Modal
      title={title}
      testId="password-dialog"
      className="note-dialog"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="secondary" onClick={onClose}>
            {t('users.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="password-save"
            onClick={() => void save()}
          >
            {t('users.save')}
          </button>
        </>
      }
    >
      <label className="note-field">
        <span>{t('auth.password')}</span>
        <input
          type="password"
          data-testid="password-new"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <label className="note-field">
        <span>{t('auth.passwordAgain')}</span>
        <input
          type="password"
          data-testid="password-again"
          autoComplete="new-password"
          value={again}
          onChange={(event) => setAgain(event.target.value)}
        />
      </label>
      <p className="muted">{t('auth.passwordHint')}</p>
      {error ? <p className="banner error">{error}</p> : null}
    </Modal>
  );
}
