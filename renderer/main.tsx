import './styles/prosemirror.css';
import './styles/app.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { NoConnection } from './app/NoConnection';
import { initI18n } from './i18n';
import { resolveApi } from './lib/api';
import { ApiContext } from './lib/ApiContext';

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
  const settings = await api.call('settings.get', {});
  await initI18n(settings.ok ? settings.value.locale : 'vi');
  root.render(
    <StrictMode>
      <ApiContext.Provider value={api}>
        <App initialArticleId={settings.ok ? settings.value.lastArticleId : null} />
      </ApiContext.Provider>
    </StrictMode>,
  );
}

void start();
