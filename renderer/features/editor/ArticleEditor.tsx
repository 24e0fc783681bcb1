import { EditorContent } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { checkArticle } from '../../../shared/checks/articleChecks';
import type { SpellIssue } from '../../../shared/vietnamese/spellcheck';
import type { Article } from '../../../shared/domain/article';
import type { Revision } from '../../../shared/domain/revision';
import type { Locale } from '../../../shared/domain/settings';
import { slugify } from '../../../shared/vietnamese/slug';
import { ToolsMenu } from '../../editor/commands/ToolsMenu';
import { SpellMenu } from '../../editor/extensions/spellcheck/SpellMenu';
import { spellIssueAt } from '../../editor/extensions/spellcheck/Spellcheck';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { useSettings } from '../../lib/SettingsContext';
import { ChecksPanel } from '../checks/ChecksPanel';
import { HistoryView, RevisionList } from '../history/HistoryView';
import { MetaPanel } from '../meta/MetaPanel';
import { useDirectory } from '../meta/useDirectory';
import { PortalPreview } from '../preview/PortalPreview';
import { EditorToolbar } from './EditorToolbar';
import { figureFromPhoto, LibraryPicker } from './LibraryPicker';
import { focusTarget } from './focusTarget';
import { SaveStatus } from './SaveStatus';
import type { SideTab } from './SidePanel';
import { SidePanel } from './SidePanel';
import { useArticleSession } from './useArticleSession';

/** Loads one article and hands it to the editing surface; reloads it after a restore. */
export function ArticleEditor({ id, onMissing }: { id: string; onMissing: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    callOrThrow(api, 'articles.get', { id }).then(
      (loaded) => live && setArticle(loaded),
      (failure: unknown) => {
        if (!live) return;
        if (failure instanceof CallFailed && failure.error.code === 'not_found') onMissing();
        else setError(failure instanceof CallFailed ? failure.message : t('editor.loadFailed'));
      },
    );
    return () => {
      live = false;
    };
  }, [api, id, onMissing, t]);

  if (error) {
    return (
      <section className="editor-pane">
        <p className="banner error" role="alert">
          {error}
        </p>
      </section>
    );
  }
  if (!article) return <section className="editor-pane" aria-busy="true" />;
  return (
    <EditingSurface
      key={`${article.id}:${article.version}`}
      article={article}
      onReplaced={setArticle}
    />
  );
}

type Mode = 'edit' | 'preview' | 'history';

/** Title, lead, body and fields of one article, with checks, preview and history beside it. */
function EditingSurface({
  article,
  onReplaced,
}: {
  article: Article;
  onReplaced: (article: Article) => void;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'vi';
  const settings = useSettings();
  const directory = useDirectory();
  const {
    editor,
    meta,
    title,
    body,
    counts,
    figures,
    saveState,
    notice,
    setNotice,
    changeMeta,
    changeTitle,
    insertFiles,
    flush,
    titleRef,
    versionRef,
  } = useArticleSession(article, { onAddWord: settings.addNewsroomWord });
  const [tab, setTab] = useState<SideTab>('info');
  const [mode, setMode] = useState<Mode>('edit');
  const [revisionId, setRevisionId] = useState<number | null>(null);
  const [picking, setPicking] = useState(false);
  const [spellMenu, setSpellMenu] = useState<{ issue: SpellIssue; x: number; y: number } | null>(
    null,
  );

  const draft = useMemo(
    () => ({
      ...article,
      title,
      // The slug the portal will get: generated from the title until the reporter sets one.
      meta: { ...meta, slug: meta.slugLocked ? meta.slug : slugify(title) },
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

  const exportHtml = async (): Promise<void> => {
    await flush();
    const result = await api.call('articles.exportHtml', { id: article.id });
    setNotice(
      result.ok
        ? { kind: 'ok', text: t('editor.exported', { folder: result.value.folder }) }
        : { kind: 'error', text: result.error.message },
    );
  };

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

  const showPreview = (): void => {
    setMode('preview');
  };

  return (
    <div className="editor-layout">
      <section className="editor-pane" data-testid="editor">
        <div className="editor-header">
          <div className="segmented" role="tablist">
            <button
              type="button"
              role="tab"
              data-testid="mode-edit"
              aria-selected={mode === 'edit'}
              className={mode === 'edit' ? 'active' : ''}
              onClick={() => setMode('edit')}
            >
              {t('editor.modeEdit')}
            </button>
            <button
              type="button"
              role="tab"
              data-testid="mode-preview"
              aria-selected={mode === 'preview'}
              className={mode === 'preview' ? 'active' : ''}
              onClick={showPreview}
            >
              {t('editor.modePreview')}
            </button>
          </div>
          <span className="header-actions">
            {editor ? (
              <ToolsMenu
                editor={editor}
                toneStyle={settings.settings.toneStyle}
                onDone={(text) => setNotice({ kind: 'ok', text })}
              />
            ) : null}
            <button
              type="button"
              className="secondary"
              data-testid="export-html"
              onClick={() => void exportHtml()}
            >
              {t('editor.exportHtml')}
            </button>
          </span>
        </div>
        {notice ? (
          <p className={`banner ${notice.kind}`} role="status" data-testid="editor-notice">
            <span>{notice.text}</span>
            <span className="banner-actions">
              {notice.action ? (
                <button
                  type="button"
                  className="secondary small"
                  data-testid="notice-action"
                  onClick={() => {
                    notice?.action?.run();
                    setNotice(null);
                  }}
                >
                  {notice.action.label}
                </button>
              ) : null}
              <button
                type="button"
                className="banner-close"
                aria-label={t('editor.dismiss')}
                onClick={() => setNotice(null)}
              >
                ×
              </button>
            </span>
          </p>
        ) : null}
        {mode === 'preview' ? (
          <div className="editor-scroll preview-scroll" data-testid="preview">
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
            defaultValue={article.meta.lead}
            placeholder={t('editor.leadPlaceholder')}
            aria-label={t('editor.leadPlaceholder')}
            onInput={(event) => changeMeta({ lead: event.currentTarget.value })}
            onBlur={() => void flush()}
          />
          {editor ? (
            <EditorToolbar
              editor={editor}
              onInsertImage={() => document.getElementById(`file-${article.id}`)?.click()}
              onInsertFromLibrary={() => setPicking(true)}
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
            data-testid="image-file-input"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = '';
              insertFiles(files);
            }}
          />
          <EditorContent
            editor={editor}
            className="editor-body"
            onContextMenu={(event) => {
              if (!editor) return;
              const at = editor.view.posAtCoords({ left: event.clientX, top: event.clientY });
              const issue = at ? spellIssueAt(editor.state, at.pos) : null;
              if (!issue) return;
              event.preventDefault();
              setSpellMenu({ issue, x: event.pageX, y: event.pageY });
            }}
          />
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
          <span data-testid="counts">
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
        onTab={setTab}
        errorCount={issues.filter((issue) => issue.severity === 'error').length}
      >
        {tab === 'info' ? (
          <MetaPanel
            meta={meta}
            title={title}
            authors={directory.authors}
            categories={directory.categories}
            figures={figures}
            onChange={changeMeta}
            onAddAuthor={directory.addAuthor}
            onAddCategory={directory.addCategory}
          />
        ) : null}
        {tab === 'checks' ? (
          <ChecksPanel
            issues={issues}
            locale={locale}
            onSelect={(issue) => {
              setMode('edit');
              if (
                issue.target.kind === 'field' &&
                issue.target.field !== 'title' &&
                issue.target.field !== 'lead'
              )
                setTab('info');
              const target = issue.target;
              setTimeout(() => editor && focusTarget(editor, target), 0);
            }}
          />
        ) : null}
        {tab === 'history' ? (
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
        ) : null}
      </SidePanel>
    </div>
  );
}
