import type { CheckIssue } from '../../../shared/checks/articleChecks';
import type { Locale } from '../../../shared/domain/settings';
import './checks.css';

/** Texts of the panel; Vietnamese defaults until they move into renderer/i18n. */
export interface ChecksPanelLabels {
  title: string;
  error: string;
  warning: string;
  errors: (count: number) => string;
  warnings: (count: number) => string;
  ready: string;
}

/** Vietnamese labels, the app's default language. */
export const checksPanelLabels: ChecksPanelLabels = {
  title: 'Kiểm tra trước khi gửi',
  error: 'Lỗi',
  warning: 'Cảnh báo',
  errors: (count) => `${count} lỗi cần sửa`,
  warnings: (count) => `${count} cảnh báo`,
  ready: 'Bài viết đã sẵn sàng để gửi duyệt',
};

/** English labels, for the English interface. */
export const checksPanelLabelsEn: ChecksPanelLabels = {
  title: 'Checks before sending',
  error: 'Error',
  warning: 'Warning',
  errors: (count) => `${count} ${count === 1 ? 'error' : 'errors'} to fix`,
  warnings: (count) => `${count} ${count === 1 ? 'warning' : 'warnings'}`,
  ready: 'The article is ready to send for approval',
};

/** Props of `ChecksPanel`. */
export interface ChecksPanelProps {
  issues: CheckIssue[];
  /** Called with the clicked issue, so the editor can focus the field or select the node. */
  onSelect: (issue: CheckIssue) => void;
  /** `en` shows each issue's `messageEn`. Default `vi`. */
  locale?: Locale;
  labels?: ChecksPanelLabels;
}

function ErrorIcon() {
  return (
    <svg className="check-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="#ffffff" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

function WarningIcon() {
  return (
    <svg className="check-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d="M8 1.5l7 13H1z" fill="currentColor" strokeLinejoin="round" />
      <path d="M8 6v4" stroke="#ffffff" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="12.3" r="0.9" fill="#ffffff" />
    </svg>
  );
}

/** The summary line: what blocks sending, or that nothing does. */
export function checksSummary(issues: CheckIssue[], labels: ChecksPanelLabels): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  const parts: string[] = [];
  if (errors > 0) parts.push(labels.errors(errors));
  if (warnings > 0) parts.push(labels.warnings(warnings));
  return errors === 0 && warnings === 0 ? labels.ready : parts.join(' · ');
}

/**
 * The pre-submission checks as a clickable list, errors first as `checkArticle` orders them:
 * the reporter fixes them one by one from here instead of hearing back from the editor.
 */
export function ChecksPanel({
  issues,
  onSelect,
  locale = 'vi',
  labels = locale === 'en' ? checksPanelLabelsEn : checksPanelLabels,
}: ChecksPanelProps) {
  const hasErrors = issues.some((issue) => issue.severity === 'error');
  const state = hasErrors ? 'error' : issues.length > 0 ? 'warning' : 'ready';
  return (
    <section className="checks-panel" aria-label={labels.title} data-testid="checks-panel">
      <p className={`checks-summary checks-${state}`} role="status" data-testid="checks-summary">
        {checksSummary(issues, labels)}
      </p>
      {issues.length > 0 && (
        <ul className="checks-list">
          {issues.map((issue) => (
            <li key={issue.id}>
              <button
                type="button"
                className={`check-item check-${issue.severity}`}
                data-testid="check-item"
                data-code={issue.code}
                onClick={() => onSelect(issue)}
              >
                {issue.severity === 'error' ? <ErrorIcon /> : <WarningIcon />}
                <span className="visually-hidden">
                  {issue.severity === 'error' ? labels.error : labels.warning}:{' '}
                </span>
                <span className="check-message">
                  {locale === 'en' ? issue.messageEn : issue.message}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
