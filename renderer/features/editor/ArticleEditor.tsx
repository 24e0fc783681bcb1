import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Article, ArticleMeta, DocNode } from '../../../shared/domain/article';
import { countCharacters, countWords, readingTimeMinutes } from '../../../shared/vietnamese/counts';
import { slugify } from '../../../shared/vietnamese/slug';
import { editorExtensions } from '../../editor/editorExtensions';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import type { FigureChoice } from '../meta/MetaPanel';
import { MetaPanel } from '../meta/MetaPanel';
import { useDirectory } from '../meta/useDirectory';
import { checkArticle } from '../../../shared/checks/articleChecks';
import type { Locale } from '../../../shared/domain/settings';
import { ChecksPanel } from '../checks/ChecksPanel';
import { PortalPreview } from '../preview/PortalPreview';
import type { Autosaver, SaveState } from './autosaver';
import { focusTarget } from './focusTarget';
import { insertImageFiles } from '../../editor/figure/insertImages';
import type { SideTab } from './SidePanel';
import { SidePanel } from './SidePanel';
import { createAutosaver } from './autosaver';
import { EditorToolbar } from './EditorToolbar';
import { SaveStatus } from './SaveStatus';

/** Loads one article and hands it to the editing surface. */
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
  return <EditingSurface article={article} />;
}

interface Counts {
  words: number;
  chars: number;
  minutes: number;
}

/**
 * Title, lead, body and fields of one article, saved by the autosaver. Saving only reads the
 * editor, never changes it, so an IME composing a syllable is never interrupted.
 */
function EditingSurface({ article }: { article: Article }) {
  const api = useApi();
  const { t } = useTranslation();
  const directory = useDirectory();
  const titleRef = useRef<HTMLTextAreaElement>(null);
  const versionRef = useRef(article.version);
  const metaRef = useRef<ArticleMeta>(article.meta);
  const autosaverRef = useRef<Autosaver | null>(null);
  const [meta, setMeta] = useState<ArticleMeta>(article.meta);
  const [title, setTitle] = useState(article.title);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', at: article.updatedAt });
  const [counts, setCounts] = useState<Counts>({ words: article.wordCount, chars: 0, minutes: 0 });
  const [figures, setFigures] = useState<FigureChoice[]>([]);
  const [tab, setTab] = useState<SideTab>('info');
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [body, setBody] = useState<DocNode>(article.body);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'vi';

  const editor = useEditor({
    extensions: [
      ...editorExtensions({ mediaUrl: (mediaPath) => api.mediaUrl(mediaPath) }),
      Placeholder.configure({ placeholder: t('editor.bodyPlaceholder') }),
    ],
    content: article.body,
    shouldRerenderOnTransaction: false,
    // The CSP blocks TipTap's inline <style>; its rules ship in styles/prosemirror.css.
    injectCSS: false,
    editorProps: {
      attributes: { 'data-testid': 'editor-body', spellcheck: 'false', lang: 'vi' },
      handleDrop: (view, event) => {
        const files = Array.from(event.dataTransfer?.files ?? []);
        if (files.length === 0) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
        void insertFiles(files, at);
        return true;
      },
      handlePaste: (_view, event) => {
        const files = Array.from(event.clipboardData?.files ?? []);
        if (files.length === 0) return false;
        event.preventDefault();
        void insertFiles(files);
        return true;
      },
    },
  });

  const fileInputRef = useRef<HTMLInputElement>(null);
  const insertFilesRef = useRef<(files: File[], at?: number) => Promise<void>>(() =>
    Promise.resolve(),
  );
  const insertFiles = (files: File[], at?: number): Promise<void> =>
    insertFilesRef.current(files, at);
  useEffect(() => {
    insertFilesRef.current = async (files, at) => {
      if (!editor) return;
      const errors = await insertImageFiles(editor, api, files, at);
      setNotice(
        errors.length > 0
          ? { kind: 'error', text: t('figure.insertFailed', { message: errors.join(' ') }) }
          : null,
      );
    };
  }, [api, editor, t]);

  const changeMeta = useCallback((patch: Partial<ArticleMeta>) => {
    metaRef.current = { ...metaRef.current, ...patch };
    setMeta(metaRef.current);
    autosaverRef.current?.changed();
  }, []);

  useEffect(() => {
    if (!editor) return;
    const autosaver = createAutosaver({
      onState: setSaveState,
      save: async () => {
        const result = await callOrThrow(api, 'articles.save', {
          id: article.id,
          title: titleRef.current?.value ?? '',
          meta: metaRef.current,
          body: editor.getJSON(),
          baseVersion: versionRef.current,
        });
        versionRef.current = result.version;
        return result.updatedAt;
      },
    });
    autosaverRef.current = autosaver;
    let statsTimer: ReturnType<typeof setTimeout> | null = null;
    const updateStats = (): void => {
      const text = editor.getText({ blockSeparator: '\n' });
      const words = countWords(text);
      setCounts({ words, chars: countCharacters(text), minutes: readingTimeMinutes(words) });
      const found: FigureChoice[] = [];
      editor.state.doc.descendants((node) => {
        if (node.type.name !== 'figure') return true;
        const mediaPath: unknown = node.attrs.mediaPath;
        const alt: unknown = node.attrs.alt;
        if (typeof mediaPath === 'string') {
          found.push({
            mediaPath,
            alt: typeof alt === 'string' ? alt : '',
            caption: node.textContent,
          });
        }
        return false;
      });
      setFigures(found);
      setBody(editor.getJSON());
    };
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }): void => {
      if (!transaction.docChanged) return;
      autosaver.changed();
      if (statsTimer) clearTimeout(statsTimer);
      statsTimer = setTimeout(updateStats, 400);
    };
    const flush = (): void => void autosaver.flush();
    editor.on('update', onUpdate);
    editor.on('blur', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    const offClose = window.newsdesk?.onCloseRequest?.(() => autosaver.flush());
    updateStats();
    return () => {
      editor.off('update', onUpdate);
      editor.off('blur', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      offClose?.();
      if (statsTimer) clearTimeout(statsTimer);
      autosaverRef.current = null;
      void autosaver.flush().finally(() => autosaver.dispose());
    };
  }, [api, article.id, editor]);

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
    await autosaverRef.current?.flush();
    const result = await api.call('articles.exportHtml', { id: article.id });
    setNotice(
      result.ok
        ? { kind: 'ok', text: t('editor.exported', { folder: result.value.folder }) }
        : { kind: 'error', text: result.error.message },
    );
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
              onClick={() => {
                if (editor) setBody(editor.getJSON());
                setMode('preview');
              }}
            >
              {t('editor.modePreview')}
            </button>
          </div>
          <button
            type="button"
            className="secondary"
            data-testid="export-html"
            onClick={() => void exportHtml()}
          >
            {t('editor.exportHtml')}
          </button>
        </div>
        {notice ? (
          <p
            className={`banner ${notice.kind === 'ok' ? 'ok' : 'error'}`}
            role="status"
            data-testid="editor-notice"
          >
            {notice.text}
            <button
              type="button"
              className="banner-close"
              aria-label={t('editor.dismiss')}
              onClick={() => setNotice(null)}
            >
              ×
            </button>
          </p>
        ) : null}
        {mode === 'preview' ? (
          <div className="editor-scroll preview-scroll" data-testid="preview">
            <PortalPreview
              article={draft}
              author={author}
              category={category}
              mediaUrl={(mediaPath) => api.mediaUrl(mediaPath)}
              locale={locale}
            />
          </div>
        ) : null}
        <div className="editor-scroll" hidden={mode === 'preview'}>
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
            onInput={(event) => {
              setTitle(event.currentTarget.value);
              autosaverRef.current?.changed();
            }}
            onBlur={() => void autosaverRef.current?.flush()}
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
            onBlur={() => void autosaverRef.current?.flush()}
          />
          {editor ? (
            <EditorToolbar editor={editor} onInsertImage={() => fileInputRef.current?.click()} />
          ) : null}
          <input
            ref={fileInputRef}
            type="file"
            accept="image/*"
            multiple
            hidden
            data-testid="image-file-input"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = '';
              void insertFiles(files);
            }}
          />
          <EditorContent editor={editor} className="editor-body" />
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
              ) {
                setTab('info');
              }
              const target = issue.target;
              setTimeout(() => editor && focusTarget(editor, target), 0);
            }}
          />
        ) : null}
      </SidePanel>
    </div>
  );
}
