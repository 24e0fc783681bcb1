import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AboutScreen } from '../features/about/AboutScreen';
import { ArticleList } from '../features/articles/ArticleList';
import { ArticleEditor } from '../features/editor/ArticleEditor';
import { PhotoDesk } from '../features/photos/PhotoDesk';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useApi } from '../lib/ApiContext';
import { Sidebar } from './Sidebar';

/** The screens the sidebar switches between. */
export type Screen = 'articles' | 'photos' | 'settings' | 'about';

/** The app shell: sidebar, then the current screen. */
export function App({ initialArticleId }: { initialArticleId: string | null }) {
  const api = useApi();
  const [screen, setScreen] = useState<Screen>('articles');
  const [selectedId, setSelectedId] = useState<string | null>(initialArticleId);

  const select = useCallback(
    (id: string | null) => {
      setSelectedId(id);
      void api.call('settings.update', { lastArticleId: id });
    },
    [api],
  );

  return (
    <div className="shell">
      <Sidebar screen={screen} onNavigate={setScreen} />
      {screen === 'articles' ? (
        <main className="workspace">
          <ArticleList selectedId={selectedId} onSelect={select} />
          {selectedId ? (
            <ArticleEditor key={selectedId} id={selectedId} onMissing={() => select(null)} />
          ) : (
            <EmptyEditor />
          )}
        </main>
      ) : screen === 'photos' ? (
        <PhotoDesk />
      ) : screen === 'settings' ? (
        <SettingsScreen />
      ) : (
        <AboutScreen />
      )}
    </div>
  );
}

function EmptyEditor() {
  const { t } = useTranslation();
  return (
    <section className="editor-empty" data-testid="editor-empty">
      <p>{t('editor.noSelection')}</p>
    </section>
  );
}
