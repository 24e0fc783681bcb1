import { EditorContent } from '@tiptap/react';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CheckTarget } from '../../../shared/checks/articleChecks';
import { checkArticle } from '../../../shared/checks/articleChecks';
import type { Article } from '../../../shared/domain/article';
import type { Revision } from '../../../shared/domain/revision';
import type { Locale } from '../../../shared/domain/settings';
import type { SpellIssue } from '../../../shared/vietnamese/spellcheck';
import { articleSlug } from '../../../shared/vietnamese/slug';
import type { ArticleWorkflowState } from '../../../shared/workflow/review';
import { SpellMenu } from '../../editor/extensions/spellcheck/SpellMenu';
import { spellIssueAt } from '../../editor/extensions/spellcheck/Spellcheck';
import { useApi } from '../../lib/ApiContext';
import { useSettings } from '../../lib/SettingsContext';
import { useBeforeLeave, useSession } from '../auth/SessionContext';
import { ChecksPanel } from '../checks/ChecksPanel';
import { CommentButton } from '../comments/CommentButton';
import { CommentsPanel } from '../comments/CommentsPanel';
import { useEditorComments } from '../comments/useEditorComments';
import { HistoryView, RevisionList } from '../history/HistoryView';
import { MetaPanel } from '../meta/MetaPanel';
import { useDirectory } from '../meta/useDirectory';
import { PortalPreview } from '../preview/PortalPreview';
import { AuditTrail } from '../workflow/AuditTrail';
import { WorkflowBar } from '../workflow/WorkflowBar';
import type { EditorMode } from './EditorHeader';
import { EditorHeader } from './EditorHeader';
import { EditorNotice } from './EditorNotice';
import { useSaveShortcut } from './useSaveShortcut';
import { EditorToolbar } from './EditorToolbar';
import { figureFromPhoto, LibraryPicker } from './LibraryPicker';
import { focusTarget } from './focusTarget';
import { SaveStatus } from './SaveStatus';
import type { SideTab } from './SidePanel';
import { SidePanel } from './SidePanel';
import { UnreadableBodyBanner } from './UnreadableBodyBanner';
import type { Notice } from './useArticleSession';
import { useArticleSession } from './useArticleSession';

/**
 * Title, lead, body and fields of one article, with its workflow bar, checks, comments, preview
 * and history beside it. Opened read-only when the workflow state or someone else's lease says
 * so (`editable`); `guard` shows why.
 */
export function EditingSurface({
  article,
  workflow,
  editable: allowed,
  guard,
  tab,
  onTab,
  flash,
  onFlash,
  onReplaced,
  onReload,
}: {
  article: Article;
  workflow: ArticleWorkflowState;
  editable: boolean;
  guard: ReactNode;
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  /** A message that outlives a reload of the surface (the outcome of a workflow step). */
  flash: Notice | null;
  onFlash: (notice: Notice | null) => void;
  onReplaced: (article: Article) => void;
  /** Loads the article and its workflow state again (after a step, or a change elsewhere). */
  onReload: () => void;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'vi';
  const settings = useSettings();
  const directory = useDirectory();
  const { session: seat } = useSession();
  // The category list is the editors' (the core refuses others); reporters pick from it.
  const mayEditCategories = seat.user.role === 'editor' || seat.user.role === 'admin';
  const session = useArticleSession(article, {
    onAddWord: settings.addNewsroomWord,
    editable: allowed,
  });
  const editable = allowed && session.unreadable === null;
  const { editor, meta, title, body, counts, figures, saveState, notice, setNotice } = session;
  const { changeMeta, changeTitle, insertFiles, flush, titleRef, versionRef, isPending } = session;
  const comments = useEditorComments(editor, article.id, flush);
  // Typing is saved as its author before someone else takes the seat.
  useBeforeLeave(flush);
  useSaveShortcut({ editable, flush, isPending, onNotice: setNotice });
  const [mode, setMode] = useState<EditorMode>('edit');
  const [revisionId, setRevisionId] = useState<number | null>(null);
  const [picking, setPicking] = useState(false);
  const [spellMenu, setSpellMenu] = useState<{ issue: SpellIssue; x: number; y: number } | null>(
    null,
  );

  // Changed elsewhere (a bundle imported, a step on another screen): reload when nothing is pending.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('articles.changed', (change) => {
      if (change.id !== article.id) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        if (change.version > versionRef.current && !isPending()) onReload();
      }, 300);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [api, article.id, isPending, onReload, versionRef]);

  const draft = useMemo(
    () => ({
      ...article,
      title,
      // The slug the portal will get: generated from the title until the reporter sets one.
      meta: { ...meta, slug: meta.slugLocked ? meta.slug : articleSlug(title) },
      body,
      wordCount: counts.words,
    }),
    [article, title, meta, body, counts.words],
  );
  const issues = useMemo(
    () => checkArticle(draft, { authors: directory.authors, categories: directory.categories }),
    [draft, directory.authors, directory.categories],
  );
  const author = directory.authors.find((candidate) => candidate.id === meta.authorId) ?? null;
  const category =
    directory.categories.find((candidate) => candidate.id === meta.categoryId) ?? null;

  const exportHtml = useCallback(async (): Promise<void> => {
    await flush();
    const result = await api.call('articles.exportHtml', { id: article.id });
    setNotice(
      result.ok
        ? { kind: 'ok', text: t('editor.exported', { folder: result.value.folder }) }
        : { kind: 'error', text: result.error.message },
    );
  }, [api, article.id, flush, setNotice, t]);
  const onExportHtml = useCallback(() => void exportHtml(), [exportHtml]);
  const onToolDone = useCallback((text: string) => setNotice({ kind: 'ok', text }), [setNotice]);
  const onMoved = useCallback(() => onReload(), [onReload]);

  const restore = useCallback(
    async (revision: Revision) => {
      await flush();
      const result = await api.call('revisions.restore', {
        articleId: article.id,
        revisionId: revision.id,
        baseVersion: versionRef.current,
      });
      if (result.ok) onReplaced(result.value);
      else setNotice({ kind: 'error', text: result.error.message });
    },
    [api, article.id, onReplaced, flush, setNotice, versionRef],
  );

  /** Takes the user to what a check or checklist line is about. */
  const goTo = useCallback(
    (target: CheckTarget): void => {
      setMode('edit');
      if (target.kind === 'field' && target.field !== 'title' && target.field !== 'lead')
        onTab('info');
      setTimeout(() => editor && focusTarget(editor, target), 0);
    },
    [editor, onTab],
  );
  const onGoTo = useCallback((issue: { target: CheckTarget }) => goTo(issue.target), [goTo]);
  const onInsertImage = useCallback(
    () => document.getElementById(`file-${article.id}`)?.click(),
    [article.id],
  );
  const onInsertFromLibrary = useCallback(() => setPicking(true), []);

  return (
    <div className="editor-layout">
      <section className="editor-pane" data-testid="editor" data-editable={editable}>
        <EditorHeader
          mode={mode}
          onMode={setMode}
          editor={editable ? editor : null}
          toneStyle={settings.settings.toneStyle}
          onToolDone={onToolDone}
          onExportHtml={onExportHtml}
        />
        <WorkflowBar
          state={workflow}
          onBeforeStep={flush}
          onMoved={onMoved}
          onNotice={onFlash}
          onGoTo={onGoTo}
        />
        {guard}
        {session.unreadable !== null ? (
          <UnreadableBodyBanner
            articleId={article.id}
            detail={session.unreadable}
            onHistory={() => onTab('history')}
          />
        ) : null}
        {flash ? (
          <EditorNotice notice={flash} testId="workflow-notice" onClose={() => onFlash(null)} />
        ) : null}
        {notice ? <EditorNotice notice={notice} onClose={() => setNotice(null)} /> : null}
        {mode === 'preview' ? (
          <div className="preview-fill" data-testid="preview">
            <PortalPreview
              article={draft}
              author={author}
              category={category}
              mediaUrl={(path) => api.mediaUrl(path)}
              locale={locale}
            />
          </div>
        ) : null}
        {mode === 'history' && revisionId !== null ? (
          <div className="editor-scroll" data-testid="history-pane">
            <HistoryView
              revisionId={revisionId}
              current={{
                title,
                lead: meta.lead,
                paragraphs: editor?.getText({ blockSeparator: '\n' }).split('\n') ?? [],
              }}
              onRestore={restore}
              onClose={() => setMode('edit')}
            />
          </div>
        ) : null}
        <div className="editor-scroll" hidden={mode !== 'edit'}>
          <textarea
            ref={titleRef}
            className="title-input"
            data-testid="editor-title"
            rows={1}
            lang="vi"
            spellCheck={false}
            readOnly={!editable}
            defaultValue={article.title}
            placeholder={t('editor.titlePlaceholder')}
            aria-label={t('editor.titlePlaceholder')}
            onInput={(event) => changeTitle(event.currentTarget.value)}
            onBlur={() => void flush()}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
          <textarea
            className="lead-input"
            data-testid="editor-lead"
            rows={2}
            lang="vi"
            spellCheck={false}
            readOnly={!editable}
            defaultValue={article.meta.lead}
            placeholder={t('editor.leadPlaceholder')}
            aria-label={t('editor.leadPlaceholder')}
            onInput={(event) => changeMeta({ lead: event.currentTarget.value })}
            onBlur={() => void flush()}
          />
          {editor && editable ? (
            <EditorToolbar
              editor={editor}
              onInsertImage={onInsertImage}
              onInsertFromLibrary={onInsertFromLibrary}
            />
          ) : null}
          {picking && editor ? (
            <LibraryPicker
              onClose={() => setPicking(false)}
              onInsert={(photos) => {
                setPicking(false);
                editor.chain().focus().insertContent(photos.map(figureFromPhoto)).run();
              }}
            />
          ) : null}
          <input
            id={`file-${article.id}`}
            type="file"
            accept="image/*"
            multiple
            hidden
            disabled={!editable}
            data-testid="image-file-input"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = '';
              insertFiles(files);
            }}
          />
          <EditorContent
            editor={editor}
            className={editable ? 'editor-body' : 'editor-body read-only'}
            onClick={(event) => {
              // A click on a highlighted passage opens its comment in the side panel.
              const target = event.target instanceof Element ? event.target : null;
              const id = target?.closest('[data-comment-id]')?.getAttribute('data-comment-id');
              if (!id) return;
              comments.setActiveId(id);
              onTab('comments');
            }}
            onContextMenu={(event) => {
              if (!editor || !editable) return;
              const at = editor.view.posAtCoords({ left: event.clientX, top: event.clientY });
              const issue = at ? spellIssueAt(editor.state, at.pos) : null;
              if (!issue) return;
              event.preventDefault();
              setSpellMenu({ issue, x: event.pageX, y: event.pageY });
            }}
          />
          {editor && mode === 'edit' ? (
            <CommentButton
              editor={editor}
              onComment={(passage) => {
                comments.setDraft(passage);
                onTab('comments');
              }}
            />
          ) : null}
          {spellMenu && editor ? (
            <SpellMenu
              editor={editor}
              issue={spellMenu.issue}
              position={{ x: spellMenu.x, y: spellMenu.y }}
              onClose={() => setSpellMenu(null)}
            />
          ) : null}
        </div>
        <footer className="status-bar">
          <SaveStatus state={saveState} />
          <span data-testid="counts" title={t('editor.countsHint')}>
            {t('editor.counts', {
              words: counts.words,
              chars: counts.chars,
              minutes: counts.minutes,
            })}
          </span>
        </footer>
      </section>
      <SidePanel
        tab={tab}
        onTab={onTab}
        errorCount={issues.filter((issue) => issue.severity === 'error').length}
        openComments={(comments.model.comments ?? []).filter((c) => !c.resolved).length}
      >
        {tab === 'info' ? (
          <fieldset className="plain-fieldset" disabled={!editable}>
            <MetaPanel
              meta={meta}
              title={title}
              authors={directory.authors}
              categories={directory.categories}
              figures={figures}
              onChange={changeMeta}
              onAddAuthor={directory.addAuthor}
              {...(mayEditCategories ? { onAddCategory: directory.addCategory } : {})}
            />
          </fieldset>
        ) : null}
        {tab === 'checks' ? (
          <ChecksPanel issues={issues} locale={locale} onSelect={(issue) => goTo(issue.target)} />
        ) : null}
        {tab === 'comments' ? (
          <CommentsPanel
            model={comments.model}
            draft={comments.draft}
            activeId={comments.activeId}
            onDraftDone={() => comments.setDraft(null)}
            onSend={comments.send}
            onActivate={(comment) => {
              setMode('edit');
              comments.activate(comment);
            }}
          />
        ) : null}
        {tab === 'history' ? (
          <>
            <RevisionList
              articleId={article.id}
              version={saveState.kind === 'saved' ? saveState.at : 0}
              selectedId={mode === 'history' ? revisionId : null}
              onBeforeSnapshot={flush}
              onSelect={(revision) => {
                setRevisionId(revision.id);
                setMode('history');
              }}
            />
            <AuditTrail articleId={article.id} version={workflow.version} />
          </>
        ) : null}
      </SidePanel>
    </div>
  );
}
