import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Revision, RevisionSummary } from '../../../shared/domain/revision';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { formatTime } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { DiffModeToggle } from './DiffModeToggle';
import type { RevisionDiffMode } from './RevisionDiff';
import { RevisionDiff } from './RevisionDiff';

/** The revision list in the side panel: pick one to compare with the current text. */
export function RevisionList({
  articleId,
  version,
  selectedId,
  onSelect,
  onBeforeSnapshot,
}: {
  /** Saves pending typing first, so the manual revision holds what is on screen. */
  onBeforeSnapshot: () => Promise<void>;
  articleId: string;
  /** Changes whenever the article is saved, so the list refreshes. */
  version: number;
  selectedId: number | null;
  onSelect: (revision: RevisionSummary) => void;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const listed = useCall('revisions.list', { articleId }, version);
  const revisions = listed.data ?? (listed.error === null ? null : []);
  if (!revisions) return null;
  const saveNow = async (): Promise<void> => {
    await onBeforeSnapshot();
    await callOrThrow(api, 'revisions.create', { articleId });
    listed.reload();
  };
  return (
    <>
      <button
        type="button"
        className="secondary full"
        data-testid="save-revision"
        onClick={() => void saveNow()}
      >
        {t('history.saveNow')}
      </button>
      {revisions.length === 0 ? <p className="muted">{t('history.empty')}</p> : null}
      <ul className="revision-list" data-testid="revision-list">
        {revisions.map((revision) => (
          <li key={revision.id}>
            <button
              type="button"
              data-testid="revision-item"
              className={revision.id === selectedId ? 'revision-item selected' : 'revision-item'}
              onClick={() => onSelect(revision)}
            >
              <strong>{formatTime(revision.createdAt, i18n.language, true)}</strong>
              <span className="muted">
                {t(`history.reason.${revision.reason}`)} ·{' '}
                {t('articles.words', { count: revision.wordCount })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * A revision compared with the current text, side by side or inline, with «restore». Restoring
 * is itself recorded as a new revision, so nothing is lost either way.
 */
export function HistoryView({
  revisionId,
  current,
  onRestore,
  onClose,
}: {
  revisionId: number;
  current: { title: string; lead: string; paragraphs: string[] };
  onRestore: (revision: Revision) => Promise<void>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<RevisionDiffMode>('side-by-side');
  const { data: revision, error } = useCall('revisions.get', { id: revisionId });
  if (error) return <p className="banner error">{error}</p>;
  if (!revision || revision.id !== revisionId) return null;
  const label = t('history.revisionLabel', {
    when: formatTime(revision.createdAt, i18n.language, true),
  });
  return (
    <div className="history-view" data-testid="history-view">
      <div className="history-toolbar">
        <DiffModeToggle mode={mode} onChange={setMode} />
        <span className="spacer" />
        <button type="button" className="secondary" onClick={onClose}>
          {t('history.close')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="restore-revision"
          onClick={() => void onRestore(revision)}
        >
          {t('history.restore')}
        </button>
      </div>
      <RevisionDiff
        mode={mode}
        before={{
          label,
          paragraphs: [revision.title, revision.meta.lead, ...revision.paragraphs].filter(
            (p) => p !== '',
          ),
        }}
        after={{
          label: t('history.current'),
          paragraphs: [current.title, current.lead, ...current.paragraphs].filter((p) => p !== ''),
        }}
      />
    </div>
  );
}
