import type { ReactNode } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ArticleSearchHit, ArticleSummary, TextSegment } from '../../../shared/domain/article';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { whenIdle } from '../../lib/idle';
import { formatTime } from '../../lib/format';
import { HandoffBar } from '../handoff/HandoffBar';
import { useDirectory } from '../meta/useDirectory';
import { useWaiting } from '../review/useWaiting';
import { StatusBadge } from '../workflow/WorkflowBar';
import type { ListFilter } from './ListFilters';
import { defaultFilter, ListFilters, toListInput } from './ListFilters';

/** A keyboard shortcut the app passes on to the list (`n` counts requests, so each runs once). */
export interface ListRequest {
  id: 'newArticle' | 'search';
  n: number;
}

/** The reporter's article list: newest first, refreshed when anything is saved. */
export function ArticleList({
  selectedId,
  onSelect,
  request = null,
}: {
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** The latest Ctrl+N / Ctrl+F, run once when it arrives. */
  request?: ListRequest | null;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const waiting = useWaiting();
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ArticleSearchHit[] | null>(null);
  const [filter, setFilter] = useState<ListFilter>(defaultFilter);
  const directory = useDirectory();
  const searchRef = useRef<HTMLInputElement>(null);
  const handled = useRef(0);

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') {
      setHits(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      callOrThrow(api, 'articles.search', { query: trimmed }).then(
        (found) => live && setHits(found),
        (failure: unknown) =>
          live && setError(failure instanceof CallFailed ? failure.message : String(failure)),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  const reload = useCallback(async () => {
    try {
      setArticles(await callOrThrow(api, 'articles.list', toListInput(filter, Date.now())));
      setError(null);
    } catch (failure) {
      setError(failure instanceof CallFailed ? failure.message : t('articles.loadFailed'));
    }
  }, [api, filter, t]);

  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let cancel: (() => void) | null = null;
    // Autosaves arrive while someone types: reload when the page is idle, not between two keys.
    const off = api.on('articles.changed', () => {
      if (timer) clearTimeout(timer);
      cancel?.();
      timer = setTimeout(() => (cancel = whenIdle(() => void reload(), 2000)), 250);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
      cancel?.();
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

  useEffect(() => {
    if (!request || request.n === handled.current) return;
    handled.current = request.n;
    if (request.id === 'search') {
      searchRef.current?.focus();
      searchRef.current?.select();
    } else void create();
  });

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
      <HandoffBar articles={articles ?? []} selectedId={selectedId} onOpen={onSelect} />
      <ListFilters
        filter={filter}
        authors={directory.authors}
        categories={directory.categories}
        onChange={setFilter}
      />
      <div className="search">
        <input
          ref={searchRef}
          type="search"
          data-testid="article-search"
          value={query}
          placeholder={t('articles.searchPlaceholder')}
          aria-label={t('articles.searchPlaceholder')}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      {hits ? (
        <SearchResults hits={hits} selectedId={selectedId} onSelect={onSelect} />
      ) : (
        <>
          {articles && articles.length === 0 ? (
            <p className="muted empty">{t('articles.empty')}</p>
          ) : null}
          <ul data-testid="article-list">
            {(articles ?? []).map((article) => (
              <ArticleRow
                key={article.id}
                article={article}
                testId="article-item"
                waitingForMe={waiting.ids.has(article.id)}
                selected={article.id === selectedId}
                onSelect={onSelect}
                title={article.title || t('articles.untitled')}
                excerpt={article.excerpt}
              />
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index}>{segment.text}</mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}

/** Search hits with the matched words highlighted in title and snippet. */
function SearchResults({
  hits,
  selectedId,
  onSelect,
}: {
  hits: ArticleSearchHit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (hits.length === 0)
    return (
      <p className="muted empty" data-testid="search-empty">
        {t('articles.noResults')}
      </p>
    );
  return (
    <>
      <p className="muted result-count" data-testid="search-count">
        {t('articles.resultCount', { count: hits.length })}
      </p>
      <ul data-testid="search-results">
        {hits.map((hit) => (
          <ArticleRow
            key={hit.id}
            article={hit}
            testId="search-hit"
            selected={hit.id === selectedId}
            onSelect={onSelect}
            title={
              hit.title ? <Highlighted segments={hit.titleSegments} /> : t('articles.untitled')
            }
            excerpt={<Highlighted segments={hit.snippet} />}
          />
        ))}
      </ul>
    </>
  );
}

/** One article in the list or in search results: title, excerpt, status, time and length. */
function ArticleRow({
  article,
  title,
  excerpt,
  selected,
  testId,
  onSelect,
  waitingForMe = false,
}: {
  article: ArticleSummary;
  title: ReactNode;
  excerpt: ReactNode;
  selected: boolean;
  /** Returned to the signed-in person, or waiting for their review: flagged in the list. */
  waitingForMe?: boolean;
  testId: string;
  onSelect: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <button
        type="button"
        className={selected ? 'article-item selected' : 'article-item'}
        data-testid={testId}
        onClick={() => onSelect(article.id)}
      >
        <span className="article-title">{title}</span>
        {excerpt ? <span className="article-excerpt">{excerpt}</span> : null}
        <span className="article-meta">
          <StatusBadge status={article.status} />
          {waitingForMe ? (
            <span
              className={
                article.status === 'returned' ? 'badge badge-returned' : 'badge badge-submitted'
              }
              data-testid="waiting-flag"
            >
              {article.status === 'returned'
                ? t('review.returnedToMeFlag')
                : t('review.waitingForReviewFlag')}
            </span>
          ) : null}
          <span>
            {t('articles.editedAt', { when: formatTime(article.updatedAt, i18n.language, true) })}
          </span>
          <span>{t('articles.words', { count: article.wordCount })}</span>
        </span>
      </button>
    </li>
  );
}
