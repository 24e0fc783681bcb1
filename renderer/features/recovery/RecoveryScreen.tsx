import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { NewsdeskApi } from '../../../shared/contract/api';
import type {
  BackupInfo,
  LibraryStatus,
  RestoreReport,
  SalvageReport,
} from '../../../shared/domain/recovery';
import { formatBytes, formatMoment } from './format';
import './recovery.css';

type Problem = Exclude<LibraryStatus, { kind: 'ok' }>;

/**
 * Shown instead of the app (before sign-in) when the library is damaged, behind what it last
 * committed, or in a folder that cannot be written: what happened, the newest good backup, what
 * restoring it would lose, and the ways back (restore, salvage, carry on).
 */
export function RecoveryScreen({ api, status }: { api: NewsdeskApi; status: Problem }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<
    { kind: 'restored'; report: RestoreReport } | { kind: 'salvaged'; report: SalvageReport } | null
  >(null);

  useEffect(() => {
    void api.call('recovery.backups', {}).then((result) => {
      if (result.ok) setBackups(result.value);
    });
  }, [api]);

  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  const restore = (backup: BackupInfo) =>
    run(async () => {
      const result = await api.call('recovery.restore', { place: backup.place, id: backup.id });
      if (result.ok) setDone({ kind: 'restored', report: result.value });
      else setError(result.error.message);
    });
  const salvage = () =>
    run(async () => {
      const result = await api.call('recovery.salvage', {});
      if (result.ok) setDone({ kind: 'salvaged', report: result.value });
      else setError(result.error.message);
    });
  const carryOn = () =>
    run(async () => {
      const result = await api.call('recovery.continueBehind', {});
      if (result.ok) window.location.reload();
      else setError(result.error.message);
    });

  if (status.kind === 'folder_problem') {
    return (
      <div className="recovery" role="alert" data-testid="recovery-screen">
        <h1>{t('app.name')}</h1>
        <p>{status.message}</p>
      </div>
    );
  }

  const newest = status.loss.backup ?? backups[0] ?? null;
  const others = backups.filter(
    (backup) => !(newest && backup.id === newest.id && backup.place === newest.place),
  );
  const line = (backup: BackupInfo) =>
    t('recovery.backupLine', {
      time: formatMoment(backup.createdAt, locale),
      count: backup.articleCount,
      size: formatBytes(backup.sizeBytes, locale),
    });

  if (done) {
    return (
      <div className="recovery" data-testid="recovery-done">
        <h1>{t('app.name')}</h1>
        {done.kind === 'restored' ? (
          <p>
            {t('recovery.restored', {
              time: formatMoment(done.report.backup.createdAt, locale),
              count: done.report.articleCount,
            })}
          </p>
        ) : (
          <>
            <p>
              {t('recovery.salvaged', {
                copied: done.report.copiedRows,
                articles: done.report.articleCount,
                unreadable: done.report.unreadableRows,
              })}
            </p>
            <ul className="recovery-tables" data-testid="salvage-tables">
              {done.report.tables
                .filter(
                  (table) =>
                    table.copied > 0 || table.unreadable > 0 || table.failedRanges.length > 0,
                )
                .map((table) => (
                  <li key={table.table}>
                    {t('recovery.salvageTable', {
                      table: table.table,
                      copied: table.copied,
                      unreadable: table.unreadable,
                    })}
                    {table.failedRanges.length > 0
                      ? ` (${table.failedRanges.slice(0, 5).join(', ')})`
                      : ''}
                  </li>
                ))}
            </ul>
          </>
        )}
        <p className="muted">{t('recovery.setAside', { dir: done.report.setAsideDir })}</p>
        <button type="button" data-testid="recovery-open" onClick={() => window.location.reload()}>
          {t('recovery.openApp')}
        </button>
      </div>
    );
  }

  return (
    <div className="recovery" role="alert" data-testid="recovery-screen">
      <h1>{status.kind === 'damaged' ? t('recovery.damagedTitle') : t('recovery.behindTitle')}</h1>
      <p>
        {status.kind === 'damaged'
          ? t('recovery.damagedIntro', { dir: status.dataDir })
          : t('recovery.behindIntro', {
              dir: status.dataDir,
              expected: status.expectedArticles,
              found: status.foundArticles,
              missing: status.expectedCommits - status.foundCommits,
              at: formatMoment(status.lastCommitAt, locale),
            })}
      </p>

      <section className="recovery-card">
        <h2>{t('recovery.newestBackup')}</h2>
        {newest ? (
          <>
            <p data-testid="recovery-newest">{line(newest)}</p>
            <h3>{t('recovery.lossTitle')}</h3>
            {status.kind === 'behind' ? (
              <p>{t('recovery.lossBehind', { at: formatMoment(newest.createdAt, locale) })}</p>
            ) : null}
            {status.loss.changedSince === null ? (
              <p>{t('recovery.lossUnknown')}</p>
            ) : status.loss.changedSince.length === 0 ? (
              status.kind === 'damaged' ? (
                <p>{t('recovery.lossNone')}</p>
              ) : null
            ) : (
              <ul data-testid="recovery-loss">
                {status.loss.changedSince.map((article) => (
                  <li key={article.id}>
                    {article.title || '—'} · {formatMoment(article.updatedAt, locale)}
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              data-testid="recovery-restore"
              disabled={busy}
              onClick={() => void restore(newest)}
            >
              {t('recovery.restore')}
            </button>
          </>
        ) : (
          <p>{t('recovery.noBackup')}</p>
        )}
      </section>

      {status.kind === 'damaged' ? (
        <section className="recovery-card">
          <h2>{t('recovery.salvage')}</h2>
          <p className="muted">{t('recovery.salvageHint')}</p>
          <button
            type="button"
            className="secondary"
            data-testid="recovery-salvage"
            disabled={busy}
            onClick={() => void salvage()}
          >
            {t('recovery.salvage')}
          </button>
        </section>
      ) : (
        <section className="recovery-card">
          <h2>{t('recovery.continueBehind')}</h2>
          <p className="muted">{t('recovery.continueHint')}</p>
          <button
            type="button"
            className="secondary"
            data-testid="recovery-continue"
            disabled={busy}
            onClick={() => void carryOn()}
          >
            {t('recovery.continueBehind')}
          </button>
        </section>
      )}

      {others.length > 0 ? (
        <section className="recovery-card">
          <h2>{t('recovery.otherBackups')}</h2>
          <ul className="recovery-backups">
            {others.slice(0, 20).map((backup) => (
              <li key={`${backup.place}-${backup.id}`}>
                <span>
                  {line(backup)} · {t(`recovery.reasons.${backup.reason}`)} ·{' '}
                  {t(`recovery.places.${backup.place}`)}
                </span>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() => void restore(backup)}
                >
                  {t('recovery.restoreThis')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {busy ? <p className="muted">{t('recovery.working')}</p> : null}
      {error ? (
        <p className="error" role="alert" data-testid="recovery-error">
          {error}
        </p>
      ) : null}
      {status.kind === 'damaged' ? (
        <details>
          <summary>{t('recovery.details')}</summary>
          <code>{status.detail}</code>
        </details>
      ) : null}
    </div>
  );
}
