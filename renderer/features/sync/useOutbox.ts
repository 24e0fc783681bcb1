import { useEffect, useMemo, useState } from 'react';

import type { SyncItem } from '../../../shared/domain/sync';
import { openSyncStates } from '../../../shared/domain/sync';
import { useApi } from '../../lib/ApiContext';
import { useCall } from '../../lib/useCall';

interface LiveState {
  state: SyncItem['state'];
  done: number;
  total: number;
  message: string | null;
}

/**
 * The outbox's items and log, kept current by `sync.item` events: a known item's progress
 * updates in place at once; the list and log reload at most 4×/s.
 */
export function useOutbox(openOnly: boolean) {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const list = useCall(
    'sync.list',
    openOnly ? { states: [...openSyncStates], limit: 500 } : { limit: 500 },
    version,
  );
  const log = useCall('sync.log', { limit: 200 }, version);
  const [live, setLive] = useState<Record<string, LiveState>>({});

  useEffect(() => setLive({}), [list.data]);

  useEffect(() => {
    let timer: number | undefined;
    const off = api.on('sync.item', (payload) => {
      setLive((current) => ({ ...current, [payload.id]: payload }));
      if (timer === undefined) {
        timer = window.setTimeout(() => {
          timer = undefined;
          setVersion((n) => n + 1);
        }, 250);
      }
    });
    return () => {
      off();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [api]);

  const items = useMemo(
    () =>
      (list.data ?? []).map((item): SyncItem => {
        const now = live[item.id];
        if (!now) return item;
        return {
          ...item,
          state: now.state,
          progress: { done: now.done, total: now.total },
          lastError:
            now.message === null
              ? null
              : { code: item.lastError?.code ?? 'internal', message: now.message },
        };
      }),
    [list.data, live],
  );

  return {
    items,
    log: log.data ?? [],
    problem: list.error ?? log.error,
    reload: () => setVersion((n) => n + 1),
  };
}
