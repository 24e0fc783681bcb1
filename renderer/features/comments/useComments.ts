import { useCallback, useEffect, useState } from 'react';

import type { ArticleComment } from '../../../shared/workflow/review';
import { callOrThrow, CallFailed } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { whenIdle } from '../../lib/idle';

/** A passage the user selected to comment on, in the editor's positions. */
export interface DraftAnchor {
  from: number;
  to: number;
  quote: string;
}

/**
 * The review comments of one article: loaded from the core (which finds every anchor again in
 * the saved body), reloaded when the article changes elsewhere (an imported bundle merges
 * comments) and after every action here.
 */
export function useComments(articleId: string) {
  const api = useApi();
  const [comments, setComments] = useState<ArticleComment[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async (): Promise<void> => {
    try {
      const next = await callOrThrow(api, 'comments.list', { articleId, includeResolved: true });
      // An autosave changes no comment: the same list keeps its identity (no re-render).
      setComments((current) =>
        current && JSON.stringify(current) === JSON.stringify(next) ? current : next,
      );
      setError(null);
    } catch (failure) {
      setError(failure instanceof CallFailed ? failure.message : String(failure));
    }
  }, [api, articleId]);

  useEffect(() => {
    void reload();
    let cancel: (() => void) | null = null;
    // After a save the list is asked for again when the page is idle, not between two keys.
    const off = api.on('articles.changed', (change) => {
      if (change.id !== articleId) return;
      cancel?.();
      cancel = whenIdle(() => void reload(), 2000);
    });
    return () => {
      off();
      cancel?.();
    };
  }, [api, articleId, reload]);

  /** Runs one comment action, then reloads; the core's message becomes `error` on failure. */
  const act = useCallback(
    async (run: () => Promise<unknown>): Promise<boolean> => {
      try {
        await run();
        await reload();
        return true;
      } catch (failure) {
        setError(failure instanceof CallFailed ? failure.message : String(failure));
        return false;
      }
    },
    [reload],
  );

  return {
    comments,
    error,
    clearError: () => setError(null),
    reload,
    add: (text: string, anchor: DraftAnchor | null) =>
      act(() =>
        callOrThrow(api, 'comments.add', {
          articleId,
          text,
          ...(anchor ? { anchor } : {}),
        }),
      ),
    resolve: (id: string) => act(() => callOrThrow(api, 'comments.resolve', { id })),
    reopen: (id: string) => act(() => callOrThrow(api, 'comments.reopen', { id })),
    remove: (id: string) => act(() => callOrThrow(api, 'comments.delete', { id })),
  };
}

/** The comments hook's API, as the panel uses it. */
export type CommentsModel = ReturnType<typeof useComments>;
