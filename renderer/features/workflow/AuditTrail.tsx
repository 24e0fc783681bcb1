import { useTranslation } from 'react-i18next';

import type { AuditEntry } from '../../../shared/workflow/review';
import { useCall } from '../../lib/useCall';
import { formatTime } from '../../lib/format';

/** What an entry says it did, in words: the step's name, or the kind of record. */
export function auditActionText(
  entry: AuditEntry,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (entry.action === 'transition' && entry.transition) return t(`vocab.step.${entry.transition}`);
  return t(`audit.action.${entry.action}`, { label: '' });
}

/** Extra facts worth a line: whose lease was taken, which bundle, from which workstation. */
function detailText(
  entry: AuditEntry,
  t: (key: string, options?: Record<string, unknown>) => string,
): string | null {
  const { details } = entry;
  const parts: string[] = [];
  if (typeof details.previousHolder === 'string')
    parts.push(t('audit.from', { name: details.previousHolder }));
  if (typeof details.fileName === 'string') parts.push(details.fileName);
  if (entry.action !== 'transition' && typeof details.from === 'string')
    parts.push(t('audit.from', { name: details.from }));
  return parts.length > 0 ? parts.join(' · ') : null;
}

/**
 * The article's log next to its revisions: who did what, when, where and why, newest first.
 * Read-only by design: the contract has no call that edits it.
 */
export function AuditTrail({ articleId, version }: { articleId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const loaded = useCall('audit.list', { articleId }, version);
  const entries = loaded.data;
  const error = loaded.error;

  const translate = (key: string, options?: Record<string, unknown>): string => t(key, options);
  return (
    <section className="audit-trail" data-testid="audit-trail">
      <h3>{t('audit.title')}</h3>
      <p className="muted audit-hint">{t('audit.hint')}</p>
      {error ? <p className="banner error">{error}</p> : null}
      {entries && entries.length === 0 ? <p className="muted">{t('audit.empty')}</p> : null}
      <ol className="audit-list">
        {(entries ?? []).map((entry) => {
          const detail = detailText(entry, translate);
          return (
            <li
              key={entry.id}
              className={`audit-entry audit-${entry.action}`}
              data-testid="audit-entry"
              data-action={entry.action}
              data-transition={entry.transition ?? ''}
            >
              <span className="audit-head">
                <strong data-testid="audit-action">{auditActionText(entry, translate)}</strong>
                {entry.fromStatus && entry.toStatus ? (
                  <span className="audit-status">
                    {t('audit.statusChange', {
                      from: t(`vocab.status.${entry.fromStatus}`),
                      to: t(`vocab.status.${entry.toStatus}`),
                    })}
                  </span>
                ) : null}
              </span>
              <span className="audit-who muted">
                <span data-testid="audit-user">
                  {entry.user ? entry.user.name : t('audit.system')}
                </span>
                {entry.user?.role ? ` (${t(`vocab.role.${entry.user.role}`)})` : ''}
                {' · '}
                {formatTime(entry.at, i18n.language, true)}
                {' · '}
                {t('audit.at', { workstation: entry.workstation.name })}
              </span>
              {detail ? <span className="audit-detail muted">{detail}</span> : null}
              {entry.note ? (
                <q className="audit-note" data-testid="audit-note">
                  {entry.note}
                </q>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
