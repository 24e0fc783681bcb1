import { useEffect, useMemo, useState } from 'react';

import { useApi } from '../../lib/ApiContext';
import { useCall } from '../../lib/useCall';

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
  const [version, setVersion] = useState(0);
  const queue = useCall('workflow.queue', { limit: 200 }, version).data;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('articles.changed', () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setVersion((n) => n + 1), 300);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [api]);
  return useMemo(
    () =>
      queue === null
        ? none
        : { ...queue.counts, ids: new Set(queue.waitingForMe.map((item) => item.id)) },
    [queue],
  );
}
