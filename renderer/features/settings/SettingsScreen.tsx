import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { formatByline } from '../../../shared/domain/article';
import { useSettings } from '../../lib/SettingsContext';
import { useSession } from '../auth/SessionContext';
import { useDirectory } from '../meta/useDirectory';
import { ChangePasswordSection } from './ChangePasswordSection';
import { PolicySection } from './PolicySection';
import { UsersSection } from './UsersSection';
import { PortalsSection } from '../sync/PortalsSection';
import { BackupsSection } from '../recovery/BackupsSection';

/** Newsroom settings: tone style, the newsroom dictionary, author profiles and categories. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const directory = useDirectory();
  const { session } = useSession();
  const [word, setWord] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [authorPosition, setAuthorPosition] = useState('');
  const [category, setCategory] = useState('');

  return (
    <main className="settings" data-testid="settings">
      <h1>{t('settings.title')}</h1>
      {session.user.role === 'admin' ? <UsersSection /> : null}
      <PolicySection />
      <PortalsSection canManage={session.user.role === 'admin'} />
      <ChangePasswordSection />
      {session.user.role === 'admin' ? <BackupsSection /> : null}

      <section className="settings-card">
        <h2>{t('settings.toneTitle')}</h2>
        <p className="muted">{t('settings.toneHint')}</p>
        <label className="radio">
          <input
            type="radio"
            name="tone"
            data-testid="tone-new"
            checked={settings.toneStyle === 'new'}
            onChange={() => void update({ toneStyle: 'new' })}
          />
          {t('settings.toneNew')}
        </label>
        <label className="radio">
          <input
            type="radio"
            name="tone"
            data-testid="tone-old"
            checked={settings.toneStyle === 'old'}
            onChange={() => void update({ toneStyle: 'old' })}
          />
          {t('settings.toneOld')}
        </label>
      </section>

      <section className="settings-card">
        <h2>{t('settings.dictionaryTitle')}</h2>
        <p className="muted">{t('settings.dictionaryHint')}</p>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const value = word.trim();
            if (value && !settings.newsroomWords.includes(value))
              void update({ newsroomWords: [...settings.newsroomWords, value] });
            setWord('');
          }}
        >
          <input
            data-testid="dictionary-word"
            value={word}
            onChange={(event) => setWord(event.target.value)}
            placeholder={t('settings.dictionaryPlaceholder')}
          />
          <button type="submit" className="secondary">
            {t('settings.add')}
          </button>
        </form>
        <ul className="chips" data-testid="dictionary-list">
          {settings.newsroomWords.map((entry) => (
            <li key={entry} className="tag">
              {entry}
              <button
                type="button"
                aria-label={t('settings.remove', { item: entry })}
                onClick={() =>
                  void update({
                    newsroomWords: settings.newsroomWords.filter((other) => other !== entry),
                  })
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="settings-card">
        <h2>{t('settings.authorsTitle')}</h2>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!authorName.trim()) return;
            void directory.addAuthor(authorName.trim(), authorPosition.trim()).then(() => {
              setAuthorName('');
              setAuthorPosition('');
            });
          }}
        >
          <input
            data-testid="author-name"
            value={authorName}
            onChange={(event) => setAuthorName(event.target.value)}
            placeholder={t('settings.authorName')}
          />
          <input
            data-testid="author-position"
            value={authorPosition}
            onChange={(event) => setAuthorPosition(event.target.value)}
            placeholder={t('settings.authorPosition')}
          />
          <button type="submit" className="secondary">
            {t('settings.add')}
          </button>
        </form>
        <ul className="plain-list" data-testid="author-list">
          {directory.authors.map((author) => (
            <li key={author.id}>{formatByline(author)}</li>
          ))}
        </ul>
      </section>

      <section className="settings-card">
        <h2>{t('settings.categoriesTitle')}</h2>
        <p className="muted">{t('settings.categoriesHint')}</p>
        {/* The category list is the editors' (the core refuses others). */}
        {session.user.role === 'editor' || session.user.role === 'admin' ? (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (!category.trim()) return;
              void directory.addCategory(category.trim()).then(() => setCategory(''));
            }}
          >
            <input
              data-testid="category-title"
              value={category}
              onChange={(event) => setCategory(event.target.value)}
              placeholder={t('settings.categoryTitle')}
            />
            <button type="submit" className="secondary">
              {t('settings.add')}
            </button>
          </form>
        ) : null}
        <ul className="plain-list" data-testid="category-list">
          {directory.categories.map((entry) => (
            <li key={entry.id}>
              {entry.title} <code>{entry.alias}</code>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
