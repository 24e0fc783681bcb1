import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Diagnostics } from '../../../shared/domain/diagnostics';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { ShortcutList } from './ShortcutList';

/** Versions, data folder and log location: what support asks for on the phone. */
export function AboutScreen() {
  const api = useApi();
  const { t } = useTranslation();
  const [info, setInfo] = useState<Diagnostics | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    callOrThrow(api, 'app.diagnostics', {}).then(setInfo, (failure: unknown) =>
      setError(failure instanceof CallFailed ? failure.message : String(failure)),
    );
  }, [api]);

  const rows: Array<[string, string, string]> = info
    ? [
        ['version', t('about.version'), info.appVersion],
        [
          'shell',
          t('about.shell'),
          info.shell === 'desktop' ? t('about.shellDesktop') : t('about.shellBrowser'),
        ],
        ['platform', t('about.platform'), info.platform],
        ['data-dir', t('about.dataDir'), info.dataDir],
        ['database', t('about.database'), info.databasePath],
        ['schema', t('about.schema'), String(info.schemaVersion)],
        ['log-file', t('about.logFile'), info.logFile],
        ['articles', t('about.articleCount'), String(info.articleCount)],
      ]
    : [];

  return (
    <main className="about" data-testid="about">
      <h1>{t('about.title')}</h1>
      <p className="lead">{t('about.intro')}</p>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      {info ? (
        <>
          <dl className="facts">
            {rows.map(([key, label, value]) => (
              <div key={key} className="fact">
                <dt>{label}</dt>
                <dd data-testid={`about-${key}`}>
                  {key === 'shell' ? value : <code>{value}</code>}
                </dd>
              </div>
            ))}
          </dl>
          <h2>{t('about.components')}</h2>
          <dl className="facts compact">
            {Object.entries(info.versions).map(([name, version]) => (
              <div key={name} className="fact">
                <dt>{name}</dt>
                <dd>
                  <code>{version}</code>
                </dd>
              </div>
            ))}
          </dl>
          <p className="hint">{t('about.backupHint')}</p>
        </>
      ) : null}
      <ShortcutList />
    </main>
  );
}
