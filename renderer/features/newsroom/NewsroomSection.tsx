import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { NewsroomFile, NewsroomInfo } from '../../../shared/newsroom/roster';
import { callOrThrow } from '../../lib/api';
import { errorText } from '../../lib/errorText';
import { useCall } from '../../lib/useCall';
import { useApi } from '../../lib/ApiContext';
import { formatTime } from '../../lib/format';
import { useSession } from '../auth/SessionContext';
import { base64ToBytes, downloadBytes, fileToBase64 } from '../handoff/bundleFiles';
import { JoinNewsroomCard } from './JoinNewsroomCard';
import './newsroom.css';

/**
 * Settings → Tòa soạn: the newsroom this PC belongs to, its signed member list and this PC's
 * accounts against it; for the administrator who holds the list's key, creating the newsroom,
 * publishing a new list and exporting enrolment files (docs/newsroom.md).
 */
export function NewsroomSection() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [version, setVersion] = useState(0);
  const status = useCall('newsroom.status', {}, version);
  const [changed, setInfo] = useState<NewsroomInfo | null>(null);
  const info = changed ?? status.data;
  const [name, setName] = useState('');
  const [member, setMember] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const reload = (): void => {
    setInfo(null);
    setVersion((n) => n + 1);
  };

  const run = async (action: () => Promise<NewsroomInfo | NewsroomFile>): Promise<void> => {
    setMessage(null);
    try {
      const result = await action();
      if ('dataBase64' in result) {
        downloadBytes(result.fileName, base64ToBytes(result.dataBase64));
        setMessage({ kind: 'ok', text: t('newsroom.saved', { file: result.path }) });
      } else {
        setInfo(result);
      }
    } catch (failure) {
      setMessage({ kind: 'error', text: errorText(failure, t('errors.unexpected')) });
    }
  };

  const isAdmin = session.user.role === 'admin';
  return (
    // Accounts change in the section above (each change publishes a new roster on the
    // authority's PC): the section reads the roster again when the pointer or focus comes in.
    <section
      className="settings-card"
      data-testid="newsroom"
      onPointerEnter={reload}
      onFocus={reload}
    >
      <h2>{t('newsroom.title')}</h2>
      <p className="muted">{t('newsroom.intro')}</p>
      {info && !info.joined ? (
        <>
          <p className="banner" data-testid="newsroom-not-joined">
            {t('newsroom.notJoined')}
          </p>
          {isAdmin ? (
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                void run(() => callOrThrow(api, 'newsroom.create', { name }));
              }}
            >
              <label>
                {t('newsroom.createTitle')}
                <input
                  data-testid="newsroom-name"
                  value={name}
                  placeholder={t('newsroom.createName')}
                  onChange={(event) => setName(event.target.value)}
                />
              </label>
              <button type="submit" className="primary" data-testid="newsroom-create">
                {t('newsroom.create')}
              </button>
            </form>
          ) : null}
        </>
      ) : null}
      {info?.joined ? (
        <>
          <p data-testid="newsroom-joined">
            {t('newsroom.joined', {
              name: info.newsroomName,
              version: info.version,
              by: info.issuedBy,
              time: formatTime(info.issuedAt ?? 0, i18n.language, true),
            })}
          </p>
          {info.isAuthority ? <p className="muted">{t('newsroom.authority')}</p> : null}
          <h3>{t('newsroom.members')}</h3>
          <table className="newsroom-table" data-testid="newsroom-members">
            <tbody>
              {info.members.map((item) => (
                <tr key={item.userName}>
                  <td>{item.displayName}</td>
                  <td>
                    <code>{item.userName}</code>
                  </td>
                  <td>{t(`vocab.role.${item.role}`)}</td>
                  <td title={t('newsroom.keyId')}>
                    <code>{item.keyId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('newsroom.accounts')}</h3>
          <table className="newsroom-table" data-testid="newsroom-accounts">
            <tbody>
              {info.accounts.map((account) => (
                <tr key={account.userName} data-in-roster={account.inRoster}>
                  <td>{account.displayName}</td>
                  <td>
                    <code>{account.userName}</code>
                  </td>
                  <td className={account.inRoster ? 'newsroom-state-in' : 'newsroom-state-out'}>
                    {account.inRoster
                      ? t('newsroom.inRoster')
                      : account.hasKey
                        ? t('newsroom.notInRoster')
                        : t('newsroom.noKey')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="newsroom-actions">
            {info.isAuthority ? (
              <button
                type="button"
                className="secondary"
                data-testid="newsroom-publish"
                onClick={() => void run(() => callOrThrow(api, 'newsroom.publish', {}))}
              >
                {t('newsroom.publish')}
              </button>
            ) : null}
            <button
              type="button"
              className="secondary"
              data-testid="newsroom-export"
              onClick={() => void run(() => callOrThrow(api, 'newsroom.exportRoster', {}))}
            >
              {t('newsroom.exportRoster')}
            </button>
          </div>
          {info.isAuthority ? (
            <div data-testid="newsroom-enrol">
              <h3>{t('newsroom.enrolTitle')}</h3>
              <p className="muted">{t('newsroom.enrolHint')}</p>
              <div className="newsroom-actions">
                <select
                  data-testid="newsroom-enrol-member"
                  aria-label={t('newsroom.enrolFor')}
                  value={member}
                  onChange={(event) => setMember(event.target.value)}
                >
                  <option value="">{t('newsroom.enrolFor')}</option>
                  {info.members.map((item) => (
                    <option key={item.userName} value={item.userName}>
                      {item.displayName} ({item.userName})
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="primary"
                  data-testid="newsroom-export-enrolment"
                  disabled={!member}
                  onClick={() =>
                    void run(() =>
                      callOrThrow(api, 'newsroom.exportEnrolment', { userName: member }),
                    )
                  }
                >
                  {t('newsroom.exportEnrolment')}
                </button>
              </div>
              <p className="muted">{t('newsroom.leaving')}</p>
            </div>
          ) : null}
        </>
      ) : null}
      <label className="newsroom-actions">
        {t('newsroom.importRoster')}
        <input
          type="file"
          accept=".ndroster"
          data-testid="newsroom-import"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file)
              void run(async () =>
                callOrThrow(api, 'newsroom.importRoster', {
                  fileName: file.name,
                  dataBase64: await fileToBase64(file),
                }),
              );
          }}
        />
      </label>
      {message ? (
        <p
          className={message.kind === 'error' ? 'banner error' : 'banner'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="newsroom-message"
        >
          {message.text}
        </p>
      ) : null}
      {/* Joining this PC (or adding a person to it) with an enrolment file. */}
      <JoinNewsroomCard compact onDone={() => window.location.reload()} />
    </section>
  );
}
