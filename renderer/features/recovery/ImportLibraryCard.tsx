import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { errorText } from '../../lib/errorText';
import { uploadFile } from '../../lib/uploadFile';
import { UploadProgress } from '../../lib/UploadProgress';

/** How long the "imported" sentence stays before the app reopens into the new library. */
const reopenDelayMs = 2500;

/**
 * Moving to a new PC (docs/recovery.md): picks a `.ndlibrary` file, sends it in chunks
 * (`uploadFile`, kind `library`), imports it (the core sets the current library aside first) and
 * reloads the app into the imported library. On the first-start screen (`firstStart`) it is a
 * card beside the administrator's form; in Settings it asks for a second click first.
 */
export function ImportLibraryCard({ place }: { place: 'firstStart' | 'settings' }) {
  const api = useApi();
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'importing'>('idle');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!file) return;
    if (place === 'settings' && !confirming) {
      setConfirming(true);
      return;
    }
    setError(null);
    setPhase('uploading');
    setSent(0);
    try {
      const uploadId = await uploadFile(api, 'library', file, (bytes) => setSent(bytes));
      setPhase('importing');
      const report = await callOrThrow(api, 'library.importUploaded', { uploadId });
      setDone(
        place === 'firstStart'
          ? t('libraryMove.doneFirstStart', { count: report.articleCount })
          : t('libraryMove.done', { count: report.articleCount, dir: report.setAsideDir }),
      );
      window.setTimeout(() => window.location.reload(), reopenDelayMs);
    } catch (failure) {
      setError(errorText(failure, t('errors.unexpected')));
      setPhase('idle');
      setConfirming(false);
    }
  };

  const busy = phase !== 'idle' || done !== null;
  const firstStart = place === 'firstStart';
  return (
    <form
      className={firstStart ? 'auth-card join-card' : 'import-library'}
      data-testid="import-library"
      onSubmit={(event) => void submit(event)}
    >
      {firstStart ? <h2>{t('libraryMove.title')}</h2> : <h3>{t('libraryMove.settingsTitle')}</h3>}
      <p className="muted">{firstStart ? t('libraryMove.hint') : t('libraryMove.settingsHint')}</p>
      <label className="auth-field">
        <span>{t('libraryMove.file')}</span>
        <input
          type="file"
          accept=".ndlibrary"
          data-testid="import-library-file"
          required
          disabled={busy}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setConfirming(false);
            setError(null);
          }}
        />
      </label>
      {phase === 'uploading' && file && sent !== null ? (
        <p className="muted" data-testid="import-library-progress">
          {t('libraryMove.uploading')}
          <UploadProgress sent={sent} size={file.size} />
        </p>
      ) : null}
      {phase === 'importing' && !done ? (
        <p className="muted" data-testid="import-library-progress">
          {t('libraryMove.importing')}
        </p>
      ) : null}
      {done ? (
        <p className="banner ok" role="status" data-testid="import-library-done">
          {done}
        </p>
      ) : null}
      {error ? (
        <p className="banner error" role="alert" data-testid="import-library-error">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        className={confirming ? 'secondary danger' : 'secondary'}
        data-testid={confirming ? 'import-library-confirm' : 'import-library-submit'}
        disabled={busy || !file}
      >
        {confirming ? t('libraryMove.confirm') : t('libraryMove.submit')}
      </button>
    </form>
  );
}
