import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { ConnectionState, HttpConnection } from '../lib/httpApi';

/** The browser shell's connection, when the API has one (Electron's preload does not). */
function connectionOf(api: unknown): HttpConnection | null {
  if (typeof api === 'object' && api !== null && 'connection' in api) {
    return (api as { connection: HttpConnection }).connection;
  }
  return null;
}

/**
 * Says when the browser shell's server has gone («Mất kết nối…») or came back with a new token
 * (Newsdesk was started again), with a way back: «Thử lại», or pasting the new address it
 * printed. Typing on the page is kept meanwhile; the autosaver saves it once the link is back.
 * Takes the shell's own API object (wrappers such as the damaged-library reload drop the link).
 */
export function ConnectionBanner({ api }: { api: unknown }) {
  const { t } = useTranslation();
  const connection = connectionOf(api);
  const [state, setState] = useState<ConnectionState>(connection?.state() ?? 'ok');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => connection?.subscribe(setState), [connection]);
  if (!connection || state === 'ok') return null;

  const useAddress = (event: FormEvent): void => {
    event.preventDefault();
    let token: string | null = null;
    try {
      token = new URL(address.trim()).searchParams.get('token');
    } catch {
      token = null;
    }
    if (!token) {
      setError(t('connection.badAddress'));
      return;
    }
    setError(null);
    connection.useToken(token);
  };

  return (
    <div
      className="connection-banner banner error"
      role="alert"
      data-testid="connection-banner"
      data-state={state}
    >
      <strong>{state === 'lost' ? t('connection.lost') : t('connection.restarted')}</strong>
      <span>{t('connection.kept')}</span>
      {state === 'lost' ? (
        <button type="button" className="secondary small" onClick={() => void connection.probe()}>
          {t('connection.retry')}
        </button>
      ) : (
        <form className="connection-form" onSubmit={useAddress}>
          <input
            type="url"
            data-testid="connection-address"
            placeholder="http://127.0.0.1:…/?token=…"
            value={address}
            onChange={(event) => setAddress(event.target.value)}
            aria-label={t('connection.address')}
          />
          <button type="submit" className="primary small" data-testid="connection-use">
            {t('connection.reconnect')}
          </button>
          {error ? <span role="status">{error}</span> : null}
        </form>
      )}
    </div>
  );
}
