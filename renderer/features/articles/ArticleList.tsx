import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ArticleSummary } from '../../../shared/domain/article';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { formatTime } from '../../lib/format';

/** The reporter's article list: newest first, refreshed when anything is saved. */
export function ArticleList({
  selectedId,
  onSelect,
}: {
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setArticles(await callOrThrow(api, 'articles.list', {}));
      setError(null);
    } catch (failure) {
      setError(failure instanceof CallFailed ? failure.message : t('articles.loadFailed'));
    }
  }, [api, t]);

  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('articles.changed', () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void reload(), 250);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [api, reload]);

  const create = async (): Promise<void> => {
    try {
      const article = await callOrThrow(api, 'articles.create', {});
      await reload();
      onSelect(article.id);
    } catch (failure) {
      setError(failure instanceof CallFailed ? failure.message : t('articles.loadFailed'));
    }
  };

  return (
    <aside className="article-list" aria-label={t('articles.title')}>
      <header className="pane-header">
        <h2>{t('articles.title')}</h2>
        <button
          type="button"
          className="primary"
          data-testid="new-article"
          onClick={() => void create()}
        >
          + {t('articles.new')}
        </button>
      </header>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      {articles && articles.length === 0 ? (
        <p className="muted empty">{t('articles.empty')}</p>
      ) : null}
      <ul data-testid="article-list">
        {(articles ?? []).map((article) => (
          <li key={article.id}>
            <button
              type="button"
              className={article.id === selectedId ? 'article-item selected' : 'article-item'}
              data-testid="article-item"
              onClick={() => onSelect(article.id)}
            >
              <span className="article-title">{article.title || t('articles.untitled')}</span>
              {article.excerpt ? <span className="article-excerpt">{article.excerpt}</span> : null}
              <span className="article-meta">
                <span className={`badge badge-${article.status}`}>
                  {t(`articles.status.${article.status}`)}
                </span>
                <span>
                  {t('articles.editedAt', {
                    when: formatTime(article.updatedAt, i18n.language, true),
                  })}
                </span>
                <span>{t('articles.words', { count: article.wordCount })}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
