import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { QueueItem, WorkflowQueue } from '../../../shared/workflow/review';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { formatTime } from '../../lib/format';
import { useSession } from '../auth/SessionContext';
import { StatusBadge } from '../workflow/WorkflowBar';
import './review.css';

/**
 * «Duyệt bài»: the review queue in three columns. For editors, what waits for their review;
 * for reporters, what was returned to them; then their own articles waiting on someone else;
 * then everything else (spiked articles left out). Refreshed whenever an article changes.
 */
export function ReviewQueue({ onOpen }: { onOpen: (articleId: string) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const [queue, setQueue] = useState<WorkflowQueue | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async (): Promise<void> => {
    try {
      setQueue(await callOrThrow(api, 'workflow.queue', { limit: 200 }));
      setError(null);
    } catch (failure) {
      setError(failure instanceof CallFailed ? failure.message : String(failure));
    }
  }, [api]);

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

  const reviews = session.user.role === 'editor' || session.user.role === 'admin';
  const column = (testId: string, title: string, items: QueueItem[] | undefined) => (
    <section className="queue-column" data-testid={testId}>
      <h2>
        {title} <span className="queue-count">{items?.length ?? 0}</span>
      </h2>
      {items && items.length === 0 ? <p className="muted">{t('review.empty')}</p> : null}
      <ul>
        {(items ?? []).map((item) => (
          <QueueCard key={item.id} item={item} onOpen={onOpen} />
        ))}
      </ul>
    </section>
  );

  return (
    <main className="review-screen" data-testid="review-queue" data-loaded={queue !== null}>
      <header className="review-header">
        <h1>{t('review.title')}</h1>
        <button type="button" className="secondary" onClick={() => void reload()}>
          {t('review.refresh')}
        </button>
      </header>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="queue-columns">
        {column(
          'queue-waiting',
          reviews ? t('review.waitingForMe') : t('review.waitingForMeAuthor'),
          queue?.waitingForMe,
        )}
        {column('queue-mine', t('review.mineWaiting'), queue?.mineWaitingOnOthers)}
        {column('queue-all', t('review.everything'), queue?.everythingElse)}
      </div>
    </main>
  );
}

/** One article in the queue: title, state, author, the latest step with its note, who edits it. */
function QueueCard({ item, onOpen }: { item: QueueItem; onOpen: (articleId: string) => void }) {
  const { t, i18n } = useTranslation();
  const step = item.lastStep;
  return (
    <li>
      <button
        type="button"
        className="queue-card"
        data-testid="queue-item"
        data-article-id={item.id}
        data-status={item.status}
        onClick={() => onOpen(item.id)}
      >
        <span className="queue-card-head">
          <StatusBadge status={item.status} />
          {item.conflictOf ? (
            <span className="badge badge-conflict">{t('review.conflictCopy')}</span>
          ) : null}
        </span>
        <strong className="queue-title">{item.title || t('articles.untitled')}</strong>
        <span className="queue-meta muted">
          {item.createdBy ? t('review.author', { name: item.createdBy.name }) : null}
          {item.createdBy ? ' · ' : null}
          {t('articles.words', { count: item.wordCount })}
        </span>
        {step ? (
          <span className="queue-step muted">
            {t('review.lastStep', {
              action: step.transition
                ? t(`vocab.step.${step.transition}`)
                : t('audit.action.create'),
              name: step.by,
              time: formatTime(step.at, i18n.language, true),
            })}
          </span>
        ) : null}
        {step?.note ? <q className="queue-note">{step.note}</q> : null}
        {item.lease ? (
          <span className="queue-lease">{t('review.heldBy', { name: item.lease.holder })}</span>
        ) : null}
      </button>
    </li>
  );
}
