import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Article } from '../../../shared/domain/article';
import type { ArticleWorkflowState } from '../../../shared/workflow/review';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { useSession } from '../auth/SessionContext';
import { ConflictDiffDialog } from '../handoff/ConflictDiffDialog';
import { EditGuardBanner } from '../workflow/EditGuardBanner';
import { useArticleLease } from '../workflow/useArticleLease';
import { EditingSurface } from './EditingSurface';
import type { SideTab } from './SidePanel';
import type { Notice } from './useArticleSession';

/** Loads one article with its workflow state and hands it to the workspace; reloads on demand. */
export function ArticleEditor({
  id,
  onMissing,
  onOpen,
}: {
  id: string;
  onMissing: () => void;
  /** Opens another article (the original of a conflict copy). */
  onOpen?: (id: string) => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ article: Article; workflow: ArticleWorkflowState } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const missing = useRef(onMissing);
  useEffect(() => {
    missing.current = onMissing;
  }, [onMissing]);

  const load = useCallback(async (): Promise<void> => {
    try {
      const [article, workflow] = await Promise.all([
        callOrThrow(api, 'articles.get', { id }),
        callOrThrow(api, 'workflow.state', { articleId: id }),
      ]);
      setLoaded({ article, workflow });
    } catch (failure) {
      if (failure instanceof CallFailed && failure.error.code === 'not_found') missing.current();
      else setError(failure instanceof CallFailed ? failure.message : t('editor.loadFailed'));
    }
  }, [api, id, t]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    return (
      <section className="editor-pane">
        <p className="banner error" role="alert">
          {error}
        </p>
      </section>
    );
  }
  if (!loaded) return <section className="editor-pane" aria-busy="true" />;
  return (
    <ArticleWorkspace
      article={loaded.article}
      workflow={loaded.workflow}
      onReload={load}
      onReplaced={(article) => setLoaded({ article, workflow: loaded.workflow })}
      onOpen={onOpen}
    />
  );
}

/**
 * One open article: its editing lease (taken when the user may edit, watched when someone else
 * holds it), why it is read-only if it is, and the editing surface, rebuilt whenever the stored
 * version or the right to edit changes.
 */
function ArticleWorkspace({
  article,
  workflow,
  onReload,
  onReplaced,
  onOpen,
}: {
  article: Article;
  workflow: ArticleWorkflowState;
  onReload: () => Promise<void>;
  onReplaced: (article: Article) => void;
  onOpen: ((id: string) => void) | undefined;
}) {
  const { session } = useSession();
  const { t } = useTranslation();
  const [tab, setTab] = useState<SideTab>('info');
  const [flash, setFlash] = useState<Notice | null>(null);
  const [diffOpen, setDiffOpen] = useState(false);
  const reload = useCallback(() => void onReload(), [onReload]);
  const lease = useArticleLease(article.id, workflow.editRefusal === null, reload);

  if (!lease.ready) return <section className="editor-pane" aria-busy="true" />;
  const editable = workflow.editRefusal === null && lease.state.kind !== 'other';
  const canTakeOver = session.user.role === 'editor' || session.user.role === 'admin';

  return (
    <div
      className="editor-workspace"
      onKeyDown={lease.touch}
      onPointerDown={lease.touch}
      data-testid="editor-workspace"
    >
      <EditingSurface
        key={`${article.id}:${article.version}:${editable}`}
        article={article}
        workflow={workflow}
        editable={editable}
        guard={
          <EditGuardBanner
            state={workflow}
            lease={lease.state}
            canTakeOver={canTakeOver}
            onTakeOver={async (note) => {
              const failure = await lease.takeOver(note);
              if (failure) return failure;
              if (lease.state.kind === 'other')
                setFlash({
                  kind: 'ok',
                  text: t('lease.tookOver', { name: lease.state.lease.holder.name }),
                });
              await onReload();
              return null;
            }}
            onShowDiff={() => setDiffOpen(true)}
            onOpenOriginal={(id) => onOpen?.(id)}
          />
        }
        tab={tab}
        onTab={setTab}
        flash={flash}
        onFlash={setFlash}
        onReplaced={onReplaced}
        onReload={reload}
      />
      {diffOpen ? (
        <ConflictDiffDialog
          copyId={article.id}
          onOpen={(id) => {
            setDiffOpen(false);
            if (id !== article.id) onOpen?.(id);
          }}
          onClose={() => setDiffOpen(false)}
        />
      ) : null}
    </div>
  );
}
