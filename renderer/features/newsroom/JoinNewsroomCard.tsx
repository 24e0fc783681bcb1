import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SessionInfo } from '../../../shared/workflow/accounts';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { fileToBase64 } from '../handoff/bundleFiles';
import './newsroom.css';

/**
 * Joining the newsroom with an enrolment file (.ndjoin) and the first password the
 * administrator gave: the first start of a reporter's PC, or adding a person to a shared PC.
 * The person is signed in afterwards.
 */
export function JoinNewsroomCard({
  onDone,
  compact = false,
}: {
  onDone: (session: SessionInfo) => void;
  compact?: boolean;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const session = await callOrThrow(api, 'newsroom.enroll', {
        fileName: file.name,
        dataBase64: await fileToBase64(file),
        password,
      });
      onDone(session);
    } catch (failure) {
      setError(failure instanceof CallFailed ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={compact ? 'join-card compact' : 'auth-card join-card'}
      data-testid="join-newsroom"
      onSubmit={(event) => void submit(event)}
    >
      <h2>{compact ? t('newsroom.addFromFile') : t('join.title')}</h2>
      <p className="muted">{t('join.hint')}</p>
      <label className="auth-field">
        <span>{t('join.file')}</span>
        <input
          type="file"
          accept=".ndjoin"
          data-testid="join-file"
          required
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </label>
      <label className="auth-field">
        <span>{t('join.password')}</span>
        <input
          type="password"
          data-testid="join-password"
          autoComplete="current-password"
          value={password}
          required
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      {error ? (
        <p className="banner error" role="alert" data-testid="join-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" data-testid="join-submit" disabled={busy || !file}>
        {t('join.submit')}
      </button>
    </form>
  );
}
