import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The side panel's tabs. */
export type SideTab = 'info' | 'checks' | 'comments' | 'history';

/** Tabs beside the editor: article fields, pre-submit checks, review comments, history. */
export function SidePanel({
  tab,
  onTab,
  errorCount,
  openComments = 0,
  children,
}: {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  errorCount: number;
  /** Unresolved review comments, counted on the «Góp ý» tab. */
  openComments?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const tabButton = (value: SideTab, label: string, badge?: number) => (
    <button
      type="button"
      role="tab"
      data-testid={`tab-${value}`}
      aria-selected={tab === value}
      className={tab === value ? 'tab active' : 'tab'}
      onClick={() => onTab(value)}
    >
      {label}
      {badge ? <span className="tab-count">{badge}</span> : null}
    </button>
  );
  return (
    <aside className="side-panel" aria-label={t('side.label')}>
      <div className="tabs" role="tablist">
        {tabButton('info', t('side.info'))}
        {tabButton('checks', t('side.checks'), errorCount)}
        {tabButton('comments', t('comments.tab'), openComments)}
        {tabButton('history', t('side.history'))}
      </div>
      <div className="side-content" role="tabpanel">
        {children}
      </div>
    </aside>
  );
}
