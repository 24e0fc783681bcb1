import { useEffect, useState } from 'react';

import { useApi } from '../../lib/ApiContext';

/** What waits for the signed-in person: counts for the sidebar and the ids the list flags. */
export interface Waiting {
  returnedToMe: number;
  waitingForMyReview: number;
  /** Articles waiting for this person (returned to them, or waiting for their review). */
  ids: ReadonlySet<string>;
}

const none: Waiting = { returnedToMe: 0, waitingForMyReview: 0, ids: new Set() };

/**
 * Reads the review queue's counts for the signed-in person and keeps them current: again after
 * any article changes (a return, a submit, an import). Failures leave the last figures.
 */
export function useWaiting(): Waiting {
  const api = useApi();
  const [waiting, setWaiting] = useState<Waiting>(none);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async (): Promise<void> => {
      const result = await api.call('workflow.queue', { limit: 200 });
      if (!live || !result.ok) return;
      setWaiting({
        ...result.value.counts,
        ids: new Set(result.value.waitingForMe.map((item) => item.id)),
      });
    };
    void load();
    const off = api.on('articles.changed', () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void load(), 300);
    });
    return () => {
      live = false;
      off();
      if (timer) clearTimeout(timer);
    };
  }, [api]);
  return waiting;
}
