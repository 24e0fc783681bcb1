import { Placeholder } from '@tiptap/extensions';
import { useEditor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Article, ArticleMeta, DocNode } from '../../../shared/domain/article';
import { bodyWordCount } from '../../../shared/domain/article';
import { findBodySchemaProblem } from '../../../shared/editor/bodySchema';
import { countCharacters, readingTimeMinutes } from '../../../shared/vietnamese/counts';
import { editorExtensions } from '../../editor/editorExtensions';
import { insertImageFiles } from '../../editor/figure/insertImages';
import type { PasteOutcome } from '../../editor/pasteIntoEditor';
import { pasteIntoEditor } from '../../editor/pasteIntoEditor';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { whenIdle } from '../../lib/idle';
import type { FigureChoice } from '../meta/MetaPanel';
import type { Autosaver, SaveState } from './autosaver';
import { createAutosaver } from './autosaver';

/** A message under the toolbar, optionally with one action (e.g. undo a legacy conversion). */
export interface Notice {
  kind: 'ok' | 'error' | 'info';
  text: string;
  action?: { label: string; run: () => void };
}

/** Live figures for the status bar. */
export interface Counts {
  words: number;
  chars: number;
  minutes: number;
}

function sameFigures(a: FigureChoice[], b: FigureChoice[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (figure, index) =>
        figure.mediaPath === b[index]?.mediaPath &&
        figure.alt === b[index].alt &&
        figure.caption === b[index].caption,
    )
  );
}

/**
 * One open article: the TipTap editor, autosave, live counts, the title/lead/fields state and
 * paste/drop handling. Saving only reads the editor, never changes it, so an IME composing a
 * syllable is never interrupted.
 */
export function useArticleSession(
  article: Article,
  options: {
    onAddWord: (word: string) => void;
    /** False opens the article read-only (the workflow state or someone else's lease). */
    editable?: boolean;
  },
) {
  const api = useApi();
  const { t } = useTranslation();
  const titleRef = useRef<HTMLTextAreaElement>(null);
  const versionRef = useRef(article.version);
  const metaRef = useRef<ArticleMeta>(article.meta);
  const autosaverRef = useRef<Autosaver | null>(null);
  const [meta, setMeta] = useState<ArticleMeta>(article.meta);
  const [title, setTitle] = useState(article.title);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', at: article.updatedAt });
  const [counts, setCounts] = useState<Counts>({ words: article.wordCount, chars: 0, minutes: 0 });
  const [figures, setFigures] = useState<FigureChoice[]>([]);
  const [body, setBody] = useState<DocNode>(article.body);
  const [notice, setNotice] = useState<Notice | null>(null);
  // A stored body this editor cannot read (docs/body-schema.md) is never saved over: the
  // article stays read-only and nothing here calls the autosaver.
  const [unreadable, setUnreadable] = useState<string | null>(
    () => findBodySchemaProblem(article.body)?.what ?? null,
  );
  const blockedRef = useRef(unreadable !== null);
  const editable = (options.editable ?? true) && unreadable === null;
  const handlersRef = useRef({
    insertFiles: (_files: File[], _at?: number): void => undefined,
    paste: (_clipboard: DataTransfer): boolean => false,
  });

  const editor = useEditor({
    extensions: [
      ...editorExtensions({
        mediaUrl: (mediaPath) => api.mediaUrl(mediaPath),
        // Stable (a memoised context callback), so the editor built once keeps the right one.
        onAddWord: options.onAddWord,
      }),
      Placeholder.configure({ placeholder: t('editor.bodyPlaceholder') }),
    ],
    content: article.body,
    editable,
    // Never load a body with parts silently dropped (TipTap's default); refuse to edit instead.
    // Checked when the stored body loads (an unknown node must not be dropped and then saved);
    // pastes are sanitised into the schema on purpose and insert with errorOnInvalidContent off.
    enableContentCheck: true,
    onContentError: ({ editor: failed, error }) => {
      blockedRef.current = true;
      failed.setEditable(false, false);
      const cause = error.cause instanceof Error ? error.cause.message : error.message;
      const detail = t('bodySafe.unknownPart', { detail: cause });
      queueMicrotask(() => setUnreadable((current) => current ?? detail));
    },
    shouldRerenderOnTransaction: false,
    // The CSP blocks TipTap's inline <style>; its rules ship in styles/prosemirror.css.
    injectCSS: false,
    editorProps: {
      attributes: { 'data-testid': 'editor-body', spellcheck: 'false', lang: 'vi' },
      handleDrop: (view, event) => {
        const files = Array.from(event.dataTransfer?.files ?? []);
        if (files.length === 0) return false;
        event.preventDefault();
        handlersRef.current.insertFiles(
          files,
          view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos,
        );
        return true;
      },
      // Before ProseMirror's own paste handler, which parses the whole clipboard HTML in one
      // task first (seconds for 2 MB): ours cleans and inserts it in pieces instead.
      handleDOMEvents: {
        paste: (view, event) => {
          const clipboard = event.clipboardData;
          if (!clipboard || view.composing || !view.editable) return false;
          const files = Array.from(clipboard.files);
          if (files.length > 0) {
            event.preventDefault();
            handlersRef.current.insertFiles(files);
            return true;
          }
          if (!handlersRef.current.paste(clipboard)) return false;
          event.preventDefault();
          return true;
        },
      },
    },
  });

  useEffect(() => {
    handlersRef.current.insertFiles = (files, at) => {
      if (!editor) return;
      void insertImageFiles(editor, api, files, at).then((errors) =>
        setNotice(
          errors.length > 0
            ? { kind: 'error', text: t('figure.insertFailed', { message: errors.join(' ') }) }
            : null,
        ),
      );
    };
    handlersRef.current.paste = (clipboard) => {
      if (!editor) return false;
      return pasteIntoEditor(editor, api, clipboard, (outcome: PasteOutcome) => {
        const parts = [...outcome.messages];
        if (outcome.legacy) {
          parts.unshift(t(`paste.converted.${outcome.legacy.encoding}`));
        }
        const undo = outcome.undoLegacy;
        setNotice(
          parts.length === 0
            ? null
            : {
                kind: outcome.legacy ? 'info' : 'error',
                text: parts.join(' '),
                ...(undo ? { action: { label: t('paste.undoConversion'), run: undo } } : {}),
              },
        );
      });
    };
  }, [api, editor, t]);

  const changeMeta = useCallback((patch: Partial<ArticleMeta>) => {
    if (blockedRef.current) return;
    metaRef.current = { ...metaRef.current, ...patch };
    setMeta(metaRef.current);
    autosaverRef.current?.changed();
  }, []);

  const changeTitle = useCallback((value: string) => {
    if (blockedRef.current) return;
    setTitle(value);
    autosaverRef.current?.changed();
  }, []);

  useEffect(() => {
    if (!editor) return;
    const autosaver = createAutosaver({
      onState: setSaveState,
      whenIdle: (run) => void whenIdle(run, 150),
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
    let cancelStats: (() => void) | null = null;
    const updateStats = (): void => {
      const text = editor.getText({ blockSeparator: '\n' });
      const json = editor.getJSON();
      // The same figure as the list, the history and the approval checklist: captions excluded.
      const words = bodyWordCount(json);
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
      // Same figures, same array: the fields panel does not re-render for typing.
      setFigures((current) => (sameFigures(current, found) ? current : found));
      setBody(json);
    };
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }): void => {
      if (!transaction.docChanged || blockedRef.current) return;
      autosaver.changed();
      if (statsTimer) clearTimeout(statsTimer);
      statsTimer = setTimeout(() => {
        cancelStats?.();
        cancelStats = whenIdle(updateStats, 1000);
      }, 400);
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
      cancelStats?.();
      autosaverRef.current = null;
      void autosaver.flush().finally(() => autosaver.dispose());
    };
  }, [api, article.id, editor]);

  // Stable, so the panels that take them are not re-rendered by every save.
  const insertFiles = useCallback((files: File[]) => handlersRef.current.insertFiles(files), []);
  const flush = useCallback(() => autosaverRef.current?.flush() ?? Promise.resolve(), []);
  const isPending = useCallback(() => autosaverRef.current?.pending ?? false, []);

  return {
    editor,
    titleRef,
    versionRef,
    meta,
    title,
    body,
    counts,
    figures,
    saveState,
    notice,
    setNotice,
    /** Why the stored body cannot be edited here, or null; the article is then read-only. */
    unreadable,
    changeMeta,
    changeTitle,
    insertFiles,
    flush,
    /** Whether typing has not reached the disk yet (a reload now would lose it). */
    isPending,
  };
}

/** The session's API as the editor layout uses it. */
export type ArticleSession = ReturnType<typeof useArticleSession>;
