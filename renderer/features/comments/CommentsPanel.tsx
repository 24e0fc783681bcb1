import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ArticleComment } from '../../../shared/workflow/review';
import { formatTime } from '../../lib/format';
import type { CommentsModel, DraftAnchor } from './useComments';
import './comments.css';

/**
 * The «Góp ý» tab: a composer (for the passage just selected, or a general note on the whole
 * article), then open comments and resolved ones. Clicking a comment selects its passage.
 */
export function CommentsPanel({
  model,
  draft,
  activeId,
  onDraftDone,
  onSend,
  onActivate,
}: {
  model: CommentsModel;
  /** The passage being commented on, or null for a general note. */
  draft: DraftAnchor | null;
  activeId: string | null;
  onDraftDone: () => void;
  /** Saves pending typing first, so the core finds the passage in the stored body. */
  onSend: (text: string, anchor: DraftAnchor | null) => Promise<boolean>;
  onActivate: (comment: ArticleComment) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (draft) input.current?.focus();
  }, [draft]);

  const send = async (): Promise<void> => {
    if (text.trim() === '') return;
    setBusy(true);
    const sent = await onSend(text, draft);
    setBusy(false);
    if (sent) {
      setText('');
      onDraftDone();
    }
  };

  const all = model.comments ?? [];
  const open = all.filter((comment) => !comment.resolved);
  const resolved = all.filter((comment) => comment.resolved);

  return (
    <div className="comments-panel" data-testid="comments-panel">
      <form
        className={draft ? 'comment-composer with-quote' : 'comment-composer'}
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <strong>{draft ? t('comments.quoteTitle') : t('comments.generalTitle')}</strong>
        {draft ? (
          <blockquote className="comment-quote" data-testid="comment-draft-quote">
            {draft.quote}
          </blockquote>
        ) : null}
        <textarea
          ref={input}
          data-testid="comment-input"
          rows={3}
          lang="vi"
          value={text}
          placeholder={draft ? t('comments.placeholder') : t('comments.generalPlaceholder')}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void send();
          }}
        />
        <span className="comment-composer-actions">
          {draft ? (
            <button
              type="button"
              className="secondary small"
              onClick={() => {
                setText('');
                onDraftDone();
              }}
            >
              {t('comments.cancel')}
            </button>
          ) : null}
          <button
            type="submit"
            className="primary small"
            data-testid="comment-send"
            disabled={busy || text.trim() === ''}
          >
            {t('comments.send')}
          </button>
        </span>
      </form>
      {model.error ? (
        <p className="banner error" role="alert" data-testid="comments-error">
          <span>{model.error}</span>
          <button type="button" className="banner-close" onClick={model.clearError}>
            ×
          </button>
        </p>
      ) : null}
      {model.comments && all.length === 0 ? (
        <p className="muted" data-testid="comments-empty">
          {t('comments.none')}
        </p>
      ) : null}
      {open.length > 0 ? (
        <section>
          <h3 className="comments-heading">{t('comments.open', { count: open.length })}</h3>
          <ul className="comment-list" data-testid="comments-open">
            {open.map((comment) => (
              <CommentItem
                key={comment.id}
                comment={comment}
                active={comment.id === activeId}
                model={model}
                onActivate={onActivate}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {resolved.length > 0 ? (
        <section>
          <h3 className="comments-heading">{t('comments.resolved', { count: resolved.length })}</h3>
          <ul className="comment-list resolved" data-testid="comments-resolved">
            {resolved.map((comment) => (
              <CommentItem
                key={comment.id}
                comment={comment}
                active={comment.id === activeId}
                model={model}
                onActivate={onActivate}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function CommentItem({
  comment,
  active,
  model,
  onActivate,
}: {
  comment: ArticleComment;
  active: boolean;
  model: CommentsModel;
  onActivate: (comment: ArticleComment) => void;
}) {
  const { t, i18n } = useTranslation();
  const anchor = comment.anchor;
  const state = comment.kind === 'general' ? 'general' : (anchor?.state ?? 'orphaned');
  const classes = ['comment-item'];
  if (active) classes.push('active');
  if (state === 'orphaned') classes.push('orphaned');
  return (
    <li
      className={classes.join(' ')}
      data-testid="comment-item"
      data-comment-id={comment.id}
      data-anchor={state}
      data-resolved={comment.resolved}
    >
      <button type="button" className="comment-body" onClick={() => onActivate(comment)}>
        <span className="comment-meta">
          <strong>{comment.author.name}</strong>
          <span>{formatTime(comment.createdAt, i18n.language, true)}</span>
        </span>
        {comment.kind === 'general' ? (
          <span className="comment-kind">{t('comments.general')}</span>
        ) : anchor ? (
          <blockquote className="comment-quote">{anchor.quote}</blockquote>
        ) : null}
        {state === 'orphaned' ? (
          <span className="comment-anchor-note" data-testid="comment-orphaned">
            {t('comments.orphaned')}
          </span>
        ) : null}
        {state === 'fuzzy' && anchor?.currentText ? (
          <span className="comment-anchor-note">
            {t('comments.fuzzy', { text: anchor.currentText })}
          </span>
        ) : null}
        <span className="comment-text" data-testid="comment-text">
          {comment.text}
        </span>
        {comment.resolved && comment.resolvedBy && comment.resolvedAt !== null ? (
          <span className="comment-resolved-by muted">
            {t('comments.resolvedBy', {
              name: comment.resolvedBy.name,
              time: formatTime(comment.resolvedAt, i18n.language, true),
            })}
          </span>
        ) : null}
      </button>
      <span className="comment-actions">
        {comment.resolved ? (
          <button
            type="button"
            className="link-button"
            data-testid="comment-reopen"
            onClick={() => void model.reopen(comment.id)}
          >
            {t('comments.reopen')}
          </button>
        ) : (
          <button
            type="button"
            className="link-button"
            data-testid="comment-resolve"
            onClick={() => void model.resolve(comment.id)}
          >
            {t('comments.resolve')}
          </button>
        )}
        {comment.mine ? (
          <button
            type="button"
            className="link-button danger"
            data-testid="comment-delete"
            onClick={() => void model.remove(comment.id)}
          >
            {t('comments.delete')}
          </button>
        ) : null}
      </span>
    </li>
  );
}
