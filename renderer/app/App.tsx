import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AboutScreen } from '../features/about/AboutScreen';
import type { ListRequest } from '../features/articles/ArticleList';
import { ArticleList } from '../features/articles/ArticleList';
import { ArticleEditor } from '../features/editor/ArticleEditor';
import { PhotoDesk } from '../features/photos/PhotoDesk';
import { ReviewQueue } from '../features/review/ReviewQueue';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { useApi } from '../lib/ApiContext';
import { useShortcut, useShortcutKeys } from '../lib/shortcuts';
import { Sidebar } from './Sidebar';

/** The screens the sidebar switches between. */
export type Screen = 'articles' | 'review' | 'photos' | 'sync' | 'settings' | 'about';

/** The app shell: sidebar, then the current screen. */
export function App({ initialArticleId }: { initialArticleId: string | null }) {
  const api = useApi();
  const [screen, setScreen] = useState<Screen>('articles');
  const [selectedId, setSelectedId] = useState<string | null>(initialArticleId);
  const [listRequest, setListRequest] = useState<ListRequest | null>(null);

  useShortcutKeys();
  // Ctrl+N and Ctrl+F work from any screen: they bring the article list and ask it.
  const askList = (id: ListRequest['id']): void => {
    setScreen('articles');
    setListRequest((last) => ({ id, n: (last?.n ?? 0) + 1 }));
  };
  useShortcut('newArticle', () => askList('newArticle'));
  useShortcut('search', () => askList('search'));

  const select = useCallback(
    (id: string | null) => {
      setSelectedId(id);
      void api.call('settings.updateDisplay', { lastArticleId: id });
    },
    [api],
  );

  /** Opens an article in the editor from anywhere (the review queue, an import report). */
  const open = useCallback(
    (id: string) => {
      select(id);
      setScreen('articles');
    },
    [select],
  );

  return (
    <div className="shell">
      <Sidebar screen={screen} onNavigate={setScreen} />
      {screen === 'articles' ? (
        <main className="workspace">
          <ArticleList selectedId={selectedId} onSelect={select} request={listRequest} />
          {selectedId ? (
            <ArticleEditor
              key={selectedId}
              id={selectedId}
              onMissing={() => select(null)}
              onOpen={open}
            />
          ) : (
            <EmptyEditor />
          )}
        </main>
      ) : screen === 'review' ? (
        <ReviewQueue onOpen={open} />
      ) : screen === 'photos' ? (
        <PhotoDesk />
      ) : screen === 'sync' ? (
        <SyncScreen />
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
