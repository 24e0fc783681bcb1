import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Article } from '../../../shared/domain/article';
import { articleSchemaExtensions } from '../../../shared/editor/extensions';
import { countCharacters, countWords } from '../../../shared/vietnamese/counts';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
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

/**
 * Title and body of one article, saved by the autosaver. The editor is never changed by saving:
 * the autosaver only reads it, so an IME composing a syllable is never interrupted.
 */
function EditingSurface({ article }: { article: Article }) {
  const api = useApi();
  const { t } = useTranslation();
  const titleRef = useRef<HTMLTextAreaElement>(null);
  const versionRef = useRef(article.version);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', at: article.updatedAt });
  const [counts, setCounts] = useState({ words: article.wordCount, chars: 0 });

  const editor = useEditor({
    extensions: [
      ...articleSchemaExtensions(),
      Placeholder.configure({ placeholder: t('editor.bodyPlaceholder') }),
    ],
    content: article.body,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { 'data-testid': 'editor-body', spellcheck: 'false', lang: 'vi' } },
  });

  const autosaverRef = useRef<Autosaver | null>(null);

  useEffect(() => {
    if (!editor) return;
    const autosaver = createAutosaver({
      onState: setSaveState,
      save: async () => {
        const result = await callOrThrow(api, 'articles.save', {
          id: article.id,
          title: titleRef.current?.value ?? '',
          body: editor.getJSON(),
          baseVersion: versionRef.current,
        });
        versionRef.current = result.version;
        return result.updatedAt;
      },
    });
    autosaverRef.current = autosaver;
    let countTimer: ReturnType<typeof setTimeout> | null = null;
    const updateCounts = (): void => {
      const text = editor.getText({ blockSeparator: '\n' });
      setCounts({ words: countWords(text), chars: countCharacters(text) });
    };
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }): void => {
      if (!transaction.docChanged) return;
      autosaver.changed();
      if (countTimer) clearTimeout(countTimer);
      countTimer = setTimeout(updateCounts, 400);
    };
    const flush = (): void => void autosaver.flush();
    editor.on('update', onUpdate);
    editor.on('blur', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    const offClose = window.newsdesk?.onCloseRequest?.(() => autosaver.flush());
    updateCounts();
    return () => {
      editor.off('update', onUpdate);
      editor.off('blur', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      offClose?.();
      if (countTimer) clearTimeout(countTimer);
      autosaverRef.current = null;
      void autosaver.flush().finally(() => autosaver.dispose());
    };
  }, [api, article.id, editor]);

  return (
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
          onInput={() => autosaverRef.current?.changed()}
          onBlur={() => void autosaverRef.current?.flush()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              editor?.commands.focus('start');
            }
          }}
        />
        {editor ? <EditorToolbar editor={editor} /> : null}
        <EditorContent editor={editor} className="editor-body" />
      </div>
      <footer className="status-bar">
        <SaveStatus state={saveState} />
        <span data-testid="counts">
          {t('editor.counts', { words: counts.words, chars: counts.chars })}
        </span>
      </footer>
    </section>
  );
}
