import { useCallback, useEffect, useRef, useState } from 'react';

import type { Lease } from '../../../shared/workflow/review';
import { useApi } from '../../lib/ApiContext';
import { useBeforeLeave } from '../auth/SessionContext';

/** How often an active editor renews the lease (only if they did something since). */
export const heartbeatMs = 60_000;
/** How often a read-only viewer checks whether the holder has let go. */
export const watchMs = 15_000;

/** The lease as the editor sees it. */
export type LeaseState =
  /** Not asked (the article cannot be edited anyway) or still asking. */
  { kind: 'none' } | { kind: 'mine'; lease: Lease } | { kind: 'other'; lease: Lease };

/**
 * The editing lease of an open article (WordPress's post lock): taken when the article opens for
 * editing, renewed while the user is active (so an idle holder's lease lapses), given back when
 * the article closes or the seat changes hands. When someone else holds it, the viewer watches
 * it and hears when it is free (`onFree`, to reload the text and edit).
 */
export function useArticleLease(articleId: string, wanted: boolean, onFree: () => void) {
  const api = useApi();
  const [state, setState] = useState<LeaseState>({ kind: 'none' });
  const [answered, setAnswered] = useState(false);
  const activeSince = useRef(false);
  const held = useRef(false);
  const onFreeRef = useRef(onFree);
  useEffect(() => {
    onFreeRef.current = onFree;
  }, [onFree]);

  const acquire = useCallback(async (): Promise<void> => {
    const result = await api.call('locks.acquire', { articleId });
    if (!result.ok) return;
    held.current = result.value.acquired;
    setState({ kind: result.value.acquired ? 'mine' : 'other', lease: result.value.lease });
  }, [api, articleId]);

  const release = useCallback(async (): Promise<void> => {
    if (!held.current) return;
    held.current = false;
    await api.call('locks.release', { articleId });
  }, [api, articleId]);

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    setAnswered(false);
    void acquire().finally(() => live && setAnswered(true));
    return () => {
      live = false;
      setState({ kind: 'none' });
      void release();
    };
  }, [acquire, release, wanted]);

  useBeforeLeave(release, 'release');

  // Renew while the user works; a lease nobody renews lapses after the newsroom's idle limit.
  useEffect(() => {
    if (state.kind !== 'mine') return;
    const timer = setInterval(() => {
      if (!activeSince.current) return;
      activeSince.current = false;
      void acquire();
    }, heartbeatMs);
    return () => clearInterval(timer);
  }, [acquire, state.kind]);

  // Watch someone else's lease until it is given back or lapses.
  useEffect(() => {
    if (state.kind !== 'other') return;
    const timer = setInterval(() => {
      void api.call('locks.get', { articleId }).then((result) => {
        if (result.ok && (result.value === null || result.value.mine))
          void acquire().then(() => onFreeRef.current());
      });
    }, watchMs);
    return () => clearInterval(timer);
  }, [acquire, api, articleId, state.kind]);

  return {
    state: wanted ? state : ({ kind: 'none' } as LeaseState),
    /** False until the first answer, so the editor does not open editable by mistake. */
    ready: !wanted || answered,
    /** Marks user activity (keys, clicks) for the next renewal. */
    touch: useCallback(() => {
      activeSince.current = true;
    }, []),
    /** An editor takes the lease over (recorded in the audit trail). */
    takeOver: useCallback(
      async (note: string) => {
        const result = await api.call('locks.takeOver', { articleId, note });
        if (!result.ok) return result.error.message;
        held.current = true;
        setState({ kind: 'mine', lease: result.value });
        return null;
      },
      [api, articleId],
    ),
  };
}
