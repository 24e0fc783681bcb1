import './styles/prosemirror.css';
import './styles/app.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { defaultSettings } from '../shared/domain/settings';
import { App } from './app/App';
import { addNewsroomWords } from './editor/extensions/spellcheck/dictionary';
import { AuthGate } from './features/auth/AuthGate';
import { ConnectionBanner } from './app/ConnectionBanner';
import { NoConnection } from './app/NoConnection';
import { RecoveryScreen } from './features/recovery/RecoveryScreen';
import { reloadWhenDamaged } from './features/recovery/reloadWhenDamaged';
import { initI18n } from './i18n';
import { resolveApi } from './lib/api';
import { ApiContext } from './lib/ApiContext';
import { SettingsProvider } from './lib/SettingsContext';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const api = resolveApi();
  if (!api) {
    await initI18n('vi');
    root.render(<NoConnection />);
    return;
  }
  // A damaged library, lost changes or an unwritable folder: the recovery screen, before sign-in.
  const library = await api.call('recovery.status', {});
  if (library.ok && library.value.kind !== 'ok') {
    await initI18n('vi');
    root.render(<RecoveryScreen api={api} status={library.value} />);
    return;
  }
  const loaded = await api.call('settings.get', {});
  const settings = loaded.ok ? loaded.value : defaultSettings;
  await initI18n(settings.locale);
  addNewsroomWords(settings.newsroomWords);
  root.render(
    <StrictMode>
      <ApiContext.Provider value={reloadWhenDamaged(api)}>
        <SettingsProvider initial={settings}>
          <ConnectionBanner api={api} />
          <AuthGate>
            <App initialArticleId={settings.lastArticleId} />
          </AuthGate>
        </SettingsProvider>
      </ApiContext.Provider>
    </StrictMode>,
  );
}

void start();
