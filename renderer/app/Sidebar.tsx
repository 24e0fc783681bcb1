import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { Locale } from '../../shared/domain/settings';
import { useApi } from '../lib/ApiContext';
import { AccountBox } from '../features/auth/AccountBox';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { useWaiting } from '../features/review/useWaiting';
import type { Screen } from './App';
import { Icon } from './icons';

/** Navigation and the language switch. */
export function Sidebar({
  screen,
  onNavigate,
}: {
  screen: Screen;
  onNavigate: (screen: Screen) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const waiting = useWaiting();
  const setLocale = (locale: Locale): void => {
    void i18n.changeLanguage(locale);
    void api.call('settings.updateDisplay', { locale });
  };
  const item = (target: Screen, label: string, badges: ReactNode = null) => (
    <button
      type="button"
      className={screen === target ? 'nav-item active' : 'nav-item'}
      aria-current={screen === target ? 'page' : undefined}
      data-testid={`nav-${target}`}
      onClick={() => onNavigate(target)}
    >
      <Icon name={target} />
      {label}
      {badges}
    </button>
  );
  return (
    <nav className="sidebar" aria-label="Newsdesk">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          N
        </span>
        <span>
          <strong>{t('app.name')}</strong>
          <small>{t('app.tagline')}</small>
        </span>
      </div>
      {item('articles', t('nav.articles'))}
      {item(
        'review',
        t('review.title'),
        <span className="nav-badges">
          {waiting.returnedToMe > 0 ? (
            <span
              className="nav-badge returned"
              data-testid="nav-returned-count"
              title={t('review.returnedToMeCount', { count: waiting.returnedToMe })}
            >
              {waiting.returnedToMe}
            </span>
          ) : null}
          {waiting.waitingForMyReview > 0 ? (
            <span
              className="nav-badge"
              data-testid="nav-review-count"
              title={t('review.waitingForReviewCount', { count: waiting.waitingForMyReview })}
            >
              {waiting.waitingForMyReview}
            </span>
          ) : null}
        </span>,
      )}
      {item('photos', t('nav.photos'))}
      {item('sync', t('sync.nav'))}
      {item('settings', t('nav.settings'))}
      {item('about', t('nav.about'))}
      <div className="sidebar-footer">
        <SyncIndicator onOpen={() => onNavigate('sync')} />
        <AccountBox />
        <label htmlFor="locale">{t('nav.language')}</label>
        <select
          id="locale"
          data-testid="locale"
          value={i18n.language}
          onChange={(event) => setLocale(event.target.value === 'en' ? 'en' : 'vi')}
        >
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
      </div>
    </nav>
  );
}
