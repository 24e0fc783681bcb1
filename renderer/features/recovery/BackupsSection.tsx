import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { BackupInfo, BackupPlaces } from '../../../shared/domain/recovery';
import { useApi } from '../../lib/ApiContext';
import { formatBytes, formatMoment } from './format';
import { ImportLibraryCard } from './ImportLibraryCard';
import './recovery.css';

/**
 * Settings → Sao lưu (administrator): the verified backups with time, size and article count,
 * «Sao lưu ngay», restore in two clicks, the second place, and the export for a new PC.
 */
export function BackupsSection() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [places, setPlaces] = useState<BackupPlaces | null>(null);
  const [extraDir, setExtraDir] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await api.call('backups.list', {});
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setBackups(result.value.backups);
    setPlaces(result.value.places);
    setExtraDir(result.value.places.extraDir ?? '');
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const backupNow = () =>
    act(async () => {
      const result = await api.call('backups.create', {});
      if (!result.ok) setError(result.error.message);
      await load();
    });
  const restore = (backup: BackupInfo) =>
    act(async () => {
      const result = await api.call('backups.restore', { place: backup.place, id: backup.id });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setMessage(t('backups.restoredReload', { dir: result.value.setAsideDir }));
      window.setTimeout(() => window.location.reload(), 2500);
    });
  const savePlace = () =>
    act(async () => {
      const result = await api.call('backups.setPlaces', {
        extraDir: extraDir.trim() === '' ? null : extraDir.trim(),
      });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setPlaces(result.value);
      if (result.value.extraDir)
        setMessage(t('backups.extraSaved', { dir: result.value.extraDir }));
    });
  const exportLibrary = () =>
    act(async () => {
      const result = await api.call('backups.exportLibrary', {});
      if (!result.ok) setError(result.error.message);
      else
        setMessage(
          t('backups.exported', {
            file: result.value.file,
            size: formatBytes(result.value.sizeBytes, locale),
          }),
        );
    });

  return (
    <section className="settings-card" data-testid="backups-section">
      <h2>{t('backups.title')}</h2>
      <p className="muted">{t('backups.hint')}</p>
      <button
        type="button"
        data-testid="backup-now"
        disabled={busy}
        onClick={() => void backupNow()}
      >
        {t('backups.backupNow')}
      </button>
      {backups.length === 0 ? (
        <p>{t('backups.none')}</p>
      ) : (
        <table className="backups-table" data-testid="backups-table">
          <thead>
            <tr>
              <th>{t('backups.when')}</th>
              <th>{t('backups.reason')}</th>
              <th>{t('backups.place')}</th>
              <th>{t('backups.size')}</th>
              <th>{t('backups.articles')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => {
              const key = `${backup.place}/${backup.id}`;
              return (
                <tr key={key} data-testid="backup-row">
                  <td>{formatMoment(backup.createdAt, locale)}</td>
                  <td>{t(`recovery.reasons.${backup.reason}`)}</td>
                  <td>{t(`recovery.places.${backup.place}`)}</td>
                  <td>{formatBytes(backup.sizeBytes, locale)}</td>
                  <td>{backup.articleCount}</td>
                  <td>
                    {confirming === key ? (
                      <button
                        type="button"
                        data-testid="backup-confirm-restore"
                        disabled={busy}
                        onClick={() => void restore(backup)}
                      >
                        {t('backups.confirmRestore')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        data-testid="backup-restore"
                        disabled={busy}
                        onClick={() => setConfirming(key)}
                      >
                        {t('backups.restore')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h3>{t('backups.extraTitle')}</h3>
      <p className="muted">{t('backups.extraHint')}</p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void savePlace();
        }}
      >
        <input
          data-testid="backup-extra-dir"
          value={extraDir}
          placeholder={places?.mainDir ?? ''}
          onChange={(event) => setExtraDir(event.target.value)}
        />
        <button type="submit" className="secondary" disabled={busy}>
          {t('backups.extraSave')}
        </button>
      </form>

      <h3>{t('backups.exportTitle')}</h3>
      <p className="muted">{t('backups.exportHint')}</p>
      <button
        type="button"
        className="secondary"
        data-testid="backup-export"
        disabled={busy}
        onClick={() => void exportLibrary()}
      >
        {t('backups.export')}
      </button>
      <ImportLibraryCard place="settings" />

      {message ? (
        <p className="ok" role="status" data-testid="backups-message">
          {message}
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert" data-testid="backups-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
