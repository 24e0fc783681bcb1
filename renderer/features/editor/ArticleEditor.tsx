import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Article, ArticleMeta } from '../../../shared/domain/article';
import { countCharacters, countWords, readingTimeMinutes } from '../../../shared/vietnamese/counts';
import { editorExtensions } from '../../editor/editorExtensions';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import type { FigureChoice } from '../meta/MetaPanel';
import { MetaPanel } from '../meta/MetaPanel';
import { useDirectory } from '../meta/useDirectory';
import type { Autosaver, SaveState } from './autosaver';
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

type SideTab = 'info';

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

  const editor = useEditor({
    extensions: [
      ...editorExtensions(),
      Placeholder.configure({ placeholder: t('editor.bodyPlaceholder') }),
    ],
    content: article.body,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { 'data-testid': 'editor-body', spellcheck: 'false', lang: 'vi' } },
  });

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

  return (
    <div className="editor-layout">
      <section className="editor-pane" data-testid="editor">
        <div className="editor-scroll">
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
          {editor ? <EditorToolbar editor={editor} /> : null}
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
      <aside className="side-panel" aria-label={t('side.label')}>
        <div className="tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'info'}
            className={tab === 'info' ? 'tab active' : 'tab'}
            onClick={() => setTab('info')}
          >
            {t('side.info')}
          </button>
        </div>
        <div className="side-content">
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
        </div>
      </aside>
    </div>
  );
}
